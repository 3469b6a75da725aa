/**
 * The electronic certificate (电子凭证): one framed A4 page in Chinese, with English as a
 * translation line under the title and each label, whatever the language of the page it
 * was downloaded from. Its type shrinks to keep it on one page.
 */
import type { DocText, SealImage } from "./blocks.server";
import { textOf } from "./blocks.server";
import { renderDocument } from "./render.server";
import { wording } from "./wording.server";

export type CertificateInput = {
  /** e.g. { text: "生育服务登记凭证", translation: "Birth-Service Registration Certificate" } */
  title: DocText;
  /** A line under the title, e.g. the legal basis. */
  subtitle?: string;
  /** Case reference, e.g. "WL-SY-2026-000123". */
  reference: string;
  /** The certified facts, formatted, in order. */
  fields: { label: DocText; value: string }[];
  /** 登记机关: the registering office's full name, e.g. { text: "武隆区凤山街道办事处", translation: "Fengshan Subdistrict Office, Wulong District" }. */
  office: DocText;
  /** Date of issue, formatted in Chinese, e.g. "2026年3月18日". */
  issuedAt: string;
  /** Absolute URL of this certificate's verification page (the QR code). */
  verifyUrl: string;
  /** Where anyone can type the code, e.g. "https://fs.wulong.gov.cn/verify". */
  verifyPage: string;
  /** The verification code as printed, e.g. "7KQ4-M2XP-…". */
  code: string;
  /** The office's seal from county data, or null for the marked placeholder. */
  seal: SealImage | null;
  /** Notes for the holder on where the certificate is recognised; the verification note is added. */
  recognition: string[];
  /** Small print at the foot of the page. */
  footer?: string;
};

export function renderCertificate(input: CertificateInput, options: { strict?: boolean } = {}): Promise<Buffer> {
  return renderDocument({
    page: "A4",
    frame: true,
    fitOnePage: true,
    strict: options.strict,
    footer: input.footer,
    info: { title: textOf(input.title), author: textOf(input.office), subject: `${textOf(input.title)} ${input.reference}`, keywords: input.reference },
    blocks: [
      { kind: "header", title: input.title, subtitle: input.subtitle, reference: { label: wording.reference, value: input.reference } },
      { kind: "keyValue", rows: [...input.fields, { label: wording.certificate.office, value: textOf(input.office) }] },
      { kind: "spacer", fill: true },
      {
        kind: "columns",
        columns: [
          { width: 1, block: { kind: "qr", url: input.verifyUrl, code: { label: wording.verificationCode, value: input.code } } },
          { width: 1.3, block: { kind: "seal", office: input.office, date: input.issuedAt, dateLabel: wording.issuedAt, seal: input.seal } },
        ],
      },
      { kind: "notes", title: wording.certificate.notes, items: [...input.recognition, wording.certificate.electronic, wording.certificate.verify(input.verifyPage)] },
    ],
  });
}
