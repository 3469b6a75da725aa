// PORTAL_MODE=production, whatever NODE_ENV says: HSTS, Secure cookies, no SMS outbox, no
// demo accounts, and a warning at start-up when PUBLIC_ORIGIN is missing. The spec starts
// its own production server next to the demo one the other specs use.
import { randomBytes } from "node:crypto";
import path from "node:path";
import { expect, test } from "@playwright/test";
import Database from "better-sqlite3";
import { startOwnServer, type OwnServer } from "./own-server";

let server: OwnServer;

test.describe.configure({ mode: "serial", timeout: 180_000 });

test.beforeAll(async () => {
  test.setTimeout(180_000);
  const secrets = Object.fromEntries(["SESSION_SECRET", "DATA_ENCRYPTION_KEY", "LOOKUP_HASH_KEY"].map((name) => [name, randomBytes(32).toString("base64")]));
  server = await startOwnServer({ ...secrets, PORTAL_MODE: "production", NODE_ENV: "development", SMS_ADAPTER: "gateway", SMS_GATEWAY_URL: "http://127.0.0.1:9/sms", SMS_GATEWAY_TOKEN: "test", PUBLIC_ORIGIN: undefined });
});

test.afterAll(() => server?.stop());

test("production mode: HSTS, Secure cookies, no outbox, no demo accounts, a warning without PUBLIC_ORIGIN", async ({ request }) => {
  expect(server.stderr()).toContain("PUBLIC_ORIGIN is not set");
  const home = await fetch(`${server.base}/`);
  expect(home.headers.get("strict-transport-security")).toMatch(/max-age=\d{7,}/);
  expect(home.headers.get("set-cookie")).toMatch(/portal_csrf=[^;]+;.*Secure/);
  expect((await fetch(`${server.base}/dev/outbox`)).status).toBe(404);
  expect(await home.text()).not.toContain("/dev/outbox");
  const database = new Database(path.join(server.dataDir, "portal.db"), { readonly: true });
  expect(database.prepare('SELECT COUNT(*) AS n FROM "User"').get()).toEqual({ n: 0 });
  database.close();

  // The demo server of the other specs: an outbox, and no HSTS.
  const demo = await request.get("/");
  expect(demo.headers()["strict-transport-security"]).toBeUndefined();
  expect((await request.get("/dev/outbox")).status()).toBe(200);
});
