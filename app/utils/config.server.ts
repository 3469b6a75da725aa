import { createHash, randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

/** Settings by environment; secrets come from the environment or, in demo mode, DATA_DIR. */
export type Secrets = {
  SESSION_SECRET: string;
  DATA_ENCRYPTION_KEY: string;
  LOOKUP_HASH_KEY: string;
};

const SECRET_NAMES = ["SESSION_SECRET", "DATA_ENCRYPTION_KEY", "LOOKUP_HASH_KEY"] as const;

/**
 * The deployment mode, separate from NODE_ENV (which only selects optimised builds):
 * - production: secrets required, real SMS gateway, TOTP for reviewers and administrators,
 *   HSTS and Secure cookies, no demo data, no /dev/outbox;
 * - demo: generated secrets in DATA_DIR, SMS to the outbox at /dev/outbox, demo accounts;
 * - development: as demo, for `npm run dev`.
 * An unset or unknown PORTAL_MODE counts as production, so that a forgotten setting never
 * opens the outbox or seeds known passwords; the npm scripts set it explicitly
 * (docs/decisions/015-deployment-modes.md).
 */
export type DeploymentMode = "production" | "demo" | "development";

export function deploymentMode(): DeploymentMode {
  const mode = process.env.PORTAL_MODE;
  return mode === "demo" || mode === "development" ? mode : "production";
}

export function isProductionMode(): boolean {
  return deploymentMode() === "production";
}

/** Cookies only over HTTPS in production; INSECURE_COOKIES=1 lets one try a production set-up over plain http. */
export function secureCookies(): boolean {
  return isProductionMode() && process.env.INSECURE_COOKIES !== "1";
}

export function dataDir(): string {
  return path.resolve(process.env.DATA_DIR ?? "data");
}

export function databaseUrl(): string {
  return process.env.DATABASE_URL ?? `file:${path.join(dataDir(), "portal.db")}`;
}

/** Public origin used in links that leave the page (QR codes, SMS). */
export function publicOrigin(request?: Request): string {
  if (process.env.PUBLIC_ORIGIN) return process.env.PUBLIC_ORIGIN.replace(/\/$/, "");
  if (request) return new URL(request.url).origin;
  return `http://localhost:${process.env.PORT ?? 3000}`;
}

let cachedSecrets: Secrets | undefined;

/**
 * In production mode every secret must be set in the environment: a generated key would
 * silently differ between instances and make encrypted data unreadable.
 */
export function secrets(): Secrets {
  if (cachedSecrets) return cachedSecrets;
  const fromEnv = Object.fromEntries(
    SECRET_NAMES.filter((name) => process.env[name]).map((name) => [name, process.env[name]!]),
  );
  const missing = SECRET_NAMES.filter((name) => !fromEnv[name]);
  if (missing.length > 0 && isProductionMode()) {
    throw new Error(`Missing required secrets in production mode (PORTAL_MODE=production): ${missing.join(", ")}`);
  }
  let stored: Partial<Secrets> = {};
  if (missing.length > 0) {
    const file = path.join(dataDir(), "secrets.json");
    if (existsSync(file)) stored = JSON.parse(readFileSync(file, "utf8"));
    const generated = missing.filter((name) => !stored[name]);
    if (generated.length > 0) {
      for (const name of generated) stored[name] = randomBytes(32).toString("base64");
      mkdirSync(dataDir(), { recursive: true });
      writeFileSync(file, JSON.stringify(stored, null, 2), { mode: 0o600 });
    }
  }
  cachedSecrets = { ...stored, ...fromEnv } as Secrets;
  for (const name of SECRET_NAMES) {
    if (Buffer.from(cachedSecrets[name], "base64").length < 32 && cachedSecrets[name].length < 32) {
      throw new Error(`${name} must be at least 32 bytes (base64) or 32 characters`);
    }
  }
  return cachedSecrets;
}

/** A 32-byte key from a secret given as base64 of 32 bytes, or as a passphrase (hashed). */
export function keyBytes(secret: string): Buffer {
  const decoded = Buffer.from(secret, "base64");
  return decoded.length === 32 ? decoded : createHash("sha256").update(secret).digest();
}

/** Encrypted uploads; several instances share the folder (a network volume): UPLOADS_DIR, else DATA_DIR/uploads. */
export function uploadsDir(): string {
  return path.resolve(process.env.UPLOADS_DIR ?? path.join(dataDir(), "uploads"));
}
