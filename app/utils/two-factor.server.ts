import { createHash, randomBytes, randomInt } from "node:crypto";
import { generateSecret, generateURI, verify } from "otplib";
import QRCode from "qrcode";
import { cookieValue } from "~/i18n/detect.server";
import { isProductionMode, secureCookies } from "./config.server";
import { decryptText, encryptText, newId, sign } from "./crypto.server";
import { db } from "./db.server";
import { secondFactorRequiredForRole } from "./staff-roles";

// Staff two-factor sign-in: TOTP (RFC 6238, 30-second steps, 6 digits) through otplib, with
// one-time recovery codes. docs/decisions/016-sessions-and-sign-in.md.

const PERIOD_SECONDS = 30;
/** One step either side of now: phone clocks drift. Nothing older or newer is accepted. */
const TOLERANCE_SECONDS = PERIOD_SECONDS;
const RECOVERY_CODE_COUNT = 10;
const RECOVERY_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";
const TICKET_COOKIE = "portal_2fa";
const TICKET_TTL_MS = 5 * 60 * 1000;
const TICKET_MAX_ATTEMPTS = 5;

/** Reviewers and administrators in production mode; in demo and development two-factor is optional. */
export function secondFactorRequired(role: string): boolean {
  return isProductionMode() && secondFactorRequiredForRole(role);
}

export async function secondFactorEnabled(userId: string): Promise<boolean> {
  return !!(await db.totpSecret.findFirst({ where: { userId, enabledAt: { not: null } }, select: { userId: true } }));
}

export type Enrolment = { secret: string; uri: string; qrSvg: string };

/** The secret being set up (made on first visit, kept until confirmed), as text, otpauth URI and an inline SVG QR code. */
export async function pendingEnrolment(user: { id: string; username: string | null }, issuer: string): Promise<Enrolment> {
  let row = await db.totpSecret.findUnique({ where: { userId: user.id } });
  if (!row || row.enabledAt) {
    row = await db.totpSecret.upsert({
      where: { userId: user.id },
      create: { userId: user.id, secretEnc: encryptText(generateSecret()) },
      update: { secretEnc: encryptText(generateSecret()), enabledAt: null, lastTimeStep: null },
    });
  }
  const secret = decryptText(row.secretEnc);
  const uri = generateURI({ issuer, label: user.username ?? user.id, secret });
  const qrSvg = await QRCode.toString(uri, { type: "svg", errorCorrectionLevel: "M", margin: 2 });
  return { secret, uri, qrSvg };
}

/**
 * Accepts a code from the current 30-second window (or the one either side), never a code
 * of a window already used: the accepted time step is stored with a conditional update, so
 * two instances cannot both accept the same code.
 */
export async function verifyTotp(userId: string, token: string, options: { pending?: boolean; now?: Date } = {}): Promise<boolean> {
  if (!/^\d{6}$/.test(token)) return false;
  const row = await db.totpSecret.findUnique({ where: { userId } });
  if (!row || (options.pending ? !!row.enabledAt : !row.enabledAt)) return false;
  const result = await verify({
    secret: decryptText(row.secretEnc),
    token,
    period: PERIOD_SECONDS,
    epoch: Math.floor((options.now ?? new Date()).getTime() / 1000),
    epochTolerance: TOLERANCE_SECONDS,
    ...(row.lastTimeStep !== null ? { afterTimeStep: row.lastTimeStep } : {}),
  }).catch(() => ({ valid: false as const }));
  if (!result.valid || !("timeStep" in result) || typeof result.timeStep !== "number") return false;
  const used = await db.totpSecret.updateMany({
    where: { userId, OR: [{ lastTimeStep: null }, { lastTimeStep: { lt: result.timeStep } }] },
    data: { lastTimeStep: result.timeStep, ...(options.pending ? { enabledAt: new Date() } : {}) },
  });
  return used.count === 1;
}

function recoveryHash(code: string): string {
  return sign(code.toLowerCase().replace(/[^a-z0-9]/g, ""), "recovery-code");
}

/** New recovery codes (the old ones stop working), returned once in clear and stored only as keyed hashes. */
export async function newRecoveryCodes(userId: string): Promise<string[]> {
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, () => {
    const chars = Array.from({ length: 10 }, () => RECOVERY_ALPHABET[randomInt(RECOVERY_ALPHABET.length)]).join("");
    return `${chars.slice(0, 5)}-${chars.slice(5)}`;
  });
  await db.$transaction([
    db.recoveryCode.deleteMany({ where: { userId } }),
    db.recoveryCode.createMany({ data: codes.map((code) => ({ id: newId(), userId, codeHash: recoveryHash(code) })) }),
  ]);
  return codes;
}

export async function unusedRecoveryCodes(userId: string): Promise<number> {
  return db.recoveryCode.count({ where: { userId, usedAt: null } });
}

/** A recovery code works once. */
export async function useRecoveryCode(userId: string, code: string): Promise<boolean> {
  const used = await db.recoveryCode.updateMany({ where: { userId, codeHash: recoveryHash(code), usedAt: null }, data: { usedAt: new Date() } });
  return used.count === 1;
}

/** Turns two-factor off for an account (its owner where optional, or an administrator's reset). */
export async function removeSecondFactor(userId: string): Promise<void> {
  await db.$transaction([db.totpSecret.deleteMany({ where: { userId } }), db.recoveryCode.deleteMany({ where: { userId } })]);
}

// ---------------------------------------------------------------------------------------
// Between the password and the code: a ticket in an HttpOnly cookie, its hash in the database.

function ticketId(token: string): string {
  return createHash("sha256").update(token).digest("base64url");
}

function ticketCookie(value: string, maxAge?: number): string {
  return `${TICKET_COOKIE}=${value}; Path=/staff/login; HttpOnly; SameSite=Lax${maxAge !== undefined ? `; Max-Age=${maxAge}` : ""}${secureCookies() ? "; Secure" : ""}`;
}

/** The password was right; the Set-Cookie that carries the browser to the code step. */
export async function issueTicket(userId: string, redirectTo: string): Promise<string> {
  const token = randomBytes(32).toString("base64url");
  await db.signInTicket.deleteMany({ where: { OR: [{ userId }, { expiresAt: { lte: new Date() } }] } });
  await db.signInTicket.create({ data: { id: ticketId(token), userId, redirectTo, expiresAt: new Date(Date.now() + TICKET_TTL_MS) } });
  return ticketCookie(token);
}

export function clearedTicketCookie(): string {
  return ticketCookie("", 0);
}

export type Ticket = { id: string; userId: string; redirectTo: string };

export async function readTicket(request: Request): Promise<Ticket | null> {
  const token = cookieValue(request, TICKET_COOKIE);
  if (!token || token.length > 100) return null;
  const row = await db.signInTicket.findUnique({ where: { id: ticketId(token) } });
  if (!row || row.expiresAt <= new Date() || row.attempts >= TICKET_MAX_ATTEMPTS) return null;
  return { id: row.id, userId: row.userId, redirectTo: row.redirectTo };
}

/** Counts a wrong code; false once the ticket has had its attempts (the password must be given again). */
export async function ticketFailed(ticket: Ticket): Promise<boolean> {
  const row = await db.signInTicket.update({ where: { id: ticket.id }, data: { attempts: { increment: 1 } } });
  return row.attempts < TICKET_MAX_ATTEMPTS;
}

export async function spendTicket(ticket: Ticket): Promise<boolean> {
  const spent = await db.signInTicket.deleteMany({ where: { id: ticket.id } });
  return spent.count === 1;
}
