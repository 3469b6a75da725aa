import { createHash } from "node:crypto";
import { audit } from "~/utils/audit.server";
import { decryptJson, decryptText, encryptJson, lookupHash, newId } from "~/utils/crypto.server";
import { awardBankContext, type BankAccount } from "./awards.server";
import { personContext } from "./persons.server";
import { db } from "~/utils/db.server";
import type { CaseActor } from "./cases.server";
import { DomainError } from "./errors";
import { hasCapability } from "./roles";

/**
 * Payment rolls: the recipients a scheme pays for a period, with amounts and totals, for
 * the finance bureau. An issued roll never changes (its content hash covers every line); a
 * correction is a new roll for the same period that supersedes it, with the differences
 * shown. Months already paid by a live roll are never paid twice.
 */

export type RollPeriod = { label: string; start: string; end: string; year: number };

/** "2027" (a year) or "2027-Q1" … "2027-Q4" (a quarter); months as YYYY-MM, inclusive. */
export function parsePeriod(label: string): RollPeriod | null {
  const match = /^(\d{4})(?:-Q([1-4]))?$/.exec(label.trim());
  if (!match) return null;
  const year = Number(match[1]);
  if (year < 2000 || year > 2100) return null;
  const quarter = match[2] ? Number(match[2]) : null;
  const first = quarter ? (quarter - 1) * 3 + 1 : 1;
  const last = quarter ? first + 2 : 12;
  const month = (m: number) => `${year}-${String(m).padStart(2, "0")}`;
  return { label: quarter ? `${year}-Q${quarter}` : String(year), start: month(first), end: month(last), year };
}

const monthOf = (day: string) => day.slice(0, 7);

function nextMonth(month: string): string {
  const [year, m] = month.split("-").map(Number);
  return m === 12 ? `${year + 1}-01` : `${year}-${String(m + 1).padStart(2, "0")}`;
}

function monthsBetween(from: string, to: string): string[] {
  const months: string[] = [];
  for (let month = from; month <= to; month = nextMonth(month)) months.push(month);
  return months;
}

type AwardForRoll = {
  id: string;
  amountFen: number;
  period: string;
  startsOn: string;
  endsOn: string | null;
  endedOn: string | null;
  status: string;
};

/**
 * The months (or, for yearly amounts, the year) an award is due for within a period, less
 * what live rolls already paid. A monthly award is due for each month from its start month
 * up to, not including, the month it ends; a yearly award once for each calendar year it is
 * active in.
 */
export function dueUnits(award: AwardForRoll, period: RollPeriod, paidMonths: ReadonlySet<string>): { fromMonth: string; toMonth: string; units: number } | null {
  const endMonth = [award.endsOn, award.endedOn].filter((day): day is string => !!day).map(monthOf).sort()[0];
  const active = (month: string) => month >= monthOf(award.startsOn) && (!endMonth || month < endMonth);
  if (award.period === "year") {
    const year = monthsBetween(`${period.year}-01`, `${period.year}-12`);
    if (!monthsBetween(period.start, period.end).some(active) || year.some((month) => paidMonths.has(month))) return null;
    return { fromMonth: year[0], toMonth: year[11], units: 1 };
  }
  const months = monthsBetween(period.start, period.end).filter((month) => active(month) && !paidMonths.has(month));
  if (months.length === 0) return null;
  return { fromMonth: months[0], toMonth: months.at(-1)!, units: months.length };
}

function mayRun(actor: CaseActor) {
  if (!hasCapability(actor.role, "payment_rolls") || !actor.jurisdictionPath) throw new DomainError("wrong_actor");
}

type LineDraft = {
  id: string;
  awardId: string;
  applicationRef: string;
  beneficiaryNameMasked: string;
  jurisdictionPath: string;
  fromMonth: string;
  toMonth: string;
  units: number;
  amountFen: number;
  bankEnc: string | null;
  bankHash: string | null;
  bankMasked: string | null;
};

const lineBankContext = (id: string) => ({ table: "PaymentRollLine", column: "bankEnc", id });

/** Covers what is paid to whom: the account by its keyed hash, so re-encrypting under a new key leaves the hash as it was. */
function contentHash(lines: Omit<LineDraft, "bankEnc">[]): string {
  const canonical = [...lines]
    .sort((a, b) => a.awardId.localeCompare(b.awardId))
    .map((line) => [line.id, line.awardId, line.applicationRef, line.jurisdictionPath, line.fromMonth, line.toMonth, line.units, line.amountFen, line.bankHash ?? ""].join("|"));
  return createHash("sha256").update(canonical.join("\n")).digest("hex");
}

/** What a roll for this scheme and period would pay, and who is held out for want of re-confirmation. */
export async function draftRoll(serviceSlug: string, period: RollPeriod, scopePath: string, replacing: string | null) {
  const awards = await db.award.findMany({
    where: { serviceSlug, jurisdictionPath: { startsWith: scopePath }, startsOn: { lte: `${period.end}-31` } },
    select: {
      id: true,
      applicationId: true,
      amountFen: true,
      period: true,
      startsOn: true,
      endsOn: true,
      endedOn: true,
      status: true,
      jurisdictionPath: true,
      beneficiaryNameMasked: true,
      bankEnc: true,
      bankMasked: true,
      confirmations: { where: { year: period.year }, select: { year: true } },
    },
    orderBy: [{ jurisdictionPath: "asc" }, { createdAt: "asc" }],
  });
  const paid = await db.paymentRollLine.findMany({
    where: { awardId: { in: awards.map((award) => award.id) }, roll: { status: "issued", ...(replacing ? { id: { not: replacing } } : {}) } },
    select: { awardId: true, fromMonth: true, toMonth: true },
  });
  const paidMonths = new Map<string, Set<string>>();
  for (const line of paid) {
    const months = paidMonths.get(line.awardId) ?? new Set<string>();
    for (const month of monthsBetween(line.fromMonth, line.toMonth)) months.add(month);
    paidMonths.set(line.awardId, months);
  }
  const refs = new Map((await db.application.findMany({ where: { id: { in: awards.map((award) => award.applicationId) } }, select: { id: true, ref: true } })).map((row) => [row.id, row.ref ?? ""]));
  const lines: LineDraft[] = [];
  const held: { awardId: string; beneficiaryNameMasked: string; jurisdictionPath: string; applicationRef: string }[] = [];
  for (const award of awards) {
    const due = dueUnits(award, period, paidMonths.get(award.id) ?? new Set());
    if (!due) continue;
    const applicationRef = refs.get(award.applicationId) ?? "";
    // A recipient from an earlier year is paid only once this year's re-confirmation (年审) is done.
    if (award.startsOn < `${period.year}-01-01` && award.confirmations.length === 0) {
      held.push({ awardId: award.id, beneficiaryNameMasked: award.beneficiaryNameMasked, jurisdictionPath: award.jurisdictionPath, applicationRef });
      continue;
    }
    // The account is sealed again to the line's own row: the roll keeps what was paid where, even if the award's account changes later.
    const id = newId();
    const bank = award.bankEnc ? decryptJson<BankAccount>(award.bankEnc, awardBankContext(award.id)) : null;
    lines.push({
      id,
      awardId: award.id,
      applicationRef,
      beneficiaryNameMasked: award.beneficiaryNameMasked,
      jurisdictionPath: award.jurisdictionPath,
      ...due,
      amountFen: due.units * award.amountFen,
      bankEnc: bank ? encryptJson(bank, lineBankContext(id)) : null,
      bankHash: bank ? lookupHash(`bank:${bank.number}`) : null,
      bankMasked: award.bankMasked,
    });
  }
  return { lines, held };
}

/**
 * Issues the roll for a scheme and period. When one is already issued for that period, the
 * new roll supersedes it (a correction); the old one keeps every line it had.
 */
export async function issueRoll(actor: CaseActor, serviceSlug: string, periodLabel: string, request: Request) {
  mayRun(actor);
  const period = parsePeriod(periodLabel);
  if (!period) throw new DomainError("incomplete");
  const previous = await db.paymentRoll.findFirst({ where: { serviceSlug, period: period.label, status: "issued" }, select: { id: true } });
  const { lines } = await draftRoll(serviceSlug, period, actor.jurisdictionPath!, previous?.id ?? null);
  const id = newId();
  await db.$transaction(async (tx) => {
    if (previous) {
      const superseded = await tx.paymentRoll.updateMany({ where: { id: previous.id, status: "issued" }, data: { status: "superseded" } });
      if (superseded.count === 0) throw new DomainError("stale");
    }
    await tx.paymentRoll.create({
      data: {
        id,
        serviceSlug,
        period: period.label,
        periodStart: period.start,
        periodEnd: period.end,
        supersedesId: previous?.id ?? null,
        totalFen: lines.reduce((sum, line) => sum + line.amountFen, 0),
        lineCount: lines.length,
        contentHash: contentHash(lines),
        createdById: actor.id,
      },
    });
    if (lines.length > 0) await tx.paymentRollLine.createMany({ data: lines.map((line) => ({ rollId: id, ...line })) });
    await audit({ actorId: actor.id, actorRole: actor.role, action: "roll.issue", subjectType: "paymentRoll", subjectId: id, request, detail: { service: serviceSlug, period: period.label, supersedes: previous?.id ?? null, lines: lines.length } }, tx);
  });
  return id;
}

export async function rollsOf(actor: CaseActor) {
  mayRun(actor);
  return db.paymentRoll.findMany({ orderBy: [{ createdAt: "desc" }], take: 200 });
}

/** A roll with its lines, checked against its content hash: an edited roll is refused, never shown as if issued. */
export async function loadRoll(actor: CaseActor, id: string) {
  mayRun(actor);
  const roll = await db.paymentRoll.findUnique({ where: { id }, include: { lines: { orderBy: [{ jurisdictionPath: "asc" }, { applicationRef: "asc" }] } } });
  if (!roll) return null;
  const intact = contentHash(roll.lines) === roll.contentHash && roll.lines.reduce((sum, line) => sum + line.amountFen, 0) === roll.totalFen && roll.lines.length === roll.lineCount;
  if (!intact) throw new Error(`Payment roll ${id} does not match its content hash`);
  return roll;
}

export type LoadedRoll = NonNullable<Awaited<ReturnType<typeof loadRoll>>>;

/** Totals per township (the second code of a jurisdiction path). */
export function totalsByTownship(roll: LoadedRoll) {
  const totals = new Map<string, { lines: number; fen: number }>();
  for (const line of roll.lines) {
    const township = line.jurisdictionPath.split("/").filter(Boolean)[1] ?? "";
    const total = totals.get(township) ?? { lines: 0, fen: 0 };
    totals.set(township, { lines: total.lines + 1, fen: total.fen + line.amountFen });
  }
  return totals;
}

/** What a correcting roll changed against the roll it supersedes. */
export async function rollDifferences(actor: CaseActor, roll: LoadedRoll) {
  if (!roll.supersedesId) return null;
  const before = await loadRoll(actor, roll.supersedesId);
  if (!before) return null;
  const old = new Map(before.lines.map((line) => [line.awardId, line]));
  const now = new Map(roll.lines.map((line) => [line.awardId, line]));
  return {
    added: roll.lines.filter((line) => !old.has(line.awardId)),
    removed: before.lines.filter((line) => !now.has(line.awardId)),
    changed: roll.lines.filter((line) => old.has(line.awardId) && (old.get(line.awardId)!.amountFen !== line.amountFen || old.get(line.awardId)!.units !== line.units)).map((line) => ({ line, before: old.get(line.awardId)! })),
  };
}

/** The roll's lines with full names and accounts, for the finance bureau's export (audited by the caller). */
export async function rollForExport(actor: CaseActor, roll: LoadedRoll, request: Request) {
  if (!hasCapability(actor.role, "reveal_bank")) throw new DomainError("wrong_actor");
  const awards = await db.award.findMany({ where: { id: { in: roll.lines.map((line) => line.awardId) } }, select: { id: true, personId: true } });
  const persons = await db.person.findMany({ where: { id: { in: awards.map((award) => award.personId) } }, select: { id: true, nameEnc: true, idEnc: true } });
  const reveal = (person: (typeof persons)[number] | undefined) =>
    person ? { name: decryptText(person.nameEnc, personContext(person.id, "nameEnc")), idNumber: decryptText(person.idEnc, personContext(person.id, "idEnc")) } : { name: "", idNumber: "" };
  const personOfAward = new Map(awards.map((award) => [award.id, persons.find((person) => person.id === award.personId)]));
  await audit({ actorId: actor.id, actorRole: actor.role, action: "roll.export", subjectType: "paymentRoll", subjectId: roll.id, request, detail: { lines: roll.lines.length } });
  return roll.lines.map((line) => {
    const person = personOfAward.get(line.awardId);
    const bank = line.bankEnc ? decryptJson<BankAccount>(line.bankEnc, lineBankContext(line.id)) : null;
    return { line, ...reveal(person), bank };
  });
}
