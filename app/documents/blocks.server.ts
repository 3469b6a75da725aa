/**
 * The declarative input of the document layer: a page kind, some settings and a list of
 * blocks, rendered by renderDocument() in render.server.ts. Every string is already
 * translated and formatted; blocks hold no logic and templates no drawing code.
 */

/** A text, optionally with a translation printed under it in smaller type (Chinese first, English under). */
export type DocText = string | { text: string; translation?: string };

/** The office seal as configured in county data: a PNG file path or its bytes. */
export type SealImage = { png: string | Uint8Array };

export type TextSize = "small" | "body" | "large";

export type TableColumn = {
  header: DocText;
  /** Relative width: columns share the line width in proportion. */
  width: number;
  align?: "left" | "center" | "right";
};

export type Block = BlockBody & {
  /** Moves to the next page with the last line (or row) of the block before it rather than stand alone (closing seal blocks). */
  keepWithPrevious?: boolean;
};

type BlockBody =
  /** Title (letter-spaced when Chinese), optional subtitle, reference number right-aligned, double rule. */
  | { kind: "header"; title: DocText; subtitle?: string; reference?: { label: DocText; value: string } }
  | { kind: "heading"; text: DocText }
  /** Text with "\n" for line breaks; indent = the two-character first-line indent of Chinese letters. */
  | { kind: "paragraph"; text: string; size?: TextSize; tone?: "normal" | "muted"; align?: "left" | "center" | "right"; indent?: boolean; bold?: boolean }
  | { kind: "bullets"; items: string[]; size?: TextSize }
  /** Label | value rows; flows over pages row by row. */
  | { kind: "keyValue"; rows: { label: DocText; value: string }[] }
  /** A table with a header row repeated on every page it flows onto, and an optional bold last row. */
  | { kind: "table"; columns: TableColumn[]; rows: string[][]; total?: string[]; size?: TextSize }
  /** A vector QR code with an optional code line under it and lines of text beside it. */
  | { kind: "qr"; url: string; code?: { label: DocText; value: string }; lines?: string[]; sizeMm?: number }
  /** Office name, date and the electronic-seal area (the seal image, or a marked placeholder). */
  | { kind: "seal"; office: DocText; officeLabel?: DocText; date: string; dateLabel?: DocText; seal: SealImage | null }
  /** A framed box with a title and numbered items (notes for the holder, how to appeal). */
  | { kind: "notes"; title: DocText; items: string[] }
  /** Blocks side by side, kept together; widths are relative. */
  | { kind: "columns"; columns: { width: number; block: Block }[] }
  /** Fixed space, or `fill`: push what follows down to the bottom of the page when it fits there. */
  | { kind: "spacer"; height?: number; fill?: boolean };

export type DocumentSpec = {
  /** A4 portrait pages, or one page of an 80 mm receipt roll as long as its content. */
  page: "A4" | "roll80";
  info: { title: string; author: string; subject?: string; keywords?: string };
  /** Body type: normal 10.5 pt, large 14 pt (hall leaflets for older readers). */
  type?: "normal" | "large";
  /** A framed border, as on printed certificates. */
  frame?: boolean;
  /** Small print at the foot of every page. */
  footer?: string;
  /** "第 1 页 / 共 2 页" at the foot of every page, even when there is one; a document of several pages always has them. */
  pageNumbers?: boolean;
  /** Shrink the type (down to 70%) so the document stays on one page; past that it flows on. */
  fitOnePage?: boolean;
  /** Throw on a character no font has (default: under NODE_ENV=test). */
  strict?: boolean;
  blocks: Block[];
};

export function textOf(value: DocText): string {
  return typeof value === "string" ? value : value.text;
}

export function translationOf(value: DocText): string | undefined {
  return typeof value === "string" ? undefined : value.translation || undefined;
}
