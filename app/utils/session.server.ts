import { Lucia, TimeSpan, type Adapter, type DatabaseSession, type DatabaseUser } from "lucia";
import { isProduction } from "./config.server";
import { db } from "./db.server";

// Lucia is kept behind this module: its maintainers now teach the same session code as a
// guide, so it can be swapped for that code without touching any route.

type UserAttributes = { kind: string; role: string; name: string; jurisdictionPath: string | null };

const adapter: Adapter = {
  async getSessionAndUser(sessionId) {
    const row = await db.session.findUnique({
      where: { id: sessionId },
      include: { user: { select: { id: true, kind: true, role: true, name: true, jurisdictionPath: true, active: true } } },
    });
    if (!row || !row.user.active) return [null, null];
    const { user, ...session } = row;
    const databaseSession: DatabaseSession = { id: session.id, userId: session.userId, expiresAt: session.expiresAt, attributes: {} };
    const { id, active: _active, ...attributes } = user;
    const databaseUser: DatabaseUser = { id, attributes };
    return [databaseSession, databaseUser];
  },
  async getUserSessions(userId) {
    const rows = await db.session.findMany({ where: { userId } });
    return rows.map((row) => ({ id: row.id, userId: row.userId, expiresAt: row.expiresAt, attributes: {} }));
  },
  async setSession(session) {
    await db.session.create({ data: { id: session.id, userId: session.userId, expiresAt: session.expiresAt } });
  },
  async updateSessionExpiration(sessionId, expiresAt) {
    await db.session.update({ where: { id: sessionId }, data: { expiresAt } });
  },
  async deleteSession(sessionId) {
    await db.session.deleteMany({ where: { id: sessionId } });
  },
  async deleteUserSessions(userId) {
    await db.session.deleteMany({ where: { userId } });
  },
  async deleteExpiredSessions() {
    await db.session.deleteMany({ where: { expiresAt: { lte: new Date() } } });
  },
};

export const lucia = new Lucia(adapter, {
  sessionExpiresIn: new TimeSpan(12, "h"),
  sessionCookie: {
    name: "portal_session",
    // A browser-session cookie; the 12-hour sliding expiry lives in the database.
    expires: false,
    attributes: { secure: isProduction && process.env.INSECURE_COOKIES !== "1", sameSite: "lax" },
  },
  getUserAttributes: (attributes) => attributes,
});

declare module "lucia" {
  interface Register {
    Lucia: typeof lucia;
    DatabaseUserAttributes: UserAttributes;
  }
}

export type SessionUser = { id: string } & UserAttributes;

export async function readSession(request: Request) {
  const sessionId = lucia.readSessionCookie(request.headers.get("Cookie") ?? "");
  if (!sessionId) return { user: null, session: null, setCookie: null as string | null };
  const { session, user } = await lucia.validateSession(sessionId);
  let setCookie: string | null = null;
  if (session?.fresh) setCookie = lucia.createSessionCookie(session.id).serialize();
  if (!session) setCookie = lucia.createBlankSessionCookie().serialize();
  return { user: user as SessionUser | null, session, setCookie };
}

/** A new session at every sign-in, so a session id seen before sign-in is worthless after. */
export async function startSession(userId: string): Promise<string> {
  const session = await lucia.createSession(userId, {});
  return lucia.createSessionCookie(session.id).serialize();
}

export async function endSession(request: Request, everywhere: boolean): Promise<string> {
  const { session, user } = await readSession(request);
  if (everywhere && user) await lucia.invalidateUserSessions(user.id);
  else if (session) await lucia.invalidateSession(session.id);
  return lucia.createBlankSessionCookie().serialize();
}
