import { redirect } from "@remix-run/node";
import { hash, verify } from "@node-rs/argon2";
import { cookieValue } from "~/i18n/detect.server";
import { readSession, SESSION_COOKIE, type SessionUser } from "./session.server";
import { secondFactorEnabled, secondFactorRequired } from "./two-factor.server";

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

/**
 * A signed-in staff member (of one of `roles`, if given). Where two-factor sign-in is
 * required and not yet set up, every staff page but the set-up page sends them there
 * (`forSecondFactorSetUp`): a password alone opens nothing else.
 */
export async function requireStaff(request: Request, roles?: readonly string[], options: { forSecondFactorSetUp?: boolean } = {}): Promise<StaffUser> {
  const user = await getUser(request);
  if (!user || user.kind !== "staff" || !user.jurisdictionPath) {
    // A session cookie without a live session: it ended (30 idle minutes, or ended by an administrator).
    const ended = !user && cookieValue(request, SESSION_COOKIE) ? "&ended=1" : "";
    throw redirect(`/staff/login?redirectTo=${returnTo(request)}${ended}`);
  }
  if (!options.forSecondFactorSetUp && secondFactorRequired(user.role) && !(await secondFactorEnabled(user.id))) throw redirect("/staff/two-factor");
  if (roles && !roles.includes(user.role)) throw new Response("Forbidden", { status: 403 });
  return user as StaffUser;
}

const REDIRECT_BASE = "http://portal.invalid";
// Whitespace, C0/C1 controls, DEL, backslash and the Unicode line/space separators: browsers
// strip or reinterpret these while parsing a URL, which is how "/" + something turns into a
// foreign host. No legitimate redirect target of this portal contains them.
const UNSAFE_IN_TARGET = /[\s\u0000-\u001f\u007f-\u009f\\\u2028\u2029\ufeff]/;

/** Percent-decodes until stable (double encodings too); null when the encoding is broken. */
function fullyDecoded(value: string): string | null {
  let current = value;
  for (let round = 0; round < 5; round += 1) {
    let next: string;
    try {
      next = decodeURIComponent(current);
    } catch {
      return null;
    }
    if (next === current) return current;
    current = next;
  }
  return null;
}

/**
 * Where to go after sign-in: only a path of this portal. The value is parsed as a URL against
 * the portal's origin and followed only if the origin is unchanged; anything with control
 * characters, whitespace or backslashes (raw or percent-encoded), or that starts like a
 * host ("//", "/\\", "/%2F"), falls back. The result is the parsed path, so it never holds
 * characters that cannot go into a Location header.
 */
export function safeRedirect(to: FormDataEntryValue | string | null | undefined, fallback: string): string {
  if (typeof to !== "string" || to.length === 0 || to.length > 2048 || !to.startsWith("/")) return fallback;
  const decoded = fullyDecoded(to);
  if (decoded === null || UNSAFE_IN_TARGET.test(to) || UNSAFE_IN_TARGET.test(decoded)) return fallback;
  if (decoded.startsWith("//")) return fallback;
  let url: URL;
  try {
    url = new URL(to, REDIRECT_BASE);
  } catch {
    return fallback;
  }
  if (url.origin !== REDIRECT_BASE) return fallback;
  const target = url.pathname + url.search + url.hash;
  return target.startsWith("//") ? fallback : target;
}
