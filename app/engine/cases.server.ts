import { findService } from "~/services/registry";
import { decryptJson } from "~/utils/crypto.server";
import { columnContext as sealedTo } from "~/utils/sealed-columns.server";
import { db, type Prisma } from "~/utils/db.server";
import type { SessionUser } from "~/utils/session.server";
import type { ComparisonResult } from "./comparison.server";
import type { Answers, ServiceDefinition } from "./define-service";
import { DomainError } from "./errors";
import { may, type CaseAction, type CaseFacts, type PermissionActor } from "./permissions";
import { personOfAccount } from "./persons.server";
import type { Correction } from "./review-form";
import { hasCapability } from "./roles";
import type { Status } from "./workflow";

/**
 * Loading cases. Every query carries who may see the case in its where clause: the
 * applicant's side (the filer, an authority holder, or the person the case is for) or the
 * office's side (the jurisdiction prefix). A case outside it is simply not found.
 */

export type CaseActor = PermissionActor & { name: string };

/** The acting account with the person it has proved to be (citizens). */
export async function actorOf(user: SessionUser): Promise<CaseActor> {
  return {
    id: user.id,
    kind: user.kind,
    role: user.role,
    name: user.name,
    jurisdictionPath: user.jurisdictionPath,
    personId: user.kind === "citizen" ? await personOfAccount(user.id) : null,
  };
}

export type LoadedApplication = {
  id: string;
  ref: string | null;
  status: Status;
  service: ServiceDefinition;
  answers: Answers;
  uploaded: Set<string>;
  materials: { id: string; materialKey: string; fileName: string; size: number; mimeType: string }[];
  filerId: string;
  filerCapacity: string;
  authorityId: string | null;
  applicantPersonId: string | null;
  applicantNameMasked: string | null;
  jurisdictionPath: string | null;
  filedAtPath: string | null;
  stageIndex: number;
  stageStartedAt: Date | null;
  stageDueAt: Date | null;
  correctionDueAt: Date | null;
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
  filerId: true,
  filerCapacity: true,
  authorityId: true,
  applicantPersonId: true,
  applicantNameMasked: true,
  jurisdictionPath: true,
  filedAtPath: true,
  stageIndex: true,
  stageStartedAt: true,
  stageDueAt: true,
  correctionDueAt: true,
  submittedAt: true,
  dueAt: true,
  decidedAt: true,
  createdAt: true,
  version: true,
  comparisonEnc: true,
  correctionEnc: true,
  materials: { select: { id: true, materialKey: true, fileName: true, size: true, mimeType: true }, orderBy: { createdAt: "asc" as const } },
} satisfies Prisma.ApplicationSelect;

type Row = Prisma.ApplicationGetPayload<{ select: typeof applicationSelect }>;

function load(row: Row): LoadedApplication {
  const service = findService(row.serviceSlug);
  if (!service) throw new Error(`Unknown service ${row.serviceSlug}`);
  const { serviceSlug: _slug, answersEnc, comparisonEnc, correctionEnc, materials, ...rest } = row;
  return {
    ...rest,
    status: row.status as Status,
    service,
    answers: decryptJson<Answers>(answersEnc, sealedTo("Application", "answersEnc", row.id)),
    uploaded: new Set(materials.map((material) => material.materialKey)),
    materials,
    comparison: comparisonEnc ? decryptJson<ComparisonResult>(comparisonEnc, sealedTo("Application", "comparisonEnc", row.id)) : null,
    correction: correctionEnc ? decryptJson<Correction>(correctionEnc, sealedTo("Application", "correctionEnc", row.id)) : null,
  };
}

/** Live authorities an account holds to act for residents. */
async function authoritiesHeldBy(holderId: string, now = new Date()) {
  return db.authority.findMany({ where: { holderId, revokedAt: null, validFrom: { lte: now }, validUntil: { gt: now } }, select: { id: true, personId: true, applicationId: true } });
}

/**
 * A case on the applicant's side: filed by this account, filed for the person this account
 * has proved to be (once submitted), or, for staff who file for residents, covered by an
 * authority they hold.
 */
export async function applicantSideCase(actor: CaseActor, where: { id: string } | { ref: string }) {
  const or: Prisma.ApplicationWhereInput[] = [{ filerId: actor.id }];
  // The applicant, or a spouse in the case (both are parties to a couple's registration).
  if (actor.personId) or.push({ subjects: { some: { personId: actor.personId } }, status: { not: "draft" } });
  if (hasCapability(actor.role, "file_for_residents")) {
    const held = await authoritiesHeldBy(actor.id);
    const forApplications = held.flatMap((authority) => (authority.applicationId ? [authority.applicationId] : []));
    const forPersons = held.filter((authority) => !authority.applicationId).map((authority) => authority.personId);
    if (forApplications.length > 0) or.push({ id: { in: forApplications } });
    if (forPersons.length > 0) or.push({ applicantPersonId: { in: forPersons }, status: { not: "draft" } });
  }
  const row = await db.application.findFirst({ where: { ...where, OR: or }, select: applicationSelect });
  return row ? load(row) : null;
}

/** A case on the office's side: submitted, and inside the staff member's jurisdiction. */
export async function officeCase(actor: CaseActor, ref: string) {
  if (!actor.jurisdictionPath) return null;
  const row = await db.application.findFirst({ where: { ref, jurisdictionPath: { startsWith: actor.jurisdictionPath }, status: { not: "draft" } }, select: applicationSelect });
  return row ? load(row) : null;
}

/** A case by id for the portal's own work (notice ends, claims), never for a request. */
export async function caseById(id: string) {
  const row = await db.application.findUnique({ where: { id }, select: applicationSelect });
  return row ? load(row) : null;
}

/** Throws the permission module's reason unless the actor may do this to the case now. */
export async function assertMay(actor: CaseActor, action: CaseAction, app: LoadedApplication, now = new Date()) {
  const permission = may(actor, action, await caseFacts(app, now), now);
  if (!permission.ok) throw new DomainError(permission.reason);
}

/** What the permission module needs to know about a case beyond its row. */
export async function caseFacts(app: LoadedApplication, now = new Date()): Promise<CaseFacts> {
  const [openObjections, liveOutput, authorities, parties] = await Promise.all([
    db.objection.count({ where: { applicationId: app.id, status: "open" } }),
    db.certificate.count({ where: { applicationId: app.id, status: "valid" } }),
    db.authority.findMany({
      where: {
        OR: [
          { applicationId: app.id },
          ...(app.applicantPersonId ? [{ personId: app.applicantPersonId, applicationId: null, revokedAt: null, validUntil: { gt: now } }] : []),
          ...(app.authorityId ? [{ id: app.authorityId }] : []),
        ],
      },
      select: { holderId: true },
    }),
    db.caseSubject.findMany({ where: { applicationId: app.id, personId: { not: null } }, select: { personId: true } }),
  ]);
  return {
    status: app.status,
    stageIndex: app.stageIndex,
    stages: app.service.workflow.stages,
    jurisdictionPath: app.jurisdictionPath,
    filerId: app.filerId,
    partyPersonIds: parties.map((party) => party.personId!),
    authorityHolderIds: [...new Set(authorities.map((authority) => authority.holderId))],
    openObjections,
    hasLiveOutput: liveOutput > 0,
    correctionDueAt: app.correctionDueAt,
  };
}
