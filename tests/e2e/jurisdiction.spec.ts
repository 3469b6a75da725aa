// Staff see only the cases of their own jurisdiction: a 白马镇 reviewer gets "not found" for a
// 凤山街道 case and does not see it in the queue; the county administrator sees it.
import { expect, test } from "@playwright/test";
import { mismatchingFamilyAnswers } from "../../app/services/birth-registration/examples";
import { fileApplication, signUp, staffSignIn } from "./helpers";

test("a case is visible only inside its jurisdiction", async ({ page, browser }) => {
  await signUp(page, "赵测试");
  // A mismatch keeps the case open (审核中) at 凤山街道.
  const { ref } = await fileApplication(page, mismatchingFamilyAnswers(48));
  await expect(page.getByTestId("status")).toHaveText("审核中");
  const caseUrl = `/staff/applications/${ref}`;

  await test.step("reviewer.baima (白马镇): not found, not in the queue", async () => {
    const context = await browser.newContext();
    const staff = await context.newPage();
    await staffSignIn(staff, "reviewer.baima");
    await expect(staff.getByRole("main")).toContainText("白马镇");
    await expect(staff.getByRole("link", { name: ref })).toHaveCount(0);
    for (const status of ["", "in_review"]) {
      await staff.goto(`/staff/queue${status ? `?status=${status}` : ""}`);
      await expect(staff.getByRole("heading", { level: 1 })).toHaveText("待办件");
      await expect(staff.getByRole("link", { name: ref })).toHaveCount(0);
    }
    const response = await staff.goto(caseUrl);
    expect(response?.status()).toBe(404);
    await expect(staff.getByRole("main")).not.toContainText(ref);
    await expect(staff.getByRole("main")).not.toContainText("张丽华");
    // Nor the certificate or anything below the case.
    expect((await staff.request.get(`${caseUrl}/certificate.pdf`)).status()).toBe(404);
    await context.close();
  });

  await test.step("reviewer.fengshan (凤山街道) sees it", async () => {
    const context = await browser.newContext();
    const staff = await context.newPage();
    await staffSignIn(staff, "reviewer.fengshan");
    await expect(staff.getByRole("link", { name: ref, exact: true })).toBeVisible();
    await context.close();
  });

  await test.step("admin.county sees it in the queue and can open it", async () => {
    const context = await browser.newContext();
    const staff = await context.newPage();
    await staffSignIn(staff, "admin.county");
    await staff.getByRole("link", { name: ref, exact: true }).click();
    await staff.waitForURL(`**${caseUrl}`);
    await expect(staff.getByRole("heading", { level: 1 })).toHaveText(ref);
    await expect(staff.getByTestId("status")).toHaveText("审核中");
    await context.close();
  });
});
