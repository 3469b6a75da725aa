import type { Language } from "~/i18n/config";
import { audit } from "./audit.server";
import { dummyPasswordHash, verifyPassword } from "./auth.server";
import { decryptText, encryptText, lookupHash, newId } from "./crypto.server";
import { db } from "./db.server";
import { endUserSessions } from "./session.server";
import { addressKey, checkLimit, recordHit, signInLimits } from "./rate-limit.server";

// Sign-in throttling (docs/decisions/016-sessions-and-sign-in.md): failures count per
// account AND address. From an address the account has signed in from before, the owner
// is slowed down (a growing wait); elsewhere the pair is locked for a while. Someone at
// another address can therefore never lock the owner out.
const FREE_FAILURES = 5;
const LOCK_MS = 15 * 60 * 1000;
const KNOWN_FIRST_WAIT_MS = 30 * 1000;
/** A pair's failures are forgotten a day after the last one. */
const PAIR_MEMORY_MS = 24 * 60 * 60 * 1000;
/** Failures from unknown addresses, all together: past this many in an hour, only known addresses may try. */
const UNKNOWN_ADDRESSES_MAX = 50;
const UNKNOWN_ADDRESSES_WINDOW_MS = 60 * 60 * 1000;

type Who = { kind: "citizen"; phone: string } | { kind: "staff"; username: string };

export type PasswordCheck =
  | { ok: true; userId: string; role: string; phone: string | null }
  | { ok: false; error: "badCredentials" }
  | { ok: false; error: "limited"; retryAfterSeconds: number; slowed: boolean };

export function accountKey(who: Who): string {
  return who.kind === "citizen" ? lookupHash(who.phone) : `staff:${who.username.toLowerCase()}`;
}

const pairKey = (account: string, address: string) => `${account}|${address}`;
const unknownAddressesKey = (account: string) => `${account}|*`;

type ThrottleRow = { failures: number; lastFailureAt: Date } | null | undefined;

/** How long this account must wait at this address, in milliseconds (0: it may try now). */
function pairWaitMs(row: ThrottleRow, known: boolean, now: number): number {
  if (!row || now - row.lastFailureAt.getTime() > PAIR_MEMORY_MS || row.failures < FREE_FAILURES) return 0;
  const delay = known ? Math.min(KNOWN_FIRST_WAIT_MS * 2 ** (row.failures - FREE_FAILURES), LOCK_MS) : LOCK_MS;
  return Math.max(0, row.lastFailureAt.getTime() + delay - now);
}

function unknownAddressesWaitMs(row: ThrottleRow, now: number): number {
  if (!row || row.failures < UNKNOWN_ADDRESSES_MAX) return 0;
  return Math.max(0, row.lastFailureAt.getTime() + UNKNOWN_ADDRESSES_WINDOW_MS - now);
}

/** Counts one failure with single-statement updates (several instances may count at once). */
async function recordFailure(key: string, memoryMs: number, now: Date): Promise<void> {
  const counted = await db.signInThrottle.updateMany({ where: { key, lastFailureAt: { gt: new Date(now.getTime() - memoryMs) } }, data: { failures: { increment: 1 }, lastFailureAt: now } });
  if (counted.count > 0) return;
  const restarted = await db.signInThrottle.updateMany({ where: { key }, data: { failures: 1, lastFailureAt: now } });
  if (restarted.count > 0) return;
  await db.signInThrottle.create({ data: { key, failures: 1, lastFailureAt: now } }).catch(async (error: unknown) => {
    if ((error as { code?: string }).code !== "P2002") throw error;
    await db.signInThrottle.updateMany({ where: { key }, data: { failures: { increment: 1 }, lastFailureAt: now } });
  });
}

async function isKnownAddress(userId: string | undefined, address: string): Promise<boolean> {
  if (!userId) return false;
  return !!(await db.knownAddress.findUnique({ where: { userId_addressHash: { userId, addressHash: address } }, select: { userId: true } }));
}

/**
 * The password step of a sign-in, for citizens (by phone) and staff (by username): the
 * throttles above, the same work whether or not the account exists, and an audit entry
 * either way.
 */
export async function checkPassword(request: Request, who: Who, password: string): Promise<PasswordCheck> {
  const now = new Date();
  const account = accountKey(who);
  const address = addressKey(request);
  // Usernames are not personal data; phone numbers never reach the audit log.
  const detail = who.kind === "staff" ? { username: who.username } : undefined;
  const user = await db.user.findUnique({
    where: who.kind === "citizen" ? { phoneHash: account } : { username: who.username },
    select: { id: true, kind: true, role: true, passwordHash: true, phoneEnc: true, active: true },
  });
  const known = await isKnownAddress(user?.id, address);
  const addressLimit = signInLimits.address(address);
  const [addressCheck, throttles] = await Promise.all([
    checkLimit(addressLimit, now),
    db.signInThrottle.findMany({ where: { key: { in: [pairKey(account, address), unknownAddressesKey(account)] } } }),
  ]);
  const row = (key: string) => throttles.find((throttle) => throttle.key === key);
  const waitMs = Math.max(
    addressCheck.limited ? addressCheck.retryAfterSeconds * 1000 : 0,
    pairWaitMs(row(pairKey(account, address)), known, now.getTime()),
    known ? 0 : unknownAddressesWaitMs(row(unknownAddressesKey(account)), now.getTime()),
  );
  if (waitMs > 0) {
    await audit({ actorId: user?.id, action: `signin.${who.kind}.limited`, request, detail: { ...detail, knownAddress: known } });
    return { ok: false, error: "limited", retryAfterSeconds: Math.ceil(waitMs / 1000), slowed: known };
  }
  const valid = await verifyPassword(user?.passwordHash ?? (await dummyPasswordHash()), password);
  if (!user || !valid || user.kind !== who.kind || !user.active || (who.kind === "citizen" && !user.phoneEnc)) {
    await recordFailure(pairKey(account, address), PAIR_MEMORY_MS, now);
    if (!known) await recordFailure(unknownAddressesKey(account), UNKNOWN_ADDRESSES_WINDOW_MS, now);
    await recordHit(addressLimit, now);
    await audit({ actorId: user?.id, action: `signin.${who.kind}.failed`, request, detail: { ...detail, knownAddress: known } });
    return { ok: false, error: "badCredentials" };
  }
  await db.signInThrottle.deleteMany({ where: { key: pairKey(account, address) } });
  return { ok: true, userId: user.id, role: user.role, phone: user.phoneEnc ? decryptText(user.phoneEnc) : null };
}

/** A completed sign-in: the address becomes known to the account (as a keyed hash) and it is audited. */
export async function recordSignIn(request: Request, user: { id: string; kind: string; role: string }, detail?: Record<string, string | boolean>): Promise<void> {
  const addressHash = addressKey(request);
  const now = new Date();
  await db.knownAddress.upsert({ where: { userId_addressHash: { userId: user.id, addressHash } }, create: { userId: user.id, addressHash, lastSeenAt: now }, update: { lastSeenAt: now } });
  await audit({ actorId: user.id, actorRole: user.role, action: `signin.${user.kind}`, subjectType: "user", subjectId: user.id, request, detail });
}

/** Whether failed sign-ins currently hold the account back somewhere (shown to the county administrator). */
export async function isThrottled(account: string, now = new Date()): Promise<boolean> {
  const rows = await db.signInThrottle.findMany({ where: { key: { startsWith: `${account}|` } } });
  return rows.some((row) => (row.key.endsWith("|*") ? unknownAddressesWaitMs(row, now.getTime()) : pairWaitMs(row, false, now.getTime())) > 0);
}

/** Lifts every sign-in throttle of an account (the county administrator's "unlock"). */
export async function unlockAccount(account: string): Promise<void> {
  await db.signInThrottle.deleteMany({ where: { key: { startsWith: `${account}|` } } });
}

export async function isPhoneRegistered(phone: string): Promise<boolean> {
  return !!(await db.user.findUnique({ where: { phoneHash: lookupHash(phone) }, select: { id: true } }));
}

/** The citizen account of a phone number, if any (password reset). */
export async function citizenByPhone(phone: string): Promise<{ id: string; role: string } | null> {
  return db.user.findFirst({ where: { phoneHash: lookupHash(phone), kind: "citizen", active: true }, select: { id: true, role: true } });
}

/** A citizen account whose phone number was confirmed by SMS; null if the number was taken meanwhile. */
export async function createCitizen(input: { name: string; phone: string; passwordHash: string; locale: Language }, request: Request): Promise<string | null> {
  if (await isPhoneRegistered(input.phone)) return null;
  const id = newId();
  await db.user.create({
    data: { id, kind: "citizen", role: "citizen", name: input.name, phoneEnc: encryptText(input.phone), phoneHash: lookupHash(input.phone), phoneVerifiedAt: new Date(), passwordHash: input.passwordHash, locale: input.locale },
  });
  await audit({ actorId: id, actorRole: "citizen", action: "account.signup", subjectType: "user", subjectId: id, request });
  return id;
}

/** SMS and documents follow the language the citizen last signed in with. */
export async function rememberLocale(userId: string, locale: Language): Promise<void> {
  await db.user.update({ where: { id: userId }, data: { locale } });
}

/** A new password; every session of the account except `keepSession` ends, and the throttles are lifted. */
export async function setPassword(request: Request, user: { id: string; role: string }, account: string, passwordHash: string, keepSession: string | null, actor?: { id: string; role: string }): Promise<void> {
  await db.user.update({ where: { id: user.id }, data: { passwordHash } });
  await endUserSessions(user.id, keepSession);
  await unlockAccount(account);
  await audit({ actorId: actor?.id ?? user.id, actorRole: actor?.role ?? user.role, action: "account.password_changed", subjectType: "user", subjectId: user.id, request });
}

/** Forgotten password: the citizen proved the phone by SMS; false when the account is gone or disabled. */
export async function resetCitizenPassword(request: Request, userId: string, passwordHash: string): Promise<boolean> {
  const user = await db.user.findFirst({ where: { id: userId, kind: "citizen", active: true }, select: { id: true, role: true, phoneHash: true } });
  if (!user?.phoneHash) return false;
  await setPassword(request, user, user.phoneHash, passwordHash, null);
  return true;
}

/** An active staff account, for the last step of a sign-in. */
export async function staffForSignIn(userId: string): Promise<{ id: string; kind: string; role: string } | null> {
  return db.user.findFirst({ where: { id: userId, kind: "staff", active: true }, select: { id: true, kind: true, role: true } });
}
