// PORTAL_MODE=production, whatever NODE_ENV says: HSTS, Secure cookies, no SMS outbox, no
// demo accounts, and a warning at start-up when PUBLIC_ORIGIN is missing. The spec starts
// its own production server next to the demo one the other specs use.
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import Database from "better-sqlite3";

let server: ChildProcess;
let base = "";
let dataDir = "";
let stderr = "";

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
    probe.on("error", reject);
  });
}

test.describe.configure({ mode: "serial", timeout: 180_000 });

test.beforeAll(async () => {
  test.setTimeout(180_000);
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  dataDir = mkdtempSync(path.join(os.tmpdir(), "portal-production-"));
  const secrets = Object.fromEntries(["SESSION_SECRET", "DATA_ENCRYPTION_KEY", "LOOKUP_HASH_KEY"].map((name) => [name, randomBytes(32).toString("base64")]));
  const env: NodeJS.ProcessEnv = { ...process.env, ...secrets, PORT: String(port), DATA_DIR: dataDir, DATABASE_URL: `file:${path.join(dataDir, "portal.db")}`, PORTAL_MODE: "production", NODE_ENV: "development", SMS_ADAPTER: "gateway", SMS_GATEWAY_URL: "http://127.0.0.1:9/sms", SMS_GATEWAY_TOKEN: "test" };
  delete env.PUBLIC_ORIGIN;
  server = spawn(process.execPath, ["server.mjs"], { env, stdio: ["ignore", "ignore", "pipe"] });
  server.stderr!.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  await expect.poll(async () => (await fetch(`${base}/healthz`).catch(() => null))?.status, { timeout: 120_000, intervals: [500] }).toBe(200);
});

test.afterAll(() => {
  server?.kill("SIGTERM");
  rmSync(dataDir, { recursive: true, force: true });
});

test("production mode: HSTS, Secure cookies, no outbox, no demo accounts, a warning without PUBLIC_ORIGIN", async ({ request }) => {
  expect(stderr).toContain("PUBLIC_ORIGIN is not set");
  const home = await fetch(`${base}/`);
  expect(home.headers.get("strict-transport-security")).toMatch(/max-age=\d{7,}/);
  expect(home.headers.get("set-cookie")).toMatch(/portal_csrf=[^;]+;.*Secure/);
  expect((await fetch(`${base}/dev/outbox`)).status).toBe(404);
  expect(await home.text()).not.toContain("/dev/outbox");
  const database = new Database(path.join(dataDir, "portal.db"), { readonly: true });
  expect(database.prepare('SELECT COUNT(*) AS n FROM "User"').get()).toEqual({ n: 0 });
  database.close();

  // The demo server of the other specs: an outbox, and no HSTS.
  const demo = await request.get("/");
  expect(demo.headers()["strict-transport-security"]).toBeUndefined();
  expect((await request.get("/dev/outbox")).status()).toBe(200);
});
