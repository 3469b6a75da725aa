import { normaliseMobile } from "~/lib/phone";
import { parseResidentId } from "~/lib/resident-id";
import { db, type Prisma } from "~/utils/db.server";
import type { CaseActor } from "./cases.server";
import { idHashOf, nameHashOf, phoneHashOf } from "./persons.server";
import { STATUSES, type Status } from "./workflow";

/**
 * The staff queue: filters, search and keyset paging over stored columns only. Names,
 * ID and phone numbers are searched through their keyed hashes and shown from the stored
 * masked value, so no row is ever decrypted and the cost does not grow with the table.
 */

export const QUEUE_PAGE_SIZE = 50;
export const QUEUE_SORTS = ["due", "submitted"] as const;
export type QueueSort = (typeof QUEUE_SORTS)[number];

export type QueueFilter = {
  /** Open cases (in review, on notice, returned) when absent. */
  status?: Status;
  service?: string;
  /** A jurisdiction code inside the staff member's scope (a village, or a township for county staff). */
  place?: string;
  overdue?: boolean;
  /** YYYY-MM-DD, submitted on or after / on or before (China's calendar day). */
  from?: string;
  to?: string;
  /** A reference, a full name, a resident ID number or a phone number. */
  q?: string;
  sort: QueueSort;
  direction: "asc" | "desc";
  /** Opaque keyset cursor from the previous page. */
  after?: string;
};

type Cursor = { v: string; id: string };

function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify(cursor)).toString("base64url");
}

function decodeCursor(value: string | undefined): Cursor | null {
  if (!value) return null;
  try {
    const parsed = JSON.parse(Buffer.from(value, "base64url").toString("utf8")) as Cursor;
    return typeof parsed.v === "string" && typeof parsed.id === "string" && !Number.isNaN(Date.parse(parsed.v)) ? parsed : null;
  } catch {
    return null;
  }
}

/** What a search box value means: a reference, an ID number, a phone number, or a name. */
export function searchWhere(q: string): Prisma.ApplicationWhereInput | null {
  const text = q.trim();
  if (!text) return null;
  if (/^[A-Za-z]{1,6}-[A-Za-z]{1,4}-\d{4}-\d{6}$/.test(text)) return { ref: text.toUpperCase() };
  const id = parseResidentId(text);
  if (id.ok) return { subjects: { some: { idHash: idHashOf(id.value.id) } } };
  if (normaliseMobile(text)) return { contactPhoneHash: phoneHashOf(text) };
  return { applicantNameHash: nameHashOf(text) };
}

const DAY_START = "T00:00:00+08:00";

export function queueWhere(actor: CaseActor, filter: QueueFilter, now = new Date()): Prisma.ApplicationWhereInput {
  const scope = actor.jurisdictionPath!;
  const and: Prisma.ApplicationWhereInput[] = [{ jurisdictionPath: { startsWith: scope } }];
  and.push(filter.status ? { status: filter.status } : { status: { in: ["in_review", "notice", "returned"] } });
  if (filter.service) and.push({ serviceSlug: filter.service });
  if (filter.place) and.push({ jurisdictionPath: { contains: `/${filter.place}/` } });
  if (filter.overdue) and.push({ status: "in_review", stageDueAt: { lt: now } });
  if (filter.from) and.push({ submittedAt: { gte: new Date(`${filter.from}${DAY_START}`) } });
  if (filter.to) and.push({ submittedAt: { lt: new Date(new Date(`${filter.to}${DAY_START}`).getTime() + 24 * 60 * 60 * 1000) } });
  const search = filter.q ? searchWhere(filter.q) : null;
  if (search) and.push(search);
  return { AND: and };
}

/** Beyond this many matching cases the queue says "more than 10,000" rather than counting them all. */
export const QUEUE_COUNT_CAP = 10_000;

export async function staffQueue(actor: CaseActor, filter: QueueFilter, now = new Date(), countCap = QUEUE_COUNT_CAP) {
  const where = queueWhere(actor, filter, now);
  const column = filter.sort === "due" ? "dueAt" : "submittedAt";
  const cursor = decodeCursor(filter.after);
  const comparison = filter.direction === "asc" ? "gt" : "lt";
  const paged: Prisma.ApplicationWhereInput = cursor
    ? { AND: [where, { OR: [{ [column]: { [comparison]: new Date(cursor.v) } }, { [column]: new Date(cursor.v), id: { [comparison]: cursor.id } }] }] }
    : where;
  const [rows, total] = await Promise.all([
    db.application.findMany({
      where: paged,
      select: {
        id: true,
        ref: true,
        serviceSlug: true,
        status: true,
        submittedAt: true,
        dueAt: true,
        stageDueAt: true,
        decidedAt: true,
        jurisdictionPath: true,
        applicantNameMasked: true,
        stageIndex: true,
        _count: { select: { events: { where: { type: "resubmitted" } } } },
      },
      orderBy: [{ [column]: filter.direction }, { id: filter.direction }],
      take: QUEUE_PAGE_SIZE + 1,
    }),
    // Counting a million matching rows costs seconds; past the cap the page says "more than".
    db.application.count({ where, take: countCap + 1 }),
  ]);
  const page = rows.slice(0, QUEUE_PAGE_SIZE);
  const last = page.at(-1);
  const lastValue = last ? last[column] : null;
  return {
    rows: page.map(({ _count, ...row }) => ({ ...row, corrected: _count.events > 0 })),
    total: Math.min(total, countCap),
    totalCapped: total > countCap,
    next: rows.length > QUEUE_PAGE_SIZE && last && lastValue ? encodeCursor({ v: lastValue.toISOString(), id: last.id }) : null,
  };
}

/** Reads the queue's filter from a URL's search parameters, ignoring anything malformed. */
export function parseQueueFilter(params: URLSearchParams): QueueFilter {
  const status = params.get("status");
  const sort = params.get("sort");
  const day = (value: string | null) => (value && /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : undefined);
  const code = (value: string | null) => (value && /^\d{6,12}$/.test(value) ? value : undefined);
  return {
    status: STATUSES.includes(status as Status) && status !== "draft" ? (status as Status) : undefined,
    service: params.get("service")?.match(/^[a-z-]{1,40}$/)?.[0],
    place: code(params.get("place")),
    overdue: params.get("overdue") === "1",
    from: day(params.get("from")),
    to: day(params.get("to")),
    q: params.get("q")?.slice(0, 40) || undefined,
    sort: QUEUE_SORTS.includes(sort as QueueSort) ? (sort as QueueSort) : "due",
    direction: params.get("dir") === "desc" ? "desc" : "asc",
    after: params.get("after")?.slice(0, 200) || undefined,
  };
}
