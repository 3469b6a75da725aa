import { createHmac, createPrivateKey, createPublicKey, hkdfSync, randomBytes, type KeyObject } from "node:crypto";
import { keyBytes, secrets } from "./config.server";
import { db } from "./db.server";
import { sm2PrivateKey, sm2PublicKeyDer } from "./gm.server";

// The keyring (docs/decisions/007-keys.md). Key material is never stored: every key is
// derived with HKDF from a master secret in the environment and the key's id. The
// database (CryptoKey) holds only which ids exist and their status, so every instance
// agrees on the active key and a rotation reaches all of them.
//
//   DATA_ENCRYPTION_KEY  master of the data keys (and of the audit chain key)
//   LOOKUP_HASH_KEY      lookup hashes (HMAC, unchanged since v1) and the audit address hash
//   SESSION_SECRET       session and form signing (CSRF tokens, SMS code hashes)
//   SIGNING_KEY          optional master of the certificate and statement keys; derived from
//                        DATA_ENCRYPTION_KEY when unset. Set it before the first certificate
//                        is issued or never: it is not rotated, its derived keys are.
//   CRYPTO_SUITE         "standard" (AES-256-GCM, SHA-256, Ed25519; default) or "gm"
//                        (SM4, SM3, SM2: docs/decisions/008-guomi.md)

export type CryptoSuite = "standard" | "gm";
export type KeyPurpose = "data" | "certificate" | "statement";
/** active: used for new values; verify: decrypts or verifies only; retired: used for nothing. */
export type KeyStatus = "active" | "verify" | "retired";
export type DataAlgorithm = "aes-256-gcm" | "sm4-ctr-hmac-sm3";
export type CertificateAlgorithm = "hmac-sha256" | "hmac-sm3";
export type StatementAlgorithm = "ed25519" | "sm2-sm3";
export type KeyAlgorithm = DataAlgorithm | CertificateAlgorithm | StatementAlgorithm;

export type KeyRecord = {
  id: string;
  purpose: KeyPurpose;
  algorithm: KeyAlgorithm;
  status: KeyStatus;
  publicKey: string | null;
  createdAt: Date;
  retiredAt: Date | null;
};

const SUITES: Record<CryptoSuite, { hash: "sha256" | "sm3"; data: DataAlgorithm; certificate: CertificateAlgorithm; statement: StatementAlgorithm }> = {
  standard: { hash: "sha256", data: "aes-256-gcm", certificate: "hmac-sha256", statement: "ed25519" },
  gm: { hash: "sm3", data: "sm4-ctr-hmac-sm3", certificate: "hmac-sm3", statement: "sm2-sm3" },
};

// A key id names its algorithm, so a ciphertext or signature says how to open it without a look-up.
const PREFIX: Record<KeyAlgorithm, string> = {
  "aes-256-gcm": "aes",
  "sm4-ctr-hmac-sm3": "sm4",
  "hmac-sha256": "hs256",
  "hmac-sm3": "hsm3",
  ed25519: "ed25519",
  "sm2-sm3": "sm2",
};
const PURPOSE: Record<KeyAlgorithm, KeyPurpose> = {
  "aes-256-gcm": "data",
  "sm4-ctr-hmac-sm3": "data",
  "hmac-sha256": "certificate",
  "hmac-sm3": "certificate",
  ed25519: "statement",
  "sm2-sm3": "statement",
};

/** The certificate-code key from before the keyring (HMAC with SESSION_SECRET); accepted until retired. */
export const LEGACY_CERTIFICATE_KEY_ID = "hs256-legacy";
/** Ciphertexts from before the keyring ("v1:"), AES-256-GCM with DATA_ENCRYPTION_KEY itself. */
export const LEGACY_DATA_KEY_ID = "v1";

export function cryptoSuite(): CryptoSuite {
  const value = (process.env.CRYPTO_SUITE ?? "standard").toLowerCase();
  if (value === "gm") return "gm";
  if (value === "standard" || value === "") return "standard";
  throw new Error(`CRYPTO_SUITE must be "standard" or "gm", not "${process.env.CRYPTO_SUITE}"`);
}

export function suiteHash(suite = cryptoSuite()): "sha256" | "sm3" {
  return SUITES[suite].hash;
}

export function suiteAlgorithm<P extends KeyPurpose>(purpose: P, suite = cryptoSuite()): (typeof SUITES)["standard"][P] {
  return SUITES[suite][purpose];
}

export function algorithmOfKeyId(kid: string): KeyAlgorithm {
  if (kid === LEGACY_CERTIFICATE_KEY_ID) return "hmac-sha256";
  const prefix = kid.slice(0, kid.indexOf("-"));
  const found = (Object.keys(PREFIX) as KeyAlgorithm[]).find((algorithm) => PREFIX[algorithm] === prefix);
  if (!found || !/^[a-z0-9]+-[A-Z2-7]{8}$/.test(kid)) throw new Error("Unknown key id");
  return found;
}

const familyHash = (algorithm: KeyAlgorithm) => (algorithm.includes("sm") ? "sm3" : "sha256");

function hkdf(hash: "sha256" | "sm3", master: Buffer, salt: string, info: string, length: number): Buffer {
  return Buffer.from(hkdfSync(hash, master, salt, info, length));
}

const masters = {
  data: () => keyBytes(secrets().DATA_ENCRYPTION_KEY),
  lookup: () => keyBytes(secrets().LOOKUP_HASH_KEY),
  session: () => keyBytes(secrets().SESSION_SECRET),
  signing: () => (process.env.SIGNING_KEY ? keyBytes(process.env.SIGNING_KEY) : hkdf("sha256", keyBytes(secrets().DATA_ENCRYPTION_KEY), "portal/signing-master", "", 32)),
};

const derived = new Map<string, Buffer>();
function memo(name: string, make: () => Buffer): Buffer {
  let key = derived.get(name);
  if (!key) derived.set(name, (key = make()));
  return key;
}

/** AES-256-GCM: 32 bytes. SM4-CTR + HMAC-SM3: 16 bytes cipher key then 32 bytes MAC key. */
export function dataKey(kid: string): Buffer {
  const algorithm = algorithmOfKeyId(kid);
  if (PURPOSE[algorithm] !== "data") throw new Error("Not a data key");
  return memo(`data:${kid}`, () => hkdf(familyHash(algorithm), masters.data(), "portal/data-key", kid, algorithm === "aes-256-gcm" ? 32 : 48));
}

/** The pre-keyring data key: DATA_ENCRYPTION_KEY itself. */
export function legacyDataKey(): Buffer {
  return masters.data();
}

export function certificateKey(kid: string): Buffer {
  if (kid === LEGACY_CERTIFICATE_KEY_ID) return masters.session();
  const algorithm = algorithmOfKeyId(kid);
  if (PURPOSE[algorithm] !== "certificate") throw new Error("Not a certificate key");
  return memo(`certificate:${kid}`, () => hkdf(familyHash(algorithm), masters.signing(), "portal/certificate-key", kid, 32));
}

const privateKeys = new Map<string, KeyObject>();
export function statementPrivateKey(kid: string): KeyObject {
  const algorithm = algorithmOfKeyId(kid);
  if (PURPOSE[algorithm] !== "statement") throw new Error("Not a statement key");
  let key = privateKeys.get(kid);
  if (!key) {
    const material = hkdf(familyHash(algorithm), masters.signing(), "portal/statement-key", kid, algorithm === "ed25519" ? 32 : 40);
    key =
      algorithm === "ed25519"
        ? createPrivateKey({ key: Buffer.concat([Buffer.from("302e020100300506032b657004220420", "hex"), material]), format: "der", type: "pkcs8" })
        : sm2PrivateKey(material);
    privateKeys.set(kid, key);
  }
  return key;
}

/** SubjectPublicKeyInfo DER of a statement key. */
export function statementPublicKeyDer(kid: string): Buffer {
  const key = statementPrivateKey(kid);
  return algorithmOfKeyId(kid) === "sm2-sm3" ? sm2PublicKeyDer(key) : createPublicKey(key).export({ type: "spki", format: "der" });
}

/** Session and form signing (CSRF tokens, SMS code hashes): not rotated by id; changing SESSION_SECRET only voids forms in flight. */
export function formSigningKey(): Buffer {
  const hash = suiteHash();
  return memo(`form:${hash}`, () => hkdf(hash, masters.session(), "portal/form-signing", hash, 32));
}

/** Lookup hashes: HMAC with LOOKUP_HASH_KEY itself, so hashes stored before the keyring still match. */
export function lookupKey(): Buffer {
  return masters.lookup();
}

/** The key of the keyed hash of client addresses in the audit log. */
export function addressKey(): Buffer {
  const hash = suiteHash();
  return memo(`address:${hash}`, () => hkdf(hash, masters.lookup(), "portal/audit-address", hash, 32));
}

/** The key of the audit log's hash chain (an HMAC, so a database writer cannot re-chain edited rows). */
export function auditChainKey(hash: "sha256" | "sm3"): Buffer {
  return memo(`audit:${hash}`, () => hkdf(hash, masters.data(), "portal/audit-chain", hash, 32));
}

const BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
function base32(bytes: Buffer, length: number): string {
  let out = "";
  for (let i = 0; out.length < length; i += 1) out += BASE32[bytes[i] & 31];
  return out;
}

/** The first key of a purpose under a suite: its id follows from the master, so instances agree before any row exists. */
export function genesisKeyId(algorithm: KeyAlgorithm): string {
  const master = PURPOSE[algorithm] === "data" ? masters.data() : masters.signing();
  return `${PREFIX[algorithm]}-${base32(createHmac("sha256", master).update(`genesis:${algorithm}`).digest(), 8)}`;
}

export function newKeyId(algorithm: KeyAlgorithm): string {
  return `${PREFIX[algorithm]}-${base32(randomBytes(8), 8)}`;
}

// ---- The keyring snapshot ----
// Encryption and signing are synchronous (the whole app calls them inline), so each process
// keeps a snapshot of the CryptoKey rows and refreshes it in the background once it is older
// than KEYRING_REFRESH_SECONDS. A rotation waits out that interval before re-encrypting.

let snapshot: { keys: KeyRecord[]; at: number } | undefined;
let loading: Promise<KeyRecord[]> | undefined;

export function keyringRefreshMs(): number {
  return Number(process.env.KEYRING_REFRESH_SECONDS ?? 10) * 1000;
}

function toRecord(row: { id: string; purpose: string; algorithm: string; status: string; publicKey: string | null; createdAt: Date; retiredAt: Date | null }): KeyRecord {
  return { ...row, purpose: row.purpose as KeyPurpose, algorithm: row.algorithm as KeyAlgorithm, status: row.status as KeyStatus };
}

async function createKey(algorithm: KeyAlgorithm, id: string, status: KeyStatus = "active") {
  const publicKey = PURPOSE[algorithm] === "statement" ? statementPublicKeyDer(id).toString("base64") : null;
  try {
    await db.cryptoKey.create({ data: { id, purpose: PURPOSE[algorithm], algorithm, status, publicKey } });
  } catch (error) {
    // Another instance made the same genesis key at the same moment.
    if ((error as { code?: string }).code !== "P2002") throw error;
  }
}

async function readKeyring(): Promise<KeyRecord[]> {
  let rows = await db.cryptoKey.findMany({ orderBy: { createdAt: "asc" } });
  let created = false;
  for (const purpose of ["data", "certificate", "statement"] as const) {
    const algorithm = suiteAlgorithm(purpose);
    if (rows.some((row) => row.algorithm === algorithm && row.status === "active")) continue;
    const genesis = genesisKeyId(algorithm);
    await createKey(algorithm, rows.some((row) => row.id === genesis) ? newKeyId(algorithm) : genesis);
    created = true;
  }
  if (created) rows = await db.cryptoKey.findMany({ orderBy: { createdAt: "asc" } });
  const keys = rows.map(toRecord);
  snapshot = { keys, at: Date.now() };
  return keys;
}

/**
 * Reads the keyring now (after any read already under way, which may predate the caller's
 * change); on first use under a suite, records that suite's genesis keys.
 */
export async function loadKeyring(): Promise<KeyRecord[]> {
  const earlier = loading;
  const next: Promise<KeyRecord[]> = (async () => {
    await earlier?.catch(() => {});
    return readKeyring();
  })();
  loading = next;
  try {
    return await next;
  } finally {
    if (loading === next) loading = undefined;
  }
}

function currentKeys(): KeyRecord[] | undefined {
  if (!loading && (!snapshot || Date.now() - snapshot.at > keyringRefreshMs())) {
    loadKeyring().catch((error) => console.error("keyring: refresh failed:", error instanceof Error ? error.message : error));
  }
  return snapshot?.keys;
}

/** The key new values of a purpose are sealed or signed with: the newest active key of the configured suite. */
export function activeKeyId(purpose: KeyPurpose): string {
  const algorithm = suiteAlgorithm(purpose);
  const active = (currentKeys() ?? []).filter((key) => key.algorithm === algorithm && key.status === "active");
  // Before the first load the genesis key is the active one (docs/decisions/007-keys.md).
  return active.at(-1)?.id ?? genesisKeyId(algorithm);
}

/** Certificate keys whose codes still verify: every key not retired, newest first, and the pre-keyring key unless retired. */
export function acceptedCertificateKeyIds(): string[] {
  const keys = currentKeys() ?? [];
  const accepted = keys.filter((key) => key.purpose === "certificate" && key.status !== "retired").map((key) => key.id).reverse();
  const active = activeKeyId("certificate");
  if (!accepted.includes(active)) accepted.unshift(active);
  const legacyRetired = keys.some((key) => key.id === LEGACY_CERTIFICATE_KEY_ID && key.status === "retired");
  if (!legacyRetired) accepted.push(LEGACY_CERTIFICATE_KEY_ID);
  return accepted;
}

export function keyStatus(kid: string): KeyStatus | undefined {
  return currentKeys()?.find((key) => key.id === kid)?.status;
}

// ---- Rotation (used by scripts/keys.ts) ----

/** Adds a new active key for the purpose under the configured suite; the other keys of the purpose step down to "verify". */
export async function addKey(purpose: KeyPurpose): Promise<string> {
  const algorithm = suiteAlgorithm(purpose);
  const id = newKeyId(algorithm);
  await db.$transaction(async (tx) => {
    await tx.cryptoKey.updateMany({ where: { purpose, status: "active" }, data: { status: "verify" } });
    const publicKey = purpose === "statement" ? statementPublicKeyDer(id).toString("base64") : null;
    await tx.cryptoKey.create({ data: { id, purpose, algorithm, status: "active", publicKey } });
  });
  await loadKeyring();
  return id;
}

/** Retires a key: never used again for anything. The pre-keyring certificate key gets a row to say so. */
export async function retireKey(kid: string): Promise<void> {
  const now = new Date();
  if (kid === LEGACY_CERTIFICATE_KEY_ID) {
    await db.cryptoKey.upsert({
      where: { id: kid },
      create: { id: kid, purpose: "certificate", algorithm: "hmac-sha256", status: "retired", retiredAt: now },
      update: { status: "retired", retiredAt: now },
    });
  } else {
    const key = await db.cryptoKey.findUnique({ where: { id: kid } });
    if (!key) throw new Error(`No key ${kid}`);
    if (key.status === "active") throw new Error(`${kid} is active: add a new key first`);
    await db.cryptoKey.update({ where: { id: kid }, data: { status: "retired", retiredAt: now } });
  }
  await loadKeyring();
}

export async function listKeys(): Promise<KeyRecord[]> {
  return loadKeyring();
}

// Start loading as soon as the server imports this module, so the first request already
// finds the keyring; a failure here is retried (and logged) on first use.
loadKeyring().catch(() => {});
