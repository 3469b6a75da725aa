import { maskBankAccount, maskName } from "~/lib/mask";
import { services } from "~/services/registry";
import { audit } from "~/utils/audit.server";
import { encryptJson, newId } from "~/utils/crypto.server";
import { db, type Tx } from "~/utils/db.server";
import type { CaseActor, LoadedApplication } from "./cases.server";
import type { Answers } from "./define-service";
import { DomainError } from "./errors";
import { isoDay } from "./fields";
import { findOrRecordPerson, idHashOf } from "./persons.server";
import { hasCapability, jurisdictionDepth } from "./roles";

/**
 * Awards with payments: what an approved assistance case produces, one row per beneficiary,
 * with the yearly re-confirmation (年审) that keeps it in the payment rolls.
 */

export const yuanToFen = (yuan: number) => Math.round(yuan * 100);

export type BankAccount = { holder: string; bank: string; number: string };

export const awardBankContext = (id: string) => ({ table: "Award", column: "bankEnc", id });

/** Creates the case's awards inside the approving transaction. */
export async function issueAwards(tx: Tx, app: Pick<LoadedApplication, "id" | "service" | "jurisdictionPath">, answers: Answers, now: Date) {
  const { output } = app.service;
  if (output.kind !== "award") return;
  const terms = output.terms(answers, { approvedOn: isoDay(now) });
  for (const beneficiary of terms.beneficiaries) {
    const personId = await findOrRecordPerson({ idNumber: beneficiary.idNumber, name: beneficiary.name }, tx);
    const id = newId();
    await tx.award.create({
      data: {
        id,
        applicationId: app.id,
        serviceSlug: app.service.slug,
        personId,
        beneficiaryIdHash: idHashOf(beneficiary.idNumber),
        beneficiaryNameMasked: maskName(beneficiary.name),
        jurisdictionPath: app.jurisdictionPath ?? "",
        amountFen: yuanToFen(terms.amount),
        period: terms.period,
        startsOn: terms.startsOn,
        endsOn: terms.endsOn ?? null,
        bankEnc: terms.bankAccount ? encryptJson(terms.bankAccount, awardBankContext(id)) : null,
        bankMasked: terms.bankAccount ? maskBankAccount(terms.bankAccount.number) : null,
      },
    });
  }
}

/**
 * Ends the live awards that the approval of this case ends, as award services declare
 * (`endsWhen`): the case's subjects in the declared roles are matched to beneficiaries by the
 * keyed hash of their ID numbers. Runs inside the approving transaction of any service.
 */
export async function endAwardsEndedBy(tx: Tx, app: Pick<LoadedApplication, "id" | "service">, ref: string, now: Date) {
  for (const awardService of services) {
    if (awardService.output.kind !== "award") continue;
    for (const ending of awardService.output.endsWhen ?? []) {
      if (ending.service !== app.service.slug) continue;
      const subjects = await tx.caseSubject.findMany({ where: { applicationId: app.id, role: { in: [...ending.subjectRoles] } }, select: { idHash: true } });
      if (subjects.length === 0) continue;
      const ended = await tx.award.findMany({ where: { serviceSlug: awardService.slug, status: "active", beneficiaryIdHash: { in: subjects.map((subject) => subject.idHash) } }, select: { id: true, applicationId: true } });
      for (const award of ended) {
        await tx.award.update({ where: { id: award.id }, data: { status: "ended", endedOn: isoDay(now), endReason: ending.reason } });
        await tx.applicationEvent.create({
          data: { id: newId(), applicationId: award.applicationId, at: now, actorId: null, actorRole: "system", type: "award_ended", fromStatus: "approved", toStatus: "approved", note: ref },
        });
      }
    }
  }
}

export async function awardsOfCase(applicationId: string) {
  return db.award.findMany({ where: { applicationId }, orderBy: { createdAt: "asc" }, include: { confirmations: { orderBy: { year: "desc" } } } });
}

/** Staff who look after recipients (village staff, township reviewers, the county) in the award's jurisdiction. */
function mayConfirm(actor: CaseActor, jurisdictionPath: string) {
  return !!actor.jurisdictionPath && jurisdictionPath.startsWith(actor.jurisdictionPath) && (hasCapability(actor.role, "decide") || hasCapability(actor.role, "file_for_residents"));
}

/** Active awards in the actor's jurisdiction that still need this year's re-confirmation. */
export async function awardsToConfirm(actor: CaseActor, year: number) {
  if (!actor.jurisdictionPath) return [];
  return db.award.findMany({
    where: { status: "active", jurisdictionPath: { startsWith: actor.jurisdictionPath }, startsOn: { lt: `${year}-01-01` }, confirmations: { none: { year } } },
    select: { id: true, serviceSlug: true, beneficiaryNameMasked: true, jurisdictionPath: true, amountFen: true, period: true, startsOn: true, applicationId: true },
    orderBy: [{ jurisdictionPath: "asc" }, { createdAt: "asc" }],
    take: 500,
  });
}

/**
 * Records a recipient's re-confirmation for a year. A recipient who died or no longer meets
 * the conditions ends the award, with the reason in the case's history.
 */
export async function confirmAward(actor: CaseActor, awardId: string, input: { year: number; alive: boolean; stillEligible: boolean; note: string }, request: Request, now = new Date()) {
  const award = await db.award.findUnique({ where: { id: awardId } });
  if (!award || !mayConfirm(actor, award.jurisdictionPath)) throw new DomainError("not_found");
  if (award.status !== "active") throw new DomainError("illegal_transition");
  const ends = !input.alive || !input.stillEligible;
  if (ends && !input.note.trim()) throw new DomainError("incomplete");
  await db.$transaction(async (tx) => {
    await tx.awardConfirmation.create({ data: { id: newId(), awardId, year: input.year, alive: input.alive, stillEligible: input.stillEligible, note: input.note || null, confirmedById: actor.id, confirmedAt: now } });
    if (ends) {
      const reason = input.alive ? "not_eligible" : "deceased";
      await tx.award.update({ where: { id: awardId }, data: { status: "ended", endedOn: isoDay(now), endReason: reason } });
      await tx.applicationEvent.create({
        data: { id: newId(), applicationId: award.applicationId, at: now, actorId: actor.id, actorRole: actor.role, type: "award_ended", fromStatus: "approved", toStatus: "approved", note: input.note },
      });
    }
    await audit({ actorId: actor.id, actorRole: actor.role, action: ends ? "award.end" : "award.confirm", subjectType: "award", subjectId: awardId, request, detail: { year: input.year } }, tx);
  });
}

/** What the staff case page shows of a case's awards (masked). */
export function presentAward(award: Awaited<ReturnType<typeof awardsOfCase>>[number]) {
  return {
    id: award.id,
    beneficiary: award.beneficiaryNameMasked,
    amount: (award.amountFen / 100).toFixed(2),
    period: award.period,
    startsOn: award.startsOn,
    endsOn: award.endsOn,
    status: award.status,
    endReason: award.endReason,
    bank: award.bankMasked,
    confirmedYears: award.confirmations.map((confirmation) => confirmation.year),
    depth: jurisdictionDepth(award.jurisdictionPath) ?? null,
  };
}
