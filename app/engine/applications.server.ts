import { setAt, valueAt } from "~/lib/field-paths";
import { maskName } from "~/lib/mask";
import { audit } from "~/utils/audit.server";
import { decryptJson, encryptJson, newId } from "~/utils/crypto.server";
import { columnContext as sealedTo } from "~/utils/sealed-columns.server";
import { db, type Tx } from "~/utils/db.server";
import { jurisdictions } from "~/utils/jurisdictions.server";
import { claimKeys, existingClaimant, isUniqueViolation, releaseClaims, takeClaims } from "./claims.server";
import { assertMay, caseById, type CaseActor, type LoadedApplication } from "./cases.server";
import { compareWithRecords } from "./comparison.server";
import type { ChangedField } from "./correction";
import type { Answers, ServiceDefinition, Step } from "./define-service";
import { DomainError } from "./errors";
import { isoDay } from "./fields";
import { firstIncomplete, parsedAnswers, type JourneyContext } from "./journey";
import { currentTime } from "~/utils/clock.server";
import { notify } from "./notify.server";
import { postNotice } from "./notices.server";
import { issueOutput } from "./outputs.server";
import { findOrRecordPerson, idHashOf, nameHashOf, phoneHashOf } from "./persons.server";
import type { Correction, Decision } from "./review-form";
import { addWorkingDays, promisedAt, stageDueAt, transition, type Action, type Status } from "./workflow";

export { actorOf, applicantSideCase, assertMay, officeCase, caseFacts, type CaseActor, type LoadedApplication } from "./cases.server";

export async function journeyContext(app: Pick<LoadedApplication, "answers" | "uploaded">, now = new Date()): Promise<JourneyContext> {
  const index = await jurisdictions();
  return { today: now, answers: app.answers, townshipCodes: index.townshipCodes, uploadedMaterials: app.uploaded };
}

/** The filer's open draft of a service, or a new one. Staff drafts are started under an authority (agency-proxy). */
export async function findOrCreateDraft(actor: CaseActor, service: ServiceDefinition, filing: { capacity: string; authorityId?: string | null; filedAtPath?: string | null } = { capacity: "self" }): Promise<string> {
  const existing = await db.application.findFirst({
    where: { filerId: actor.id, serviceSlug: service.slug, status: "draft", authorityId: filing.authorityId ?? null },
    select: { id: true },
    orderBy: { createdAt: "desc" },
  });
  if (existing) return existing.id;
  const id = newId();
  await db.application.create({
    data: {
      id,
      serviceSlug: service.slug,
      status: "draft",
      filerId: actor.id,
      filerCapacity: filing.capacity,
      authorityId: filing.authorityId ?? null,
      filedAtPath: filing.filedAtPath ?? null,
      answersEnc: encryptJson({}, sealedTo("Application", "answersEnc", id)),
    },
  });
  return id;
}

/** A field without a maximum of its own keeps at most this many characters in a draft. */
export const DRAFT_VALUE_CAP = 200;
/** The whole draft's answers, as JSON, stay below this size. */
export const DRAFT_SIZE_CAP = 64 * 1024;

/**
 * What is kept of a step's posted values: only the step's declared fields, each cut to the
 * field's own maximum (or the small global cap). What a user typed survives a refused step;
 * a crafted post cannot grow the draft.
 */
export function keptValues(step: Step, answers: Answers, values: Record<string, unknown>): Record<string, unknown> {
  const fields = typeof step.fields === "function" ? step.fields({ ...answers, [step.id]: values }) : step.fields;
  const kept: Record<string, unknown> = {};
  for (const field of fields) {
    const raw = valueAt(values, field.name);
    if (raw === "") continue;
    const cap = ("maxLength" in field && field.maxLength) || DRAFT_VALUE_CAP;
    setAt(kept, field.name, Array.from(raw).slice(0, cap).join(""));
  }
  return kept;
}

/** Saves one step's values, valid or not (capped), so nothing typed is lost between visits. */
export async function saveStep(app: LoadedApplication, step: Step, values: Record<string, unknown>) {
  if (app.status !== "draft") throw new DomainError("not_editable");
  const answers = { ...app.answers, [step.id]: keptValues(step, app.answers, values) };
  if (JSON.stringify(answers).length > DRAFT_SIZE_CAP) throw new DomainError("incomplete");
  const updated = await db.application.updateMany({
    where: { id: app.id, version: app.version, status: "draft" },
    data: { answersEnc: encryptJson(answers, sealedTo("Application", "answersEnc", app.id)), version: { increment: 1 } },
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
      if (!isUniqueViolation(error)) throw error; // another instance created it first
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

/** A second live case with the same claim: its own applicant gets a link to it, anyone else only hears that one exists. */
async function duplicateError(actor: CaseActor, keys: string[], applicationId: string): Promise<DomainError> {
  const existing = await existingClaimant(keys, applicationId);
  const ownCase = !!existing?.ref && (existing.filerId === actor.id || (!!actor.personId && (await db.caseSubject.count({ where: { applicationId: existing.id, personId: actor.personId } })) > 0));
  return ownCase ? new DomainError("duplicate", { ref: existing!.ref! }) : new DomainError("duplicate");
}

/** The people in the case, recorded as persons (adults) and subjects with their keyed ID hashes. */
async function recordSubjects(tx: Tx, app: LoadedApplication, answers: Answers) {
  const contactPhone = app.service.contactPhoneOf(answers);
  await tx.caseSubject.deleteMany({ where: { applicationId: app.id } });
  let applicantPersonId: string | null = null;
  for (const subject of app.service.subjects(answers)) {
    const adult = subject.role === "applicant" || subject.role === "spouse" || subject.role === "beneficiary";
    const personId = adult ? await findOrRecordPerson({ idNumber: subject.idNumber, name: subject.name, phone: subject.role === "applicant" ? contactPhone : null }, tx) : null;
    if (subject.role === "applicant") applicantPersonId = personId;
    await tx.caseSubject.create({ data: { id: newId(), applicationId: app.id, role: subject.role, idHash: idHashOf(subject.idNumber), personId } });
  }
  return applicantPersonId;
}

/** Columns that queues and searches read instead of decrypting answers. */
function searchColumns(service: ServiceDefinition, answers: Answers) {
  const applicant = service.subjects(answers).find((subject) => subject.role === "applicant");
  const phone = service.contactPhoneOf(answers);
  return {
    applicantNameMasked: applicant ? maskName(applicant.name) : null,
    applicantNameHash: applicant ? nameHashOf(applicant.name) : null,
    contactPhoneHash: phone ? phoneHashOf(phone) : null,
  };
}

export type SubmitResult = { ref: string; status: Status };

export async function submitApplication(actor: CaseActor, app: LoadedApplication, request: Request, now = new Date()): Promise<SubmitResult> {
  await assertMay(actor, "submit", app, now);
  const { service } = app;
  const ctx = await journeyContext(app, now);
  if (firstIncomplete(service, ctx) !== "review" || service.crossChecks(app.answers).length > 0) throw new DomainError("incomplete");
  const answers = parsedAnswers(service, ctx);
  if (!service.eligibility(answers, { today: now }).eligible) throw new DomainError("not_eligible");
  const index = await jurisdictions();
  const jurisdiction = index.byCode.get(service.jurisdictionOf(answers) ?? "");
  if (!jurisdiction) throw new DomainError("incomplete");
  const keys = claimKeys(service, answers);
  if (await existingClaimant(keys, app.id)) throw await duplicateError(actor, keys, app.id);

  const comparison = service.workflow.recordChecks ? await compareWithRecords(service.workflow.recordChecks(answers), now) : null;
  const instant = service.workflow.instantOnMatch && !!comparison?.match;
  const { stages } = service.workflow;
  const step = transition({ status: app.status, action: "submit", actor: "applicant", stageIndex: 0, stages, instant });
  if (!step.ok) throw new DomainError(step.error);

  const sequenceName = await referenceSequence(service, now);
  let ref: string;
  try {
    ref = await db.$transaction(async (tx) => {
      const ref = await nextReference(tx, sequenceName);
      await takeClaims(tx, app.id, keys);
      const applicantPersonId = await recordSubjects(tx, app, answers);
      const updated = await tx.application.updateMany({
        where: { id: app.id, version: app.version, status: "draft" },
        data: {
          ref,
          status: step.to,
          answersEnc: encryptJson(answers, sealedTo("Application", "answersEnc", app.id)),
          applicantPersonId,
          ...searchColumns(service, answers),
          jurisdictionPath: jurisdiction.path,
          comparisonEnc: comparison ? encryptJson(comparison, sealedTo("Application", "comparisonEnc", app.id)) : null,
          submittedAt: now,
          stageIndex: step.stageIndex,
          stageStartedAt: now,
          stageDueAt: step.to === "approved" ? null : stageDueAt(stages[0], now),
          dueAt: step.to === "approved" ? now : promisedAt(stages, 0, now),
          decidedAt: step.to === "approved" ? now : null,
          version: { increment: 1 },
        },
      });
      if (updated.count === 0) throw new DomainError("stale");
      await tx.applicationEvent.create({
        data: { id: newId(), applicationId: app.id, at: now, actorId: actor.id, actorRole: actor.role, type: "submitted", fromStatus: "draft", toStatus: step.to === "approved" ? "in_review" : step.to },
      });
      if (step.to === "approved") {
        await tx.applicationEvent.create({
          data: { id: newId(), applicationId: app.id, at: now, actorId: null, actorRole: "system", type: "auto_approved", fromStatus: "in_review", toStatus: "approved" },
        });
        await issueOutput(tx, app, answers, jurisdiction.path, now, ref);
      }
      await audit({ actorId: actor.id, actorRole: actor.role, action: "application.submit", subjectType: "application", subjectId: app.id, request, detail: { ref, outcome: step.to, capacity: app.filerCapacity } }, tx);
      return ref;
    });
  } catch (error) {
    // Another case took the same claim between the check above and this transaction.
    if (isUniqueViolation(error) && (await existingClaimant(keys, app.id))) throw await duplicateError(actor, keys, app.id);
    throw error;
  }
  await notify({ ...app, answers }, step.to === "approved" ? "approved" : "submitted", ref, request);
  return { ref, status: step.to };
}

export type ReviewInput = Exclude<Decision, { action: "revoke" | "close" }>;

/** A reviewer's decision at the case's current stage: state, timeline, audit and output change together or not at all. */
export async function reviewApplication(actor: CaseActor, app: LoadedApplication, input: ReviewInput, request: Request, now = new Date()) {
  await assertMay(actor, input.action, app, now);
  const { stages } = app.service.workflow;
  const step = transition({ status: app.status, action: input.action as Action, actor: "reviewer", stageIndex: app.stageIndex, stages });
  if (!step.ok) throw new DomainError(step.error);
  if (step.to === "approved" && (await existingClaimant(claimKeys(app.service, app.answers), app.id))) throw new DomainError("duplicate");
  const correction: Correction | null = input.action === "return" ? { note: input.note, fields: input.fields, materials: input.materials } : null;
  const movedOn = step.stageIndex !== app.stageIndex;
  const decided = step.to === "approved" || step.to === "rejected";

  await db.$transaction(async (tx) => {
    const updated = await tx.application.updateMany({
      where: { id: app.id, version: app.version, status: app.status },
      data: {
        status: step.to,
        stageIndex: step.stageIndex,
        ...(movedOn ? { stageStartedAt: now, stageDueAt: stageDueAt(stages[step.stageIndex], now) } : {}),
        decidedAt: decided ? now : null,
        correctionEnc: correction ? encryptJson(correction, sealedTo("Application", "correctionEnc", app.id)) : undefined,
        correctionDueAt: correction ? addWorkingDays(now, app.service.workflow.correctionDays) : undefined,
        version: { increment: 1 },
      },
    });
    if (updated.count === 0) throw new DomainError("stale");
    const eventId = newId();
    await tx.applicationEvent.create({
      data: {
        id: eventId,
        applicationId: app.id,
        at: now,
        actorId: actor.id,
        actorRole: actor.role,
        type: step.event,
        fromStatus: app.status,
        toStatus: step.to,
        note: input.note,
        detailEnc: correction ? encryptJson({ correction }, sealedTo("ApplicationEvent", "detailEnc", eventId)) : null,
      },
    });
    if (step.to === "approved") await issueOutput(tx, app, app.answers, app.jurisdictionPath ?? "", now, app.ref ?? "");
    const next = stages[step.stageIndex];
    if (step.to === "notice" && next.kind === "notice") await postNotice(tx, app, next, now, stageDueAt(next, now));
    if (step.to === "rejected") await releaseClaims(tx, app.id);
    await audit({ actorId: actor.id, actorRole: actor.role, action: `application.${input.action}`, subjectType: "application", subjectId: app.id, request, detail: { ref: app.ref, to: step.to, stage: stages[app.stageIndex]?.id ?? null } }, tx);
  });
  if (app.ref) await notify(app, step.to === "in_review" || step.to === "notice" ? step.event : step.to, app.ref, request);
}

/** The applicant (or whoever files for them) withdraws a case that is not yet decided (撤回). */
export async function withdrawApplication(actor: CaseActor, app: LoadedApplication, request: Request, now = new Date()) {
  await assertMay(actor, "withdraw", app, now);
  const step = transition({ status: app.status, action: "withdraw", actor: "applicant", stageIndex: app.stageIndex, stages: app.service.workflow.stages });
  if (!step.ok) throw new DomainError(step.error);
  await db.$transaction(async (tx) => {
    const updated = await tx.application.updateMany({ where: { id: app.id, version: app.version, status: app.status }, data: { status: step.to, decidedAt: now, version: { increment: 1 } } });
    if (updated.count === 0) throw new DomainError("stale");
    await tx.applicationEvent.create({ data: { id: newId(), applicationId: app.id, at: now, actorId: actor.id, actorRole: actor.role, type: step.event, fromStatus: app.status, toStatus: step.to } });
    await releaseClaims(tx, app.id);
    await audit({ actorId: actor.id, actorRole: actor.role, action: "application.withdraw", subjectType: "application", subjectId: app.id, request, detail: { ref: app.ref } }, tx);
  });
  if (app.ref) await notify(app, "withdrawn", app.ref, request);
}

/** A returned case whose correction period has lapsed is closed by the reviewer of its stage. */
export async function closeApplication(actor: CaseActor, app: LoadedApplication, note: string, request: Request, now = new Date()) {
  await assertMay(actor, "close", app, now);
  const step = transition({ status: app.status, action: "close", actor: "reviewer", stageIndex: app.stageIndex, stages: app.service.workflow.stages });
  if (!step.ok) throw new DomainError(step.error);
  await db.$transaction(async (tx) => {
    const updated = await tx.application.updateMany({ where: { id: app.id, version: app.version, status: app.status }, data: { status: step.to, decidedAt: now, version: { increment: 1 } } });
    if (updated.count === 0) throw new DomainError("stale");
    await tx.applicationEvent.create({ data: { id: newId(), applicationId: app.id, at: now, actorId: actor.id, actorRole: actor.role, type: step.event, fromStatus: app.status, toStatus: step.to, note } });
    await releaseClaims(tx, app.id);
    await audit({ actorId: actor.id, actorRole: actor.role, action: "application.close", subjectType: "application", subjectId: app.id, request, detail: { ref: app.ref } }, tx);
  });
  if (app.ref) await notify(app, "closed", app.ref, request);
}

/** Staff of the case's jurisdiction revoke its certificate or letter, with a reason; the public check then says "revoked". */
export async function revokeCertificate(actor: CaseActor, app: LoadedApplication, reason: string, request: Request, now = new Date()) {
  await assertMay(actor, "revoke", app, now);
  await db.$transaction(async (tx) => {
    const revoked = await tx.certificate.updateMany({ where: { applicationId: app.id, status: "valid" }, data: { status: "revoked", revokedAt: now } });
    if (revoked.count === 0) throw new DomainError("illegal_transition");
    await releaseClaims(tx, app.id);
    await tx.applicationEvent.create({ data: { id: newId(), applicationId: app.id, at: now, actorId: actor.id, actorRole: actor.role, type: "certificate_revoked", fromStatus: app.status, toStatus: app.status, note: reason } });
    await audit({ actorId: actor.id, actorRole: actor.role, action: "certificate.revoke", subjectType: "application", subjectId: app.id, request, detail: { ref: app.ref } }, tx);
  });
  if (app.ref) await notify(app, "certificate_revoked", app.ref, request);
}

/** Resubmission after 补正: only the flagged fields change; the promised date starts again. */
export async function resubmitCorrection(actor: CaseActor, app: LoadedApplication, answers: Answers, changed: ChangedField[], request: Request, now = new Date()) {
  await assertMay(actor, "correct", app, now);
  const { stages } = app.service.workflow;
  const step = transition({ status: app.status, action: "resubmit", actor: "applicant", stageIndex: app.stageIndex, stages });
  if (!step.ok) throw new DomainError(step.error);
  const ctx = await journeyContext({ answers, uploaded: app.uploaded }, now);
  if (firstIncomplete(app.service, ctx) !== "review" || app.service.crossChecks(answers).length > 0) throw new DomainError("incomplete");
  const parsed = parsedAnswers(app.service, ctx);
  const keys = claimKeys(app.service, parsed);
  if (await existingClaimant(keys, app.id)) throw await duplicateError(actor, keys, app.id);
  const checks = app.service.workflow.recordChecks;
  const comparison = checks ? await compareWithRecords(checks(parsed), now) : null;
  try {
    await db.$transaction(async (tx) => {
      const updated = await tx.application.updateMany({
        where: { id: app.id, version: app.version, status: "returned" },
        data: {
          status: step.to,
          answersEnc: encryptJson(parsed, sealedTo("Application", "answersEnc", app.id)),
          ...searchColumns(app.service, parsed),
          comparisonEnc: comparison ? encryptJson(comparison, sealedTo("Application", "comparisonEnc", app.id)) : null,
          stageStartedAt: now,
          stageDueAt: stageDueAt(stages[step.stageIndex], now),
          dueAt: promisedAt(stages, step.stageIndex, now),
          correctionDueAt: null,
          version: { increment: 1 },
        },
      });
      if (updated.count === 0) throw new DomainError("stale");
      // The corrected answers may name other people or another child order: claims and subjects follow them.
      await releaseClaims(tx, app.id);
      await takeClaims(tx, app.id, keys);
      const applicantPersonId = await recordSubjects(tx, app, parsed);
      await tx.application.update({ where: { id: app.id }, data: { applicantPersonId } });
      const eventId = newId();
      await tx.applicationEvent.create({
        data: { id: eventId, applicationId: app.id, at: now, actorId: actor.id, actorRole: actor.role, type: "resubmitted", fromStatus: "returned", toStatus: step.to, detailEnc: encryptJson({ changed }, sealedTo("ApplicationEvent", "detailEnc", eventId)) },
      });
      await audit({ actorId: actor.id, actorRole: actor.role, action: "application.resubmit", subjectType: "application", subjectId: app.id, request, detail: { ref: app.ref, changed: changed.length } }, tx);
    });
  } catch (error) {
    if (isUniqueViolation(error) && (await existingClaimant(keys, app.id))) throw await duplicateError(actor, keys, app.id);
    throw error;
  }
  if (app.ref) await notify({ ...app, answers: parsed }, "resubmitted", app.ref, request);
}

/**
 * Public notices whose days have run out move on to their next stage. Run when staff open
 * queues or cases and when the notice board is read, so no scheduler is needed; each move is
 * a guarded update, so instances running it at once move a case only once.
 */
export async function endLapsedNotices(at?: Date) {
  const now = at ?? (await currentTime());
  const lapsed = await db.application.findMany({ where: { status: "notice", stageDueAt: { lte: now } }, select: { id: true }, take: 200 });
  for (const { id } of lapsed) {
    const app = await caseById(id);
    if (!app) continue;
    const { stages } = app.service.workflow;
    const step = transition({ status: app.status, action: "end_notice", actor: "system", stageIndex: app.stageIndex, stages });
    if (!step.ok) continue;
    const endedAt = app.stageDueAt ?? now;
    await db.$transaction(async (tx) => {
      const updated = await tx.application.updateMany({
        where: { id: app.id, version: app.version, status: "notice" },
        data: { status: step.to, stageIndex: step.stageIndex, stageStartedAt: endedAt, stageDueAt: stageDueAt(stages[step.stageIndex], endedAt), version: { increment: 1 } },
      });
      if (updated.count === 0) return;
      await tx.applicationEvent.create({ data: { id: newId(), applicationId: app.id, at: endedAt, actorId: null, actorRole: "system", type: step.event, fromStatus: "notice", toStatus: step.to } });
    });
  }
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
    detail: event.detailEnc ? decryptDetail(event.id, event.detailEnc) : null,
  }));
}

function decryptDetail(eventId: string, sealed: string) {
  return decryptJson<{ changed?: ChangedField[]; correction?: Correction }>(sealed, sealedTo("ApplicationEvent", "detailEnc", eventId));
}

/** The cases a citizen follows: filed by the account, or filed for the person it has proved to be. */
export async function citizenApplications(actor: CaseActor) {
  return db.application.findMany({
    where: {
      OR: [{ filerId: actor.id }, ...(actor.personId ? [{ subjects: { some: { personId: actor.personId } }, status: { not: "draft" } }] : [])],
      status: { not: "withdrawn" },
    },
    select: { id: true, ref: true, serviceSlug: true, status: true, submittedAt: true, dueAt: true, updatedAt: true, filerId: true, filerCapacity: true },
    orderBy: { updatedAt: "desc" },
  });
}

/** Other cases of the same family: any case naming one of this case's adults, found by keyed hash. */
export async function relatedCases(app: LoadedApplication, scopePath: string) {
  const hashes = (await db.caseSubject.findMany({ where: { applicationId: app.id, role: { in: ["applicant", "spouse", "beneficiary"] } }, select: { idHash: true } })).map((row) => row.idHash);
  if (hashes.length === 0) return [];
  return db.application.findMany({
    where: { id: { not: app.id }, status: { not: "draft" }, jurisdictionPath: { startsWith: scopePath }, subjects: { some: { idHash: { in: hashes } } } },
    select: { ref: true, serviceSlug: true, status: true, submittedAt: true },
    orderBy: { submittedAt: "desc" },
    take: 50,
  });
}

/** The role of the account that filed a case (for "filed on your behalf by …"). */
export async function filerRole(filerId: string): Promise<string | null> {
  return (await db.user.findUnique({ where: { id: filerId }, select: { role: true } }))?.role ?? null;
}

export async function certificateOf(applicationId: string) {
  return db.certificate.findFirst({ where: { applicationId, status: "valid" }, orderBy: { issuedAt: "desc" } });
}

