import { clientAddress } from "./audit.server";
import { sign } from "./crypto.server";
import { db } from "./db.server";

/** Fixed-window counters in the database, so every app instance shares them. */
export type Limit = { key: string; max: number; windowMs: number };

/** Whether a limit is reached, and if so in how many seconds it opens again. */
export type LimitCheck = { limited: false } | { limited: true; retryAfterSeconds: number };

const OPEN: LimitCheck = { limited: false };

export async function checkLimit({ key, max, windowMs }: Limit, now = new Date()): Promise<LimitCheck> {
  const row = await db.rateLimit.findUnique({ where: { key } });
  const opensAt = row ? row.windowStart.getTime() + windowMs : 0;
  if (!row || opensAt <= now.getTime() || row.count < max) return OPEN;
  return { limited: true, retryAfterSeconds: Math.max(1, Math.ceil((opensAt - now.getTime()) / 1000)) };
}

/** Counts one hit with single-statement updates, so concurrent instances never lose or double a count. */
export async function recordHit({ key, windowMs }: Limit, now = new Date()): Promise<void> {
  const expired = await db.rateLimit.updateMany({ where: { key, windowStart: { lte: new Date(now.getTime() - windowMs) } }, data: { count: 1, windowStart: now } });
  if (expired.count > 0) return;
  const counted = await db.rateLimit.updateMany({ where: { key }, data: { count: { increment: 1 } } });
  if (counted.count > 0) return;
  await db.rateLimit.create({ data: { key, count: 1, windowStart: now } }).catch(async (error: unknown) => {
    if ((error as { code?: string }).code !== "P2002") throw error;
    // Another instance created the row between our update and insert.
    await db.rateLimit.updateMany({ where: { key }, data: { count: { increment: 1 } } });
  });
}

/** The longest wait among the limits that are reached (open when none is). */
async function checkLimits(limits: Limit[], now = new Date()): Promise<LimitCheck> {
  let wait = 0;
  for (const limit of limits) {
    const check = await checkLimit(limit, now);
    if (check.limited) wait = Math.max(wait, check.retryAfterSeconds);
  }
  return wait > 0 ? { limited: true, retryAfterSeconds: wait } : OPEN;
}

/** Checks the limits and, when none is reached, counts this request against each. */
export async function consumeLimits(limits: Limit[], now = new Date()): Promise<LimitCheck> {
  const check = await checkLimits(limits, now);
  if (!check.limited) for (const limit of limits) await recordHit(limit, now);
  return check;
}

/** The client address as a keyed hash: counters and known addresses never store the address itself. */
export function addressKey(request: Request): string {
  return sign(clientAddress(request), "client-address").slice(0, 32);
}

const MINUTE = 60 * 1000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

export const signInLimits = {
  /** Failed sign-ins from one address across accounts (credential stuffing); a service hall stays well below. */
  address: (address: string): Limit => ({ key: `signin:address:${address}`, max: 30, windowMs: 15 * MINUTE }),
};

export const smsLimits = {
  phone: (phoneHash: string): Limit[] => [
    { key: `sms:phone:${phoneHash}`, max: 5, windowMs: HOUR },
    { key: `sms:phone-day:${phoneHash}`, max: 10, windowMs: DAY },
  ],
  // Generous per address: a service hall or a village office puts many residents behind one address.
  address: (address: string): Limit[] => [
    { key: `sms:address:${address}`, max: 100, windowMs: HOUR },
    { key: `sms:address-day:${address}`, max: 500, windowMs: DAY },
  ],
};

/** Public look-ups (certificate verification): per address, generous enough for a service hall. */
export const lookupLimits = {
  verify: (address: string): Limit[] => [
    { key: `lookup:verify:${address}`, max: 60, windowMs: HOUR },
    { key: `lookup:verify-day:${address}`, max: 300, windowMs: DAY },
  ],
};

/**
 * A public form (objections, progress look-ups, …): at most 20 submissions an hour and 100
 * a day from one address. Counts this submission when it is let through.
 */
export function publicFormLimit(request: Request, formName: string, now = new Date()): Promise<LimitCheck> {
  const address = addressKey(request);
  return consumeLimits(
    [
      { key: `form:${formName}:${address}`, max: 20, windowMs: HOUR },
      { key: `form-day:${formName}:${address}`, max: 100, windowMs: DAY },
    ],
    now,
  );
}

/** Answers a limited request: 429 with Retry-After, and data the page turns into "try again in …". */
export function retryHeaders(check: Extract<LimitCheck, { limited: true }>): HeadersInit {
  return { "Retry-After": String(check.retryAfterSeconds) };
}
