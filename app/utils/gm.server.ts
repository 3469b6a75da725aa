import { createCipheriv, createDecipheriv, createHash, createHmac, createPrivateKey, createPublicKey, createSign, createVerify, type KeyObject } from "node:crypto";

// China's commercial cryptography (国密) through Node's own OpenSSL 3:
//   SM3 (GB/T 32905) hash and HMAC, SM4 (GB/T 32907) block cipher, SM2 (GB/T 32918)
//   signatures with SM3. See docs/decisions/008-guomi.md for what Node 20 can and cannot do:
//   its OpenSSL has no SM4-GCM, so data is sealed with SM4-CTR and HMAC-SM3
//   (encrypt-then-MAC), and `crypto.sign` computes SM2's Z value over an EMPTY user ID, so
//   Z is computed here with the standard default ID and the signature made over SM3(Z || M).

/** GB/T 35276-2017 default signer ID, used when none is agreed. */
export const SM2_DEFAULT_ID = "1234567812345678";

const hex = (value: string) => Buffer.from(value, "hex");
// SM2 curve parameters (GB/T 32918.5): a, b, the base point G and the order n.
const SM2_A = hex("FFFFFFFEFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF00000000FFFFFFFFFFFFFFFC");
const SM2_B = hex("28E9FA9E9D9F5E344D5A9E4BCF6509A7F39789F515AB8F92DDBCBD414D940E93");
const SM2_GX = hex("32C4AE2C1F1981195F9904466A39C9948FE30BBFF2660BE1715A4589334C74C7");
const SM2_GY = hex("BC3736A2F4F6779C59BDCEE36B692153D0A9877CC62A474002DF32E52139F0A0");
const SM2_N = BigInt("0xFFFFFFFEFFFFFFFFFFFFFFFFFFFFFFFF7203DF6B21C6052B53BBF40939D54123");
// DER pieces: id-ecPublicKey with the SM2 curve (1.2.156.10197.1.301).
const SM2_ALGORITHM_ID = hex("301306072a8648ce3d020106082a811ccf5501822d");
const SM2_CURVE_PARAM = hex("a00a06082a811ccf5501822d");

export function sm3(data: Buffer | string): Buffer {
  return createHash("sm3").update(data).digest();
}

export function hmacSm3(key: Buffer, data: Buffer | string): Buffer {
  return createHmac("sm3", key).update(data).digest();
}

/** SM4 in counter mode (no padding); the caller authenticates the result (HMAC-SM3). */
export function sm4Ctr(key: Buffer, iv: Buffer, data: Buffer): Buffer {
  const cipher = createCipheriv("sm4-ctr", key, iv);
  return Buffer.concat([cipher.update(data), cipher.final()]);
}

export function sm4CtrDecrypt(key: Buffer, iv: Buffer, data: Buffer): Buffer {
  const decipher = createDecipheriv("sm4-ctr", key, iv);
  return Buffer.concat([decipher.update(data), decipher.final()]);
}

function derLength(length: number): Buffer {
  return length < 0x80 ? Buffer.from([length]) : Buffer.from([0x81, length]);
}

function der(tag: number, body: Buffer): Buffer {
  return Buffer.concat([Buffer.from([tag]), derLength(body.length), body]);
}

/**
 * An SM2 private key from 32 or more bytes of key material (reduced into [1, n-2]).
 * Imported from PKCS#8 DER: only imported keys are SM2 keys to OpenSSL; a key made by
 * `generateKeyPairSync("ec", { namedCurve: "SM2" })` signs plain ECDSA over the SM2 curve.
 */
export function sm2PrivateKey(material: Buffer): KeyObject {
  const scalar = (BigInt(`0x${material.toString("hex")}`) % (SM2_N - 2n)) + 1n;
  const d = hex(scalar.toString(16).padStart(64, "0"));
  const ecPrivateKey = der(0x30, Buffer.concat([hex("020101"), der(0x04, d), SM2_CURVE_PARAM]));
  const pkcs8 = der(0x30, Buffer.concat([hex("020100"), SM2_ALGORITHM_ID, der(0x04, ecPrivateKey)]));
  return createPrivateKey({ key: pkcs8, format: "der", type: "pkcs8" });
}

/** The public key as SubjectPublicKeyInfo DER (what the published key list carries). */
export function sm2PublicKeyDer(privateKey: KeyObject): Buffer {
  return createPublicKey(privateKey).export({ type: "spki", format: "der" });
}

/** The uncompressed point 04||x||y from SubjectPublicKeyInfo DER. */
export function sm2RawPublicKey(spki: Buffer): Buffer {
  return spki.subarray(spki.length - 65);
}

export function sm2PublicKey(spki: Buffer): KeyObject {
  return createPublicKey({ key: spki, format: "der", type: "spki" });
}

/** Z_A = SM3(ENTL || ID || a || b || xG || yG || xA || yA) (GB/T 32918.2, 5.5). */
export function sm2Z(spki: Buffer, id = SM2_DEFAULT_ID): Buffer {
  const idBytes = Buffer.from(id, "utf8");
  const entl = Buffer.alloc(2);
  entl.writeUInt16BE(idBytes.length * 8);
  return sm3(Buffer.concat([entl, idBytes, SM2_A, SM2_B, SM2_GX, SM2_GY, sm2RawPublicKey(spki).subarray(1)]));
}

/**
 * SM2 signature (DER SEQUENCE of r, s) over SM3(Z_A || message). Node's Sign object hashes
 * what it is given with SM3 and hands the digest to OpenSSL's SM2 signer as e, so feeding
 * it Z_A || M gives the standard signature with the chosen ID.
 */
export function sm2Sign(privateKey: KeyObject, message: Buffer, id = SM2_DEFAULT_ID): Buffer {
  const z = sm2Z(sm2PublicKeyDer(privateKey), id);
  return createSign("sm3").update(Buffer.concat([z, message])).sign(privateKey);
}

export function sm2Verify(spki: Buffer, message: Buffer, signature: Buffer, id = SM2_DEFAULT_ID): boolean {
  try {
    return createVerify("sm3").update(Buffer.concat([sm2Z(spki, id), message])).verify(sm2PublicKey(spki), signature);
  } catch {
    return false;
  }
}
