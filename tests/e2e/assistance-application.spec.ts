import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { rewardValid, type RewardAnswers } from "../../app/services/reward-assistance/examples";
import { exampleBadBankCard, exampleId, patched } from "../../app/services/shared/examples";
import { childcareValid } from "../../app/services/childcare-subsidy/examples";
import { fillFields, saveAndContinue, signUp, tinyPdf, tinyPng } from "./helpers";

// A resident applies for 奖励扶助 and 育儿补贴 through the generic steps: the family's
// children in groups, the village chosen under its township, the bank card checked.

const TITLES: Record<string, string> = {
  applicant: "申请人信息",
  spouse: "配偶信息",
  children: "子女情况",
  childrenDetails: "子女信息",
  declaration: "生育情况声明",
  payment: "收款账户",
  child: "孩子信息",
  materials: "上传材料",
  review: "核对您的信息",
};

async function onStep(page: Page, step: string) {
  await page.waitForURL((url) => url.pathname.endsWith(`/${step}`));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(TITLES[step]);
}

/** Each project files for its own couple: one person holds one live award per scheme. */
function coupleFor(project: string): RewardAnswers {
  const serial = { "no-js": 61, js: 71 }[project] ?? 111;
  return patched(rewardValid, {
    applicant: { idNumber: exampleId(rewardValid.applicant.birthDate, "male", serial) },
    spouse: { idNumber: exampleId(rewardValid.spouse!.birthDate, "female", serial + 1) },
  });
}

const childValues = (answers: RewardAnswers) =>
  Object.fromEntries(answers.childrenDetails!.children.flatMap((child, index) => Object.entries(child).map(([key, value]) => [`children[${index}].${key}`, value])));

test("a rural couple applies for reward assistance; a card with a wrong check digit is refused next to the field", async ({ page }, testInfo) => {
  const answers = coupleFor(testInfo.project.name);
  await signUp(page, "冉测试");
  await page.goto("/services/reward-assistance");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("农村部分计划生育家庭奖励扶助");
  await page.getByRole("button", { name: "开始办理" }).click();

  for (const step of ["applicant", "spouse", "children", "childrenDetails", "declaration"] as const) {
    await onStep(page, step);
    await fillFields(page, step === "childrenDetails" ? childValues(answers) : answers[step]!);
    await saveAndContinue(page);
  }

  await test.step("the payment step refuses a card number whose check digit is wrong, keeping what was typed", async () => {
    await onStep(page, "payment");
    await fillFields(page, { ...answers.payment, accountNumber: exampleBadBankCard });
    await saveAndContinue(page);
    await expect(page.locator("#f-accountNumber-error")).toContainText("校验位不正确");
    await expect(page.locator("#f-accountNumber")).toHaveValue(exampleBadBankCard);
    await fillFields(page, { accountNumber: answers.payment.accountNumber });
    await saveAndContinue(page);
  });

  await onStep(page, "materials");
  for (const [index, key] of ["applicantIdCard", "spouseIdCard", "hukouBooklet"].entries()) {
    await page.locator(`input[type=file][name="${key}"]`).setInputFiles(index % 2 ? tinyPdf(`${key}.pdf`) : tinyPng(`${key}.png`));
  }
  await saveAndContinue(page);

  await onStep(page, "review");
  await expect(page.getByText("冉小燕")).toBeVisible();
  await page.locator("#f-declaration").check();
  await page.getByRole("button", { name: "提交申请" }).click();
  await page.waitForURL(/\/applications\/WL-JF-\d{4}-\d{6}\?submitted=1$/);
});

test("childcare subsidy: the child's steps, and a mother's form refusing a father's ID number", async ({ page }, testInfo) => {
  const serial = testInfo.project.name === "no-js" ? 81 : 91;
  const answers = patched(childcareValid, { child: { idNumber: exampleId(childcareValid.child.birthDate, "female", serial) } });
  await signUp(page, "杨测试");
  await page.goto("/services/childcare-subsidy");
  await page.getByRole("button", { name: "开始办理" }).click();

  await onStep(page, "applicant");
  await fillFields(page, { ...answers.applicant, idNumber: exampleId(answers.applicant.birthDate, "male", 3) });
  await saveAndContinue(page);
  await expect(page.locator("#f-relationship-error")).toContainText("性别不一致");
  await fillFields(page, { idNumber: answers.applicant.idNumber });
  await saveAndContinue(page);

  for (const step of ["child", "payment"] as const) {
    await onStep(page, step);
    await fillFields(page, answers[step]);
    await saveAndContinue(page);
  }
  await onStep(page, "materials");
  for (const key of ["applicantIdCard", "birthMedicalCertificate", "hukouBooklet"]) await page.locator(`input[type=file][name="${key}"]`).setInputFiles(tinyPng(`${key}.png`));
  await saveAndContinue(page);
  await onStep(page, "review");
  await page.locator("#f-declaration").check();
  await page.getByRole("button", { name: "提交申请" }).click();
  await page.waitForURL(/\/applications\/WL-YE-\d{4}-\d{6}\?submitted=1$/);
});

test("axe finds nothing on the start page, the children's groups with errors and the payment step", async ({ page }, testInfo) => {
  test.skip(testInfo.project.name === "no-js", "axe needs JavaScript in the page");
  test.setTimeout(240_000);
  const axe = async (label: string) => {
    const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
    expect.soft(results.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(" ")).join(", ")}`), label).toEqual([]);
  };
  const answers = coupleFor("axe");
  await page.goto("/services/special-assistance");
  await axe("start page");
  await signUp(page, "刘测试");
  await page.goto("/services/reward-assistance");
  await page.getByRole("button", { name: "开始办理" }).click();
  for (const step of ["applicant", "spouse", "children"] as const) {
    await onStep(page, step);
    await fillFields(page, answers[step]!);
    await saveAndContinue(page);
  }
  await onStep(page, "childrenDetails");
  await saveAndContinue(page);
  await expect(page.locator('[id="f-children[0].name-error"], [id^="f-children"][id$="-error"]').first()).toBeVisible();
  await axe("children's groups with errors");
  await fillFields(page, childValues(answers));
  await saveAndContinue(page);
  await onStep(page, "declaration");
  await fillFields(page, answers.declaration);
  await saveAndContinue(page);
  await onStep(page, "payment");
  await axe("payment step");
});
