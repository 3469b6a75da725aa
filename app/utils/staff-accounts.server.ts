import { audit } from "./audit.server";
import { accountKey, isThrottled, setPassword, unlockAccount } from "./accounts.server";
import { hashPassword, verifyPassword, type StaffUser } from "./auth.server";
import { newId } from "./crypto.server";
import { db } from "./db.server";
import { endUserSessions } from "./session.server";
import { removeSecondFactor, secondFactorEnabled } from "./two-factor.server";

// Staff accounts as a county administrator manages them: only accounts inside the
// administrator's own jurisdiction are found at all (the path prefix is in every query),
// and every change is audited with the actor and the actor's role.

export type StaffAccountRow = {
  id: string;
  username: string;
  name: string;
  role: string;
  jurisdictionPath: string;
  active: boolean;
  locked: boolean;
  secondFactor: boolean;
};

function inScope(admin: StaffUser) {
  return { kind: "staff", jurisdictionPath: { startsWith: admin.jurisdictionPath } };
}

export async function listStaffAccounts(admin: StaffUser): Promise<StaffAccountRow[]> {
  const users = await db.user.findMany({
    where: inScope(admin),
    orderBy: [{ jurisdictionPath: "asc" }, { username: "asc" }],
    select: { id: true, username: true, name: true, role: true, jurisdictionPath: true, active: true },
  });
  const enrolled = new Set((await db.totpSecret.findMany({ where: { userId: { in: users.map((user) => user.id) }, enabledAt: { not: null } }, select: { userId: true } })).map((row) => row.userId));
  return Promise.all(
    users.map(async (user) => ({
      id: user.id,
      username: user.username ?? "",
      name: user.name,
      role: user.role,
      jurisdictionPath: user.jurisdictionPath ?? "",
      active: user.active,
      locked: await isThrottled(accountKey({ kind: "staff", username: user.username ?? "" })),
      secondFactor: enrolled.has(user.id),
    })),
  );
}

async function findInScope(admin: StaffUser, userId: string) {
  return db.user.findFirst({ where: { id: userId, ...inScope(admin) }, select: { id: true, username: true, role: true, active: true } });
}

/** Usernames are kept in lower case (the schema folds them), so this is the whole check. */
export async function isUsernameTaken(username: string): Promise<boolean> {
  return !!(await db.user.findUnique({ where: { username }, select: { id: true } }));
}

export async function createStaffAccount(request: Request, admin: StaffUser, input: { username: string; name: string; role: string; jurisdictionPath: string; password: string }): Promise<string> {
  const id = newId();
  await db.user.create({
    data: { id, kind: "staff", username: input.username, name: input.name, role: input.role, jurisdictionPath: input.jurisdictionPath, passwordHash: await hashPassword(input.password) },
  });
  await audit({ actorId: admin.id, actorRole: admin.role, action: "staff_account.created", subjectType: "user", subjectId: id, request, detail: { username: input.username, role: input.role, jurisdiction: input.jurisdictionPath } });
  return id;
}

export type AccountChange = "disable" | "enable" | "unlock" | "resetSecondFactor";

/** One change to a staff account of the administrator's jurisdiction; false when there is no such account. */
export async function changeStaffAccount(request: Request, admin: StaffUser, userId: string, change: AccountChange): Promise<boolean> {
  const target = await findInScope(admin, userId);
  // An administrator cannot disable their own account: the county would be left without one.
  if (!target || (change === "disable" && target.id === admin.id)) return false;
  if (change === "disable") {
    await db.user.update({ where: { id: target.id }, data: { active: false } });
    await endUserSessions(target.id);
  } else if (change === "enable") {
    await db.user.update({ where: { id: target.id }, data: { active: true } });
  } else if (change === "unlock") {
    await unlockAccount(accountKey({ kind: "staff", username: target.username ?? "" }));
  } else {
    await removeSecondFactor(target.id);
    await endUserSessions(target.id);
  }
  const action = { disable: "staff_account.disabled", enable: "staff_account.enabled", unlock: "staff_account.unlocked", resetSecondFactor: "staff_account.second_factor_reset" }[change];
  await audit({ actorId: admin.id, actorRole: admin.role, action, subjectType: "user", subjectId: target.id, request, detail: { username: target.username } });
  return true;
}

/** A staff member's own password change: the current one is checked; every other session of the account ends. */
export async function changeOwnPassword(request: Request, staff: StaffUser, sessionId: string | null, current: string, next: string): Promise<boolean> {
  const row = await db.user.findUniqueOrThrow({ where: { id: staff.id }, select: { passwordHash: true, username: true } });
  if (!(await verifyPassword(row.passwordHash, current))) {
    await audit({ actorId: staff.id, actorRole: staff.role, action: "account.password_change_refused", subjectType: "user", subjectId: staff.id, request });
    return false;
  }
  await setPassword(request, staff, accountKey({ kind: "staff", username: row.username ?? "" }), await hashPassword(next), sessionId);
  return true;
}

/** What the account pages show about the signed-in staff member. */
export async function staffAccountOf(staff: StaffUser): Promise<{ username: string; secondFactor: boolean }> {
  const row = await db.user.findUniqueOrThrow({ where: { id: staff.id }, select: { username: true } });
  return { username: row.username ?? "", secondFactor: await secondFactorEnabled(staff.id) };
}
