// Two app instances on one PostgreSQL, as behind a load balancer: nothing a request needs
// may live in one instance's memory. The citizen's requests alternate between the two.
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import pg from "pg";
import { matchingAnswers } from "../../app/services/birth-registration/examples";
import { Browser, expectRedirect } from "../../bench/lib/http";
import { fillUntilReview, startDraft, stepFields, submitReview } from "../../bench/submit-adapter";
import { startPostgres } from "../support/postgres.mjs";
import { completeStep, fillFormSteps, maskedPhone, randomPhone, startApplication, submitFromReview, uploadMaterials } from "./helpers";

const BASE_PORT = Number(process.env.E2E_PORT ?? 3100) + 101;
const A = `http://localhost:${BASE_PORT}`;
const B = `http://localhost:${BASE_PORT + 1}`;
let postgres: Awaited<ReturnType<typeof startPostgres>>;
const servers: ChildProcess[] = [];
const dataDirs: string[] = [];

async function healthy(base: string) {
  for (let attempt = 0; attempt < 120; attempt += 1) {
    try {
      if ((await fetch(`${base}/healthz`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`${base} did not become healthy`);
}

test.use({ baseURL: A });
test.describe.configure({ mode: "serial", timeout: 180_000 });

test.beforeAll(async () => {
  test.setTimeout(180_000);
  postgres = await startPostgres();
  // Production-like: the secrets come from the environment and are the same everywhere.
  const secrets = Object.fromEntries(["SESSION_SECRET", "DATA_ENCRYPTION_KEY", "LOOKUP_HASH_KEY"].map((name) => [name, randomBytes(32).toString("base64")]));
  // Uploads go to one shared folder, as a network volume would be in production.
  const uploads = mkdtempSync(path.join(os.tmpdir(), "portal-uploads-"));
  dataDirs.push(uploads);
  for (const [index, base] of [A, B].entries()) {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), "portal-instance-"));
    dataDirs.push(dataDir);
    const env = { ...process.env, ...secrets, PORT: new URL(base).port, DATA_DIR: dataDir, UPLOADS_DIR: uploads, DATABASE_URL: postgres.url, PORTAL_MODE: "demo", SMS_ADAPTER: "outbox", SKIP_DB_SETUP: index === 0 ? "0" : "1" };
    const server = spawn(process.execPath, ["server.mjs"], { env, stdio: ["ignore", "ignore", "inherit"] });
    servers.push(server);
    // The first instance migrates and seeds; the second starts on the prepared database.
    await healthy(base);
  }
});

test.afterAll(async () => {
  for (const server of servers) server.kill("SIGTERM");
  postgres?.stop();
  for (const dir of dataDirs) rmSync(dir, { recursive: true, force: true });
});

/** The newest code sent to `phone`, read from the other instance's outbox page. */
async function codeFrom(page: Page, base: string, phone: string) {
  const outbox = await page.context().newPage();
  await outbox.goto(`${base}/dev/outbox`);
  const body = await outbox.getByTestId("sms").filter({ hasText: maskedPhone(phone) }).getByTestId("sms-body").first().textContent();
  await outbox.close();
  return /\d{6}/.exec(body ?? "")![0];
}

/** The same path on the other instance (cookies for localhost are shared across ports). */
async function switchTo(page: Page, base: string) {
  const url = new URL(page.url());
  await page.goto(`${base}${url.pathname}${url.search}`);
}

test("a citizen's requests alternate between two instances on one PostgreSQL", async ({ page }) => {
  const phone = randomPhone();
  await page.goto(`${A}/signup`);
  await page.locator("#f-name").fill("多实例");
  await page.locator("#f-phone").fill(phone);
  await page.locator("#f-password").fill("Instance#2026");
  await page.locator("#f-confirm").fill("Instance#2026");
  await page.getByRole("button", { name: "获取短信验证码" }).click();
  await page.waitForURL(/\/signup\/verify\?c=/);
  // The SMS challenge was made on A; B must know it.
  await switchTo(page, B);
  await page.locator("#f-code").fill(await codeFrom(page, A, phone));
  await page.getByRole("button", { name: "确认", exact: true }).click();
  await page.waitForURL(/\/applications\?welcome=1$/);
  expect(new URL(page.url()).port).toBe(new URL(B).port);

  // The session made on B is valid on A; the draft moves between them step by step.
  await page.goto(`${A}/applications`);
  await expect(page.getByRole("banner")).toContainText("多实例");
  await startApplication(page);
  await completeStep(page, matchingAnswers, "woman");
  await switchTo(page, B);
  await completeStep(page, matchingAnswers, "man");
  await switchTo(page, A);
  await completeStep(page, matchingAnswers, "marriage");
  await switchTo(page, B);
  await fillFormSteps(page, matchingAnswers, "children");
  await switchTo(page, A);
  await uploadMaterials(page);
  await switchTo(page, B);
  const ref = await submitFromReview(page);
  expect(ref).toMatch(/^WL-SY-\d{4}-\d{6}$/);

  // Submitted on B, seen on A, with its certificate (uploads and keys shared).
  await page.goto(`${A}/applications/${ref}`);
  await expect(page.getByTestId("status")).toHaveText("已办结");
  const pdf = await page.request.get(`${A}/applications/${ref}/certificate.pdf`);
  expect(pdf.headers()["content-type"]).toBe("application/pdf");

  // A county administrator on B opens a scan uploaded through A.
  await page.getByRole("button", { name: "退出登录" }).click();
  await page.goto(`${B}/staff/login`);
  await page.locator("#f-username").fill("admin.county");
  await page.locator("#f-password").fill("Demo#2026");
  await page.getByRole("button", { name: "登录", exact: true }).click();
  await page.waitForURL(/\/staff\/queue$/);
  await page.goto(`${B}/staff/applications/${ref}`);
  const scan = page.getByRole("link", { name: /womanIdCard/ });
  const response = await page.request.get(`${B}${await scan.getAttribute("href")}`);
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toBe("image/png");
});

// ---------------------------------------------------------------------------------------
// The same, at HTTP level and at once: several citizens, spread over both instances.

/** The newest SMS code for `phone`, read from an instance's outbox page. */
async function outboxCode(base: string, phone: string): Promise<string> {
  const html = await (await fetch(`${base}/dev/outbox`)).text();
  const message = html.split('data-testid="sms"').find((part) => part.includes(maskedPhone(phone)));
  const code = message && /(?:验证码是|code is)\s*(\d{6})(?!\d)/.exec(message)?.[1];
  if (!code) throw new Error(`no code for ${maskedPhone(phone)} in ${base}/dev/outbox`);
  return code;
}

/** A citizen who signs up on `signUpOn` and confirms the code on `confirmOn`; the session then works on both. */
async function citizenOver(signUpOn: string, confirmOn: string): Promise<{ phone: string; on: (base: string) => Browser }> {
  const phone = randomPhone();
  const first = new Browser(signUpOn);
  const verify = expectRedirect(await first.post("/signup", { name: "并发", phone, password: "Instance#2026", confirm: "Instance#2026" }), "sign-up", /\/signup\/verify\?c=/);
  const second = new Browser(confirmOn);
  // The cookies (CSRF and, after this, the session) travel with the person, whichever instance answers.
  second.adopt(first);
  expectRedirect(await second.post(verify, { code: await outboxCode(confirmOn, phone) }), "code", /\/applications/);
  return { phone, on: (base) => new Browser(base).adopt(second) };
}

async function references(): Promise<string[]> {
  const client = new pg.Client({ connectionString: postgres.url });
  await client.connect();
  try {
    return (await client.query(`SELECT ref FROM "Application" WHERE ref IS NOT NULL`)).rows.map((row) => row.ref as string);
  } finally {
    await client.end();
  }
}

test("submissions made at the same moment on both instances get distinct, consecutive reference numbers", async () => {
  const citizens = await Promise.all(Array.from({ length: 8 }, (_, index) => citizenOver(index % 2 ? A : B, index % 2 ? B : A)));
  // Each citizen fills the form on one instance, alternating steps… then all submit at once,
  // half of them through each instance.
  const reviews = await Promise.all(
    citizens.map(async (citizen, index) => {
      const here = citizen.on(index % 2 ? A : B);
      return { browser: citizen.on(index % 2 ? B : A), review: await fillUntilReview(here, await startDraft(here)) };
    }),
  );
  const before = new Set(await references());
  const refs = await Promise.all(reviews.map(({ browser, review }) => submitReview(browser, review)));
  expect(new Set(refs).size).toBe(refs.length);
  for (const ref of refs) expect(ref).toMatch(/^WL-SY-\d{4}-\d{6}$/);
  const numbers = refs.map((ref) => Number(ref.slice(-6))).sort((a, b) => a - b);
  expect(numbers.at(-1)! - numbers[0]).toBe(refs.length - 1);
  // What was acknowledged is what is stored: every reference, once.
  const stored = (await references()).filter((ref) => !before.has(ref));
  expect(stored.sort()).toEqual([...refs].sort());
});

test("a draft saved on one instance is resumed on the other", async () => {
  const citizen = await citizenOver(A, A);
  const onA = citizen.on(A);
  const first = await startDraft(onA);
  const [, id, step] = /^\/apply\/([^/]+)\/(\w+)/.exec(first)!;
  expect(step).toBe("woman");
  expectRedirect(await onA.post(first, stepFields("woman")), "save the woman's step", /\/man$/);

  // On B, "start" finds the same draft and goes on where the citizen stopped…
  const onB = citizen.on(B);
  expect(await startDraft(onB)).toBe(`/apply/${id}/man`);
  // …and the saved answers are there.
  const page = await onB.get(`/apply/${id}/woman`);
  expect(page.status).toBe(200);
  expect(page.body).toContain(`value="${matchingAnswers.woman.name}"`);
  expect(page.body).toContain(`value="${matchingAnswers.woman.idNumber}"`);
});

test("failed sign-in attempts are counted across both instances", async () => {
  const attempt = async (base: string, password: string) => (await new Browser(base).post("/staff/login", { username: "window.fengshan", password })).status;
  // Five wrong passwords, alternating: neither instance alone has seen five.
  for (const base of [A, B, A, B, A]) expect(await attempt(base, "wrong-password-1")).toBe(400);
  // The sixth attempt is refused on either instance, even with the right password.
  expect(await attempt(B, "Demo#2026")).toBe(429);
  expect(await attempt(A, "Demo#2026")).toBe(429);
});
