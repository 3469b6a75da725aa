// The citizen's whole journey, run with and without JavaScript (projects js and no-js):
// sign-up, the form with a back-and-forth and a sign-out in the middle, uploads, review,
// instant approval, the certificate PDF and its public verification page.
import { execFileSync } from "node:child_process";
import { expect, test } from "@playwright/test";
import { demoFamily, familyAnswers } from "../../app/services/birth-registration/examples";
import { maskName, maskResidentId } from "../../app/lib/mask";
import {
  CERTIFICATE_CODE,
  completeStep,
  familyIndex,
  expectFields,
  expectStep,
  fillFormSteps,
  saveAndContinue,
  signIn,
  signOut,
  signUp,
  startApplication,
  stepValues,
  submitFromReview,
  uploadMaterials,
} from "./helpers";

test("a citizen registers, files a matching application and gets a verifiable certificate", async ({ page }, testInfo) => {
  const family = familyIndex(testInfo, 40);
  const answers = familyAnswers(family);
  const { woman: demoWoman, man: demoMan, marriage: demoMarriage } = demoFamily(family);
  const citizen = await signUp(page, "张测试");

  await test.step("woman and man, with one step back", async () => {
    const id = await startApplication(page);
    await completeStep(page, answers, "woman");
    // The man's step starts empty: nothing of the woman's answers is carried over.
    await expectFields(page, { name: "", idNumber: "", hukouAddress: "" });
    await page.getByRole("link", { name: "返回", exact: true }).click();
    await expectStep(page, "woman");
    expect(page.url()).toContain(`/apply/${id}/woman`);
    await expectFields(page, stepValues(answers, "woman"));
    await saveAndContinue(page);
    await expectStep(page, "man");
    await completeStep(page, answers, "man");
    await completeStep(page, answers, "marriage");
  });

  await test.step("sign out midway and resume the draft", async () => {
    await signOut(page);
    await signIn(page, citizen);
    await page.goto("/applications");
    const draft = page.getByRole("listitem").filter({ hasText: "草稿" });
    await expect(draft).toHaveCount(1);
    await draft.getByRole("link", { name: "继续填写" }).click();
    await expectStep(page, "children");
    // Earlier answers are kept.
    await page.getByRole("link", { name: "返回", exact: true }).click();
    await expectStep(page, "marriage");
    await expectFields(page, stepValues(answers, "marriage"));
    await saveAndContinue(page);
    await expectStep(page, "children");
  });

  await test.step("the other steps and the materials", async () => {
    await fillFormSteps(page, answers, "children");
    // One child: the child's details step came in between.
    await uploadMaterials(page);
  });

  const ref = await test.step("review shows the answers; submit", async () => {
    const main = page.getByRole("main");
    for (const text of [demoWoman.name, demoWoman.idNumber, demoWoman.hukouAddress, demoMan.name, demoMan.idNumber, demoMarriage.marriageCertNo, "womanIdCard.png", "marriageCert.png"]) {
      await expect(main, `review shows ${text}`).toContainText(text);
    }
    await expect(main.getByRole("link", { name: /^修改/ })).toHaveCount(7);
    return submitFromReview(page);
  });

  const code = await test.step("approved on the spot, with a certificate", async () => {
    await expect(page.getByTestId("status")).toHaveText("已办结");
    await expect(page.getByRole("main")).toContainText("登记已办结");
    const text = (await page.getByRole("main").textContent()) ?? "";
    const match = CERTIFICATE_CODE.exec(text);
    expect(match, "the status page shows the verification code").not.toBeNull();
    return match![0];
  });

  await test.step("the certificate PDF", async () => {
    const downloadPromise = page.waitForEvent("download");
    await page.getByRole("link", { name: "下载电子凭证（PDF）" }).click();
    const download = await downloadPromise;
    const file = testInfo.outputPath("certificate.pdf");
    await download.saveAs(file);
    const text = execFileSync("pdftotext", ["-enc", "UTF-8", file, "-"], { encoding: "utf8" });
    expect(text).toContain("生育服务登记凭证");
    expect(text).toContain(ref);
    expect(text).toContain(demoWoman.name);
    expect(text.replace(/\s+/g, "")).toContain(code);
  });

  await test.step("the public verification page", async () => {
    for (const typed of [code, code.replace(/-/g, "")]) {
      await page.goto(`/verify/${typed}`);
      const result = page.getByTestId("verify-result");
      await expect(result).toHaveAttribute("data-result", "valid");
      await expect(result).toContainText("凭证真实有效");
      const main = page.getByRole("main");
      await expect(main).toContainText(maskName(demoWoman.name));
      await expect(main).toContainText(maskResidentId(demoWoman.idNumber));
      await expect(main).not.toContainText(demoWoman.name);
      await expect(main).not.toContainText(demoWoman.idNumber);
    }
    await page.goto("/verify/AAAAAAAAAAAAAAAAAAAAAAAA");
    await expect(page.getByTestId("verify-result")).toHaveAttribute("data-result", "unknown");
    await expect(page.getByTestId("verify-result")).toContainText("查无此凭证");
  });
});
