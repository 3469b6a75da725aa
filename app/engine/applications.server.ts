import type { Language } from "~/i18n/config";
import { serverT } from "~/i18n/resources.server";
import { findService } from "~/services/registry";
import { audit } from "~/utils/audit.server";
import type { StaffUser } from "~/utils/auth.server";
import { publicOrigin } from "~/utils/config.server";
import { decryptJson, encryptJson, lookupHash, newId } from "~/utils/crypto.server";
import { db, type Prisma, type Tx } from "~/utils/db.server";
import { jurisdictions } from "~/utils/jurisdictions.server";
import type { SessionUser } from "~/utils/session.server";
import { sms } from "~/utils/sms.server";
import { issueCertificate } from "./certificates.server";
import { compareWithRecords, type ComparisonResult } from "./comparison.server";
import type { Answers, ServiceDefinition } from "./define-service";
import { DomainError } from "./errors";
import { isoDay } from "./fields";
import type { ChangedField } from "./correction";
import type { Correction, Decision } from "./review-form";
import { firstIncomplete, parsedAnswers, type JourneyContext } from "./journey";
import { addWorkingDays, transition, type Action, type Status } from "./workflow";

export type LoadedApplication = {
  id: string;
  ref: string | null;
  status: Status;
  service: ServiceDefinition;
  answers: Answers;
  uploaded: Set<string>;
  materials: { id: string; materialKey: string; fileName: string; size: number; mimeType: string }[];
  applicantId: string;
  filerId: string;
  jurisdictionPath: string | null;
  reviewLevel: number;
  submittedAt: Date | null;
  dueAt: Date | null;
  decidedAt: Date | null;
  createdAt: Date;
  version: number;
  comparison: ComparisonResult | null;
  correction: Correction | null;
};

const applicationSelect = {
  id: true,
  ref: true,
  status: true,
  serviceSlug: true,
  answersEnc: true,
  applicantId: true,
  filerId: true,
  jurisdictionPath: true,
  reviewLevel: true,
  submittedAt: true,
  dueAt: true,
  decidedAt: true,
  createdAt: true,
  version: true,
  comparisonEnc: true,
  correctionEnc: true,
  materials: { select: { id: true, materialKey: true, fileName: true, size: true, mimeType: true }, orderBy: { createdAt: "asc" as const } },
};

type Row = NonNullable<Awaited<ReturnType<typeof selectOne>>>;
function selectOne(where: Prisma.ApplicationWhereInput) {
  return db.application.findFirst({ where, select: applicationSelect });
}

function load(row: Row): LoadedApplication {
  const service = findService(row.serviceSlug);
  if (!service) throw new Error(`Unknown service ${row.serviceSlug}`);
  return {
    id: row.id,
    ref: row.ref,
    status: row.status as Status,
    service,
    answers: decryptJson<Answers>(row.answersEnc),
    uploaded: new Set(row.materials.map((material) => material.materialKey)),
    materials: row.materials,
    applicantId: row.applicantId,
    filerId: row.filerId,
    jurisdictionPath: row.jurisdictionPath,
    reviewLevel: row.reviewLevel,
    submittedAt: row.submittedAt,
    dueAt: row.dueAt,
    decidedAt: row.decidedAt,
    createdAt: row.createdAt,
    version: row.version,
    comparison: row.comparisonEnc ? decryptJson<ComparisonResult>(row.comparisonEnc) : null,
    correction: row.correctionEnc ? decryptJson<Correction>(row.correctionEnc) : null,
  };
}

/** The citizen's own case: ownership is part of the query, so anyone else's is not found. */
export async function citizenApplication(user: SessionUser, where: { id: string } | { ref: string }) {
  const row = await selectOne({ ...where, OR: [{ applicantId: user.id }, { filerId: user.id }] });
  return row ? load(row) : null;
}

/** Staff see a case only inside their jurisdiction: the scope is part of the query. */
export async function staffApplication(staff: StaffUser, ref: string) {
  const row = await selectOne({ ref, jurisdictionPath: { startsWith: staff.jurisdictionPath }, status: { not: "draft" } });
  return row ? load(row) : null;
}

export async function journeyContext(app: Pick<LoadedApplication, "answers" | "uploaded">, now = new Date()): Promise<JourneyContext> {
  const index = await jurisdictions();
  return { today: now, answers: app.answers, townshipCodes: index.townshipCodes, uploadedMaterials: app.uploaded };
}

export async function findOrCreateDraft(user: SessionUser, service: ServiceDefinition): Promise<string> {
  const existing = await db.application.findFirst({
    where: { applicantId: user.id, serviceSlug: service.slug, status: "draft" },
    select: { id: true },
    orderBy: { createdAt: "desc" },
  });
  if (existing) return existing.id;
  const id = newId();
  await db.application.create({
    data: { id, serviceSlug: service.slug, status: "draft", applicantId: user.id, filerId: user.id, answersEnc: encryptJson({}) },
  });
  return id;
}

/** Saves one step's raw values, valid or not, so nothing typed is lost between visits. */
export async function saveStep(app: LoadedApplication, stepId: string, values: Record<string, unknown>) {
  if (app.status !== "draft") throw new DomainError("not_editable");
  const answers = { ...app.answers, [stepId]: values };
  const updated = await db.application.updateMany({
    where: { id: app.id, version: app.version, status: "draft" },
    data: { answersEnc: encryptJson(answers), version: { increment: 1 } },
  });
  if (updated.count === 0) throw new DomainError("stale");
  app.answers = answers;
  app.version += 1;
}

/** The counter for a service's case numbers in a year, e.g. WL-SY-2026; created on first use. */
export async function referenceSequence(service: ServiceDefinition, now: Date): Promise<string> {
  const { county } = await jurisdictions();
  // The year as it is in China, so a case filed just after midnight on 1 January counts in the new year.
  const name = `${county.refPrefix}-${service.refCode}-${isoDay(now).slice(0, 4)}`;
  if (!(await db.sequence.findUnique({ where: { name }, select: { name: true } }))) {
    // Outside the submitting transaction: on PostgreSQL a failed statement would abort it.
    await db.sequence.create({ data: { name, value: 0 } }).catch((error: unknown) => {
      if ((error as { code?: string }).code !== "P2002") throw error; // another instance created it first
    });
  }
  return name;
}

/**
 * The next case number, inside the submitting transaction: the increment is one atomic
 * UPDATE that holds the row until commit, so numbers are unique across instances and a
 * rolled-back submission leaves no gap.
 */
export async function nextReference(tx: Tx, sequenceName: string): Promise<string> {
  const sequence = await tx.sequence.update({ where: { name: sequenceName }, data: { value: { increment: 1 } } });
  return `${sequenceName}-${String(sequence.value).padStart(6, "0")}`;
}

function statusMessage(lng: Language, event: string, ref: string, origin: string): string | null {
  const t = serverT(lng);
  const key = `common:sms.${event}`;
  const text = t(key, { ref, url: `${origin}/applications/${ref}` });
  return text === key ? null : text;
}

/** SMS after the state change has committed; a gateway failure never undoes a decision. */
async function notify(app: { service: ServiceDefinition; answers: Answers; applicantId: string }, event: string, ref: string, request: Request) {
  const phone = app.service.contactPhoneOf(app.answers);
  const applicant = await db.user.findUnique({ where: { id: app.applicantId }, select: { locale: true } });
  const body = statusMessage((applicant?.locale as Language) ?? "zh-CN", event, ref, publicOrigin(request));
  if (!phone || !body) return;
  try {
    await sms().send(phone, body);
  } catch (error) {
    console.error(`SMS for ${ref} (${event}) failed: ${(error as Error).message}`);
  }
}

export type SubmitResult = { ref: string; status: Status };

export async function submitApplication(user: SessionUser, app: LoadedApplication, request: Request, now = new Date()): Promise<SubmitResult> {
  const { service } = app;
  const ctx = await journeyContext(app, now);
  if (app.status !== "draft") throw new DomainError("not_editable");
  if (firstIncomplete(service, ctx) !== "review" || service.crossChecks(app.answers).length > 0) throw new DomainError("incomplete");
  const answers = parsedAnswers(service, ctx);
  if (!service.eligibility(answers, { today: now }).eligible) throw new DomainError("not_eligible");

  const comparison = service.workflow.recordChecks ? await compareWithRecords(service.workflow.recordChecks(answers), now) : null;
  const instant = service.workflow.instantOnMatch && !!comparison?.match;
  const step = transition({ status: app.status, action: "submit", actor: "citizen", reviewLevel: 0, levelCount: service.workflow.levels.length, instant });
  if (!step.ok) throw new DomainError(step.error);
  const index = await jurisdictions();
  const jurisdiction = index.byCode.get(service.jurisdictionOf(answers) ?? "");
  if (!jurisdiction) throw new DomainError("incomplete");

  const sequenceName = await referenceSequence(service, now);
  const ref = await db.$transaction(async (tx) => {
    const ref = await nextReference(tx, sequenceName);
    const updated = await tx.application.updateMany({
      where: { id: app.id, version: app.version, status: "draft" },
      data: {
        ref,
        status: step.to,
        answersEnc: encryptJson(answers),
        subjectIdHashes: service.residentIdsOf(answers).map(lookupHash).join(","),
        jurisdictionPath: jurisdiction.path,
        comparisonEnc: comparison ? encryptJson(comparison) : null,
        submittedAt: now,
        dueAt: addWorkingDays(now, service.workflow.timeLimitDays),
        decidedAt: step.to === "approved" ? now : null,
        reviewLevel: step.reviewLevel,
        version: { increment: 1 },
      },
    });
    if (updated.count === 0) throw new DomainError("stale");
    await tx.applicationEvent.create({
      data: { id: newId(), applicationId: app.id, at: now, actorId: user.id, actorRole: "citizen", type: "submitted", fromStatus: "draft", toStatus: "in_review" },
    });
    if (step.to === "approved") {
      await tx.applicationEvent.create({
        data: { id: newId(), applicationId: app.id, at: now, actorId: null, actorRole: "system", type: "auto_approved", fromStatus: "in_review", toStatus: "approved" },
      });
      await issueCertificate(tx, app.id);
    }
    await audit({ actorId: user.id, actorRole: "citizen", action: "application.submit", subjectType: "application", subjectId: app.id, request, detail: { ref, outcome: step.to } }, tx);
    return ref;
  });
  await notify({ ...app, answers }, step.to === "approved" ? "approved" : "submitted", ref, request);
  return { ref, status: step.to };
}

const DEPTHS = ["county", "township", "village"] as const;

/** "500156/" is a county, "500156/500156001/" a township, one more code a village. */
export function jurisdictionDepth(path: string): (typeof DEPTHS)[number] | undefined {
  return DEPTHS[path.split("/").filter(Boolean).length - 1];
}

/** The staff member has the role and jurisdiction depth of the case's current review level. */
function holdsLevel(staff: StaffUser, app: Pick<LoadedApplication, "service" | "reviewLevel">): boolean {
  const level = app.service.workflow.levels[app.reviewLevel];
  return !!level && level.role === staff.role && jurisdictionDepth(staff.jurisdictionPath) === level.depth;
}

/** Whether the decision form is offered: the right level, and never on a case one filed oneself. */
export function canReview(staff: StaffUser, app: Pick<LoadedApplication, "service" | "reviewLevel" | "status" | "filerId">): boolean {
  return app.status === "in_review" && holdsLevel(staff, app) && app.filerId !== staff.id;
}

export type ReviewInput = Exclude<Decision, { action: "revoke" }>;

/** A reviewer's decision: state, timeline, audit and certificate change together or not at all. */
export async function reviewApplication(staff: StaffUser, app: LoadedApplication, input: ReviewInput, request: Request, now = new Date()) {
  if (!holdsLevel(staff, app)) throw new DomainError("wrong_level");
  if (app.filerId === staff.id) throw new DomainError("own_filing");
  const step = transition({ status: app.status, action: input.action as Action, actor: "reviewer", reviewLevel: app.reviewLevel, levelCount: app.service.workflow.levels.length });
  if (!step.ok) throw new DomainError(step.error);
  const correction: Correction | null = input.action === "return" ? { note: input.note, fields: input.fields, materials: input.materials } : null;

  await db.$transaction(async (tx) => {
    const updated = await tx.application.updateMany({
      where: { id: app.id, version: app.version, status: app.status },
      data: {
        status: step.to,
        reviewLevel: step.reviewLevel,
        decidedAt: step.to === "approved" || step.to === "rejected" ? now : null,
        correctionEnc: correction ? encryptJson(correction) : undefined,
        version: { increment: 1 },
      },
    });
    if (updated.count === 0) throw new DomainError("stale");
    await tx.applicationEvent.create({
      data: {
        id: newId(),
        applicationId: app.id,
        at: now,
        actorId: staff.id,
        actorRole: staff.role,
        type: step.event,
        fromStatus: app.status,
        toStatus: step.to,
        note: input.note,
        detailEnc: correction ? encryptJson({ correction }) : null,
      },
    });
    if (step.to === "approved") await issueCertificate(tx, app.id);
    await audit({ actorId: staff.id, actorRole: staff.role, action: `application.${input.action}`, subjectType: "application", subjectId: app.id, request, detail: { ref: app.ref, to: step.to } }, tx);
  });
  if (app.ref) await notify(app, step.to === "in_review" ? "level_approved" : step.to, app.ref, request);
}

/** The applicant withdraws a case that is not yet decided (撤回). */
export async function withdrawApplication(user: SessionUser, app: LoadedApplication, request: Request, now = new Date()) {
  const step = transition({ status: app.status, action: "withdraw", actor: "citizen", reviewLevel: app.reviewLevel, levelCount: app.service.workflow.levels.length });
  if (!step.ok) throw new DomainError(step.error);
  await db.$transaction(async (tx) => {
    const updated = await tx.application.updateMany({ where: { id: app.id, version: app.version, status: app.status }, data: { status: step.to, decidedAt: now, version: { increment: 1 } } });
    if (updated.count === 0) throw new DomainError("stale");
    await tx.applicationEvent.create({ data: { id: newId(), applicationId: app.id, at: now, actorId: user.id, actorRole: "citizen", type: step.event, fromStatus: app.status, toStatus: step.to } });
    await audit({ actorId: user.id, actorRole: "citizen", action: "application.withdraw", subjectType: "application", subjectId: app.id, request, detail: { ref: app.ref } }, tx);
  });
  if (app.ref) await notify(app, "withdrawn", app.ref, request);
}

/** Staff of the case's jurisdiction revoke its certificate, with a reason; the public check then says "revoked". */
export async function revokeCertificate(staff: StaffUser, app: LoadedApplication, reason: string, request: Request, now = new Date()) {
  if (staff.role === "window_staff") throw new DomainError("wrong_actor");
  await db.$transaction(async (tx) => {
    const revoked = await tx.certificate.updateMany({ where: { applicationId: app.id, status: "valid" }, data: { status: "revoked", revokedAt: now } });
    if (revoked.count === 0) throw new DomainError("illegal_transition");
    await tx.applicationEvent.create({ data: { id: newId(), applicationId: app.id, at: now, actorId: staff.id, actorRole: staff.role, type: "certificate_revoked", fromStatus: app.status, toStatus: app.status, note: reason } });
    await audit({ actorId: staff.id, actorRole: staff.role, action: "certificate.revoke", subjectType: "application", subjectId: app.id, request, detail: { ref: app.ref } }, tx);
  });
  if (app.ref) await notify(app, "certificate_revoked", app.ref, request);
}


/** Resubmission after 补正: only the flagged fields change; the reviewer sees before and after. */
export async function resubmitCorrection(user: SessionUser, app: LoadedApplication, answers: Answers, changed: ChangedField[], request: Request, now = new Date()) {
  const step = transition({ status: app.status, action: "resubmit", actor: "citizen", reviewLevel: app.reviewLevel, levelCount: app.service.workflow.levels.length });
  if (!step.ok) throw new DomainError(step.error);
  const ctx = await journeyContext({ answers, uploaded: app.uploaded }, now);
  if (firstIncomplete(app.service, ctx) !== "review" || app.service.crossChecks(answers).length > 0) throw new DomainError("incomplete");
  const parsed = parsedAnswers(app.service, ctx);
  const checks = app.service.workflow.recordChecks;
  const comparison = checks ? await compareWithRecords(checks(parsed), now) : null;
  await db.$transaction(async (tx) => {
    const updated = await tx.application.updateMany({
      where: { id: app.id, version: app.version, status: "returned" },
      data: {
        status: step.to,
        answersEnc: encryptJson(parsed),
        subjectIdHashes: app.service.residentIdsOf(parsed).map(lookupHash).join(","),
        comparisonEnc: comparison ? encryptJson(comparison) : null,
        dueAt: addWorkingDays(now, app.service.workflow.timeLimitDays),
        version: { increment: 1 },
      },
    });
    if (updated.count === 0) throw new DomainError("stale");
    await tx.applicationEvent.create({
      data: { id: newId(), applicationId: app.id, at: now, actorId: user.id, actorRole: "citizen", type: "resubmitted", fromStatus: "returned", toStatus: step.to, detailEnc: encryptJson({ changed }) },
    });
    await audit({ actorId: user.id, actorRole: "citizen", action: "application.resubmit", subjectType: "application", subjectId: app.id, request, detail: { ref: app.ref, changed: changed.length } }, tx);
  });
  if (app.ref) await notify({ ...app, answers: parsed }, "resubmitted", app.ref, request);
}

export async function timeline(applicationId: string) {
  const events = await db.applicationEvent.findMany({ where: { applicationId }, orderBy: { at: "asc" } });
  const actorIds = [...new Set(events.map((event) => event.actorId).filter((id): id is string => !!id))];
  const actors = new Map((await db.user.findMany({ where: { id: { in: actorIds } }, select: { id: true, name: true } })).map((actor) => [actor.id, actor.name]));
  return events.map((event) => ({
    id: event.id,
    at: event.at.toISOString(),
    type: event.type,
    actorRole: event.actorRole,
    actorName: event.actorId ? (actors.get(event.actorId) ?? null) : null,
    toStatus: event.toStatus,
    note: event.note,
    detail: event.detailEnc ? decryptJson<{ changed?: ChangedField[]; correction?: Correction }>(event.detailEnc) : null,
  }));
}

export async function citizenApplications(user: SessionUser) {
  return db.application.findMany({
    where: { OR: [{ applicantId: user.id }, { filerId: user.id }], status: { not: "withdrawn" } },
    select: { id: true, ref: true, serviceSlug: true, status: true, submittedAt: true, dueAt: true, updatedAt: true },
    orderBy: { updatedAt: "desc" },
  });
}

export async function staffQueue(staff: StaffUser, filter: { status?: Status }) {
  return db.application.findMany({
    where: {
      jurisdictionPath: { startsWith: staff.jurisdictionPath },
      status: filter.status ?? { in: ["in_review", "returned"] },
    },
    select: { id: true, ref: true, serviceSlug: true, status: true, submittedAt: true, dueAt: true, jurisdictionPath: true, answersEnc: true },
    orderBy: [{ dueAt: "asc" }, { submittedAt: "asc" }],
    take: 200,
  });
}

export async function certificateOf(applicationId: string) {
  return db.certificate.findFirst({ where: { applicationId, status: "valid" }, orderBy: { issuedAt: "desc" } });
}
