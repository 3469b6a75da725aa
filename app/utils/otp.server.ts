import { randomInt } from "node:crypto";
import { serverT } from "~/i18n/resources.server";
import type { Language } from "~/i18n/config";
import { decryptJson, encryptJson, lookupHash, newId, safeEqual, sign } from "./crypto.server";
import { clientAddress } from "./audit.server";
import { db } from "./db.server";
import { isLimited, recordHit, smsLimits } from "./rate-limit.server";
import { sms } from "./sms.server";

const CODE_TTL_MS = 10 * 60 * 1000;
const MAX_ATTEMPTS = 5;

export type ChallengePurpose = "signup" | "login";

function codeHash(challengeId: string, code: string) {
  return sign(`${challengeId}:${code}`, "sms-code");
}

/**
 * Sends a 6-digit code by SMS; the code is stored only as a keyed hash. Codes are limited
 * per phone and per address, so the portal cannot be used to flood anyone with messages.
 */
export async function startChallenge(request: Request, phone: string, purpose: ChallengePurpose, payload: unknown, lng: Language): Promise<{ ok: true; id: string } | { ok: false }> {
  const limits = [smsLimits.phone(lookupHash(phone)), smsLimits.address(clientAddress(request))];
  for (const limit of limits) if (await isLimited(limit)) return { ok: false };
  for (const limit of limits) await recordHit(limit);
  const id = newId();
  const code = String(randomInt(0, 1_000_000)).padStart(6, "0");
  await db.smsChallenge.create({
    data: { id, phoneHash: lookupHash(phone), purpose, codeHash: codeHash(id, code), payload: encryptJson(payload), expiresAt: new Date(Date.now() + CODE_TTL_MS) },
  });
  await sms().send(phone, serverT(lng)(`common:sms.code_${purpose}`, { code, minutes: CODE_TTL_MS / 60_000 }));
  return { ok: true, id };
}

export type ChallengeResult<T> = { ok: true; payload: T } | { ok: false; error: "expired" | "wrong" | "tooMany" };

export async function challengeExists(id: string, purpose: ChallengePurpose): Promise<boolean> {
  const row = await db.smsChallenge.findFirst({ where: { id, purpose, consumedAt: null, expiresAt: { gt: new Date() } }, select: { id: true } });
  return !!row;
}

export async function completeChallenge<T>(id: string, purpose: ChallengePurpose, code: string): Promise<ChallengeResult<T>> {
  const row = await db.smsChallenge.findFirst({ where: { id, purpose } });
  if (!row || row.consumedAt || row.expiresAt < new Date()) return { ok: false, error: "expired" };
  if (row.attempts >= MAX_ATTEMPTS) return { ok: false, error: "tooMany" };
  if (!safeEqual(codeHash(id, code.trim()), row.codeHash)) {
    await db.smsChallenge.update({ where: { id }, data: { attempts: { increment: 1 } } });
    return { ok: false, error: row.attempts + 1 >= MAX_ATTEMPTS ? "tooMany" : "wrong" };
  }
  // Consume atomically so that two instances cannot both accept the same code.
  const consumed = await db.smsChallenge.updateMany({ where: { id, consumedAt: null }, data: { consumedAt: new Date() } });
  if (consumed.count === 0) return { ok: false, error: "expired" };
  return { ok: true, payload: decryptJson<T>(row.payload!) };
}
