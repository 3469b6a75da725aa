import { randomBytes } from "node:crypto";
import { findService } from "~/services/registry";
import { certificateMac, certificateMacCandidates, decryptJson, newId, safeEqual } from "~/utils/crypto.server";
import { columnContext } from "~/utils/sealed-columns.server";
import { db, type Tx } from "~/utils/db.server";
import { maskValue } from "./masking";
import type { Answers } from "./define-service";

// Crockford's base32: no I, L, O or U, so a code read aloud or retyped stays unambiguous.
const ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

function base32(bytes: Buffer, length: number): string {
  let bits = 0;
  let value = 0;
  let out = "";
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5 && out.length < length) {
      out += ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  return out;
}

function signature(mac: Buffer): string {
  return base32(mac, 8);
}

/** 80 random bits and a 40-bit server signature: a made-up code fails before any look-up. */
export function newCertificateCode(): string {
  const body = base32(randomBytes(10), 16);
  return body + signature(certificateMac(body));
}

export function isAuthenticCode(code: string): boolean {
  const normalised = normaliseCode(code);
  if (normalised.length !== 24) return false;
  // Any certificate key not retired: rotating the key leaves issued codes valid.
  return certificateMacCandidates(normalised.slice(0, 16)).some((mac) => safeEqual(signature(mac), normalised.slice(16)));
}

export function normaliseCode(code: string): string {
  return code.toUpperCase().replace(/[^0-9A-Z]/g, "");
}

export function formatCode(code: string): string {
  return code.match(/.{1,4}/g)?.join("-") ?? code;
}

export async function issueCertificate(tx: Tx, applicationId: string): Promise<string> {
  const code = newCertificateCode();
  await tx.certificate.create({ data: { id: newId(), applicationId, code, status: "valid" } });
  return code;
}

export type Verification =
  | { result: "unknown" }
  | { result: "valid" | "revoked" | "superseded"; titleKey: string; issuedAt: Date; maskedLines: { labelKey: string; value: string }[] };

/**
 * The public check of a certificate code. A code without a valid signature is unknown
 * before any database look-up; the holder's data leaves here only masked.
 */
export async function verifyCertificate(code: string): Promise<Verification> {
  if (!isAuthenticCode(code)) return { result: "unknown" };
  const certificate = await db.certificate.findUnique({
    where: { code: normaliseCode(code) },
    select: { status: true, issuedAt: true, application: { select: { id: true, serviceSlug: true, answersEnc: true } } },
  });
  const service = certificate ? findService(certificate.application.serviceSlug) : undefined;
  if (!certificate || !service || service.output.kind === "none") return { result: "unknown" };
  const answers = decryptJson<Answers>(certificate.application.answersEnc, columnContext("Application", "answersEnc", certificate.application.id));
  return {
    result: certificate.status === "valid" ? "valid" : certificate.status === "superseded" ? "superseded" : "revoked",
    titleKey: service.output.titleKey,
    issuedAt: certificate.issuedAt,
    // Only the masked identity lines: enough to match the holder, nothing more.
    maskedLines: service.output
      .lines(answers)
      .filter((line) => line.mask)
      .map((line) => ({ labelKey: line.labelKey, value: maskValue(line.mask!, line.value) })),
  };
}
