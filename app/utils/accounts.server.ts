import type { Language } from "~/i18n/config";
import { audit, clientAddress } from "./audit.server";
import { dummyPasswordHash, verifyPassword } from "./auth.server";
import { decryptText, encryptText, lookupHash, newId } from "./crypto.server";
import { db } from "./db.server";
import { clearHits, isLimited, recordHit, signInLimits } from "./rate-limit.server";

export type PasswordCheck = { ok: true; userId: string; role: string; phone: string | null } | { ok: false; error: "limited" | "badCredentials" };

/**
 * The password step of a sign-in, for citizens (by phone) and staff (by username): rate
 * limits per account and per address, the same work whether or not the account exists,
 * and an audit entry either way.
 */
export async function checkPassword(request: Request, who: { kind: "citizen"; phone: string } | { kind: "staff"; username: string }, password: string): Promise<PasswordCheck> {
  const accountKey = who.kind === "citizen" ? lookupHash(who.phone) : `staff:${who.username.toLowerCase()}`;
  const limits = [signInLimits.account(accountKey), signInLimits.address(clientAddress(request))];
  // Usernames are not personal data; phone numbers never reach the audit log.
  const detail = who.kind === "staff" ? { username: who.username } : undefined;
  for (const limit of limits) {
    if (await isLimited(limit)) {
      await audit({ action: `signin.${who.kind}.limited`, request, detail });
      return { ok: false, error: "limited" };
    }
  }
  const user = await db.user.findUnique({
    where: who.kind === "citizen" ? { phoneHash: accountKey } : { username: who.username },
    select: { id: true, kind: true, role: true, passwordHash: true, phoneEnc: true, active: true },
  });
  const valid = await verifyPassword(user?.passwordHash ?? (await dummyPasswordHash()), password);
  if (!user || !valid || user.kind !== who.kind || !user.active || (who.kind === "citizen" && !user.phoneEnc)) {
    for (const limit of limits) await recordHit(limit);
    await audit({ actorId: user?.id, action: `signin.${who.kind}.failed`, request, detail });
    return { ok: false, error: "badCredentials" };
  }
  await clearHits(limits[0].key);
  return { ok: true, userId: user.id, role: user.role, phone: user.phoneEnc ? decryptText(user.phoneEnc) : null };
}

export async function isPhoneRegistered(phone: string): Promise<boolean> {
  return !!(await db.user.findUnique({ where: { phoneHash: lookupHash(phone) }, select: { id: true } }));
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
