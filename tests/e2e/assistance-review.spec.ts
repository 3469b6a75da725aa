import { expect, test, type Browser, type Page } from "@playwright/test";
import { rewardApplicant, rewardValid, type RewardAnswers } from "../../app/services/reward-assistance/examples";
import { exampleBankCard, exampleId, patched } from "../../app/services/shared/examples";
import { pdfTextCompact } from "../support/pdf";
import { fillFields, saveAndContinue, signUp, staffSignIn, tinyPdf, tinyPng } from "./helpers";

// 奖励扶助 through its whole chain: the village's first review, the township's review, a
// public notice at the village with an objection that blocks approval until it is resolved,
// the county's approval, and the payment roll. Other villages' staff never see the case, and
// the bank account is never in a page unmasked.

/** Each project files for its own couple: one person holds one live award per scheme. */
function coupleFor(project: string): RewardAnswers {
  const serial = { "no-js": 81, js: 91 }[project] ?? 131;
  return patched(rewardValid, {
    applicant: { idNumber: exampleId(rewardValid.applicant.birthDate, "male", serial) },
    spouse: { idNumber: exampleId(rewardValid.spouse!.birthDate, "female", serial + 1) },
  });
}

const childValues = (answers: RewardAnswers) =>
  Object.fromEntries(answers.childrenDetails!.children.flatMap((child, index) => Object.entries(child).map(([key, value]) => [`children[${index}].${key}`, value])));

async function fileClaim(page: Page, answers: RewardAnswers): Promise<string> {
  await signUp(page, "冉测审");
  await page.goto("/services/reward-assistance");
  await page.getByRole("button", { name: "开始办理" }).click();
  for (const step of ["applicant", "spouse", "children", "childrenDetails", "declaration", "payment"] as const) {
    await page.waitForURL((url) => url.pathname.endsWith(`/${step}`));
    await fillFields(page, step === "childrenDetails" ? childValues(answers) : answers[step]!);
    await saveAndContinue(page);
  }
  await page.waitForURL((url) => url.pathname.endsWith("/materials"));
  for (const [index, key] of ["applicantIdCard", "spouseIdCard", "hukouBooklet"].entries()) {
    await page.locator(`input[type=file][name="${key}"]`).setInputFiles(index % 2 ? tinyPdf(`${key}.pdf`) : tinyPng(`${key}.png`));
  }
  await saveAndContinue(page);
  await page.waitForURL((url) => url.pathname.endsWith("/review"));
  await page.locator("#f-declaration").check();
  await page.getByRole("button", { name: "提交申请" }).click();
  await page.waitForURL(/\/applications\/WL-JF-\d{4}-\d{6}\?submitted=1$/);
  return /\/applications\/([^?]+)/.exec(page.url())![1];
}

async function staffPage(browser: Browser, javaScriptEnabled: boolean, username: string): Promise<Page> {
  const context = await browser.newContext({ javaScriptEnabled });
  const page = await context.newPage();
  await staffSignIn(page, username);
  return page;
}

async function decide(page: Page, ref: string, stageAfter: RegExp | null) {
  await page.goto(`/staff/applications/${ref}`);
  await page.getByRole("button", { name: "审核通过" }).click();
  await page.waitForURL(/\?done=approve$/);
  await expect(page.getByRole("status")).toContainText("已审核通过");
  if (stageAfter) await expect(page.getByTestId("stage")).toContainText(stageAfter);
}

async function moveClock(page: Page, days: number | "reset") {
  await page.goto("/dev/clock");
  if (days === "reset") await page.getByRole("button", { name: "恢复真实时间" }).click();
  else {
    await page.locator("#days").fill(String(days));
    await page.getByRole("button", { name: "拨动时钟" }).click();
  }
  await page.waitForURL(/\/dev\/clock$/);
}

test("a reward claim goes village → township → public notice → county, an objection holds it until resolved, and it lands on the payment roll", async ({ page, browser, javaScriptEnabled }, testInfo) => {
  test.setTimeout(180_000);
  const answers = coupleFor(testInfo.project.name);
  const ref = await fileClaim(page, answers);
  const bankAccount = answers.payment.accountNumber;
  expect(bankAccount).toBe(exampleBankCard);

  await test.step("staff of another village, and the township before the village, cannot decide it", async () => {
    const otherVillage = await staffPage(browser, javaScriptEnabled, "village.xinshu");
    const reply = await otherVillage.goto(`/staff/applications/${ref}`);
    expect(reply?.status()).toBe(404);
    await otherVillage.goto("/staff/queue");
    await expect(otherVillage.getByRole("main")).not.toContainText(ref);
    await otherVillage.context().close();

    const township = await staffPage(browser, javaScriptEnabled, "reviewer.huangying");
    await township.goto(`/staff/applications/${ref}`);
    await expect(township.getByTestId("stage")).toContainText("村（社区）初审");
    await expect(township.getByRole("button", { name: "审核通过" })).toHaveCount(0);
    await expect(township.getByRole("main")).toContainText("本件当前在其他审核环节");
    await township.context().close();
  });

  await test.step("the village approves; the bank account shows masked", async () => {
    const village = await staffPage(browser, javaScriptEnabled, "village.shuanghe");
    await village.goto(`/staff/applications/${ref}`);
    expect(await village.content()).not.toContain(bankAccount);
    await decide(village, ref, /乡镇（街道）审核/);
    await village.context().close();
  });

  await test.step("the township approves: the case goes on public notice at the village", async () => {
    const township = await staffPage(browser, javaScriptEnabled, "reviewer.huangying");
    await decide(township, ref, /公示/);
    expect(await township.content()).not.toContain(bankAccount);
    await township.context().close();
  });

  const county = await staffPage(browser, javaScriptEnabled, "admin.county");
  try {
    await test.step("a resident objects on the public notice board; the name shows masked", async () => {
      await page.goto("/notices");
      const row = page.getByTestId("notice-row").filter({ hasText: "冉**" }).first();
      await expect(row).toBeVisible();
      await expect(page.getByRole("main")).not.toContainText(rewardApplicant.name);
      await row.getByRole("link").click();
      await page.locator("#f-name").fill("邻居");
      await page.locator("#f-contact").fill("13800000999");
      await page.locator("#f-text").fill("据我所知他家还有一个儿子。");
      await page.getByRole("button", { name: "提交异议" }).click();
      await expect(page.getByRole("main")).toContainText("异议已收到");
    });

    await test.step("after the notice period the county sees the open objection and cannot approve", async () => {
      await moveClock(county, 8);
      await county.goto(`/staff/applications/${ref}`);
      await expect(county.getByTestId("stage")).toContainText("区县审批");
      await expect(county.getByRole("main")).toContainText("1 条异议待处理");
      // The permission module refuses approval while an objection is open: no button is offered.
      await expect(county.getByRole("button", { name: "审核通过" })).toHaveCount(0);
    });

    await test.step("the objection is dismissed with a note, then the county approves and an award starts", async () => {
      const objection = county.getByTestId("objection");
      await objection.getByLabel("异议不成立").check();
      await objection.locator("textarea").fill("经村委会核实，其子为侄子，异议不成立。");
      await objection.getByRole("button", { name: "记录处理结果" }).click();
      await county.waitForURL(/done=resolve_objection$/);
      await decide(county, ref, null);
      await expect(county.getByTestId("status")).toContainText("已办结");
      // Husband and wife apply together: one award each, at the scheme's yearly rate.
      await expect(county.getByTestId("award")).toHaveCount(2);
      await expect(county.getByTestId("award").first()).toContainText("每年 1200.00 元");
      expect(await county.content()).not.toContain(bankAccount);
    });

    await test.step("the resident gets the approval letter (审批结果通知书), verifiable, with the ID number masked", async () => {
      await page.goto(`/applications/${ref}`);
      const link = page.getByRole("link", { name: /PDF/ });
      const href = await link.getAttribute("href");
      const pdf = await page.request.get(href!);
      expect(pdf.headers()["content-type"]).toContain("application/pdf");
      const body = await pdf.body();
      await testInfo.attach("approval-letter.pdf", { body, contentType: "application/pdf" });
      const text = pdfTextCompact(body);
      expect(text).toContain("审批结果通知书");
      expect(text).toContain("农村部分计划生育家庭奖励扶助");
      // The county approves awards: its office issues the letter.
      expect(text).toContain("重庆市武隆区卫生健康委员会");
      expect(text).toContain(ref);
      expect(text).not.toContain(answers.applicant.idNumber);
      expect(text).not.toContain(bankAccount);
    });

    await test.step("the payment roll lists the award with the bank account masked", async () => {
      await county.goto("/staff/payments");
      await county.locator("#f-service").selectOption("reward-assistance");
      await county.locator("#f-period").fill(String(new Date().getUTCFullYear() + 1));
      await county.getByRole("button", { name: "预览" }).click();
      await expect(county.getByRole("main")).toContainText(/将列入 [1-9]\d* 人次/);
      expect(await county.content()).not.toContain(bankAccount);
    });
  } finally {
    await moveClock(county, "reset");
    await county.context().close();
  }
});
