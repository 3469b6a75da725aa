import { createCipheriv, randomBytes, sign as oneShotSign } from "node:crypto";
import { sm2, sm3 as referenceSm3, sm4 as referenceSm4 } from "sm-crypto";
import { describe, expect, it } from "vitest";
import { hmacSm3, sm2PrivateKey, sm2PublicKeyDer, sm2RawPublicKey, sm2Sign, sm2Verify, sm3, sm4Ctr, sm4CtrDecrypt } from "~/utils/gm.server";

// Node's OpenSSL against an independent implementation (sm-crypto, a pure-JS one, used only
// here) and against the examples printed in the standards.

const hex = (value: string) => Buffer.from(value, "hex");
const bytes = (buffer: Buffer) => Array.from(buffer);

describe("SM3 (GB/T 32905-2016)", () => {
  it("gives the standard's example digests", () => {
    expect(sm3("abc").toString("hex")).toBe("66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0");
    expect(sm3("abcd".repeat(16)).toString("hex")).toBe("debe9ff92275b8a138604889c18e5a4d6fdb70e5387e5765293dcba39c0c5732");
  });

  it("agrees with sm-crypto on random messages, and its HMAC too", () => {
    for (const length of [0, 1, 55, 56, 64, 1000]) {
      const message = randomBytes(length);
      expect(sm3(message).toString("hex")).toBe(referenceSm3(bytes(message)));
      const key = randomBytes(32);
      expect(hmacSm3(key, message).toString("hex")).toBe(referenceSm3(bytes(message), { key: key.toString("hex") }));
    }
  });
});

describe("SM4 (GB/T 32907-2016)", () => {
  const key = hex("0123456789abcdeffedcba9876543210");

  it("encrypts the standard's example 1", () => {
    const cipher = createCipheriv("sm4-ecb", key, null).setAutoPadding(false);
    expect(cipher.update(key).toString("hex")).toBe("681edf34d206965e86b3e94f536e4246");
    expect(referenceSm4.encrypt(bytes(key), key.toString("hex"), { padding: "none" })).toBe("681edf34d206965e86b3e94f536e4246");
  });

  it("encrypts the standard's example 2 (one million times)", () => {
    const cipher = createCipheriv("sm4-ecb", key, null).setAutoPadding(false);
    let block: Buffer = key;
    for (let i = 0; i < 1_000_000; i += 1) block = cipher.update(block);
    expect(block.toString("hex")).toBe("595298c7c6fd271f0402f804c33d3f66");
  });

  it("CTR mode agrees with a counter built on sm-crypto's block cipher", () => {
    const dataKey = randomBytes(16);
    const iv = randomBytes(16);
    const plain = randomBytes(100);
    const ours = sm4Ctr(dataKey, iv, plain);
    const counterBlocks = Buffer.alloc(112);
    let counter = BigInt(`0x${iv.toString("hex")}`);
    for (let i = 0; i < 7; i += 1, counter = (counter + 1n) % (1n << 128n)) hex(counter.toString(16).padStart(32, "0")).copy(counterBlocks, i * 16);
    const keystream = hex(referenceSm4.encrypt(bytes(counterBlocks), dataKey.toString("hex"), { padding: "none" }) as string);
    expect(ours.equals(Buffer.from(plain.map((byte, i) => byte ^ keystream[i])))).toBe(true);
    expect(sm4CtrDecrypt(dataKey, iv, ours).equals(plain)).toBe(true);
  });
});

describe("SM2 signatures with SM3 (GB/T 32918.2)", () => {
  const privateKey = sm2PrivateKey(randomBytes(40));
  const spki = sm2PublicKeyDer(privateKey);
  const publicHex = sm2RawPublicKey(spki).toString("hex");
  const message = Buffer.from("流动人口婚育情况证明 statement #1", "utf8");

  it("derives the same public key as sm-crypto from the private scalar", () => {
    const pkcs8 = privateKey.export({ type: "pkcs8", format: "der" });
    const scalar = pkcs8.subarray(pkcs8.indexOf(hex("0420"), 20) + 2).subarray(0, 32);
    // @types/sm-crypto lacks this function, which sm-crypto 0.3.8+ has.
    const { getPublicKeyFromPrivateKey } = sm2 as unknown as { getPublicKeyFromPrivateKey(privateKey: string): string };
    expect(getPublicKeyFromPrivateKey(scalar.toString("hex"))).toBe(publicHex);
  });

  it("signs here and verifies in sm-crypto (default ID 1234567812345678)", () => {
    const signature = sm2Sign(privateKey, message);
    expect(sm2.doVerifySignature(bytes(message), signature.toString("hex"), publicHex, { der: true, hash: true })).toBe(true);
    const altered = Buffer.from(message);
    altered[0] ^= 1;
    expect(sm2.doVerifySignature(bytes(altered), signature.toString("hex"), publicHex, { der: true, hash: true })).toBe(false);
  });

  it("verifies here what sm-crypto signs, and refuses a changed byte", () => {
    const pkcs8 = privateKey.export({ type: "pkcs8", format: "der" });
    const scalar = pkcs8.subarray(pkcs8.indexOf(hex("0420"), 20) + 2).subarray(0, 32).toString("hex");
    const signature = hex(sm2.doSignature(bytes(message), scalar, { der: true, hash: true, publicKey: publicHex }));
    expect(sm2Verify(spki, message, signature)).toBe(true);
    expect(sm2Verify(spki, Buffer.concat([message, Buffer.from("x")]), signature)).toBe(false);
  });

  it("documents Node's limitation: crypto.sign uses an EMPTY signer ID, not the standard default", () => {
    const signature = oneShotSign("sm3", message, privateKey);
    expect(sm2.doVerifySignature(bytes(message), signature.toString("hex"), publicHex, { der: true, hash: true })).toBe(false);
    expect(sm2.doVerifySignature(bytes(message), signature.toString("hex"), publicHex, { der: true, hash: true, userId: "" })).toBe(true);
  });
});
