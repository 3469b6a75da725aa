/**
 * Decision letters: the approval letter (审批结果通知书), its award variant (amounts per
 * period, start date, beneficiaries) and the refusal letters (不予批准 / 不予受理通知书)
 * with the reason, the legal basis and how to appeal. A4, flowing onto a second page when
 * needed, with a QR verification code and the office's seal block.
 */
import { maskResidentId } from "~/lib/mask";
import type { Block, DocText, SealImage } from "./blocks.server";
import { textOf } from "./blocks.server";
import { renderDocument } from "./render.server";
import { wording } from "./wording.server";

export type LetterInput = {
  /** Case reference, e.g. "WL-JL-2026-000001". */
  reference: string;
  /** The service applied for, e.g. "农村部分计划生育家庭奖励扶助". */
  service: string;
  /** The applicant, addressed by full name; the ID number is printed masked. */
  applicant: { name: string; residentId?: string };
  /** Formatted Chinese dates. */
  submittedAt: string;
  decidedAt: string;
  /** The deciding office's full name (and the seal's owner). */
  office: DocText;
  seal: SealImage | null;
  /** Verification: the QR code's URL, the page to type the code at, the code as printed. */
  verify: { url: string; page: string; code: string };
  footer?: string;
};

export type ApprovalLetterInput = LetterInput & {
  /** Further paragraphs after the decision, e.g. what happens next. */
  details?: string[];
  /** Legal basis of the decision (文号 and title). */
  legalBasis?: string[];
};

export type AwardLetterInput = ApprovalLetterInput & {
  award: {
    /** e.g. "2026年1月1日" */
    startsOn: string;
    /** Amounts per period, formatted, e.g. { period: "每人每年", amount: "960.00", from: "2026年1月1日", until: "" } */
    periods: { period: string; amount: string; from: string; until?: string }[];
    /** Who receives it (the letter goes to the family itself: names in full). */
    beneficiaries: { name: string; relation: string; amount: string }[];
    /** Formatted total of the beneficiaries' amounts, when it helps. */
    total?: string;
    /** Where it is paid, the number masked, e.g. "重庆农村商业银行武隆支行 **** 6784". */
    account?: string;
  };
};

export type RefusalLetterInput = LetterInput & {
  /** notApproved = 不予批准 (decided on the merits), notAccepted = 不予受理 (not taken up). */
  kind: "notApproved" | "notAccepted";
  reason: string;
  legalBasis: string[];
  /** The bodies and time limits, as county data. */
  appeal: { reconsideration: { body: string; days: number }; litigation: { court: string; months: number } };
};

const TITLES = {
  approval: { text: "审批结果通知书", translation: "Notice of Decision: Approved" },
  notApproved: { text: "不予批准通知书", translation: "Notice of Decision: Not Approved" },
  notAccepted: { text: "不予受理通知书", translation: "Notice of Non-Acceptance" },
} as const;

function opening(input: LetterInput, decision: string): Block[] {
  return [
    { kind: "paragraph", text: `${input.applicant.name}：` },
    { kind: "paragraph", indent: true, text: `您于${input.submittedAt}提交的${input.service}申请（申请编号：${input.reference}），${decision}` },
  ];
}

/** The decision at a glance (the reference and dates are in the header and the opening). */
function facts(input: LetterInput, decision: string): Block {
  const { name, residentId } = input.applicant;
  return {
    kind: "keyValue",
    rows: [
      { label: wording.letter.applicant, value: residentId ? `${name}（${maskResidentId(residentId)}）` : name },
      { label: wording.letter.service, value: input.service },
      { label: wording.letter.decision, value: decision },
    ],
  };
}

function closing(input: LetterInput): Block[] {
  return [
    {
      kind: "columns",
      keepWithPrevious: true,
      columns: [
        { width: 1, block: { kind: "qr", url: input.verify.url, code: { label: wording.verificationCode, value: input.verify.code }, lines: [wording.letter.verify(input.verify.page)] } },
        { width: 1, block: { kind: "seal", office: input.office, date: input.decidedAt, dateLabel: wording.decidedAt, seal: input.seal } },
      ],
    },
  ];
}

function letter(input: LetterInput, title: DocText, blocks: Block[]): Promise<Buffer> {
  return renderDocument({
    page: "A4",
    pageNumbers: true,
    footer: input.footer,
    info: { title: textOf(title), author: textOf(input.office), subject: `${textOf(title)} ${input.reference}`, keywords: input.reference },
    blocks: [{ kind: "header", title, reference: { label: wording.reference, value: input.reference } }, ...blocks, ...closing(input)],
  });
}

function basisBlocks(legalBasis: string[] | undefined): Block[] {
  return legalBasis?.length ? [{ kind: "heading", text: wording.letter.legalBasis }, { kind: "bullets", items: legalBasis }] : [];
}

export function renderApprovalLetter(input: ApprovalLetterInput): Promise<Buffer> {
  return letter(input, TITLES.approval, [
    ...opening(input, "经审核，符合规定条件，决定予以批准。"),
    ...(input.details ?? []).map((text): Block => ({ kind: "paragraph", indent: true, text })),
    facts(input, "予以批准 Approved"),
    ...basisBlocks(input.legalBasis),
  ]);
}

export function renderAwardLetter(input: AwardLetterInput): Promise<Buffer> {
  const { award } = input;
  return letter(input, TITLES.approval, [
    // The tables say who is paid what: the service's detail lines would only repeat them.
    ...opening(input, `经审核，符合规定条件，决定予以批准，自${award.startsOn}起按下列标准发放。`),
    facts(input, "予以批准 Approved"),
    { kind: "heading", text: wording.award.amounts },
    {
      kind: "table",
      columns: [
        { header: wording.award.period, width: 2 },
        { header: wording.award.amount, width: 1.2, align: "right" },
        { header: wording.award.from, width: 1.4 },
        { header: wording.award.until, width: 1.4 },
      ],
      rows: award.periods.map((period) => [period.period, period.amount, period.from, period.until || "—"]),
    },
    { kind: "heading", text: wording.award.beneficiaries },
    {
      kind: "table",
      columns: [
        { header: wording.award.name, width: 1.5 },
        { header: wording.award.relation, width: 1.5 },
        { header: wording.award.amount, width: 1.2, align: "right" },
      ],
      rows: award.beneficiaries.map((beneficiary) => [beneficiary.name, beneficiary.relation, beneficiary.amount]),
      total: award.total ? [wording.award.total, "", award.total] : undefined,
    },
    ...(award.account ? [{ kind: "keyValue", rows: [{ label: wording.award.account, value: award.account }] } satisfies Block] : []),
    ...basisBlocks(input.legalBasis),
  ]);
}

export function renderRefusalLetter(input: RefusalLetterInput): Promise<Buffer> {
  const { reconsideration, litigation } = input.appeal;
  const decision = input.kind === "notApproved" ? "经审核，不符合规定条件，决定不予批准。" : "经审查，不符合受理条件，决定不予受理。";
  return letter(input, TITLES[input.kind], [
    ...opening(input, `${decision}理由如下：`),
    { kind: "paragraph", indent: true, text: input.reason },
    facts(input, input.kind === "notApproved" ? "不予批准 Not approved" : "不予受理 Not accepted"),
    ...basisBlocks(input.legalBasis),
    {
      kind: "notes",
      title: wording.letter.appeal,
      items: [
        `如不服本决定，可以自收到本通知书之日起${reconsideration.days}日内向${reconsideration.body}申请行政复议。`,
        `也可以自收到本通知书之日起${litigation.months}个月内直接向${litigation.court}提起行政诉讼。`,
      ],
    },
    {
      kind: "paragraph",
      size: "small",
      tone: "muted",
      text: `If you disagree with this decision you may apply for administrative reconsideration to ${reconsideration.body} within ${reconsideration.days} days of receiving this notice, or bring an administrative lawsuit before ${litigation.court} within ${litigation.months} months.`,
    },
  ]);
}
