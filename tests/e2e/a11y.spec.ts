// Accessibility: axe (WCAG 2.0/2.1 A and AA rules) on the main pages of the citizen's and the
// staff's journeys, and the document language.
import AxeBuilder from "@axe-core/playwright";
import { expect, type Page, test } from "@playwright/test";
import { mismatchingFamilyAnswers } from "../../app/services/birth-registration/examples";
import { expectStep, fillFormSteps, saveAndContinue, signUp, startApplication, staffSignIn, submitFromReview, uploadMaterials } from "./helpers";

const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

/** Runs axe on the page as it is; each page's violations are reported, then the test fails. */
async function checkPage(page: Page, label: string) {
  const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  const report = results.violations
    .map((violation) =>
      [
        `  ${violation.id} [${violation.impact ?? "?"}] ${violation.help} (${violation.helpUrl})`,
        ...violation.nodes.map((node) => `    at ${node.target.join(" ")}: ${(node.failureSummary ?? "").replace(/\s*\n\s*/g, " ")}`),
      ].join("\n"),
    )
    .join("\n");
  expect.soft(results.violations, `${label} (${page.url()}) has accessibility violations:\n${report}`).toEqual([]);
}

test.describe("accessibility", () => {
  test.skip(({ javaScriptEnabled }) => !javaScriptEnabled, "axe needs JavaScript in the page");

  test("public and citizen pages", async ({ page }) => {
    for (const [path, label] of [
      ["/", "home"],
      ["/services/birth-registration", "start page"],
      ["/signup", "sign-up"],
      ["/login", "sign-in"],
      ["/staff/login", "staff sign-in"],
      ["/verify", "verify form"],
      ["/verify/AAAAAAAAAAAAAAAAAAAAAAAA", "verify result"],
      ["/no/such/page", "not-found page"],
    ] as const) {
      await page.goto(path);
      await checkPage(page, label);
    }

    await signUp(page, "周测试");
    await checkPage(page, "my applications");
    await startApplication(page);
    await saveAndContinue(page);
    await expect(page.getByRole("alert").filter({ hasText: "请修改以下问题" })).toBeVisible();
    await checkPage(page, "form step with errors");

    await fillFormSteps(page, mismatchingFamilyAnswers(49));
    await expectStep(page, "materials");
    await checkPage(page, "materials step");
    await uploadMaterials(page);
    await checkPage(page, "review page");
    const ref = await submitFromReview(page);
    await checkPage(page, "confirmation");
    await page.goto(`/applications/${ref}`);
    await expect(page.getByTestId("status")).toHaveText("审核中");
    await checkPage(page, "status page");

    await test.step("staff pages", async () => {
      const context = await page.context().browser()!.newContext();
      const staff = await context.newPage();
      await staffSignIn(staff, "reviewer.fengshan");
      await checkPage(staff, "staff queue");
      await staff.getByRole("link", { name: ref, exact: true }).click();
      await staff.waitForURL(`**/staff/applications/${ref}`);
      await expect(staff.getByTestId("comparison-result")).toBeVisible();
      await checkPage(staff, "staff case page");
      // With the decision form's error shown.
      await staff.getByRole("button", { name: "退回补正" }).click();
      await expect(staff.locator("#f-note-error")).toBeVisible();
      await checkPage(staff, "staff case page with errors");
      await context.close();
    });
  });

  test("an unknown address answers 404 in both languages, since no translation is loaded", async ({ page }) => {
    const response = await page.goto("/no/such/page");
    expect(response?.status()).toBe(404);
    await expect(page.locator('main [lang="zh-CN"] h1')).toHaveText("页面不存在");
    await expect(page.locator('main [lang="en"] h1')).toHaveText("Page not found");
    await expect(page).toHaveTitle(/页面不存在/);
  });

  test("the document language follows the chosen language", async ({ page }) => {
    await page.goto("/");
    await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("生育服务一网通办");
    await page.goto("/?lng=en");
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await checkPage(page, "home (English)");
    // The choice is remembered (cookie) on the next page.
    await page.goto("/services/birth-registration");
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await page.goto("/?lng=zh-CN");
    await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
  });
});
