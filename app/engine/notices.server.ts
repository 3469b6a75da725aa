import { audit } from "~/utils/audit.server";
import { currentTime } from "~/utils/clock.server";
import { decryptJson, encryptJson, newId } from "~/utils/crypto.server";
import { db, type Tx } from "~/utils/db.server";
import { publicFormLimit } from "~/utils/rate-limit.server";
import { assertMay, type CaseActor, type LoadedApplication } from "./cases.server";
import { yuanToFen } from "./awards.server";
import type { NoticeStage } from "./define-service";
import { findService } from "~/services/registry";
import { DomainError } from "./errors";
import { isoDay } from "./fields";

/**
 * Public notices (公示) and objections. A case entering a notice stage is copied, masked,
 * to the notice board; anyone may object while it runs, and the final approval waits until
 * every objection has a recorded outcome.
 */

/** Puts a case on the notice board, inside the transaction that starts its notice stage. */
export async function postNotice(tx: Tx, app: LoadedApplication, stage: NoticeStage, startsAt: Date, endsAt: Date) {
  const { output } = app.service;
  const terms = output.kind === "award" ? output.terms(app.answers, { approvedOn: isoDay(startsAt) }) : null;
  const data = {
    serviceSlug: app.service.slug,
    nameMasked: app.applicantNameMasked ?? "",
    // Shown at the level the stage names: the case's village, township or the whole county.
    jurisdictionPath: (app.jurisdictionPath ?? "").split("/").filter(Boolean).slice(0, { county: 1, township: 2, village: 3 }[stage.shownAt]).join("/") + "/",
    amountFen: terms ? yuanToFen(terms.amount) : null,
    period: terms?.period ?? null,
    startsAt,
    endsAt,
  };
  await tx.publicNotice.upsert({ where: { applicationId: app.id }, create: { applicationId: app.id, ...data }, update: data });
}

/**
 * The notices running now, optionally within a township or village: within their dates and
 * with the case still at its notice stage (a case withdrawn or moved on leaves the board,
 * as runningNotice below also says).
 */
export async function runningNotices(placePath?: string) {
  const now = await currentTime();
  const notices = await db.publicNotice.findMany({
    where: { startsAt: { lte: now }, endsAt: { gt: now }, ...(placePath ? { jurisdictionPath: { startsWith: placePath } } : {}) },
    orderBy: [{ endsAt: "asc" }, { applicationId: "asc" }],
    take: 500,
  });
  const atNotice = await db.application.findMany({ where: { id: { in: notices.map((notice) => notice.applicationId) }, status: "notice" }, select: { id: true } });
  const running = new Set(atNotice.map((app) => app.id));
  return notices.filter((notice) => running.has(notice.applicationId));
}

export async function runningNotice(applicationId: string) {
  const now = await currentTime();
  const notice = await db.publicNotice.findUnique({ where: { applicationId } });
  if (!notice || notice.startsAt > now || notice.endsAt <= now) return null;
  const app = await db.application.findUnique({ where: { id: applicationId }, select: { status: true, serviceSlug: true, stageIndex: true } });
  const stage = app ? findService(app.serviceSlug)?.workflow.stages[app.stageIndex] : undefined;
  return app?.status === "notice" && stage?.kind === "notice" ? { ...notice, objections: stage.objections } : null;
}

export type ObjectionInput = { name: string; contact: string; text: string };

const objectionContext = (id: string) => ({ table: "Objection", column: "bodyEnc", id });

/** Anyone may object to a running notice; limited per address so the board cannot be flooded. */
export async function lodgeObjection(applicationId: string, input: ObjectionInput, request: Request): Promise<{ ok: true } | { ok: false; error: "closed" } | { ok: false; error: "limited"; retryAfterSeconds: number }> {
  const notice = await runningNotice(applicationId);
  if (!notice?.objections) return { ok: false, error: "closed" };
  const limit = await publicFormLimit(request, "objection");
  if (limit.limited) return { ok: false, error: "limited", retryAfterSeconds: limit.retryAfterSeconds };
  const now = new Date();
  await db.$transaction(async (tx) => {
    const id = newId();
    await tx.objection.create({ data: { id, applicationId, at: now, bodyEnc: encryptJson(input, objectionContext(id)) } });
    await tx.applicationEvent.create({ data: { id: newId(), applicationId, at: now, actorId: null, actorRole: "public", type: "objection_lodged", fromStatus: "notice", toStatus: "notice" } });
    await audit({ action: "objection.lodge", subjectType: "application", subjectId: applicationId, request, detail: { objection: id } }, tx);
  });
  return { ok: true };
}

/** The objections to a case, for staff entitled to resolve them (the text is shown in full to them). */
export async function objectionsOf(app: LoadedApplication) {
  const rows = await db.objection.findMany({ where: { applicationId: app.id }, orderBy: { at: "asc" } });
  return rows.map((row) => ({ id: row.id, at: row.at, status: row.status, outcomeNote: row.outcomeNote, resolvedAt: row.resolvedAt, ...decryptJson<ObjectionInput>(row.bodyEnc, objectionContext(row.id)) }));
}

export const OBJECTION_OUTCOMES = ["upheld", "dismissed"] as const;
export type ObjectionOutcome = (typeof OBJECTION_OUTCOMES)[number];

export async function resolveObjection(actor: CaseActor, app: LoadedApplication, objectionId: string, outcome: ObjectionOutcome, note: string, request: Request, now = new Date()) {
  await assertMay(actor, "resolve_objection", app, now);
  if (!note.trim()) throw new DomainError("incomplete");
  await db.$transaction(async (tx) => {
    const updated = await tx.objection.updateMany({ where: { id: objectionId, applicationId: app.id, status: "open" }, data: { status: outcome, outcomeNote: note, resolvedById: actor.id, resolvedAt: now } });
    if (updated.count === 0) throw new DomainError("illegal_transition");
    await tx.applicationEvent.create({ data: { id: newId(), applicationId: app.id, at: now, actorId: actor.id, actorRole: actor.role, type: `objection_${outcome}`, fromStatus: app.status, toStatus: app.status, note } });
    await audit({ actorId: actor.id, actorRole: actor.role, action: "objection.resolve", subjectType: "application", subjectId: app.id, request, detail: { objection: objectionId, outcome } }, tx);
  });
}
