// Errors are shown next to the field and in the summary at the top, and nothing typed is lost.
import { expect, type Page, test } from "@playwright/test";
import { invalidIdNumbers, matchingAnswers } from "../../app/services/birth-registration/examples";
import { expectFields, expectStep, fillFields, fillFormSteps, saveAndContinue, signUp, startApplication, tinyPdf, tinyPng } from "./helpers";

/** The field's own error text and the summary's link to it. */
async function expectFieldError(page: Page, field: string, message: string) {
  await expect(page.locator(`#f-${field}-error`)).toHaveText(`错误：${message}`);
  await expect(page.locator(`#f-${field}`)).toHaveAttribute("aria-invalid", "true");
  const summary = page.getByRole("alert").filter({ hasText: "请修改以下问题" });
  await expect(summary).toBeVisible();
  await expect(summary.getByRole("link", { name: message })).toHaveAttribute("href", `#f-${field}`);
}

test("a bad ID number on the woman's step: message by the field and in the summary, values kept", async ({ page }) => {
  await signUp(page, "钱测试");
  await startApplication(page);
  const woman = { ...matchingAnswers.woman, residentSince: "2020-01-01" };

  const cases = [
    { idNumber: invalidIdNumbers.badChecksum, message: "身份证号码校验位不正确，请逐位核对" },
    { idNumber: invalidIdNumbers.legacy15, message: "这是 15 位旧身份证号码，请输入现在使用的 18 位号码" },
  ];
  for (const { idNumber, message } of cases) {
    await fillFields(page, { ...woman, idNumber });
    await saveAndContinue(page);
    await expectFieldError(page, "idNumber", message);
    await expectStep(page, "woman");
    // Only that one problem, and every typed value is still in its input.
    await expect(page.getByRole("alert").getByRole("listitem")).toHaveCount(1);
    await expectFields(page, { ...woman, idNumber });
  }

  // The summary's link moves the focus to the field.
  await page.getByRole("alert").getByRole("link").click();
  await expect(page.locator("#f-idNumber")).toBeFocused();

  // Corrected, the step goes through.
  await fillFields(page, { idNumber: woman.idNumber });
  await saveAndContinue(page);
  await expectStep(page, "man");
});

test("uploads are checked by content and by size", async ({ page }) => {
  await signUp(page, "孙测试");
  await startApplication(page);
  await fillFormSteps(page, matchingAnswers);
  await expectStep(page, "materials");

  const womanIdCard = page.locator('input[type=file][name="womanIdCard"]');
  const typeError = "只能上传 JPG、PNG 或 PDF 文件，所选文件的内容不是这几种格式";
  const sizeError = "文件超过 5 MB，请压缩后重新上传";

  await test.step("a text file named id.jpg", async () => {
    await womanIdCard.setInputFiles({ name: "id.jpg", mimeType: "image/jpeg", buffer: Buffer.from("hello") });
    await page.locator('input[type=file][name="manIdCard"]').setInputFiles(tinyPdf("man-id.pdf"));
    await saveAndContinue(page);
    await expectFieldError(page, "womanIdCard", typeError);
    await expectStep(page, "materials");
    // The good file was kept; the others are still to be uploaded.
    await expect(page.getByRole("main")).toContainText("已上传：man-id.pdf");
    await expect(page.locator("#f-womanHukou-error")).toHaveText("错误：请上传此材料");
  });

  await test.step("a file over 5 MB", async () => {
    const big = Buffer.alloc(5 * 1024 * 1024 + 1024, 0);
    tinyPng().buffer.copy(big);
    await womanIdCard.setInputFiles({ name: "big.png", mimeType: "image/png", buffer: big });
    await saveAndContinue(page);
    await expectFieldError(page, "womanIdCard", sizeError);
    await expectStep(page, "materials");
  });
});
