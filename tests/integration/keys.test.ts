import { createCipheriv, createHmac, randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { sm2 } from "sm-crypto";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { isAuthenticCode, newCertificateCode } from "~/engine/certificates.server";
import { compareWithRecords } from "~/engine/comparison.server";
import { keyBytes, secrets, uploadsDir } from "~/utils/config.server";
import {
  decryptBytes,
  decryptJson,
  decryptText,
  encryptBytes,
  encryptJson,
  encryptText,
  lookupHash,
  newId,
  sealedKeyId,
  signStatement,
  statementPublicKeys,
  verifyStatement,
  verifyWithPublicKey,
} from "~/utils/crypto.server";
import { db } from "~/utils/db.server";
import { sm2RawPublicKey } from "~/utils/gm.server";
import { activeKeyId, addKey, LEGACY_CERTIFICATE_KEY_ID, loadKeyring, retireKey } from "~/utils/keys.server";
import { fileContext, rotateDataKey, SEALED_COLUMNS, sealedKeyUsage, UPLOADS_BOUND } from "~/utils/sealed-columns.server";
import { demoMarriage, demoWoman } from "~/services/birth-registration/examples";

const v1 = (plain: Buffer) => {
  // The format before the keyring: AES-256-GCM under DATA_ENCRYPTION_KEY itself, no associated data.
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", keyBytes(secrets().DATA_ENCRYPTION_KEY), iv);
  const body = Buffer.concat([cipher.update(plain), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]);
};

const withSuite = async <T>(suite: string, run: () => Promise<T> | T): Promise<T> => {
  const before = process.env.CRYPTO_SUITE;
  process.env.CRYPTO_SUITE = suite;
  try {
    await loadKeyring();
    return await run();
  } finally {
    if (before === undefined) delete process.env.CRYPTO_SUITE;
    else process.env.CRYPTO_SUITE = before;
    await loadKeyring();
  }
};

beforeAll(async () => {
  await loadKeyring();
});

afterEach(async () => {
  await loadKeyring();
});

describe("sealed values", () => {
  const here = { table: "PopulationRecord", column: "nameEnc", id: "row-1" };

  it("carry the active key's id and open again", () => {
    const sealed = encryptJson({ idNumber: demoWoman.idNumber });
    expect(sealed.startsWith(`v2:${activeKeyId("data")}:`)).toBe(true);
    expect(sealed).not.toContain(demoWoman.idNumber);
    expect(decryptJson(sealed)).toEqual({ idNumber: demoWoman.idNumber });
  });

  it("still open in the v1 format, as text and as files", () => {
    const legacy = v1(Buffer.from("13800000001"));
    expect(decryptText(`v1:${legacy.toString("base64url")}`)).toBe("13800000001");
    expect(decryptBytes(legacy).toString()).toBe("13800000001");
  });

  it("bound to a row and column do not open anywhere else", () => {
    const sealed = encryptText("张丽华", here);
    expect(decryptText(sealed, here)).toBe("张丽华");
    expect(() => decryptText(sealed, { ...here, id: "row-2" })).toThrow();
    expect(() => decryptText(sealed, { ...here, column: "idEnc" })).toThrow();
    expect(() => decryptText(sealed, { ...here, table: "User" })).toThrow();
    expect(() => decryptText(sealed)).toThrow();
    const file = encryptBytes(Buffer.from("scan"), fileContext("key-a"));
    expect(decryptBytes(file, fileContext("key-a")).toString()).toBe("scan");
    expect(() => decryptBytes(file, fileContext("key-b"))).toThrow();
  });

  it("refuse any changed byte", () => {
    const sealed = encryptText("张丽华", here);
    const [version, kid, body] = sealed.split(":");
    const bytes = Buffer.from(body, "base64url");
    bytes[bytes.length - 1] ^= 1;
    expect(() => decryptText(`${version}:${kid}:${bytes.toString("base64url")}`, here)).toThrow();
  });

  it("under CRYPTO_SUITE=gm use SM4 with HMAC-SM3, and open under either suite", async () => {
    const sealed = await withSuite("gm", () => {
      const value = encryptText("张丽华", here);
      expect(value).toMatch(/^v2:sm4-[A-Z2-7]{8}:/);
      expect(decryptText(value, here)).toBe("张丽华");
      expect(() => decryptText(value, { ...here, id: "row-2" })).toThrow();
      const file = encryptBytes(Buffer.from("scan"));
      expect(decryptBytes(file).toString()).toBe("scan");
      return value;
    });
    expect(decryptText(sealed, here)).toBe("张丽华");
    const [, kid, body] = sealed.split(":");
    const bytes = Buffer.from(body, "base64url");
    bytes[20] ^= 1;
    expect(() => decryptText(`v2:${kid}:${bytes.toString("base64url")}`, here)).toThrow();
  });

  it("a population record moved to another row no longer opens, so the comparison refuses it", async () => {
    const record = await db.populationRecord.findUniqueOrThrow({ where: { idHash: lookupHash(demoWoman.idNumber) } });
    const other = await db.populationRecord.findFirstOrThrow({ where: { id: { not: record.id }, nameEnc: { not: null } } });
    expect(record.name).toBeNull();
    expect(record.nameEnc).not.toContain(demoWoman.name);
    const check = [{ subjectKey: "mother", idNumber: demoWoman.idNumber, fields: [{ key: "name" as const, labelKey: "x", declared: demoWoman.name }] }];
    expect((await compareWithRecords(check)).match).toBe(true);
    await db.populationRecord.update({ where: { id: record.id }, data: { nameEnc: other.nameEnc } });
    try {
      await expect(compareWithRecords(check)).rejects.toThrow();
    } finally {
      await db.populationRecord.update({ where: { id: record.id }, data: { nameEnc: record.nameEnc } });
    }
  });
});

describe("keys:rotate", () => {
  it("lists every encrypted column of the schema", () => {
    const schema = readFileSync("prisma/schema.prisma", "utf8");
    const encrypted: string[] = [];
    for (const [, model, body] of schema.matchAll(/^model (\w+) \{([\s\S]*?)^\}/gm)) {
      for (const [, field] of body.matchAll(/^\s+(\w+Enc)\s/gm)) encrypted.push(`${model}.${field}`);
    }
    const listed = SEALED_COLUMNS.map((entry) => `${entry.table}.${entry.column}`);
    expect(encrypted.filter((column) => !listed.includes(column))).toEqual([]);
    expect(listed).toContain("SmsChallenge.payload");
  });

  it("re-seals every value and upload under a new key, binds what the registry says, and retires the old keys", async () => {
    // Values under the old key, in the v1 format, a plain name from before encryption, and uploads old and new.
    const phone = `139${String(Date.now()).slice(-8)}`;
    const user = await db.user.create({ data: { id: newId(), kind: "citizen", role: "citizen", name: "rotation", phoneEnc: encryptText(phone), phoneHash: lookupHash(phone), passwordHash: "x" } });
    const outbox = await db.smsOutbox.create({ data: { id: newId(), phoneEnc: `v1:${v1(Buffer.from(phone)).toString("base64url")}`, phoneMasked: "139****5678", body: "hi" } });
    const plainRecord = await db.populationRecord.create({
      data: { id: newId(), idHash: lookupHash("plain-record"), idEnc: encryptText("plain-record"), name: "旧明文", marriageCertNo: "J-OLD-1", sex: "female", birthDate: "1990-01-01", source: "seed" },
    });
    mkdirSync(uploadsDir(), { recursive: true });
    const files = { [newId()]: Buffer.from("scan one"), [newId()]: Buffer.from("scan two") };
    const [first, second] = Object.keys(files);
    writeFileSync(path.join(uploadsDir(), first), encryptBytes(files[first]));
    writeFileSync(path.join(uploadsDir(), second), v1(files[second]));

    const before = await sealedKeyUsage();
    const oldKeys = Object.keys(before).filter((kid) => kid !== "plain");
    expect(before.plain).toBeGreaterThan(0);

    const report = await rotateDataKey({ waitMs: 0 });

    const after = await sealedKeyUsage();
    expect(Object.keys(after)).toEqual([report.kid]);
    for (const kid of oldKeys.filter((kid) => kid !== "v1")) expect(report.retired).toContain(kid);
    const statuses = await db.cryptoKey.findMany({ where: { purpose: "data" } });
    expect(statuses.filter((key) => key.status !== "retired").map((key) => key.id)).toEqual([report.kid]);

    // The old key ids appear nowhere: not in any encrypted column, not in any file.
    for (const entry of SEALED_COLUMNS) {
      const key = entry.key ?? "id";
      const rows = (await (db as unknown as Record<string, { findMany(args: object): Promise<Record<string, string | null>[]> }>)[entry.table[0].toLowerCase() + entry.table.slice(1)].findMany({ select: { [key]: true, [entry.column]: true } })).map((row): Record<string, string | null> => ({ ...row, id: row[key] }));
      for (const row of rows) {
        const value = row[entry.column];
        if (!value) continue;
        for (const kid of oldKeys) expect(value.includes(`:${kid}:`) || value.startsWith(`${kid}:`)).toBe(false);
        expect(sealedKeyId(value)).toEqual({ kid: report.kid, bound: entry.bound });
        // Every value still opens, with its context where the registry binds it.
        expect(() => decryptText(value, entry.bound ? { table: entry.table, column: entry.column, id: row.id! } : undefined)).not.toThrow();
      }
    }
    for (const name of readdirSync(uploadsDir()).filter((name) => !name.startsWith("."))) {
      const sealed = readFileSync(path.join(uploadsDir(), name));
      expect(sealedKeyId(sealed).kid).toBe(report.kid);
      // (v1 files have no header to name it: sealedKeyId above tells those apart.)
      for (const kid of oldKeys.filter((kid) => kid !== "v1")) expect(sealed.includes(Buffer.from(kid))).toBe(false);
    }
    // Uploads are bound to their storage key once rotation has re-sealed them.
    expect(decryptBytes(readFileSync(path.join(uploadsDir(), first)), UPLOADS_BOUND ? fileContext(first) : undefined).toString()).toBe("scan one");
    expect(decryptBytes(readFileSync(path.join(uploadsDir(), second)), UPLOADS_BOUND ? fileContext(second) : undefined).toString()).toBe("scan two");

    expect(decryptText((await db.user.findUniqueOrThrow({ where: { id: user.id } })).phoneEnc!)).toBe(phone);
    expect(decryptText((await db.smsOutbox.findUniqueOrThrow({ where: { id: outbox.id } })).phoneEnc)).toBe(phone);
    const moved = await db.populationRecord.findUniqueOrThrow({ where: { id: plainRecord.id } });
    expect(moved.name).toBeNull();
    expect(moved.marriageCertNo).toBeNull();
    expect(decryptText(moved.nameEnc!, { table: "PopulationRecord", column: "nameEnc", id: moved.id })).toBe("旧明文");
    expect(decryptText(moved.marriageCertNoEnc!, { table: "PopulationRecord", column: "marriageCertNoEnc", id: moved.id })).toBe("J-OLD-1");
    // The demo couple still match their records after rotation.
    const check = [{ subjectKey: "mother", idNumber: demoWoman.idNumber, fields: [{ key: "marriageCertNo" as const, labelKey: "x", declared: demoMarriage.marriageCertNo }] }];
    expect((await compareWithRecords(check)).match).toBe(true);

    // New values go under the new key.
    expect(encryptText("x").startsWith(`v2:${report.kid}:`)).toBe(true);
    await db.populationRecord.delete({ where: { id: plainRecord.id } });
    await db.smsOutbox.delete({ where: { id: outbox.id } });
    await db.user.delete({ where: { id: user.id } });
  });
});

describe("certificate keys", () => {
  const ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
  const legacyCode = () => {
    // How codes were signed before the keyring: HMAC-SHA256 with SESSION_SECRET, 40 bits in Crockford base32.
    const body = "0123456789ABCDEF";
    const mac = createHmac("sha256", keyBytes(secrets().SESSION_SECRET)).update(`certificate\u0000${body}`).digest();
    let bits = 0;
    let value = 0;
    let out = "";
    for (const byte of mac) {
      value = (value << 8) | byte;
      bits += 8;
      while (bits >= 5 && out.length < 8) {
        out += ALPHABET[(value >>> (bits - 5)) & 31];
        bits -= 5;
      }
    }
    return body + out;
  };

  it("a rotated certificate key leaves issued codes authentic until it is retired", async () => {
    const oldKid = activeKeyId("certificate");
    const issued = newCertificateCode();
    const beforeKeyring = legacyCode();
    expect(isAuthenticCode(issued)).toBe(true);
    expect(isAuthenticCode(beforeKeyring)).toBe(true);

    const newKid = await addKey("certificate");
    expect(activeKeyId("certificate")).toBe(newKid);
    const fresh = newCertificateCode();
    expect(isAuthenticCode(issued)).toBe(true);
    expect(isAuthenticCode(fresh)).toBe(true);
    expect(isAuthenticCode(beforeKeyring)).toBe(true);

    await retireKey(oldKid);
    expect(isAuthenticCode(issued)).toBe(false);
    expect(isAuthenticCode(fresh)).toBe(true);
    await retireKey(LEGACY_CERTIFICATE_KEY_ID);
    expect(isAuthenticCode(beforeKeyring)).toBe(false);
    expect(isAuthenticCode(fresh.slice(0, 23) + (fresh[23] === "0" ? "1" : "0"))).toBe(false);
  });
});

describe("signed statements", () => {
  const statement = Buffer.from(JSON.stringify({ id: "CERT-1", holder: "张*华", until: "2027-12-31" }));

  it("verify with the published key, fail after one changed byte, and fail once the key is retired (Ed25519)", async () => {
    await withSuite("standard", async () => {
      const signed = signStatement(statement);
      expect(signed.algorithm).toBe("ed25519");
      expect(await verifyStatement(statement, signed.signature, signed.kid)).toBe(true);
      const changed = Buffer.from(statement);
      changed[5] ^= 1;
      expect(await verifyStatement(changed, signed.signature, signed.kid)).toBe(false);

      const published = (await statementPublicKeys()).find((key) => key.kid === signed.kid)!;
      expect(published.status).toBe("active");
      // What an officer without a network does: check against the published key alone.
      expect(verifyWithPublicKey("ed25519", Buffer.from(published.publicKey, "base64"), statement, signed.signature)).toBe(true);

      const next = await addKey("statement");
      expect(signStatement(statement).kid).toBe(next);
      expect(await verifyStatement(statement, signed.signature, signed.kid)).toBe(true);
      await retireKey(signed.kid);
      expect(await verifyStatement(statement, signed.signature, signed.kid)).toBe(false);
      const list = await statementPublicKeys();
      expect(list.find((key) => key.kid === signed.kid)?.status).toBe("retired");
      expect(list.find((key) => key.kid === next)?.status).toBe("active");
    });
  });

  it("under CRYPTO_SUITE=gm are SM2 signatures that sm-crypto verifies with the published key", async () => {
    await withSuite("gm", async () => {
      const signed = signStatement(statement);
      expect(signed.algorithm).toBe("sm2-sm3");
      expect(await verifyStatement(statement, signed.signature, signed.kid)).toBe(true);
      const published = (await statementPublicKeys()).find((key) => key.kid === signed.kid)!;
      const point = sm2RawPublicKey(Buffer.from(published.publicKey, "base64")).toString("hex");
      expect(sm2.doVerifySignature(Array.from(statement), signed.signature.toString("hex"), point, { der: true, hash: true })).toBe(true);
      const changed = Buffer.from(statement);
      changed[0] ^= 1;
      expect(await verifyStatement(changed, signed.signature, signed.kid)).toBe(false);
    });
  });
});
