/**
 * The receipt (受理回执) handed to a resident at a service-hall window: what was filed,
 * what was received, when it will be done and where to follow it. One A4 layout, and one
 * for 80 mm receipt printers (a single page as long as its content). The applicant's
 * details are always printed masked: a receipt is left on counters and in bags.
 */
import { maskName, maskPhone, maskResidentId } from "~/lib/mask";
import type { Block, DocText, SealImage } from "./blocks.server";
import { textOf } from "./blocks.server";
import { renderDocument } from "./render.server";
import { wording } from "./wording.server";

export type ReceiptInput = {
  reference: string;
  /** The service, e.g. "生育服务登记". */
  service: string;
  /** Printed masked whatever is passed. */
  applicant: { name: string; residentId?: string; phone?: string };
  /** Formatted Chinese date and time, e.g. "2026年12月1日 09:30". */
  receivedAt: string;
  /** Formatted Chinese date. */
  promisedBy: string;
  /** e.g. "武隆区凤山街道便民服务中心". */
  hall: string;
  /** e.g. "3号窗口". */
  window: string;
  /** The staff member's name (or name and number). */
  staff: string;
  /** Materials received, e.g. { name: "居民身份证", form: "原件核验", copies: "1" }. */
  materials: { name: string; form: string; copies: string }[];
  /** The public status page for this case (the QR code). */
  statusUrl: string;
  /** The office the hall belongs to, and its seal (A4 only). */
  office: DocText;
  seal: SealImage | null;
  footer?: string;
};

export type ReceiptLayout = "A4" | "roll80";

export function renderReceipt(input: ReceiptInput, layout: ReceiptLayout): Promise<Buffer> {
  const roll = layout === "roll80";
  const qr: Block = { kind: "qr", url: input.statusUrl, sizeMm: roll ? 30 : 26, lines: [wording.receipt.track], keepWithPrevious: true };
  const blocks: Block[] = [
    { kind: "header", title: wording.receipt.title },
    {
      kind: "keyValue",
      rows: [
        { label: wording.receipt.reference, value: input.reference },
        { label: wording.receipt.service, value: input.service },
        { label: wording.receipt.applicant, value: maskName(input.applicant.name) },
        ...(input.applicant.residentId ? [{ label: wording.receipt.residentId, value: maskResidentId(input.applicant.residentId) }] : []),
        ...(input.applicant.phone ? [{ label: wording.receipt.phone, value: maskPhone(input.applicant.phone) }] : []),
        { label: wording.receipt.receivedAt, value: input.receivedAt },
        { label: wording.receipt.promisedBy, value: input.promisedBy },
        { label: wording.receipt.hall, value: input.hall },
        { label: wording.receipt.window, value: input.window },
        { label: wording.receipt.staff, value: input.staff },
      ],
    },
    { kind: "heading", text: wording.receipt.materials },
    {
      kind: "table",
      columns: roll
        ? [
            { header: wording.receipt.materialName, width: 3 },
            { header: wording.receipt.materialCopies, width: 1, align: "center" },
          ]
        : [
            { header: wording.receipt.materialNo, width: 0.6, align: "center" },
            { header: wording.receipt.materialName, width: 4 },
            { header: wording.receipt.materialForm, width: 1.6 },
            { header: wording.receipt.materialCopies, width: 0.8, align: "center" },
          ],
      rows: input.materials.map((material, index) => (roll ? [`${material.name}（${material.form}）`, material.copies] : [String(index + 1), material.name, material.form, material.copies])),
    },
  ];
  if (roll) blocks.push(qr);
  else blocks.push({ kind: "columns", keepWithPrevious: true, columns: [{ width: 1, block: qr }, { width: 1, block: { kind: "seal", office: input.office, date: input.receivedAt, seal: input.seal } }] });
  return renderDocument({
    page: layout,
    fitOnePage: !roll,
    footer: input.footer,
    info: { title: textOf(wording.receipt.title), author: textOf(input.office), subject: `${textOf(wording.receipt.title)} ${input.reference}`, keywords: input.reference },
    blocks,
  });
}
