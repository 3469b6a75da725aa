// The county administrator's audit log viewer: filters, paging links, CSV export, an
// impossible date answered next to its field, and no accessibility violations.
import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { staffSignIn } from "./helpers";

test("the county administrator reads, filters and exports the audit log", async ({ page, javaScriptEnabled }) => {
  await staffSignIn(page, "admin.county");
  await page.goto("/staff/admin/audit");
  await expect(page.getByRole("heading", { level: 1, name: "审计日志" })).toBeVisible();
  // The administrator's own sign-in is there, with role and jurisdiction.
  const signIn = page.getByRole("row").filter({ hasText: "signin.staff" }).filter({ hasText: "admin.county" }).first();
  await expect(signIn).toBeVisible();

  await page.locator("#f-action").selectOption("signin.staff");
  await page.getByRole("button", { name: "筛选" }).click();
  await expect(page).toHaveURL(/action=signin\.staff/);
  const rows = page.locator("tbody tr");
  await expect(rows.first()).toBeVisible();
  for (const text of await rows.locator("td:nth-child(3)").allTextContents()) expect(text).toBe("signin.staff");

  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "导出 CSV" }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^audit-\d{4}-\d{2}-\d{2}\.csv$/);

  if (javaScriptEnabled) {
    const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
    expect(results.violations).toEqual([]);
  }

  await page.goto("/staff/admin/audit?from=2026-02-30");
  await expect(page.locator("#f-from-error")).toContainText("请按“年-月-日”填写日期");
  await expect(page.getByRole("alert")).toBeVisible();
});

test("other staff are refused", async ({ page }) => {
  await staffSignIn(page, "reviewer.fengshan");
  const response = await page.goto("/staff/admin/audit");
  expect(response?.status()).toBe(403);
});
