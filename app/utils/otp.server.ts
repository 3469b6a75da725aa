import { randomInt } from "node:crypto";
import { serverT } from "~/i18n/resources.server";
import type { Language } from "~/i18n/config";
import { maskPhone } from "~/lib/mask";
import { decryptJson, decryptText, encryptJson, encryptText, lookupHash, newId, safeEqual, sign } from "./crypto.server";
import { db } from "./db.server";
import { addressKey, consumeLimits, smsLimits, type LimitCheck } from "./rate-limit.server";
import { sms } from "./sms.server";

const CODE_TTL_MS = 10 * 60 * 1000;
const MAX_ATTEMPTS = 5;
/** A new code for the same step may be asked for this long after the last one. */
const RESEND_AFTER_SECONDS = 60;

export type ChallengePurpose = "signup" | "login" | "reset";

function codeHash(challengeId: string, code: string) {
  return sign(`${challengeId}:${code}`, "sms-code");
}

export type StartedChallenge = { ok: true; id: string } | { ok: false; retryAfterSeconds: number };

/**
 * Sends a 6-digit code by SMS; the code is stored only as a keyed hash. Codes are limited
 * per phone and per address, per hour and per day, so the portal cannot be used to flood
 * anyone with messages. `send: false` makes a challenge that no code can complete and sends
 * nothing (password reset for a number without an account, which must look the same).
 */
export async function startChallenge(request: Request, phone: string, purpose: ChallengePurpose, payload: unknown, lng: Language, options: { send?: boolean } = {}): Promise<StartedChallenge> {
  const limited: LimitCheck = await consumeLimits([...smsLimits.phone(lookupHash(phone)), ...smsLimits.address(addressKey(request))]);
  if (limited.limited) return { ok: false, retryAfterSeconds: limited.retryAfterSeconds };
  const id = newId();
  const code = String(randomInt(0, 1_000_000)).padStart(6, "0");
  const send = options.send !== false;
  await db.smsChallenge.create({
    data: {
      id,
      phoneHash: lookupHash(phone),
      purpose,
      // A challenge that must not succeed stores the hash of a code nobody was told.
      codeHash: send ? codeHash(id, code) : codeHash(id, newId()),
      payload: encryptJson({ lng, data: payload }),
      phoneEnc: encryptText(phone),
      phoneMasked: maskPhone(phone),
      expiresAt: new Date(Date.now() + CODE_TTL_MS),
    },
  });
  if (send) await sms().send(phone, serverT(lng)(`common:sms.code_${purpose}`, { code, minutes: CODE_TTL_MS / 60_000 }));
  return { ok: true, id };
}

export type OpenChallenge = { id: string; phoneMasked: string; resendInSeconds: number };

/** An unexpired, unused challenge: the masked number it went to and when a new code may be sent. */
export async function openChallenge(id: string, purpose: ChallengePurpose, now = new Date()): Promise<OpenChallenge | null> {
  const row = await db.smsChallenge.findFirst({ where: { id, purpose, consumedAt: null, expiresAt: { gt: now } }, select: { id: true, phoneMasked: true, createdAt: true } });
  if (!row) return null;
  const resendInSeconds = Math.max(0, Math.ceil((row.createdAt.getTime() + RESEND_AFTER_SECONDS * 1000 - now.getTime()) / 1000));
  return { id: row.id, phoneMasked: row.phoneMasked ?? "", resendInSeconds };
}

export type ResendResult = { ok: true; id: string } | { ok: false; error: "expired" } | { ok: false; error: "tooSoon" | "limited"; retryAfterSeconds: number };

/**
 * A new code for the same step, no sooner than RESEND_AFTER_SECONDS after the last one
 * (checked here, not only by the disabled button). The old challenge is spent.
 */
export async function resendChallenge(request: Request, id: string, purpose: ChallengePurpose): Promise<ResendResult> {
  const open = await openChallenge(id, purpose);
  if (!open) return { ok: false, error: "expired" };
  if (open.resendInSeconds > 0) return { ok: false, error: "tooSoon", retryAfterSeconds: open.resendInSeconds };
  const row = await db.smsChallenge.findUniqueOrThrow({ where: { id } });
  if (!row.phoneEnc || !row.payload) return { ok: false, error: "expired" };
  const { lng, data } = decryptJson<{ lng: Language; data: unknown }>(row.payload);
  const started = await startChallenge(request, decryptText(row.phoneEnc), purpose, data, lng, { send: isSendable(purpose, data) });
  if (!started.ok) return { ok: false, error: "limited", retryAfterSeconds: started.retryAfterSeconds };
  await db.smsChallenge.updateMany({ where: { id, consumedAt: null }, data: { consumedAt: new Date() } });
  return { ok: true, id: started.id };
}

/** A reset challenge for a number without an account sends nothing, on the first try or a resend. */
function isSendable(purpose: ChallengePurpose, data: unknown): boolean {
  return purpose !== "reset" || !!(data as { userId?: string | null }).userId;
}

export type ChallengeResult<T> = { ok: true; payload: T; lng: Language } | { ok: false; error: "expired" | "wrong" | "tooMany" };

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
  const { lng, data } = decryptJson<{ lng: Language; data: T }>(row.payload!);
  return { ok: true, payload: data, lng };
}
