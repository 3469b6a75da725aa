import fs from "node:fs";
import os from "node:os";
import path from "node:path";

/** Removes the run's data folder (made in playwright.config.ts) unless PORTAL_E2E_KEEP_DATA=1. */
export default function globalTeardown() {
  const dir = process.env.PORTAL_E2E_DATA_DIR;
  if (!dir || process.env.PORTAL_E2E_KEEP_DATA === "1") return;
  // Only ever a folder this config made under the temp dir.
  if (path.dirname(dir) !== os.tmpdir() || !path.basename(dir).startsWith("portal-e2e-")) return;
  fs.rmSync(dir, { recursive: true, force: true });
}
