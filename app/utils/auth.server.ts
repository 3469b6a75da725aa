import { redirect } from "@remix-run/node";
import { hash, verify } from "@node-rs/argon2";
import { readSession, type SessionUser } from "./session.server";

export type StaffRole = "window_staff" | "township_reviewer" | "county_admin";
export type StaffUser = SessionUser & { role: StaffRole; jurisdictionPath: string };

// argon2id with the library's defaults (m=19456 KiB, t=2, p=1), OWASP's minimum.
export function hashPassword(password: string): Promise<string> {
  return hash(password, { algorithm: 2 });
}

export function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  return verify(passwordHash, password).catch(() => false);
}

/** A hash to verify against when the account does not exist, so timing does not tell. */
let dummyHash: Promise<string> | undefined;
export function dummyPasswordHash(): Promise<string> {
  dummyHash ??= hashPassword("not-a-real-password");
  return dummyHash;
}

export async function getUser(request: Request): Promise<SessionUser | null> {
  return (await readSession(request)).user;
}

function returnTo(request: Request): string {
  const url = new URL(request.url);
  return encodeURIComponent(url.pathname + url.search);
}

export async function requireCitizen(request: Request): Promise<SessionUser> {
  const user = await getUser(request);
  if (!user || user.kind !== "citizen") throw redirect(`/login?redirectTo=${returnTo(request)}`);
  return user;
}

export async function requireStaff(request: Request, roles?: StaffRole[]): Promise<StaffUser> {
  const user = await getUser(request);
  if (!user || user.kind !== "staff" || !user.jurisdictionPath) throw redirect(`/staff/login?redirectTo=${returnTo(request)}`);
  if (roles && !roles.includes(user.role as StaffRole)) throw new Response("Forbidden", { status: 403 });
  return user as StaffUser;
}

/** Only same-site paths, so a crafted link cannot send a user elsewhere after sign-in. */
export function safeRedirect(to: FormDataEntryValue | string | null | undefined, fallback: string): string {
  if (typeof to !== "string" || !to.startsWith("/") || to.startsWith("//") || to.startsWith("/\\")) return fallback;
  return to;
}
