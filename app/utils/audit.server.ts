import { createHmac, timingSafeEqual } from "node:crypto";
import { z } from "zod";
import { addressHash, newId } from "./crypto.server";
import { db, type Prisma, type Tx } from "./db.server";
import { hmacSm3 } from "./gm.server";
import { auditChainKey, suiteHash } from "./keys.server";

// The audit log is append-only and hash-chained (docs/decisions/009-audit-chain.md). Every
// append locks the one AuditChainHead row (an UPDATE, which PostgreSQL holds until the
// transaction ends and SQLite serialises anyway), takes the next sequence number and the
// previous hash from it, and writes the row with an HMAC over its canonical form. So
// concurrent writers take turns and the chain cannot fork; `npm run audit:verify` finds any
// edited, inserted or deleted row.

export type AuditEntry = {
  actorId?: string | null;
  actorRole?: string | null;
  /** The actor's jurisdiction path; taken from the actor's account when not given. */
  jurisdiction?: string | null;
  action: string;
  subjectType?: string;
  subjectId?: string;
  request?: Request;
  /** Never personal data: ids, outcomes and reasons only. */
  detail?: Record<string, string | number | boolean | null>;
};

const HEAD_ID = "head";

export function clientAddress(request: Request): string {
  // Set by server.mjs from the socket (or the proxy when TRUST_PROXY=1).
  return request.headers.get("x-portal-client-ip") ?? "unknown";
}

type ChainedFields = {
  seq: number | null;
  id: string;
  at: Date;
  actorId: string | null;
  actorRole: string | null;
  jurisdiction: string | null;
  action: string;
  subjectType: string | null;
  subjectId: string | null;
  ipHash: string | null;
  detail: string | null;
  prevHash: string | null;
};

/** The canonical form the hash covers: a JSON array in a fixed order, so no field can be moved or dropped unnoticed. */
function canonical(row: ChainedFields): string {
  return JSON.stringify([
    "audit-v1",
    row.seq,
    row.id,
    row.at.toISOString(),
    row.actorId,
    row.actorRole,
    row.jurisdiction,
    row.action,
    row.subjectType,
    row.subjectId,
    row.ipHash,
    row.detail,
    row.prevHash ?? "",
  ]);
}

/** "<hash>:<base64url HMAC>" with the suite's hash; verification reads the hash from the prefix. */
function chainHash(row: ChainedFields, hash: "sha256" | "sm3" = suiteHash()): string {
  const key = auditChainKey(hash);
  const mac = hash === "sm3" ? hmacSm3(key, canonical(row)) : createHmac("sha256", key).update(canonical(row)).digest();
  return `${hash}:${mac.toString("base64url")}`;
}

function hashMatches(row: ChainedFields, stored: string): boolean {
  const hash = stored.split(":")[0];
  if (hash !== "sha256" && hash !== "sm3") return false;
  const expected = Buffer.from(chainHash(row, hash));
  const given = Buffer.from(stored);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

/** Rows from before the chain (numbered by the migration) are chained once, by the first append after it. */
async function sealUnchained(tx: Tx, belowSeq: number): Promise<string> {
  let prevHash = "";
  const rows = await tx.auditLog.findMany({ where: { seq: { lt: belowSeq } }, orderBy: { seq: "asc" } });
  for (const row of rows) {
    const hash = chainHash({ ...row, prevHash });
    await tx.auditLog.update({ where: { id: row.id }, data: { prevHash, hash } });
    prevHash = hash;
  }
  return prevHash;
}

async function append(tx: Tx, entry: AuditEntry): Promise<void> {
  // Taking the next number locks the head row until this transaction ends.
  const head = await tx.auditChainHead.update({ where: { id: HEAD_ID }, data: { seq: { increment: 1 } } });
  const prevHash = head.hash === "" && head.seq > 1 ? await sealUnchained(tx, head.seq) : head.hash;
  let jurisdiction = entry.jurisdiction ?? null;
  if (entry.jurisdiction === undefined && entry.actorId) {
    jurisdiction = (await tx.user.findUnique({ where: { id: entry.actorId }, select: { jurisdictionPath: true } }))?.jurisdictionPath ?? null;
  }
  const row: ChainedFields = {
    seq: head.seq,
    id: newId(),
    at: new Date(),
    actorId: entry.actorId ?? null,
    actorRole: entry.actorRole ?? null,
    jurisdiction,
    action: entry.action,
    subjectType: entry.subjectType ?? null,
    subjectId: entry.subjectId ?? null,
    ipHash: entry.request ? addressHash(clientAddress(entry.request)) : null,
    detail: entry.detail ? JSON.stringify(entry.detail) : null,
    prevHash,
  };
  const hash = chainHash(row);
  await tx.auditLog.create({ data: { ...row, hash } });
  await tx.auditChainHead.update({ where: { id: HEAD_ID }, data: { hash } });
}

/** Appends an entry; inside the caller's transaction when one is given, so the entry commits with the change it records. */
export async function audit(entry: AuditEntry, tx?: Tx): Promise<void> {
  if (tx) return append(tx, entry);
  await db.$transaction((inner) => append(inner, entry));
}

// ---- Verification ----

export type ChainProblem = {
  seq: number | null;
  id?: string;
  /** edited: the row's hash does not match it; link: its previous hash is not the row before; gap: numbers missing (deleted rows); unnumbered: a row outside the chain (inserted); tail: the head does not match the last row (deleted last rows) */
  kind: "edited" | "link" | "gap" | "unnumbered" | "tail";
};

export type ChainReport = { ok: boolean; entries: number; unsealed: number; head: { seq: number; hash: string }; problems: ChainProblem[] };

/** Walks the whole chain in order and names every row that breaks it. */
export async function verifyAuditChain(): Promise<ChainReport> {
  const head = (await db.auditChainHead.findUnique({ where: { id: HEAD_ID } })) ?? { seq: 0, hash: "" };
  const problems: ChainProblem[] = [];
  const unnumbered = await db.auditLog.findMany({ where: { seq: null }, select: { id: true } });
  for (const row of unnumbered) problems.push({ seq: null, id: row.id, kind: "unnumbered" });
  let expected = 1;
  let prevHash = "";
  let entries = 0;
  let unsealed = 0;
  let cursor = 0;
  for (;;) {
    const batch = await db.auditLog.findMany({ where: { seq: { gt: cursor } }, orderBy: { seq: "asc" }, take: 1000 });
    if (batch.length === 0) break;
    for (const row of batch) {
      const seq = row.seq!;
      entries += 1;
      cursor = seq;
      if (seq !== expected) problems.push({ seq, id: row.id, kind: "gap" });
      expected = seq + 1;
      if (row.hash === null && head.hash === "") {
        // Written before the chain and not sealed yet: nothing to check until the next append.
        unsealed += 1;
        continue;
      }
      if (row.hash === null || !hashMatches(row, row.hash)) problems.push({ seq, id: row.id, kind: "edited" });
      else if ((row.prevHash ?? "") !== prevHash) problems.push({ seq, id: row.id, kind: "link" });
      prevHash = row.hash ?? "";
    }
  }
  if (head.seq !== expected - 1 || (head.hash !== "" && head.hash !== prevHash)) problems.push({ seq: head.seq, kind: "tail" });
  return { ok: problems.length === 0, entries, unsealed, head: { seq: head.seq, hash: head.hash }, problems };
}

// ---- The county administrator's viewer ----

export type AuditFilter = { action?: string; actor?: string; from?: Date; to?: Date };
export type AuditRow = {
  seq: number | null;
  at: Date;
  action: string;
  actor: string | null;
  actorRole: string | null;
  jurisdiction: string | null;
  subject: string | null;
  address: string | null;
  detail: string | null;
};

async function whereOf(filter: AuditFilter): Promise<Prisma.AuditLogWhereInput> {
  const where: Prisma.AuditLogWhereInput = {};
  if (filter.action) where.action = filter.action;
  if (filter.actor) {
    // Staff are named by user name; anyone else by account id.
    const user = await db.user.findFirst({ where: { OR: [{ username: filter.actor }, { id: filter.actor }] }, select: { id: true } });
    where.actorId = user?.id ?? filter.actor;
  }
  if (filter.from || filter.to) where.at = { ...(filter.from ? { gte: filter.from } : {}), ...(filter.to ? { lt: filter.to } : {}) };
  return where;
}

async function present(rows: Awaited<ReturnType<typeof db.auditLog.findMany>>): Promise<AuditRow[]> {
  const actorIds = [...new Set(rows.map((row) => row.actorId).filter((id): id is string => !!id))];
  const users = await db.user.findMany({ where: { id: { in: actorIds } }, select: { id: true, username: true, kind: true } });
  // Staff by user name; citizens only by account id, never by name or phone.
  const names = new Map(users.map((user) => [user.id, user.kind === "staff" && user.username ? user.username : `${user.kind}:${user.id.slice(0, 8)}`]));
  return rows.map((row) => ({
    seq: row.seq,
    at: row.at,
    action: row.action,
    actor: row.actorId ? (names.get(row.actorId) ?? row.actorId.slice(0, 8)) : null,
    actorRole: row.actorRole,
    jurisdiction: row.jurisdiction,
    subject: row.subjectType ? `${row.subjectType}:${row.subjectId ?? ""}` : null,
    address: row.ipHash ? row.ipHash.slice(0, 10) : null,
    detail: row.detail,
  }));
}

export const AUDIT_PAGE_SIZE = 50;
export const AUDIT_EXPORT_LIMIT = 50_000;

/** One page of entries, newest first. */
export async function listAuditEntries(filter: AuditFilter, page = 1): Promise<{ rows: AuditRow[]; total: number; page: number; pages: number }> {
  const where = await whereOf(filter);
  const total = await db.auditLog.count({ where });
  const pages = Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE));
  const current = Math.min(Math.max(1, page), pages);
  const rows = await db.auditLog.findMany({ where, orderBy: [{ at: "desc" }, { seq: "desc" }], skip: (current - 1) * AUDIT_PAGE_SIZE, take: AUDIT_PAGE_SIZE });
  return { rows: await present(rows), total, page: current, pages };
}

/** The actions recorded so far, for the viewer's filter. */
export async function auditActions(): Promise<string[]> {
  const rows = await db.auditLog.findMany({ distinct: ["action"], select: { action: true }, orderBy: { action: "asc" } });
  return rows.map((row) => row.action);
}

function csvCell(value: string | number | null): string {
  const text = value === null ? "" : String(value);
  // A leading =, +, - or @ would run as a formula in a spreadsheet.
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** Every matching entry (up to AUDIT_EXPORT_LIMIT) as CSV, oldest first, with a byte-order mark for spreadsheet programs. */
export async function auditCsv(filter: AuditFilter): Promise<string> {
  const rows = await present(await db.auditLog.findMany({ where: await whereOf(filter), orderBy: [{ at: "asc" }, { seq: "asc" }], take: AUDIT_EXPORT_LIMIT }));
  const header = ["seq", "time", "action", "actor", "role", "jurisdiction", "subject", "address", "detail"];
  const lines = rows.map((row) => [row.seq, row.at.toISOString(), row.action, row.actor, row.actorRole, row.jurisdiction, row.subject, row.address, row.detail].map(csvCell).join(","));
  return `\uFEFF${[header.join(","), ...lines].join("\r\n")}\r\n`;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const auditFilterSchema = z.object({
  action: z.string().trim().max(100).optional(),
  actor: z.string().trim().max(100).optional(),
  from: z.string().trim().regex(DATE, "common:auditLog.errors.date").optional(),
  to: z.string().trim().regex(DATE, "common:auditLog.errors.date").optional(),
  page: z.coerce.number().int().min(1).max(1_000_000).catch(1),
});

/** A day in China Standard Time (the dates people enter), as the instant it starts. */
function dayStart(day: string): Date | undefined {
  const date = new Date(`${day}T00:00:00+08:00`);
  // Some engines roll 02-30 over to 03-02: only a date that reads back the same is one.
  const valid = !Number.isNaN(date.getTime()) && new Date(date.getTime() + 8 * 3_600_000).toISOString().slice(0, 10) === day;
  return valid ? date : undefined;
}

export type AuditFilterValues = { action: string; actor: string; from: string; to: string };

/** The viewer's filter form (a GET form): values to show back, the filter, and errors by field. */
export function parseAuditFilter(params: URLSearchParams): { values: AuditFilterValues; filter: AuditFilter; page: number; errors: Record<string, string[]> } {
  const raw = Object.fromEntries(["action", "actor", "from", "to", "page"].map((name) => [name, params.get(name)?.slice(0, 100) || undefined]));
  const values = { action: raw.action ?? "", actor: raw.actor ?? "", from: raw.from ?? "", to: raw.to ?? "" };
  const parsed = auditFilterSchema.safeParse(raw);
  const errors: Record<string, string[]> = {};
  if (!parsed.success) for (const issue of parsed.error.issues) (errors[String(issue.path[0])] ??= []).push(issue.message);
  // A well-formed but impossible date (2026-13-45) is an error too.
  const fromDate = raw.from && !errors.from ? dayStart(raw.from) : undefined;
  const toDate = raw.to && !errors.to ? dayStart(raw.to) : undefined;
  if (raw.from && !errors.from && !fromDate) errors.from = ["common:auditLog.errors.date"];
  if (raw.to && !errors.to && !toDate) errors.to = ["common:auditLog.errors.date"];
  if (fromDate && toDate && toDate < fromDate) errors.to = ["common:auditLog.errors.order"];
  if (!parsed.success || Object.keys(errors).length) return { values, filter: {}, page: 1, errors };
  const { action, actor, page } = parsed.data;
  // "To" is inclusive: up to the start of the next day.
  return { values, filter: { action, actor, from: fromDate, to: toDate ? new Date(toDate.getTime() + 86_400_000) : undefined }, page, errors };
}
