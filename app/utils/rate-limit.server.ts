import { db } from "./db.server";

/** Fixed-window counters in the database, so every app instance shares them. */
export type Limit = { key: string; max: number; windowMs: number };

export async function isLimited({ key, max, windowMs }: Limit, now = new Date()): Promise<boolean> {
  const row = await db.rateLimit.findUnique({ where: { key } });
  return !!row && row.windowStart.getTime() > now.getTime() - windowMs && row.count >= max;
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

export async function clearHits(key: string): Promise<void> {
  await db.rateLimit.deleteMany({ where: { key } });
}

const FIFTEEN_MINUTES = 15 * 60 * 1000;

export const signInLimits = {
  account: (accountKey: string): Limit => ({ key: `signin:account:${accountKey}`, max: 5, windowMs: FIFTEEN_MINUTES }),
  address: (address: string): Limit => ({ key: `signin:address:${address}`, max: 30, windowMs: FIFTEEN_MINUTES }),
};

export const smsLimits = {
  phone: (phoneHash: string): Limit => ({ key: `sms:phone:${phoneHash}`, max: 5, windowMs: 60 * 60 * 1000 }),
  // Generous per address: a service hall or a village office puts many residents behind one address.
  address: (address: string): Limit => ({ key: `sms:address:${address}`, max: 100, windowMs: 60 * 60 * 1000 }),
};
