import fs from "node:fs";
import os from "node:os";
import path from "node:path";

// An 18-character resident ID number or an 11-digit mainland mobile number, standing alone.
const PERSONAL_DATA = /(?<![\dA-Za-z])(\d{17}[\dXx]|1[3-9]\d{9})(?![\dA-Za-z])/g;

/**
 * Fails the run if the server logged anything that looks like an ID or phone number, then
 * removes the run's data folder (made in playwright.config.ts) unless PORTAL_E2E_KEEP_DATA=1.
 */
export default function globalTeardown() {
  const dir = process.env.PORTAL_E2E_DATA_DIR;
  if (!dir) return;
  const logFile = path.join(dir, "server.log");
  const leaks = fs.existsSync(logFile) ? [...fs.readFileSync(logFile, "utf8").matchAll(PERSONAL_DATA)].map((match) => match[0]) : [];
  if (process.env.PORTAL_E2E_KEEP_DATA !== "1" && path.dirname(dir) === os.tmpdir() && path.basename(dir).startsWith("portal-e2e-")) {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  if (leaks.length > 0) {
    throw new Error(`The server log contains ${leaks.length} ID or phone number(s), e.g. ${leaks[0].slice(0, 3)}…: personal data must never be logged`);
  }
}
