import { createHash, randomBytes } from "node:crypto";
import { cookieValue } from "~/i18n/detect.server";
import { secureCookies } from "./config.server";
import { db } from "./db.server";

// Database sessions, written out as the Lucia guide now teaches them (Lucia itself is no
// longer developed): a random token in a browser-session cookie, its SHA-256 as the row id,
// and the expiry on the server. docs/decisions/016-sessions-and-sign-in.md.

export const SESSION_COOKIE = "portal_session";

/** Citizens: 12 hours, extended while in use. */
const CITIZEN_TTL_MS = 12 * 60 * 60 * 1000;
/** Staff on shared service-hall computers: the session ends after 30 idle minutes. */
const STAFF_IDLE_MS = 30 * 60 * 1000;

/** How long a session of this kind of account lives without a request. */
function sessionLifetimeMs(kind: string): number {
  return kind === "staff" ? STAFF_IDLE_MS : CITIZEN_TTL_MS;
}

/**
 * How long before expiry a request moves it on. Citizens: when half the 12 hours are gone
 * (as before). Staff: at most a minute late, so that "idle" means 29 to 30 minutes without
 * a request while a busy desk writes the row once a minute, not on every click.
 */
function refreshWithinMs(kind: string): number {
  return kind === "staff" ? STAFF_IDLE_MS - 60_000 : CITIZEN_TTL_MS / 2;
}

export type SessionUser = { id: string; kind: string; role: string; name: string; jurisdictionPath: string | null };

function sessionId(token: string): string {
  return createHash("sha256").update(token).digest("base64url");
}

/** No Max-Age or Expires: the browser forgets it when it closes; the server keeps the expiry. */
function sessionCookie(token: string): string {
  return `${SESSION_COOKIE}=${token}; Path=/; HttpOnly; SameSite=Lax${secureCookies() ? "; Secure" : ""}`;
}

function blankSessionCookie(): string {
  return `${SESSION_COOKIE}=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax${secureCookies() ? "; Secure" : ""}`;
}

const userFields = { id: true, kind: true, role: true, name: true, jurisdictionPath: true, active: true } as const;

export async function readSession(request: Request): Promise<{ user: SessionUser | null; sessionId: string | null }> {
  const token = cookieValue(request, SESSION_COOKIE);
  if (!token || token.length > 100) return { user: null, sessionId: null };
  const id = sessionId(token);
  const row = await db.session.findUnique({ where: { id }, include: { user: { select: userFields } } });
  if (!row) return { user: null, sessionId: null };
  const now = Date.now();
  if (row.expiresAt.getTime() <= now || !row.user.active) {
    await db.session.deleteMany({ where: { id } });
    return { user: null, sessionId: null };
  }
  if (row.expiresAt.getTime() - now < refreshWithinMs(row.user.kind)) {
    await db.session.updateMany({ where: { id }, data: { expiresAt: new Date(now + sessionLifetimeMs(row.user.kind)) } });
  }
  const { active: _active, ...user } = row.user;
  return { user, sessionId: id };
}

/** A new session at every sign-in, so a session id seen before sign-in is worthless after. */
export async function startSession(userId: string): Promise<string> {
  const user = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { kind: true } });
  const token = randomBytes(32).toString("base64url");
  // Expired rows are dropped when read; this sweeps the account's ones never read again.
  await db.session.deleteMany({ where: { userId, expiresAt: { lte: new Date() } } });
  await db.session.create({ data: { id: sessionId(token), userId, expiresAt: new Date(Date.now() + sessionLifetimeMs(user.kind)) } });
  return sessionCookie(token);
}

/** Signs this browser out; `everywhere` ends every session of the account. */
export async function endSession(request: Request, everywhere: boolean): Promise<string> {
  const { user, sessionId: id } = await readSession(request);
  if (everywhere && user) await endUserSessions(user.id);
  else if (id) await db.session.deleteMany({ where: { id } });
  return blankSessionCookie();
}

/** Ends the account's sessions at once (disabled account, password changed, two-factor reset), except `keep`. */
export async function endUserSessions(userId: string, keep?: string | null): Promise<number> {
  const ended = await db.session.deleteMany({ where: { userId, ...(keep ? { id: { not: keep } } : {}) } });
  return ended.count;
}
