/**
 * The policy leaflet (政策解读) printed in the service hall: A4, one or two pages, large
 * type (14 pt body) for older readers, headings, bullet lists, an amounts table, a QR code
 * to the web page and the date of the data it was built from.
 */
import type { Block, DocText, DocumentSpec, TableColumn } from "./blocks.server";
import { textOf } from "./blocks.server";
import { renderDocument } from "./render.server";
import { wording } from "./wording.server";

export type LeafletSection = {
  heading: DocText;
  paragraphs?: string[];
  bullets?: string[];
  /** e.g. the amounts: columns with relative widths, formatted cells. */
  table?: { columns: TableColumn[]; rows: string[][] };
};

export type LeafletInput = {
  title: DocText;
  /** e.g. the policy's legal basis (文号, date). */
  subtitle?: string;
  sections: LeafletSection[];
  /** The explainer's web page (the QR code). */
  pageUrl: string;
  /** The date of the policy data, formatted in Chinese and in English. */
  dataAsOf: { zh: string; en: string };
  /** The issuing office, printed at the foot with the contact line. */
  office: string;
  contact?: string;
};

export function renderLeaflet(input: LeafletInput): Promise<Buffer> {
  return renderDocument(leafletDocument(input));
}

/** The leaflet as blocks (laid out by the tests to check its type sizes). */
export function leafletDocument(input: LeafletInput): DocumentSpec {
  const asOf = wording.leaflet.dataAsOf(input.dataAsOf.zh, input.dataAsOf.en);
  const blocks: Block[] = [{ kind: "header", title: input.title, subtitle: input.subtitle }, { kind: "paragraph", text: asOf, size: "small", tone: "muted", align: "right" }];
  for (const section of input.sections) {
    blocks.push({ kind: "heading", text: section.heading });
    for (const text of section.paragraphs ?? []) blocks.push({ kind: "paragraph", text });
    if (section.bullets?.length) blocks.push({ kind: "bullets", items: section.bullets });
    if (section.table) blocks.push({ kind: "table", columns: section.table.columns, rows: section.table.rows, size: "body" });
  }
  blocks.push({ kind: "qr", url: input.pageUrl, sizeMm: 28, lines: [wording.leaflet.scan, input.pageUrl, asOf], keepWithPrevious: true });
  return {
    page: "A4",
    type: "large",
    pageNumbers: true,
    footer: [input.office, input.contact].filter(Boolean).join("　"),
    info: { title: textOf(input.title), author: input.office, subject: input.subtitle },
    blocks,
  };
}
