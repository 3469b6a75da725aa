import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { defineConfig } from "@playwright/test";

// One fresh data folder (SQLite file, uploads, generated secrets) per run. The config is
// also loaded by each worker process; they inherit the variable, so only one folder is made.
const dataDir = (process.env.PORTAL_E2E_DATA_DIR ??= fs.mkdtempSync(path.join(os.tmpdir(), "portal-e2e-")));

// E2E_PORT lets several checkouts on one machine run their browser tests side by side.
const PORT = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://localhost:${PORT}`;

export default defineConfig({
  testDir: "tests/e2e",
  globalTeardown: "./tests/e2e/global-teardown.ts",
  // One SQLite database behind one server: run the tests one after the other.
  workers: 1,
  fullyParallel: false,
  retries: 0,
  reporter: "list",
  forbidOnly: !!process.env.CI,
  timeout: 120_000,
  expect: { timeout: 10_000 },
  use: {
    baseURL,
    locale: "zh-CN",
    timezoneId: "Asia/Shanghai",
    actionTimeout: 15_000,
    navigationTimeout: 30_000,
    trace: "off",
    screenshot: "only-on-failure",
    launchOptions: {
      // Debian's Chromium: Playwright's own browser download cannot work on these machines
      // (scripts/ensure-test-tools.mjs installs it).
      executablePath: "/usr/bin/chromium",
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  projects: [
    { name: "js", use: { javaScriptEnabled: true }, testIgnore: /multi-instance\.spec\.ts$/ },
    // Progressive enhancement: the citizen journey and the staff review work without JavaScript.
    { name: "no-js", use: { javaScriptEnabled: false }, testMatch: /(citizen-registration|review-correction|validation|accounts|assistance-application|assistance-review)\.spec\.ts$/ },
    // Two instances on one PostgreSQL; the spec starts its own database and servers.
    { name: "postgres", use: { javaScriptEnabled: true }, testMatch: /multi-instance\.spec\.ts$/ },
  ],
  webServer: {
    command: "node tests/e2e/server-with-log.mjs",
    url: `${baseURL}/healthz`,
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: "ignore",
    stderr: "pipe",
    env: {
      PORT: String(PORT),
      DATA_DIR: dataDir,
      DATABASE_URL: `file:${path.join(dataDir, "portal.db")}`,
      // The optimised build in demo mode, as `npm start` serves it (SMS to /dev/outbox).
      PORTAL_MODE: "demo",
      SMS_ADAPTER: "outbox",
      PORTAL_LOG_FILE: path.join(dataDir, "server.log"),
    },
  },
});
