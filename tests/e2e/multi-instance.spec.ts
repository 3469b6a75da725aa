// Two app instances on one PostgreSQL, as behind a load balancer: nothing a request needs
// may live in one instance's memory. The citizen's requests alternate between the two.
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { matchingAnswers } from "../../app/services/birth-registration/examples";
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
  expect(new URL(page.url()).port).toBe(String(BASE_PORT + 1));

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
