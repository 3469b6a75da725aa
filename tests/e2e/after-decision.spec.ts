// What can happen after submission besides review: the applicant withdraws an undecided
// case; a reviewer revokes an issued certificate, and the public check then says so.
import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { familyAnswers, mismatchingFamilyAnswers } from "../../app/services/birth-registration/examples";
import { CERTIFICATE_CODE, familyIndex, fileApplication, outboxMessages, signUp, staffSignIn } from "./helpers";

test("the applicant withdraws an undecided case", async ({ page }, testInfo) => {
  const citizen = await signUp(page, "撤回测");
  const { ref } = await fileApplication(page, mismatchingFamilyAnswers(familyIndex(testInfo, 42), citizen.phone));
  await page.goto(`/applications/${ref}`);
  await page.getByText("撤回申请").click();
  await page.getByRole("button", { name: "确认撤回" }).click();
  await expect(page.getByTestId("status")).toHaveText("已撤回");
  await expect(page.getByRole("main")).toContainText("申请人撤回");
  expect((await outboxMessages(page.context(), citizen.phone))[0]).toContain("已撤回");
  await expect(page.getByText("撤回申请")).toHaveCount(0);
});

test("a reviewer revokes a certificate; the public check and the applicant see it", async ({ page, browser }, testInfo) => {
  const citizen = await signUp(page, "撤销测");
  const { ref } = await fileApplication(page, familyAnswers(familyIndex(testInfo, 44), citizen.phone));
  await expect(page.getByTestId("status")).toHaveText("已办结");
  const code = CERTIFICATE_CODE.exec((await page.getByRole("main").textContent()) ?? "")![0];

  const staffContext = await browser.newContext();
  const staff = await staffContext.newPage();
  await staffSignIn(staff, "reviewer.fengshan");
  await staff.goto(`/staff/applications/${ref}`);
  await staff.getByRole("button", { name: "撤销凭证" }).click();
  await expect(staff.locator("#f-revokeNote-error")).toHaveText("请填写撤销原因");
  expect((await new AxeBuilder({ page: staff }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze()).violations).toEqual([]);
  await staff.locator("#f-revokeNote").fill("登记信息有误，重新办理");
  await staff.getByRole("button", { name: "撤销凭证" }).click();
  await staff.waitForURL(/[?&]done=revoke$/);
  await expect(staff.getByRole("main")).toContainText("凭证已撤销");
  await staffContext.close();

  await page.goto(`/verify/${code}`);
  await expect(page.getByTestId("verify-result")).toHaveAttribute("data-result", "revoked");
  await page.goto(`/applications/${ref}`);
  await expect(page.getByRole("main")).toContainText("电子凭证已被撤销");
  await expect(page.getByRole("main")).toContainText("登记信息有误，重新办理");
  await expect(page.getByRole("link", { name: "下载电子凭证（PDF）" })).toHaveCount(0);
  expect((await outboxMessages(page.context(), citizen.phone))[0]).toContain("撤销");
});
