import { existsSync } from "node:fs";
import path from "node:path";
import { renderCertificate } from "~/documents/certificate.server";
import { renderApprovalLetter, renderAwardLetter } from "~/documents/decision-letters.server";
import type { SealImage } from "~/documents/blocks.server";
import { wording } from "~/documents/wording.server";
import type { Language } from "~/i18n/config";
import { serverT } from "~/i18n/resources.server";
import { formatDate } from "~/lib/dates";
import { publicOrigin } from "~/utils/config.server";
import { decryptJson, decryptText } from "~/utils/crypto.server";
import { db } from "~/utils/db.server";
import { jurisdictions } from "~/utils/jurisdictions.server";
import { awardBankContext, awardsOfCase, type BankAccount } from "./awards.server";
import { maskValue } from "./masking";
import { personContext } from "./persons.server";
import { certificateOf, type LoadedApplication } from "./applications.server";
import { formatCode } from "./certificates.server";

/**
 * An office's electronic seal image, from the county data (a PNG path relative to
 * SEALS_DIR, default prisma/data/seals); null while none is configured, and the document
 * then shows an explicit placeholder.
 */
export function sealImage(seal: string | undefined): SealImage | null {
  if (!seal) return null;
  const file = path.resolve(process.env.SEALS_DIR ?? "prisma/data/seals", seal);
  return existsSync(file) ? { png: file } : null;
}

/** The office that registers or decides a case: its full name in Chinese with the English translation, and its seal. */
export async function decidingOffice(app: Pick<LoadedApplication, "jurisdictionPath" | "service">) {
  const index = await jurisdictions();
  // The office of the stage that decides: a township registers births, the county approves awards.
  const deciding = [...app.service.workflow.stages].reverse().find((stage) => stage.kind === "review");
  const { office, seal } = index.officeFor(deciding?.kind === "review" && deciding.depth === "county" ? index.county.path : app.jurisdictionPath);
  return { office: { text: office.name, translation: office.nameEn }, seal: sealImage(seal) };
}

/** The bank by name, the account masked: the letter may be shown around. */
const accountLine = (account: BankAccount, masked: string | null) => [account.bank, masked].filter(Boolean).join(" ");

const RELATIONS: Record<string, string> = { applicant: "本人", spouse: "配偶", child: "子女", beneficiary: "本人" };

/** The approval letter of an award: who is paid how much, from when. Names in full: only the applicant's side and the office see it. */
async function awardLetter(app: LoadedApplication, base: Parameters<typeof renderApprovalLetter>[0]) {
  const zh = serverT("zh-CN");
  const [awards, subjects] = await Promise.all([awardsOfCase(app.id), db.caseSubject.findMany({ where: { applicationId: app.id }, select: { personId: true, role: true } })]);
  const persons = await db.person.findMany({ where: { id: { in: awards.map((award) => award.personId) } }, select: { id: true, nameEnc: true } });
  const nameOf = (id: string) => {
    const person = persons.find((candidate) => candidate.id === id);
    return person ? decryptText(person.nameEnc, personContext(person.id, "nameEnc")) : "";
  };
  const yuan = (fen: number) => (fen / 100).toLocaleString("zh-CN", { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  const day = (iso: string) => formatDate(`${iso}T00:00:00+08:00`, "zh-CN");
  const first = awards[0];
  return renderAwardLetter({
    ...base,
    award: {
      startsOn: first ? day(first.startsOn) : "",
      periods: [...new Map(awards.map((award) => [`${award.period}|${award.amountFen}`, award])).values()].map((award) => ({
        period: zh(`common:documents.per_${award.period}`),
        amount: yuan(award.amountFen),
        from: day(award.startsOn),
        until: award.endsOn ? day(award.endsOn) : undefined,
      })),
      beneficiaries: awards.map((award) => ({ name: nameOf(award.personId), relation: RELATIONS[subjects.find((subject) => subject.personId === award.personId)?.role ?? "beneficiary"], amount: yuan(award.amountFen) })),
      total: yuan(awards.reduce((sum, award) => sum + award.amountFen, 0)),
      account: first?.bankEnc ? accountLine(decryptJson<BankAccount>(first.bankEnc, awardBankContext(first.id)), first.bankMasked) : undefined,
    },
  });
}

/**
 * The PDF an approved case produced, for its applicant's side or for staff of its
 * jurisdiction: the certificate, the approval letter, or the award letter. In Chinese with
 * English translation lines whatever the page language.
 */
export async function certificatePdf(app: LoadedApplication, _lng: Language, request: Request): Promise<Response> {
  const certificate = app.status === "approved" ? await certificateOf(app.id) : null;
  const { output } = app.service;
  if (!certificate || !app.ref || output.kind === "none") throw new Response("Not Found", { status: 404 });
  const zh = serverT("zh-CN");
  const en = serverT("en");
  const bilingual = (key: string) => ({ text: zh(key), translation: en(key) });
  const origin = publicOrigin(request);
  const { office, seal } = await decidingOffice(app);
  const verify = { url: `${origin}/verify/${certificate.code}`, page: `${origin}/verify`, code: formatCode(certificate.code) };
  if (output.kind !== "certificate") {
    const applicant = app.service.subjects(app.answers).find((subject) => subject.role === "applicant");
    const base = {
      reference: app.ref,
      service: zh(app.service.titleKey),
      applicant: { name: applicant?.name ?? "", residentId: applicant?.idNumber },
      submittedAt: formatDate(app.submittedAt, "zh-CN"),
      decidedAt: formatDate(app.decidedAt ?? certificate.issuedAt, "zh-CN"),
      office,
      seal,
      verify,
      details: output.lines(app.answers).map((line) => `${zh(line.labelKey)}：${line.mask ? maskValue(line.mask, line.value) : line.value}`),
      footer: zh("common:certificate.footer"),
    };
    return pdfResponse(app.ref, output.kind === "award" ? await awardLetter(app, base) : await renderApprovalLetter(base));
  }
  const pdf = await renderCertificate({
    title: bilingual(output.titleKey),
    reference: app.ref,
    fields: output.lines(app.answers).map((line) => ({ label: bilingual(line.labelKey), value: line.value })),
    office,
    issuedAt: formatDate(certificate.issuedAt, "zh-CN"),
    verifyUrl: `${origin}/verify/${certificate.code}`,
    verifyPage: `${origin}/verify`,
    code: formatCode(certificate.code),
    seal,
    recognition: [wording.certificate.recognition],
    footer: zh("common:certificate.footer"),
  });
  return pdfResponse(app.ref, pdf);
}

function pdfResponse(ref: string, pdf: Buffer): Response {
  return new Response(new Uint8Array(pdf), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `attachment; filename="${ref}.pdf"`,
      "Cache-Control": "private, no-store",
    },
  });
}
