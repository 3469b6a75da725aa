import { createCipheriv, createDecipheriv, createHmac, randomBytes, sign as signWith, timingSafeEqual, verify as verifyWith } from "node:crypto";
import { db } from "./db.server";
import { hmacSm3, sm2Sign, sm2Verify, sm4Ctr, sm4CtrDecrypt } from "./gm.server";
import {
  acceptedCertificateKeyIds,
  activeKeyId,
  addressKey,
  algorithmOfKeyId,
  certificateKey,
  dataKey,
  formSigningKey,
  LEGACY_DATA_KEY_ID,
  legacyDataKey,
  loadKeyring,
  lookupKey,
  statementPrivateKey,
  suiteHash,
  type StatementAlgorithm,
} from "./keys.server";

// Sealed values (docs/decisions/007-keys.md):
//   text   "v2:<kid>:<base64url(flags || payload)>"
//   bytes  F5 "PV2" || len(kid) || kid || flags || payload          (uploaded files)
//   payload  AES-256-GCM: iv(12) || tag(16) || ciphertext
//            SM4-CTR + HMAC-SM3: iv(16) || ciphertext || mac(32), mac over aad || iv || ciphertext
// The associated data names the format, the key id and, when given, the row and column the
// value belongs to (flags bit 0), so a value copied to another row or column does not open.
// "v1:<base64url(iv || tag || ciphertext)>" from before the keyring still opens.

/** Where a sealed value lives: a table, a column and the row's id (for files, the storage key). */
export type EncryptionContext = { table: string; column: string; id: string };

const BOUND = 1;
const MAGIC = Buffer.from([0xf5, 0x50, 0x56, 0x32]);

function associatedData(kid: string, flags: number, context?: EncryptionContext): Buffer {
  const parts = ["portal-v2", kid, String(flags)];
  if (flags & BOUND) parts.push(context!.table, context!.column, context!.id);
  return Buffer.from(parts.join("\u0000"), "utf8");
}

function sealPayload(kid: string, aad: Buffer, plain: Buffer): Buffer {
  const key = dataKey(kid);
  if (algorithmOfKeyId(kid) === "aes-256-gcm") {
    const iv = randomBytes(12);
    const cipher = createCipheriv("aes-256-gcm", key, iv);
    cipher.setAAD(aad);
    const body = Buffer.concat([cipher.update(plain), cipher.final()]);
    return Buffer.concat([iv, cipher.getAuthTag(), body]);
  }
  const iv = randomBytes(16);
  const body = sm4Ctr(key.subarray(0, 16), iv, plain);
  return Buffer.concat([iv, body, hmacSm3(key.subarray(16), Buffer.concat([lengthPrefixed(aad), iv, body]))]);
}

function openPayload(kid: string, aad: Buffer, payload: Buffer): Buffer {
  const key = dataKey(kid);
  if (algorithmOfKeyId(kid) === "aes-256-gcm") {
    const decipher = createDecipheriv("aes-256-gcm", key, payload.subarray(0, 12));
    decipher.setAAD(aad);
    decipher.setAuthTag(payload.subarray(12, 28));
    return Buffer.concat([decipher.update(payload.subarray(28)), decipher.final()]);
  }
  if (payload.length < 48) throw new Error("Sealed value too short");
  const iv = payload.subarray(0, 16);
  const body = payload.subarray(16, payload.length - 32);
  const mac = hmacSm3(key.subarray(16), Buffer.concat([lengthPrefixed(aad), iv, body]));
  if (!timingSafeEqual(mac, payload.subarray(payload.length - 32))) throw new Error("Unsupported state or unable to authenticate data");
  return sm4CtrDecrypt(key.subarray(0, 16), iv, body);
}

function lengthPrefixed(aad: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(aad.length);
  return Buffer.concat([length, aad]);
}

function seal(plain: Buffer, context?: EncryptionContext): { kid: string; body: Buffer } {
  const kid = activeKeyId("data");
  const flags = context ? BOUND : 0;
  return { kid, body: Buffer.concat([Buffer.from([flags]), sealPayload(kid, associatedData(kid, flags, context), plain)]) };
}

/**
 * A value sealed without a context opens with or without one: call sites move to contexts
 * before `npm run keys:rotate` rebinds their stored values. One sealed with a context opens
 * only with the same context.
 */
function open(kid: string, body: Buffer, context?: EncryptionContext): Buffer {
  const flags = body[0];
  if (flags & BOUND && !context) throw new Error("This value is bound to its row: give its context to decrypt it");
  return openPayload(kid, associatedData(kid, flags, context), body.subarray(1));
}

function openLegacy(sealed: Buffer): Buffer {
  const decipher = createDecipheriv("aes-256-gcm", legacyDataKey(), sealed.subarray(0, 12));
  decipher.setAuthTag(sealed.subarray(12, 28));
  return Buffer.concat([decipher.update(sealed.subarray(28)), decipher.final()]);
}

export function encryptBytes(plain: Buffer, context?: EncryptionContext): Buffer {
  const { kid, body } = seal(plain, context);
  return Buffer.concat([MAGIC, Buffer.from([kid.length]), Buffer.from(kid, "ascii"), body]);
}

function parseBytes(sealed: Buffer): { kid: string; body: Buffer } | undefined {
  if (sealed.length < 6 || !sealed.subarray(0, 4).equals(MAGIC)) return undefined;
  const length = sealed[4];
  return { kid: sealed.subarray(5, 5 + length).toString("ascii"), body: sealed.subarray(5 + length) };
}

export function decryptBytes(sealed: Buffer, context?: EncryptionContext): Buffer {
  const parsed = parseBytes(sealed);
  if (!parsed) return openLegacy(sealed);
  try {
    return open(parsed.kid, parsed.body, context);
  } catch (error) {
    // A v1 file whose random IV happens to start with the marker (one in 2^32).
    try {
      return openLegacy(sealed);
    } catch {
      throw error;
    }
  }
}

export function encryptText(plain: string, context?: EncryptionContext): string {
  const { kid, body } = seal(Buffer.from(plain, "utf8"), context);
  return `v2:${kid}:${body.toString("base64url")}`;
}

export function decryptText(sealed: string, context?: EncryptionContext): string {
  const [version, kid, body, extra] = sealed.split(":");
  if (version === "v1" && kid && body === undefined) return openLegacy(Buffer.from(kid, "base64url")).toString("utf8");
  if (version !== "v2" || !kid || !body || extra !== undefined) throw new Error("Unknown ciphertext format");
  return open(kid, Buffer.from(body, "base64url"), context).toString("utf8");
}

export function encryptJson(value: unknown, context?: EncryptionContext): string {
  return encryptText(JSON.stringify(value), context);
}

export function decryptJson<T>(sealed: string, context?: EncryptionContext): T {
  return JSON.parse(decryptText(sealed, context)) as T;
}

/** The key a sealed value (text or file bytes) was made with, and whether it is bound to a context. */
export function sealedKeyId(sealed: string | Buffer): { kid: string; bound: boolean } {
  if (typeof sealed === "string") {
    const [version, kid, body] = sealed.split(":");
    if (version === "v1") return { kid: LEGACY_DATA_KEY_ID, bound: false };
    return { kid, bound: (Buffer.from(body ?? "", "base64url")[0] & BOUND) === BOUND };
  }
  const parsed = parseBytes(sealed);
  return parsed ? { kid: parsed.kid, bound: (parsed.body[0] & BOUND) === BOUND } : { kid: LEGACY_DATA_KEY_ID, bound: false };
}

function hmac(key: Buffer, data: string | Buffer): Buffer {
  return suiteHash() === "sm3" ? hmacSm3(key, data) : createHmac("sha256", key).update(data).digest();
}

/** Keyed hash for looking up encrypted values (ID and phone numbers) without decrypting. */
export function lookupHash(value: string): string {
  return hmac(lookupKey(), value).toString("base64url");
}

/** Keyed hash of a client address for the audit log: correlates requests, cannot be reversed by guessing addresses. */
export function addressHash(address: string): string {
  return hmac(addressKey(), address).toString("base64url").slice(0, 22);
}

/** HMAC with the session and form signing key, for short-lived tokens (CSRF, SMS codes). */
export function sign(value: string, purpose: string): string {
  return hmac(formSigningKey(), `${purpose}\u0000${value}`).toString("base64url");
}

function certificateHmac(kid: string, body: string): Buffer {
  const message = `certificate\u0000${body}`;
  return algorithmOfKeyId(kid) === "hmac-sm3" ? hmacSm3(certificateKey(kid), message) : createHmac("sha256", certificateKey(kid)).update(message).digest();
}

/** The MAC of a certificate code's body under the active certificate key. */
export function certificateMac(body: string): Buffer {
  return certificateHmac(activeKeyId("certificate"), body);
}

/** The MACs of a body under every certificate key that still verifies, so rotating the key leaves issued codes valid. */
export function certificateMacCandidates(body: string): Buffer[] {
  return acceptedCertificateKeyIds().map((kid) => certificateHmac(kid, body));
}

export type SignedStatement = { kid: string; algorithm: StatementAlgorithm; signature: Buffer };

/** Signs a statement for offline checking (Ed25519, or SM2 with SM3 under CRYPTO_SUITE=gm) with the active statement key. */
export function signStatement(bytes: Uint8Array): SignedStatement {
  const kid = activeKeyId("statement");
  const algorithm = algorithmOfKeyId(kid) as StatementAlgorithm;
  const message = Buffer.from(bytes);
  const signature = algorithm === "ed25519" ? signWith(null, message, statementPrivateKey(kid)) : sm2Sign(statementPrivateKey(kid), message);
  return { kid, algorithm, signature };
}

/** Checks a statement against the published key it names; a retired or unknown key fails. */
export async function verifyStatement(bytes: Uint8Array, signature: Uint8Array, kid: string): Promise<boolean> {
  let key = await db.cryptoKey.findUnique({ where: { id: kid } });
  // A genesis key is recorded on the first keyring load; a statement may have been signed just before.
  if (!key) key = (await loadKeyring(), await db.cryptoKey.findUnique({ where: { id: kid } }));
  if (!key || key.purpose !== "statement" || key.status === "retired" || !key.publicKey) return false;
  return verifyWithPublicKey(key.algorithm as StatementAlgorithm, Buffer.from(key.publicKey, "base64"), bytes, signature);
}

/** The check an offline verifier does with a published key (SubjectPublicKeyInfo DER). */
export function verifyWithPublicKey(algorithm: StatementAlgorithm, spki: Buffer, bytes: Uint8Array, signature: Uint8Array): boolean {
  try {
    if (algorithm === "sm2-sm3") return sm2Verify(spki, Buffer.from(bytes), Buffer.from(signature));
    return verifyWith(null, Buffer.from(bytes), { key: spki, format: "der", type: "spki" }, Buffer.from(signature));
  } catch {
    return false;
  }
}

export type PublishedKey = { kid: string; algorithm: StatementAlgorithm; status: "active" | "verify" | "retired"; publicKey: string; createdAt: Date; retiredAt: Date | null };

/** The statement keys for /verify/keys: every key ever used, retired ones marked as retired. */
export async function statementPublicKeys(): Promise<PublishedKey[]> {
  const rows = await db.cryptoKey.findMany({ where: { purpose: "statement" }, orderBy: { createdAt: "asc" } });
  return rows.map((row) => ({
    kid: row.id,
    algorithm: row.algorithm as StatementAlgorithm,
    status: row.status as PublishedKey["status"],
    publicKey: row.publicKey ?? "",
    createdAt: row.createdAt,
    retiredAt: row.retiredAt,
  }));
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
