/**
 * renderDocument(): a DocumentSpec in, PDF bytes out.
 *
 * Two phases. Layout measures every block from the parsed fonts (no PDF needed), cuts it
 * into slices (lines, table rows, atomic blocks) and fills pages with them, repeating a
 * table's header row after a page break; so the page count is known before anything is
 * drawn (page numbers, the height of a receipt-roll page, shrinking a certificate onto one
 * page). Painting then replays the drawing operations into pdfkit.
 */
import PDFDocument from "pdfkit";
import { textOf, translationOf, type Block, type DocText, type DocumentSpec, type TableColumn, type TextSize } from "./blocks.server";
import { primaryFace, type Face } from "./fonts.server";
import { qrModules, qrRuns } from "./qr.server";
import { textWidth, wrapText, type Line, type TextStyle } from "./text.server";
import { wording } from "./wording.server";

export const MM = 72 / 25.4;

const COLOR = {
  text: "#1a1a1a",
  muted: "#5c5c5c",
  faint: "#8a8a8a",
  accent: "#9b1c1c", // seal red, used sparingly
  rule: "#d9d4cc",
  border: "#b9b1a4",
  shade: "#f7f3ec",
};

// ---------------------------------------------------------------------------
// Drawing operations (the output of layout, the input of painting)

type Op =
  | { op: "text"; x: number; y: number; size: number; color: string; line: Line; tracking?: number }
  | { op: "rect"; x: number; y: number; w: number; h: number; fill?: string; stroke?: string; lineWidth?: number }
  | { op: "line"; x1: number; y1: number; x2: number; y2: number; color: string; width: number }
  | { op: "circle"; cx: number; cy: number; r: number; color: string; width?: number; dash?: number; fill?: boolean }
  | { op: "qr"; x: number; y: number; size: number; url: string }
  | { op: "image"; x: number; y: number; w: number; h: number; png: string | Uint8Array };

type Slice = { height: number; draw: (ops: Op[], x: number, y: number) => void };

type Laid = {
  slices: Slice[];
  /** Drawn again at the top of each page the block continues on (a table's header row). */
  repeat?: Slice;
  /** Slices at the start that stay on one page (a table's header with its first row). */
  keepFirst?: number;
  /** Stays on the page of the block after it (headings). */
  keepWithNext?: boolean;
  /** Pushes what follows to the bottom of the page. */
  fill?: boolean;
  /** Takes the last slice of the block before it along to a new page. */
  keepWithPrevious?: boolean;
};

// ---------------------------------------------------------------------------
// Page geometry and type sizes

type Geometry = { width: number; height: number; left: number; right: number; top: number; bottomMargin: number; roll: boolean };

const A4 = { width: 595.28, height: 841.89 };
const FRAME_OUTER = 22;
const FRAME_INNER = 27;

function geometry(spec: DocumentSpec): Geometry {
  if (spec.page === "roll80") {
    // 80 mm paper; thermal printers print about 72 mm of it.
    const width = 80 * MM;
    return { width, height: Infinity, left: 4 * MM, right: width - 4 * MM, top: 4 * MM, bottomMargin: 6 * MM, roll: true };
  }
  const inset = spec.frame ? 58 : 20 * MM;
  return { ...A4, left: inset, right: A4.width - inset, top: spec.frame ? 60 : 18 * MM, bottomMargin: spec.frame ? 40 : 14 * MM, roll: false };
}

type Theme = { body: number; small: number; large: number; heading: number; title: number; gap: number; pad: number; scale: number };

function theme(spec: DocumentSpec, scale: number): Theme {
  const base =
    spec.page === "roll80"
      ? { body: 8.5, small: 7, large: 10, heading: 9.5, title: 13, gap: 6, pad: 4 }
      : spec.type === "large"
        ? { body: 14, small: 11.5, large: 16, heading: 17, title: 26, gap: 12, pad: 8 }
        : { body: 10.5, small: 8.5, large: 12.5, heading: 12, title: 22, gap: 12, pad: 7 };
  return {
    body: base.body * scale,
    small: base.small * scale,
    large: base.large * scale,
    heading: base.heading * scale,
    title: base.title * scale,
    gap: base.gap * scale,
    pad: base.pad * scale,
    scale,
  };
}

// Noto Sans SC's own box is 1.448 em (ascent 1.16, descent 0.288); text lines get 1.5 em,
// translation lines under a label a tighter 1.25 em.
const LEADING = 1.5;
const lineHeight = (size: number, leading = LEADING) => size * leading;
const baseline = (size: number, leading = LEADING) => (lineHeight(size, leading) - 1.448 * size) / 2 + 1.16 * size;
const translationSize = (size: number) => Math.max(6, size * 0.74);

function isMostlyCjk(text: string): boolean {
  const cjk = (text.match(/[\u3400-\u9fff\uf900-\ufaff]|[\ud840-\ud8bf][\udc00-\udfff]/g) ?? []).length;
  return cjk * 2 >= text.replace(/\s/g, "").length;
}

// ---------------------------------------------------------------------------
// Text boxes

type Align = "left" | "center" | "right";

type TextPiece = { text: string; style: TextStyle; color: string; align?: Align; indent?: number; leading?: number };

type TextBox = { height: number; lines: { line: Line; style: TextStyle; color: string; dx: number; top: number; leading: number }[] };

function textBox(pieces: TextPiece[], width: number, strict: boolean | undefined): TextBox {
  const box: TextBox = { height: 0, lines: [] };
  for (const piece of pieces) {
    if (piece.text === "") continue;
    for (const line of wrapText(piece.text, width, piece.style, { strict, firstIndent: piece.indent })) {
      const free = width - line.indent - line.width;
      const dx = line.indent + (piece.align === "center" ? free / 2 : piece.align === "right" ? free : 0);
      const leading = piece.leading ?? LEADING;
      box.lines.push({ line, style: piece.style, color: piece.color, dx, top: box.height, leading });
      box.height += lineHeight(piece.style.size, leading);
    }
  }
  return box;
}

function drawTextBox(ops: Op[], box: TextBox, x: number, y: number): void {
  for (const { line, style, color, dx, top, leading } of box.lines) {
    if (line.runs.length === 0) continue;
    ops.push({ op: "text", x: x + dx, y: y + top + baseline(style.size, leading), size: style.size, color, line, tracking: style.tracking });
  }
}

/** A label with its translation under it, as in table headers and label cells. */
function labelPieces(label: DocText, size: number, bold: boolean, color: string, align?: Align): TextPiece[] {
  const pieces: TextPiece[] = [{ text: textOf(label), style: { size, weight: bold ? "bold" : "regular" }, color, align }];
  const translation = translationOf(label);
  if (translation) pieces.push({ text: translation, style: { size: translationSize(size), weight: "regular" }, color: COLOR.faint, align, leading: 1.25 });
  return pieces;
}

function atomic(height: number, draw: Slice["draw"]): Laid {
  return { slices: [{ height, draw }] };
}

function sizeOf(size: TextSize | undefined, t: Theme): number {
  return size === "small" ? t.small : size === "large" ? t.large : t.body;
}

// ---------------------------------------------------------------------------
// Blocks

type Context = { width: number; t: Theme; strict: boolean | undefined; roll: boolean };

function layBlock(block: Block, ctx: Context): Laid {
  const laid = layBody(block, ctx);
  return block.keepWithPrevious ? { ...laid, keepWithPrevious: true } : laid;
}

function layBody(block: Block, ctx: Context): Laid {
  switch (block.kind) {
    case "header":
      return layHeader(block, ctx);
    case "heading": {
      const box = textBox(labelPieces(block.text, ctx.t.heading, true, COLOR.text), ctx.width, ctx.strict);
      return { slices: [{ height: box.height, draw: (ops, x, y) => drawTextBox(ops, box, x, y) }], keepWithNext: true };
    }
    case "paragraph": {
      const size = sizeOf(block.size, ctx.t);
      const style: TextStyle = { size, weight: block.bold ? "bold" : "regular" };
      const box = textBox([{ text: block.text, style, color: block.tone === "muted" ? COLOR.muted : COLOR.text, align: block.align, indent: block.indent ? 2 * size : 0 }], ctx.width, ctx.strict);
      return { slices: box.lines.map((entry) => lineSlice(entry)) };
    }
    case "bullets":
      return layBullets(block.items, sizeOf(block.size, ctx.t), ctx);
    case "keyValue":
      return layKeyValue(block.rows, ctx);
    case "table":
      return layTable(block.columns, block.rows, block.total, sizeOf(block.size ?? "small", ctx.t), ctx);
    case "qr":
      return layQr(block, ctx);
    case "seal":
      return laySeal(block, ctx);
    case "notes":
      return layNotes(block.title, block.items, ctx);
    case "columns":
      return layColumns(block.columns, ctx);
    case "spacer":
      return block.fill ? { slices: [], fill: true } : atomic(block.height ?? ctx.t.gap, () => {});
  }
}

function lineSlice(entry: TextBox["lines"][number]): Slice {
  const box: TextBox = { height: lineHeight(entry.style.size, entry.leading), lines: [{ ...entry, top: 0 }] };
  return { height: box.height, draw: (ops, x, y) => drawTextBox(ops, box, x, y) };
}

function layHeader(block: Extract<Block, { kind: "header" }>, { width, t, strict, roll }: Context): Laid {
  const title = textOf(block.title);
  const cjk = isMostlyCjk(title);
  // Letter-spaced like a printed certificate when Chinese; shrunk to stay on one line.
  let size = t.title;
  let tracking = cjk && !roll ? size * 0.14 : 0;
  while (size > t.title * 0.6 && textWidth(title, { size, weight: "bold", tracking }, { strict }) > width) {
    size -= 0.5;
    tracking = cjk && !roll ? size * 0.14 : 0;
  }
  const pieces: TextPiece[] = [{ text: title, style: { size, weight: "bold", tracking }, color: COLOR.text, align: "center" }];
  const translation = translationOf(block.title);
  if (translation) pieces.push({ text: translation, style: { size: t.body, weight: "regular" }, color: COLOR.muted, align: "center" });
  if (block.subtitle) pieces.push({ text: block.subtitle, style: { size: t.small, weight: "regular" }, color: COLOR.muted, align: "center" });
  const box = textBox(pieces, width, strict);
  const ruleGap = 6 * t.scale;
  const reference = block.reference
    ? textBox([{ text: `${[textOf(block.reference.label), translationOf(block.reference.label)].filter(Boolean).join(" ")} ${block.reference.value}`, style: { size: t.small, weight: "regular" }, color: COLOR.muted, align: roll ? "center" : "right" }], width, strict)
    : null;
  const height = box.height + ruleGap + 4 + (reference ? ruleGap + reference.height : 0);
  return atomic(height, (ops, x, y) => {
    drawTextBox(ops, box, x, y);
    const ruleY = y + box.height + ruleGap;
    ops.push({ op: "line", x1: x, y1: ruleY, x2: x + width, y2: ruleY, color: COLOR.accent, width: 1.4 });
    ops.push({ op: "line", x1: x, y1: ruleY + 3, x2: x + width, y2: ruleY + 3, color: COLOR.accent, width: 0.5 });
    if (reference) drawTextBox(ops, reference, x, ruleY + 4 + ruleGap);
  });
}

function layBullets(items: string[], size: number, { width, strict }: Context): Laid {
  const indent = size * 1.2;
  const slices: Slice[] = [];
  for (const item of items) {
    const box = textBox([{ text: item, style: { size, weight: "regular" }, color: COLOR.text }], width - indent, strict);
    box.lines.forEach((entry, index) => {
      const line = lineSlice(entry);
      slices.push({
        height: line.height,
        draw: (ops, x, y) => {
          if (index === 0) ops.push({ op: "circle", cx: x + size * 0.35, cy: y + baseline(size) - size * 0.33, r: size * 0.16, color: COLOR.text, fill: true });
          line.draw(ops, x + indent, y);
        },
      });
    });
  }
  return { slices };
}

function layKeyValue(rows: { label: DocText; value: string }[], { width, t, strict, roll }: Context): Laid {
  const size = t.body;
  const padX = roll ? 3 : 10 * t.scale;
  const padY = t.pad * 0.6;
  const longest = Math.max(0, ...rows.map((row) => textWidth(textOf(row.label), { size, weight: "regular" }, { strict })));
  const labelW = Math.min(Math.max(longest + 2 * padX + 2, width * (roll ? 0.3 : 0.22)), width * (roll ? 0.42 : 0.36));
  const valueW = width - labelW;
  const slices = rows.map((row, index): Slice => {
    const label = textBox(labelPieces(row.label, size, false, COLOR.muted), labelW - 2 * padX, strict);
    const value = textBox([{ text: row.value === "" ? "—" : row.value, style: { size, weight: "regular" }, color: COLOR.text }], valueW - 2 * padX, strict);
    const height = Math.max(label.height, value.height) + 2 * padY;
    return {
      height,
      draw: (ops, x, y) => {
        ops.push({ op: "rect", x, y, w: labelW, h: height, fill: COLOR.shade });
        drawTextBox(ops, label, x + padX, y + padY);
        drawTextBox(ops, value, x + labelW + padX, y + padY);
        ops.push({ op: "line", x1: x + labelW, y1: y, x2: x + labelW, y2: y + height, color: COLOR.rule, width: 0.5 });
        if (index > 0) ops.push({ op: "line", x1: x, y1: y, x2: x + width, y2: y, color: COLOR.rule, width: 0.5 });
        ops.push({ op: "rect", x, y, w: width, h: height, stroke: COLOR.border, lineWidth: 0.8 });
      },
    };
  });
  return { slices };
}

function layTable(columns: TableColumn[], rows: string[][], total: string[] | undefined, size: number, { width, t, strict, roll }: Context): Laid {
  const padX = roll ? 2.5 : 6 * t.scale;
  const padY = t.pad * 0.6;
  const totalWeight = columns.reduce((sum, column) => sum + column.width, 0);
  const widths = columns.map((column) => (width * column.width) / totalWeight);
  const lefts = widths.map((_, index) => widths.slice(0, index).reduce((sum, w) => sum + w, 0));

  const row = (cells: DocText[], header: boolean, bold: boolean): Slice => {
    const boxes = cells.map((cell, index) =>
      textBox(
        header ? labelPieces(cell, size, true, COLOR.text, columns[index]?.align) : [{ text: textOf(cell), style: { size, weight: bold ? "bold" : "regular" }, color: COLOR.text, align: columns[index]?.align }],
        Math.max(widths[index] - 2 * padX, size),
        strict,
      ),
    );
    const height = Math.max(lineHeight(size), ...boxes.map((box) => box.height)) + 2 * padY;
    return {
      height,
      draw: (ops, x, y) => {
        if (header || bold) ops.push({ op: "rect", x, y, w: width, h: height, fill: COLOR.shade });
        boxes.forEach((box, index) => drawTextBox(ops, box, x + lefts[index] + padX, y + padY));
        for (const left of lefts.slice(1)) ops.push({ op: "line", x1: x + left, y1: y, x2: x + left, y2: y + height, color: COLOR.rule, width: 0.5 });
        ops.push({ op: "rect", x, y, w: width, h: height, stroke: COLOR.border, lineWidth: 0.6 });
      },
    };
  };

  const header = row(columns.map((column) => column.header), true, false);
  const body = rows.map((cells) => row(cells, false, false));
  if (total) body.push(row(total, false, true));
  return { slices: [header, ...body], repeat: header, keepFirst: 2 };
}

function layQr(block: Extract<Block, { kind: "qr" }>, { width, t, strict }: Context): Laid {
  const qrSize = (block.sizeMm ?? 26) * MM;
  const besideW = width - qrSize - 12;
  const beside = besideW >= 90; // narrow columns (receipt rolls) put the text under the code
  const lines = textBox((block.lines ?? []).map((text) => ({ text, style: { size: t.small, weight: "regular" as const }, color: COLOR.muted })), beside ? besideW : width, strict);
  // The code on one line under the QR code, shrunk to fit the block's width.
  let code: TextBox | null = null;
  if (block.code) {
    const text = `${textOf(block.code.label)} ${block.code.value}`;
    let size = t.small;
    while (size > 6 && textWidth(text, { size, weight: "bold" }, { strict }) > width) size -= 0.25;
    const translation = translationOf(block.code.label);
    code = textBox(
      [
        { text, style: { size, weight: "bold" }, color: COLOR.text },
        ...(translation ? [{ text: translation, style: { size: translationSize(t.small), weight: "regular" as const }, color: COLOR.faint, leading: 1.25 }] : []),
      ],
      width,
      strict,
    );
  }
  const codeH = code ? code.height + 3 : 0;
  const height = beside ? Math.max(qrSize, lines.height) + codeH : qrSize + codeH + (lines.height ? 4 + lines.height : 0);
  return atomic(height, (ops, x, y) => {
    const qrX = beside ? x : x + (width - qrSize) / 2;
    ops.push({ op: "qr", x: qrX, y, size: qrSize, url: block.url });
    const belowQr = y + (beside ? Math.max(qrSize, lines.height) : qrSize) + 3;
    if (code) drawTextBox(ops, code, x, belowQr);
    if (beside) drawTextBox(ops, lines, x + qrSize + 12, y + Math.max(0, qrSize - lines.height) / 2);
    else drawTextBox(ops, lines, x, belowQr + codeH + 1);
  });
}

function laySeal(block: Extract<Block, { kind: "seal" }>, { width, t, strict, roll }: Context): Laid {
  const diameter = (roll ? 30 : 42) * MM * Math.min(1, t.scale + 0.1); // official seals are 42 mm
  const textW = Math.min(width, Math.max(diameter + 30, width * 0.9));
  const pieces: TextPiece[] = [];
  if (block.officeLabel) pieces.push(...labelPieces(block.officeLabel, t.small, false, COLOR.muted, "center"));
  pieces.push(...labelPieces(block.office, t.large, true, COLOR.text, "center"));
  const dateText = block.dateLabel ? `${textOf(block.dateLabel)}：${block.date}` : block.date;
  pieces.push({ text: dateText, style: { size: t.body, weight: "regular" }, color: COLOR.text, align: "center" });
  const dateTranslation = block.dateLabel && translationOf(block.dateLabel);
  if (dateTranslation) pieces.push({ text: dateTranslation, style: { size: translationSize(t.body), weight: "regular" }, color: COLOR.faint, align: "center" });
  const text = textBox(pieces, textW, strict);

  const marking = block.seal ? wording.seal.caption : wording.seal.notConfigured;
  // The placeholder says what it is inside the upper half of the circle, clear of the office name.
  const inside = block.seal ? null : textBox(labelPieces(marking, t.small, true, COLOR.accent, "center"), diameter * 0.78, strict);
  const caption = block.seal ? textBox(labelPieces(marking, t.small, false, COLOR.accent, "center"), diameter + 40, strict) : null;
  // The office name and date sit across the lower half of the seal, as a stamp covers them.
  const textTop = diameter * 0.46;
  const height = Math.max(textTop + text.height, diameter + (caption?.height ?? 0));

  return atomic(height, (ops, x, y) => {
    // Right-aligned in its column, like the signature of an official letter.
    const textX = x + width - textW;
    drawTextBox(ops, text, textX, y + textTop);
    const cx = textX + textW / 2;
    const cy = y + diameter / 2;
    if (block.seal) {
      ops.push({ op: "image", x: cx - diameter / 2, y, w: diameter, h: diameter, png: block.seal.png });
      if (caption) drawTextBox(ops, caption, cx - (diameter + 40) / 2, y + diameter);
    } else {
      ops.push({ op: "circle", cx, cy, r: diameter / 2, color: COLOR.accent, width: 0.9, dash: 4 });
      if (inside) drawTextBox(ops, inside, cx - diameter * 0.39, y + diameter * 0.42 - inside.height);
    }
  });
}

function layNotes(title: DocText, items: string[], { width, t, strict }: Context): Laid {
  const padX = 10 * t.scale;
  const padY = t.pad;
  const size = t.small * 1.06;
  const head = textBox(labelPieces(title, t.body, true, COLOR.text), width - 2 * padX, strict);
  const numberW = size * 1.4;
  const boxes = items.map((item) => textBox([{ text: item, style: { size, weight: "regular" }, color: COLOR.muted }], width - 2 * padX - numberW, strict));
  const itemsH = boxes.reduce((sum, box) => sum + box.height + 2, 0);
  const height = padY + head.height + 3 + itemsH + padY;
  return atomic(height, (ops, x, y) => {
    ops.push({ op: "rect", x, y, w: width, h: height, fill: "#fbf9f5", stroke: COLOR.rule, lineWidth: 0.6 });
    drawTextBox(ops, head, x + padX, y + padY);
    let top = y + padY + head.height + 3;
    boxes.forEach((box, index) => {
      const number = textBox([{ text: `${index + 1}.`, style: { size, weight: "regular" }, color: COLOR.muted }], numberW, strict);
      drawTextBox(ops, number, x + padX, top);
      drawTextBox(ops, box, x + padX + numberW, top);
      top += box.height + 2;
    });
  });
}

function layColumns(columns: { width: number; block: Block }[], ctx: Context): Laid {
  const gutter = 16 * ctx.t.scale;
  const total = columns.reduce((sum, column) => sum + column.width, 0);
  const free = ctx.width - gutter * (columns.length - 1);
  const laid = columns.map((column) => {
    const width = (free * column.width) / total;
    const inner = layBlock(column.block, { ...ctx, width });
    return { width, slices: inner.slices, height: inner.slices.reduce((sum, slice) => sum + slice.height, 0) };
  });
  const height = Math.max(0, ...laid.map((column) => column.height));
  return atomic(height, (ops, x, y) => {
    let left = x;
    for (const column of laid) {
      // Bottom-aligned: a QR code and a seal block end on one line.
      let top = y + height - column.height;
      for (const slice of column.slices) {
        slice.draw(ops, left, top);
        top += slice.height;
      }
      left += column.width + gutter;
    }
  });
}

// ---------------------------------------------------------------------------
// Pages

type PageLayout = { width: number; height: number; ops: Op[] };

function paginate(spec: DocumentSpec, scale: number): PageLayout[] {
  const g = geometry(spec);
  const t = theme(spec, scale);
  const strict = spec.strict;
  const width = g.right - g.left;
  const ctx: Context = { width, t, strict, roll: g.roll };

  const footer = spec.footer ? textBox([{ text: spec.footer, style: { size: t.small * 0.9, weight: "regular" }, color: COLOR.faint, align: "center" }], width, strict) : null;
  const numberSize = t.small * 0.9;
  // Room for the page numbers is always kept: a document that flows onto a second page gets them.
  const reserved = g.roll ? 0 : (footer ? footer.height + 10 : 0) + lineHeight(numberSize) + 2;
  const bottom = g.roll ? Infinity : g.height - g.bottomMargin - reserved;

  const laid = spec.blocks.map((block) => layBlock(block, ctx));
  const pages: Op[][] = [[]];
  let y = g.top;
  let atTop = true;
  const newPage = () => {
    pages.push([]);
    y = g.top;
    atTop = true;
  };
  let last: { page: number; opsStart: number; slice: Slice; block: Laid } | null = null;
  const place = (slice: Slice, gap: number, block: Laid) => {
    const ops = pages[pages.length - 1];
    last = { page: pages.length - 1, opsStart: ops.length, slice, block };
    slice.draw(ops, g.left, y + gap);
    y += gap + slice.height;
    atTop = false;
  };
  /** Starts a new page, taking the last slice placed along when `carry` (and its table header). */
  const breakPage = (carry: boolean) => {
    const moved = carry && last && last.page === pages.length - 1 && last.opsStart > 0 ? last : null;
    if (moved) pages[moved.page].splice(moved.opsStart);
    newPage();
    if (moved) {
      if (moved.block.repeat && moved.slice !== moved.block.repeat) place(moved.block.repeat, 0, moved.block);
      place(moved.slice, 0, moved.block);
    }
  };
  const heightOf = (blocks: Laid[]) => blocks.reduce((sum, block, index) => sum + (index > 0 && block.slices.length ? t.gap : 0) + block.slices.reduce((s, slice) => s + slice.height, 0), 0);

  laid.forEach((block, blockIndex) => {
    if (block.fill) {
      const rest = heightOf(laid.slice(blockIndex + 1));
      if (!g.roll && y + t.gap + rest <= bottom) {
        y = bottom - rest;
        atTop = true; // no gap before what follows: it sits on the bottom edge
      }
      return;
    }
    block.slices.forEach((slice, index) => {
      let gap = index === 0 && !atTop ? t.gap : 0;
      let needed = slice.height;
      if (index === 0 && block.keepFirst) needed = block.slices.slice(0, block.keepFirst).reduce((sum, s) => sum + s.height, 0);
      if (index === block.slices.length - 1 && block.keepWithNext) needed += t.gap + (laid[blockIndex + 1]?.slices[0]?.height ?? 0);
      if (!atTop && y + gap + needed > bottom) {
        breakPage(index === 0 && Boolean(block.keepWithPrevious));
        gap = atTop ? 0 : t.gap;
        if (index > 0 && block.repeat) place(block.repeat, 0, block);
      }
      place(slice, gap, block);
    });
  });

  // A roll page ends after its content; its footer follows the content.
  const footerTop = (pageBottom: number) => pageBottom - (footer?.height ?? 0);
  const height = g.roll ? y + (footer ? 10 + footer.height : 0) + g.bottomMargin : g.height;
  return pages.map((ops, index) => {
    const all: Op[] = [];
    if (spec.frame) drawFrame(all, g.width, height);
    all.push(...ops);
    let foot = height - g.bottomMargin;
    if ((spec.pageNumbers || pages.length > 1) && !g.roll) {
      const numbers = textBox([{ text: wording.pageOf(index + 1, pages.length), style: { size: numberSize, weight: "regular" }, color: COLOR.muted, align: "center" }], width, strict);
      foot -= numbers.height;
      drawTextBox(all, numbers, g.left, foot);
      foot -= 2;
    }
    if (footer) {
      const top = footerTop(foot);
      all.push({ op: "line", x1: g.left, y1: top - 5, x2: g.right, y2: top - 5, color: COLOR.rule, width: 0.5 });
      drawTextBox(all, footer, g.left, top);
    }
    return { width: g.width, height, ops: all };
  });
}

function drawFrame(ops: Op[], width: number, height: number): void {
  ops.push({ op: "rect", x: FRAME_OUTER, y: FRAME_OUTER, w: width - 2 * FRAME_OUTER, h: height - 2 * FRAME_OUTER, stroke: COLOR.accent, lineWidth: 1.6 });
  ops.push({ op: "rect", x: FRAME_INNER, y: FRAME_INNER, w: width - 2 * FRAME_INNER, h: height - 2 * FRAME_INNER, stroke: COLOR.accent, lineWidth: 0.5 });
  const arm = 16;
  const inset = FRAME_INNER + 5;
  for (const [x, y, dx, dy] of [
    [inset, inset, 1, 1],
    [width - inset, inset, -1, 1],
    [inset, height - inset, 1, -1],
    [width - inset, height - inset, -1, -1],
  ]) {
    ops.push({ op: "line", x1: x + dx * arm, y1: y, x2: x, y2: y, color: COLOR.accent, width: 1.1 });
    ops.push({ op: "line", x1: x, y1: y, x2: x, y2: y + dy * arm, color: COLOR.accent, width: 1.1 });
  }
}

/** Lays the document out, shrinking the type for `fitOnePage` documents while that keeps them on one page. */
export function layoutDocument(spec: DocumentSpec): PageLayout[] {
  let pages = paginate(spec, 1);
  for (let scale = 0.95; spec.fitOnePage && pages.length > 1 && scale >= 0.7 - 1e-9; scale -= 0.05) pages = paginate(spec, scale);
  return pages;
}

// ---------------------------------------------------------------------------
// Painting

type Doc = PDFKit.PDFDocument;

function paint(doc: Doc, op: Op, registered: Set<Face>): void {
  switch (op.op) {
    case "text":
      for (const run of op.line.runs) {
        if (!registered.has(run.face)) {
          // pdfkit takes a parsed fontkit font as it is (its types only list files and buffers).
          doc.registerFont(run.face.key, run.face.font as unknown as Buffer);
          registered.add(run.face);
        }
        doc
          .font(run.face.key)
          .fontSize(op.size)
          .fillColor(op.color)
          .text(run.text, op.x + run.x, op.y, { lineBreak: false, baseline: "alphabetic", characterSpacing: op.tracking ?? 0 });
      }
      return;
    case "rect":
      doc.save();
      doc.rect(op.x, op.y, op.w, op.h);
      if (op.fill && op.stroke) doc.lineWidth(op.lineWidth ?? 0.5).fillAndStroke(op.fill, op.stroke);
      else if (op.fill) doc.fill(op.fill);
      else doc.lineWidth(op.lineWidth ?? 0.5).stroke(op.stroke ?? COLOR.border);
      doc.restore();
      return;
    case "line":
      doc.save().lineWidth(op.width).strokeColor(op.color).moveTo(op.x1, op.y1).lineTo(op.x2, op.y2).stroke().restore();
      return;
    case "circle":
      doc.save().circle(op.cx, op.cy, op.r);
      if (op.fill) doc.fill(op.color);
      else {
        if (op.dash) doc.dash(op.dash, { space: op.dash * 0.7 });
        doc.lineWidth(op.width ?? 0.5).stroke(op.color);
      }
      doc.restore();
      return;
    case "qr": {
      const qr = qrModules(op.url);
      const module = op.size / qr.size;
      doc.save();
      for (const run of qrRuns(qr)) doc.rect(op.x + run.col * module, op.y + run.row * module, run.length * module, module);
      doc.fillColor("#000000").fill().restore();
      return;
    }
    case "image":
      doc.image(typeof op.png === "string" ? op.png : Buffer.from(op.png), op.x, op.y, { fit: [op.w, op.h], align: "center", valign: "center" });
      return;
  }
}

/** Renders a document and returns the PDF bytes. */
export async function renderDocument(spec: DocumentSpec): Promise<Buffer> {
  primaryFace("regular"); // fail early and clearly if the font package is missing
  const pages = layoutDocument(spec);
  const doc = new PDFDocument({
    autoFirstPage: false,
    margin: 0,
    compress: true,
    lang: "zh-CN",
    displayTitle: true,
    // No default font: every text run names its face (and Helvetica's metrics need not load).
    font: null as unknown as string,
    info: {
      Title: spec.info.title,
      Author: spec.info.author,
      Subject: spec.info.subject ?? spec.info.title,
      Keywords: spec.info.keywords ?? "",
      Creator: "生育服务一网通办 family services portal",
      Producer: "pdfkit",
    },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("data", (chunk: Buffer) => chunks.push(chunk));
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });
  const registered = new Set<Face>();
  for (const page of pages) {
    doc.addPage({ size: [page.width, page.height], margin: 0 });
    for (const op of page.ops) paint(doc, op, registered);
  }
  doc.end();
  return done;
}
