// Shared steps for the end-to-end specs: accounts (sign-up, sign-in with the SMS code
// from the development outbox), the birth-registration form, and tiny upload files.
// The browser context is zh-CN (playwright.config.ts), so the texts below are Chinese.
import { randomInt } from "node:crypto";
import { expect, type BrowserContext, type Page } from "@playwright/test";
import type { RawAnswers } from "../../app/services/birth-registration/examples";

export const SERVICE_SLUG = "birth-registration";
export const STAFF_PASSWORD = "Demo#2026";
/** Password for the citizens the specs sign up (8+ characters, letters and digits). */
export const CITIZEN_PASSWORD = "Citizen#2026e2e";

export type Citizen = { name: string; phone: string; password: string };

/** A fresh mobile number per call, so that each run and each spec has its own account. */
export function randomPhone(): string {
  return `139${String(randomInt(0, 100_000_000)).padStart(8, "0")}`;
}

/** The phone as the outbox shows it: 139****1234. */
export function maskedPhone(phone: string): string {
  return `${phone.slice(0, 3)}****${phone.slice(-4)}`;
}

// ---------------------------------------------------------------------------------------
// SMS outbox (/dev/outbox, development and test only)

/** Bodies of the messages sent to `phone`, newest first. Read in a page of its own. */
export async function outboxMessages(context: BrowserContext, phone: string): Promise<string[]> {
  const page = await context.newPage();
  try {
    await page.goto("/dev/outbox");
    const bodies = await page.getByTestId("sms").filter({ hasText: maskedPhone(phone) }).getByTestId("sms-body").allTextContents();
    return bodies.map((body) => body.trim());
  } finally {
    await page.close();
  }
}

/** The 6-digit code in the newest sign-up or sign-in message to `phone`. */
export async function latestCode(context: BrowserContext, phone: string): Promise<string> {
  const bodies = await outboxMessages(context, phone);
  for (const body of bodies) {
    const match = /(?:验证码是|code is)\s*(\d{6})(?!\d)/.exec(body);
    if (match) return match[1];
  }
  throw new Error(`No SMS code for ${maskedPhone(phone)} in the outbox (${bodies.length} messages for that phone)`);
}

// ---------------------------------------------------------------------------------------
// Accounts

async function enterCode(page: Page, phone: string) {
  const code = await latestCode(page.context(), phone);
  await page.locator("#f-code").fill(code);
  await page.getByRole("button", { name: "确认", exact: true }).click();
}

/** Signs up a new citizen with a fresh phone number and leaves them signed in on /applications. */
export async function signUp(page: Page, name = "王晓测"): Promise<Citizen> {
  const citizen: Citizen = { name, phone: randomPhone(), password: CITIZEN_PASSWORD };
  await page.goto("/signup");
  await page.locator("#f-name").fill(citizen.name);
  await page.locator("#f-phone").fill(citizen.phone);
  await page.locator("#f-password").fill(citizen.password);
  await page.locator("#f-confirm").fill(citizen.password);
  await page.getByRole("button", { name: "获取短信验证码" }).click();
  await page.waitForURL(/\/signup\/verify\?c=/);
  await enterCode(page, citizen.phone);
  await page.waitForURL(/\/applications\?welcome=1$/);
  await expect(page.getByRole("status")).toContainText("注册成功");
  return citizen;
}

/** Signs a citizen in (password, then the SMS code); ends on /applications unless redirected elsewhere. */
export async function signIn(page: Page, citizen: Citizen) {
  await page.goto("/login");
  await page.locator("#f-phone").fill(citizen.phone);
  await page.locator("#f-password").fill(citizen.password);
  await page.getByRole("button", { name: "登录", exact: true }).click();
  await page.waitForURL(/\/login\/verify\?c=/);
  await enterCode(page, citizen.phone);
  await page.waitForURL((url) => !url.pathname.startsWith("/login"));
}

/** The header's sign-out button (a POST form). */
export async function signOut(page: Page) {
  await page.getByRole("button", { name: "退出登录" }).click();
  await expect(page.getByRole("link", { name: "登录", exact: true })).toBeVisible();
}

export async function staffSignIn(page: Page, username: string) {
  await page.goto("/staff/login");
  await page.locator("#f-username").fill(username);
  await page.locator("#f-password").fill(STAFF_PASSWORD);
  await page.getByRole("button", { name: "登录", exact: true }).click();
  await page.waitForURL(/\/staff\/queue$/);
}

// ---------------------------------------------------------------------------------------
// The birth-registration form

export type FormStepId = "woman" | "man" | "marriage" | "children" | "childrenDetails" | "application";
export type StepId = FormStepId | "materials" | "review";

/** Each page's <h1>, to know that the next step is really on screen. */
export const STEP_TITLES: Record<StepId, string> = {
  woman: "女方信息",
  man: "男方信息",
  marriage: "婚姻信息",
  children: "现有子女",
  childrenDetails: "子女信息",
  application: "登记信息",
  materials: "上传材料",
  review: "核对您的信息",
};

/** The steps these answers go through, in order (childrenDetails only with existing children). */
export function journey(answers: RawAnswers): StepId[] {
  const withChildren = Number(answers.children.existingChildren) > 0;
  return ["woman", "man", "marriage", "children", ...(withChildren ? (["childrenDetails"] as const) : []), "application", "materials", "review"];
}

export function nextStep(answers: RawAnswers, step: StepId): StepId {
  const steps = journey(answers);
  return steps[steps.indexOf(step) + 1];
}

/** Form field name → value for one step, as the browser posts it (`children[0].sex`). */
export function stepValues(answers: RawAnswers, step: FormStepId): Record<string, string> {
  if (step === "childrenDetails") {
    return Object.fromEntries(
      answers.childrenDetails.children.flatMap((child, index) => [
        [`children[${index}].birthDate`, child.birthDate],
        [`children[${index}].sex`, child.sex],
      ]),
    );
  }
  return answers[step];
}

const APPLY_URL = /\/apply\/([^/?#]+)\/([A-Za-z]+)(?:[?#].*)?$/;

export function applicationIdOf(page: Page): string {
  const match = APPLY_URL.exec(page.url());
  if (!match) throw new Error(`Not on an application step: ${page.url()}`);
  return match[1];
}

/** Waits until `step` is the page shown (URL and heading). */
export async function expectStep(page: Page, step: StepId) {
  await page.waitForURL((url) => APPLY_URL.exec(url.pathname)?.[2] === step);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(STEP_TITLES[step]);
}

/** Starts (or resumes) the citizen's draft from the service's start page; returns the application id. */
export async function startApplication(page: Page): Promise<string> {
  await page.goto(`/services/${SERVICE_SLUG}`);
  await page.getByRole("button", { name: "开始办理" }).click();
  await expectStep(page, "woman");
  return applicationIdOf(page);
}

/** Types the values into the step's inputs, whatever their kind (text, date, select, radio). */
export async function fillFields(page: Page, values: Record<string, string>) {
  for (const [name, value] of Object.entries(values)) {
    const field = page.locator(`[name="${name}"]`).first();
    const kind = await field.evaluate((element) => (element instanceof HTMLSelectElement ? "select" : element instanceof HTMLInputElement ? element.type : "text"));
    if (kind === "select") await field.selectOption(value);
    else if (kind === "radio") await page.locator(`input[type=radio][name="${name}"][value="${value}"]`).check();
    else await field.fill(value);
  }
}

/** Checks that the inputs of the step on screen hold these values. */
export async function expectFields(page: Page, values: Record<string, string>) {
  for (const [name, value] of Object.entries(values)) {
    const field = page.locator(`[name="${name}"]`);
    const kind = await field.first().evaluate((element) => (element instanceof HTMLInputElement ? element.type : element.tagName.toLowerCase()));
    if (kind === "radio") await expect(page.locator(`input[type=radio][name="${name}"][value="${value}"]`)).toBeChecked();
    else await expect(field, `field ${name}`).toHaveValue(value);
  }
}

export async function saveAndContinue(page: Page) {
  await page.getByRole("button", { name: "保存并继续" }).click();
}

/** Fills the step on screen with its answers and goes on to the next one. */
export async function completeStep(page: Page, answers: RawAnswers, step: FormStepId) {
  await expectStep(page, step);
  await fillFields(page, stepValues(answers, step));
  await saveAndContinue(page);
  await expectStep(page, nextStep(answers, step));
}

// ---------------------------------------------------------------------------------------
// Uploads

export type UploadFile = { name: string; mimeType: string; buffer: Buffer };

/** A 1×1 PNG. */
export const tinyPng = (name = "photo.png"): UploadFile => ({
  name,
  mimeType: "image/png",
  buffer: Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=", "base64"),
});

/** A minimal one-page PDF. */
export const tinyPdf = (name = "scan.pdf"): UploadFile => ({
  name,
  mimeType: "application/pdf",
  buffer: Buffer.from(
    "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 72 72]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n",
    "latin1",
  ),
});

/** The materials every application needs (divorce papers only when remarried). */
export const REQUIRED_MATERIALS = ["womanIdCard", "manIdCard", "womanHukou", "manHukou", "marriageCert"] as const;

export async function uploadMaterials(page: Page, files: Partial<Record<string, UploadFile>> = {}) {
  await expectStep(page, "materials");
  for (const [index, key] of REQUIRED_MATERIALS.entries()) {
    const file = files[key] ?? (index % 2 === 0 ? tinyPng(`${key}.png`) : tinyPdf(`${key}.pdf`));
    await page.locator(`input[type=file][name="${key}"]`).setInputFiles(file);
  }
  await saveAndContinue(page);
  await expectStep(page, "review");
}

// ---------------------------------------------------------------------------------------
// Whole applications

/** Fills every form step from `from` on (the step on screen) up to the materials step. */
export async function fillFormSteps(page: Page, answers: RawAnswers, from: FormStepId = "woman") {
  const steps = journey(answers);
  for (const step of steps.slice(steps.indexOf(from))) {
    if (step === "materials" || step === "review") break;
    await completeStep(page, answers, step);
  }
}

/** Ticks the declaration and submits; returns the reference shown on the confirmation. */
export async function submitFromReview(page: Page): Promise<string> {
  await expectStep(page, "review");
  await page.locator("#f-declaration").check();
  await page.getByRole("button", { name: "提交申请" }).click();
  await page.waitForURL(/\/applications\/WL-SY-\d{4}-\d{6}\?submitted=1$/);
  const ref = (await page.getByTestId("reference").textContent())?.trim() ?? "";
  expect(ref).toMatch(/^WL-SY-\d{4}-\d{6}$/);
  return ref;
}

/** A whole application by the signed-in citizen, from the start page to the confirmation. */
export async function fileApplication(page: Page, answers: RawAnswers): Promise<{ id: string; ref: string }> {
  const id = await startApplication(page);
  await fillFormSteps(page, answers);
  await uploadMaterials(page);
  const ref = await submitFromReview(page);
  return { id, ref };
}

/** The certificate's verification code shown on the status page (XXXX-XXXX-XXXX-XXXX-XXXX-XXXX). */
export const CERTIFICATE_CODE = /[0-9A-Z]{4}(?:-[0-9A-Z]{4}){5}/;

/**
 * A demo family for this test: a couple holds one live registration per child order, so every
 * test (and each project that runs it) files for its own family. `base` is the spec's first index.
 */
export function familyIndex(testInfo: { project: { name: string } }, base: number): number {
  return base + (testInfo.project.name === "no-js" ? 1 : 0);
}
