import { createCipheriv, createDecipheriv, createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { keyBytes, secrets } from "./config.server";

// Format "v1:<iv>:<tag>:<ciphertext>" (base64url). The version prefix leaves room for
// key rotation: a later key id can be added without touching stored rows.
const VERSION = "v1";

function encryptionKey() {
  return keyBytes(secrets().DATA_ENCRYPTION_KEY);
}

export function encryptBytes(plain: Buffer): Buffer {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", encryptionKey(), iv);
  const body = Buffer.concat([cipher.update(plain), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]);
}

export function decryptBytes(sealed: Buffer): Buffer {
  const decipher = createDecipheriv("aes-256-gcm", encryptionKey(), sealed.subarray(0, 12));
  decipher.setAuthTag(sealed.subarray(12, 28));
  return Buffer.concat([decipher.update(sealed.subarray(28)), decipher.final()]);
}

export function encryptText(plain: string): string {
  return `${VERSION}:${encryptBytes(Buffer.from(plain, "utf8")).toString("base64url")}`;
}

export function decryptText(sealed: string): string {
  const [version, body] = sealed.split(":");
  if (version !== VERSION || !body) throw new Error("Unknown ciphertext format");
  return decryptBytes(Buffer.from(body, "base64url")).toString("utf8");
}

export function encryptJson(value: unknown): string {
  return encryptText(JSON.stringify(value));
}

export function decryptJson<T>(sealed: string): T {
  return JSON.parse(decryptText(sealed)) as T;
}

/** Keyed hash for looking up encrypted values (ID and phone numbers) without decrypting. */
export function lookupHash(value: string): string {
  return createHmac("sha256", keyBytes(secrets().LOOKUP_HASH_KEY)).update(value).digest("base64url");
}

/** HMAC with the session secret, for signed tokens (CSRF, certificate codes). */
export function sign(value: string, purpose: string): string {
  return createHmac("sha256", keyBytes(secrets().SESSION_SECRET))
    .update(`${purpose}\u0000${value}`)
    .digest("base64url");
}

export function safeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/** Random identifiers for rows: 128 bits, URL-safe. */
export function newId(): string {
  return randomBytes(16).toString("base64url");
}
