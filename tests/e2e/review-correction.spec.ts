// A mismatching application goes to the township reviewer, who returns it for one field;
// the citizen corrects that field only and resubmits; the reviewer sees the change and approves.
import { expect, test } from "@playwright/test";
import { demoFamily, mismatchingFamilyAnswers } from "../../app/services/birth-registration/examples";
import { familyIndex, fileApplication, outboxMessages, signUp, staffSignIn } from "./helpers";

const RETURN_NOTE = "结婚证字号与民政登记信息不一致，请对照结婚证核对。";
const FIELD_NOTE = "请按结婚证内页的字号填写";

test("a mismatching application is returned, corrected and then approved", async ({ page, browser }, testInfo) => {
  const citizen = await signUp(page, "李测试");
  const family = familyIndex(testInfo, 46);
  // Status messages go to the application's contact phone: the citizen's own fresh number here.
  const answers = mismatchingFamilyAnswers(family, citizen.phone);
  const demoMarriage = demoFamily(family).marriage;
  const mismatchedMarriageCertNo = answers.marriage.marriageCertNo;
  const { id, ref } = await fileApplication(page, answers);
  await expect(page.getByTestId("status")).toHaveText("审核中");
  expect((await outboxMessages(page.context(), citizen.phone))[0]).toContain(ref);

  const staffContext = await browser.newContext();
  const staff = await staffContext.newPage();
  const caseUrl = `/staff/applications/${ref}`;

  await test.step("the reviewer sees the case and the differences", async () => {
    await staffSignIn(staff, "reviewer.fengshan");
    await staff.getByRole("link", { name: ref, exact: true }).click();
    await staff.waitForURL(`**${caseUrl}`);
    await expect(staff.getByTestId("status")).toHaveText("审核中");
    await expect(staff.getByTestId("comparison-result")).toHaveText(/不一致/);
    const diffs = staff.getByTestId("comparison-diff");
    // The certificate number differs on the woman's and on the man's record.
    await expect(diffs).toHaveCount(2);
    for (const row of await diffs.all()) {
      await expect(row).toContainText("结婚证字号");
      await expect(row).toContainText(mismatchedMarriageCertNo);
      await expect(row).toContainText(demoMarriage.marriageCertNo);
    }
  });

  await test.step("rejecting without a reason is refused", async () => {
    await staff.getByRole("button", { name: "不予通过" }).click();
    await expect(staff.locator("#f-note-error")).toHaveText("不予通过时请填写原因");
    await expect(staff.locator("#f-note")).toHaveAttribute("aria-describedby", /f-note-error/);
    await expect(staff.getByRole("alert")).toContainText("请修改以下问题");
    await expect(staff.getByTestId("status")).toHaveText("审核中");
  });

  await test.step("the reviewer returns it, flagging the certificate number", async () => {
    await staff.locator("#f-note").fill(RETURN_NOTE);
    await staff.locator("details summary", { hasText: "婚姻信息" }).click();
    await staff.locator("#fix-marriage_marriageCertNo").check();
    await staff.locator("#fix-marriage_marriageCertNo-note").fill(FIELD_NOTE);
    await staff.getByRole("button", { name: "退回补正" }).click();
    await staff.waitForURL(/[?&]done=return$/);
    await expect(staff.getByTestId("status")).toHaveText("待补正");
  });

  await test.step("the citizen is told and corrects only that field", async () => {
    const sms = (await outboxMessages(page.context(), citizen.phone))[0];
    expect(sms).toContain(ref);
    expect(sms).toContain("需要补正");

    await page.goto(`/applications/${ref}`);
    await expect(page.getByTestId("status")).toHaveText("待补正");
    await expect(page.getByRole("main")).toContainText(RETURN_NOTE);
    await page.getByRole("main").getByRole("link", { name: "去补正" }).click();
    await page.waitForURL(`**/apply/${id}/correct`);

    const flagged = page.getByTestId("flagged-field");
    await expect(flagged).toHaveCount(1);
    await expect(flagged).toContainText(FIELD_NOTE);
    await expect(page.getByRole("main")).toContainText(RETURN_NOTE);
    const input = flagged.locator('[name="marriageCertNo"]');
    await expect(input).toHaveValue(mismatchedMarriageCertNo);
    // Only the flagged field can be changed.
    await expect(page.locator('main form [name="marriageDate"], main form [name="idNumber"], main form [name="name"]')).toHaveCount(0);

    await input.fill(demoMarriage.marriageCertNo);
    await page.locator("#f-declaration").check();
    await page.getByRole("button", { name: "重新提交" }).click();
    await page.waitForURL(`**/applications/${ref}?resubmitted=1`);
    await expect(page.getByTestId("status")).toHaveText("审核中");
  });

  await test.step("the reviewer sees the change and approves", async () => {
    await staff.goto(caseUrl);
    await expect(staff.getByTestId("status")).toHaveText("审核中");
    await expect(staff.getByTestId("changes").filter({ hasText: "改为" })).toContainText(
      `结婚证字号：由“${mismatchedMarriageCertNo}”改为“${demoMarriage.marriageCertNo}”`,
    );
    // The comparison is run again on the corrected answers.
    await expect(staff.getByTestId("comparison-result")).toHaveText("填报信息与部门登记信息一致");
    await expect(staff.getByTestId("comparison-diff")).toHaveCount(0);
    await staff.getByRole("button", { name: "审核通过" }).click();
    await staff.waitForURL(/[?&]done=approve$/);
    await expect(staff.getByTestId("status")).toHaveText("已办结");
  });

  await test.step("the citizen sees the result", async () => {
    const sms = (await outboxMessages(page.context(), citizen.phone))[0];
    expect(sms).toContain(ref);
    expect(sms).toContain("已办结");
    await page.goto(`/applications/${ref}`);
    await expect(page.getByTestId("status")).toHaveText("已办结");
    await expect(page.getByRole("link", { name: "下载电子凭证（PDF）" })).toHaveAttribute("href", `/applications/${ref}/certificate.pdf`);
  });

  await staffContext.close();
});
