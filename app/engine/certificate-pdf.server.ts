/**
 * Server-only renderer for the portal's downloadable e-certificates
 * (电子凭证): one A4 portrait page with a framed border, a label | value
 * table, issuer / issue date and a vector QR code that links to the
 * public verification page.
 *
 * All text is set in Noto Sans SC (Regular + Bold) so Chinese and Latin
 * text render alike; pdfkit embeds only the glyphs actually used.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import PDFDocument from "pdfkit";
import QRCode from "qrcode";

export type CertificatePdfInput = {
  title: string; // e.g. "生育服务登记凭证"
  subtitle?: string; // e.g. English title or the service's legal basis
  issuer: string; // e.g. "重庆市武隆区卫生健康委员会"
  reference: string; // case number, e.g. "WL-SY-2026-000123"
  fields: { label: string; value: string }[]; // already translated and formatted, in order
  verifyUrl: string; // absolute URL encoded in the QR code
  verifyHint: string; // e.g. "扫描二维码或访问 … 查验本凭证真伪"
  issuedAtLabel: string; // e.g. "签发日期"
  issuedAt: string; // already formatted date
  codeLabel: string; // e.g. "查验码"
  code: string; // verification code printed under the QR
  footer?: string;
};

// ---------------------------------------------------------------------------
// Fonts (read once per process)

const FONT_REGULAR = "NotoSansSC-Regular";
const FONT_BOLD = "NotoSansSC-Bold";

let fontCache: { regular: Buffer; bold: Buffer } | undefined;

function loadFonts(): { regular: Buffer; bold: Buffer } {
  if (!fontCache) {
    const require = createRequire(import.meta.url);
    const dir = path.dirname(
      require.resolve("@expo-google-fonts/noto-sans-sc/package.json"),
    );
    fontCache = {
      regular: readFileSync(
        path.join(dir, "400Regular", "NotoSansSC_400Regular.ttf"),
      ),
      bold: readFileSync(path.join(dir, "700Bold", "NotoSansSC_700Bold.ttf")),
    };
  }
  return fontCache;
}

// ---------------------------------------------------------------------------
// QR code helpers

export type QrModules = {
  /** Number of modules per side. */
  size: number;
  /** Row-major, `size * size` entries, true = dark module. */
  dark: boolean[];
};

/** The QR symbol for `text` (error correction level M) as a plain matrix. */
export function qrModules(text: string): QrModules {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: "M" });
  const size = modules.size;
  const dark: boolean[] = new Array<boolean>(size * size);
  for (let row = 0; row < size; row++) {
    for (let col = 0; col < size; col++) {
      dark[row * size + col] = Boolean(modules.get(row, col));
    }
  }
  return { size, dark };
}

export type QrRun = { row: number; col: number; length: number };

/**
 * Horizontal runs of dark modules. Each run becomes one rectangle in the
 * PDF, which keeps the content stream small and avoids hairline seams
 * between neighbouring modules in a row.
 */
export function qrRuns(qr: QrModules): QrRun[] {
  const runs: QrRun[] = [];
  for (let row = 0; row < qr.size; row++) {
    let col = 0;
    while (col < qr.size) {
      if (!qr.dark[row * qr.size + col]) {
        col++;
        continue;
      }
      const start = col;
      while (col < qr.size && qr.dark[row * qr.size + col]) col++;
      runs.push({ row, col: start, length: col - start });
    }
  }
  return runs;
}

// ---------------------------------------------------------------------------
// Layout constants (PDF points; A4 = 595.28 x 841.89)

const MM = 72 / 25.4;
const PAGE_W = 595.28;
const PAGE_H = 841.89;

const FRAME_OUTER = 22; // inset of the outer frame line
const FRAME_INNER = 27; // inset of the inner frame line
const CONTENT_X = 58;
const CONTENT_W = PAGE_W - 2 * CONTENT_X;

const QR_SIZE = 30 * MM; // ≈ 85 pt

const COLOR_ACCENT = "#9b1c1c"; // seal red, used sparingly for frame and rules
const COLOR_TEXT = "#1a1a1a";
const COLOR_MUTED = "#5c5c5c";
const COLOR_FAINT = "#8a8a8a";
const COLOR_RULE = "#d9d4cc";
const COLOR_LABEL_BG = "#f7f3ec";

type Doc = PDFKit.PDFDocument;

/** "标签：值" for Chinese labels, "Label: value" for Latin ones. */
function labelled(label: string, value: string): string {
  return /[\u3000-\u9fff\uff00-\uffef]$/.test(label)
    ? `${label}：${value}`
    : `${label}: ${value}`;
}

/** Height of `text` set at the current font in a box `width` wide. */
function measure(
  doc: Doc,
  text: string,
  width: number,
  options: PDFKit.Mixins.TextOptions = {},
): number {
  return doc.heightOfString(text === "" ? " " : text, { width, ...options });
}

/** Largest font size (down to `min`) at which `text` fits on one line. */
function fitOneLine(
  doc: Doc,
  font: string,
  text: string,
  width: number,
  size: number,
  min: number,
  characterSpacing = 0,
): number {
  doc.font(font);
  let s = size;
  while (s > min) {
    doc.fontSize(s);
    if (doc.widthOfString(text, { characterSpacing }) <= width) break;
    s -= 0.5;
  }
  return s;
}

function drawFrame(doc: Doc): void {
  doc.save();
  doc
    .lineWidth(1.6)
    .strokeColor(COLOR_ACCENT)
    .rect(
      FRAME_OUTER,
      FRAME_OUTER,
      PAGE_W - 2 * FRAME_OUTER,
      PAGE_H - 2 * FRAME_OUTER,
    )
    .stroke();
  doc
    .lineWidth(0.5)
    .rect(
      FRAME_INNER,
      FRAME_INNER,
      PAGE_W - 2 * FRAME_INNER,
      PAGE_H - 2 * FRAME_INNER,
    )
    .stroke();

  // Small corner brackets just inside the inner frame.
  const arm = 16;
  const inset = FRAME_INNER + 5;
  doc.lineWidth(1.1);
  const corners: [number, number, number, number][] = [
    [inset, inset, 1, 1],
    [PAGE_W - inset, inset, -1, 1],
    [inset, PAGE_H - inset, 1, -1],
    [PAGE_W - inset, PAGE_H - inset, -1, -1],
  ];
  for (const [x, y, dx, dy] of corners) {
    doc
      .moveTo(x + dx * arm, y)
      .lineTo(x, y)
      .lineTo(x, y + dy * arm)
      .stroke();
  }
  doc.restore();
}

function drawQr(doc: Doc, text: string, x: number, y: number, size: number) {
  const qr = qrModules(text);
  const m = size / qr.size;
  doc.save();
  for (const run of qrRuns(qr)) {
    doc.rect(x + run.col * m, y + run.row * m, run.length * m, m);
  }
  doc.fillColor("#000000").fill();
  doc.restore();
  return qr;
}

type Row = {
  label: string;
  value: string;
  height: number;
};

type TableStyle = {
  fontSize: number;
  padY: number;
  padX: number;
  labelW: number;
  valueW: number;
};

function layoutRows(
  doc: Doc,
  fields: CertificatePdfInput["fields"],
  style: TableStyle,
): Row[] {
  const lineGap = style.fontSize * 0.25;
  return fields.map(({ label, value }) => {
    doc.font(FONT_REGULAR).fontSize(style.fontSize);
    const hl = measure(doc, label, style.labelW - 2 * style.padX, { lineGap });
    doc.font(FONT_REGULAR).fontSize(style.fontSize);
    const hv = measure(doc, value, style.valueW - 2 * style.padX, { lineGap });
    return { label, value, height: Math.max(hl, hv) + 2 * style.padY };
  });
}

function drawTable(
  doc: Doc,
  fields: CertificatePdfInput["fields"],
  top: number,
  maxHeight: number,
): number {
  const x = CONTENT_X;
  const width = CONTENT_W;

  // Label column: wide enough for the longest label (within limits).
  doc.font(FONT_REGULAR).fontSize(10.5);
  const longestLabel = Math.max(
    0,
    ...fields.map((f) => doc.widthOfString(f.label)),
  );
  const labelW = Math.min(
    Math.max(longestLabel + 2 * 12 + 2, 110),
    width * 0.38,
  );

  // Shrink the type (and padding) until the table fits the space available.
  let style: TableStyle = {
    fontSize: 10.5,
    padY: 7,
    padX: 12,
    labelW,
    valueW: width - labelW,
  };
  let rows = layoutRows(doc, fields, style);
  const total = (rs: Row[]) => rs.reduce((sum, r) => sum + r.height, 0);
  // Short tables get a little more air (still leaving room below).
  while (style.padY < 10) {
    const roomier = { ...style, padY: style.padY + 0.5 };
    const roomierRows = layoutRows(doc, fields, roomier);
    if (total(roomierRows) > maxHeight * 0.8) break;
    style = roomier;
    rows = roomierRows;
  }
  while (total(rows) > maxHeight && style.fontSize > 7.5) {
    const fontSize = style.fontSize - 0.5;
    style = {
      ...style,
      fontSize,
      padY: Math.max(3.5, style.padY - 0.5),
    };
    rows = layoutRows(doc, fields, style);
  }
  // Last resort: clamp each row so the page never overflows (text is
  // truncated with an ellipsis rather than spilling over the QR code).
  let clampRowHeight: number | undefined;
  if (total(rows) > maxHeight && rows.length > 0) {
    clampRowHeight = maxHeight / rows.length;
    rows = rows.map((r) => ({
      ...r,
      height: Math.min(r.height, clampRowHeight as number),
    }));
  }

  const tableH = total(rows);
  const lineGap = style.fontSize * 0.25;

  // Label column background.
  doc.save();
  doc.rect(x, top, style.labelW, tableH).fill(COLOR_LABEL_BG);
  doc.restore();

  let y = top;
  rows.forEach((row, i) => {
    const textH = row.height - 2 * style.padY;
    const opts = (w: number): PDFKit.Mixins.TextOptions => ({
      width: w - 2 * style.padX,
      lineGap,
      ...(clampRowHeight !== undefined
        ? { height: textH, ellipsis: "…" }
        : {}),
    });

    doc
      .font(FONT_REGULAR)
      .fontSize(style.fontSize)
      .fillColor(COLOR_MUTED)
      .text(row.label, x + style.padX, y + style.padY, opts(style.labelW));
    doc
      .font(FONT_REGULAR)
      .fontSize(style.fontSize)
      .fillColor(COLOR_TEXT)
      .text(
        row.value === "" ? "—" : row.value,
        x + style.labelW + style.padX,
        y + style.padY,
        opts(style.valueW),
      );

    y += row.height;
    if (i < rows.length - 1) {
      doc
        .save()
        .lineWidth(0.5)
        .strokeColor(COLOR_RULE)
        .moveTo(x, y)
        .lineTo(x + width, y)
        .stroke()
        .restore();
    }
  });

  // Table outline and column divider.
  doc.save();
  doc.lineWidth(0.8).strokeColor("#b9b1a4");
  doc.rect(x, top, width, tableH).stroke();
  doc
    .lineWidth(0.5)
    .strokeColor(COLOR_RULE)
    .moveTo(x + style.labelW, top)
    .lineTo(x + style.labelW, top + tableH)
    .stroke();
  doc.restore();

  return top + tableH;
}

// ---------------------------------------------------------------------------

/** Renders the certificate as a single A4 page and returns the PDF bytes. */
export async function renderCertificatePdf(
  input: CertificatePdfInput,
): Promise<Buffer> {
  const fonts = loadFonts();

  const doc = new PDFDocument({
    size: "A4",
    layout: "portrait",
    margin: 0, // all positioning is explicit; never let pdfkit add pages
    autoFirstPage: true,
    compress: true,
    lang: "zh-CN",
    displayTitle: true,
    info: {
      Title: input.title,
      Author: input.issuer,
      Subject: `${input.title} ${input.reference}`,
      Creator: "武隆区生育服务一网通办 (Wulong District family services portal)",
      Producer: "pdfkit",
      Keywords: input.reference,
    },
  });

  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("data", (chunk: Buffer) => chunks.push(chunk));
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });

  let extraPages = 0;
  doc.on("pageAdded", () => {
    extraPages++;
  });

  doc.registerFont(FONT_REGULAR, fonts.regular);
  doc.registerFont(FONT_BOLD, fonts.bold);

  drawFrame(doc);

  // --- Header -------------------------------------------------------------
  let y = 66;
  // Letter-spaced like a printed certificate when the title is Chinese;
  // near-normal tracking for Latin titles.
  const cjkChars = (input.title.match(/[\u3400-\u9fff\uf900-\ufaff]/g) ?? [])
    .length;
  const isCjkTitle = cjkChars * 2 >= input.title.replace(/\s/g, "").length;
  const titleSpacing = isCjkTitle ? 3 : 0.5;
  // pdfkit's line wrapper adds the spacing once more per word, so keep a
  // little slack when fitting the title on one line.
  const titleSlack = 4 + titleSpacing * (input.title.split(/\s+/).length + 1);
  const titleSize = fitOneLine(
    doc,
    FONT_BOLD,
    input.title,
    CONTENT_W - titleSlack,
    isCjkTitle ? 25 : 22,
    15,
    titleSpacing,
  );
  doc.font(FONT_BOLD).fontSize(titleSize).fillColor(COLOR_TEXT);
  const titleOpts: PDFKit.Mixins.TextOptions = {
    width: CONTENT_W,
    align: "center",
    characterSpacing: titleSpacing,
  };
  const titleH = measure(doc, input.title, CONTENT_W, titleOpts);
  doc.text(input.title, CONTENT_X, y, titleOpts);
  y += titleH + 5;

  if (input.subtitle) {
    doc.font(FONT_REGULAR).fontSize(10).fillColor(COLOR_MUTED);
    const h = measure(doc, input.subtitle, CONTENT_W - 60, {
      align: "center",
    });
    doc.text(input.subtitle, CONTENT_X + 30, y, {
      width: CONTENT_W - 60,
      align: "center",
    });
    y += h + 2;
  }
  y += 10;

  // Double rule under the heading.
  doc
    .save()
    .strokeColor(COLOR_ACCENT)
    .lineWidth(1.4)
    .moveTo(CONTENT_X, y)
    .lineTo(CONTENT_X + CONTENT_W, y)
    .stroke()
    .lineWidth(0.5)
    .moveTo(CONTENT_X, y + 3)
    .lineTo(CONTENT_X + CONTENT_W, y + 3)
    .stroke()
    .restore();
  y += 12;

  // Reference number, right-aligned.
  doc.font(FONT_REGULAR).fontSize(9.5).fillColor(COLOR_MUTED);
  doc.text(`No. ${input.reference}`, CONTENT_X, y, {
    width: CONTENT_W,
    align: "right",
    lineBreak: false,
  });
  y += 22;

  // --- Footer (measured first: it anchors the bottom block) ---------------
  const footerBottom = PAGE_H - FRAME_INNER - 14;
  let footerTop = footerBottom;
  if (input.footer) {
    doc.font(FONT_REGULAR).fontSize(7.5);
    const h = measure(doc, input.footer, CONTENT_W, {
      align: "center",
      lineGap: 1.5,
    });
    footerTop = footerBottom - h;
    doc
      .save()
      .strokeColor(COLOR_RULE)
      .lineWidth(0.5)
      .moveTo(CONTENT_X, footerTop - 8)
      .lineTo(CONTENT_X + CONTENT_W, footerTop - 8)
      .stroke()
      .restore();
    doc.fillColor(COLOR_FAINT).text(input.footer, CONTENT_X, footerTop, {
      width: CONTENT_W,
      align: "center",
      lineGap: 1.5,
    });
  }

  // --- Bottom block: issuer / date (left), hint + QR + code (right) -------
  const codeText = labelled(input.codeLabel, input.code);
  const codeSize = 8.5;
  const codeBoxW = QR_SIZE + 100;
  const codeLineH = codeSize * 1.5;
  const blockBottom = footerTop - 22;
  const qrX = CONTENT_X + CONTENT_W - QR_SIZE;
  const qrY = blockBottom - codeLineH - 4 - QR_SIZE;

  drawQr(doc, input.verifyUrl, qrX, qrY, QR_SIZE);
  // Centred under the QR code when it fits, otherwise right-aligned with it.
  const codeFont = fitOneLine(
    doc,
    FONT_BOLD,
    codeText,
    codeBoxW,
    codeSize,
    6,
  );
  doc.font(FONT_BOLD).fontSize(codeFont).fillColor(COLOR_TEXT);
  const codeW = doc.widthOfString(codeText);
  const codeX =
    codeW <= QR_SIZE + 8
      ? qrX + QR_SIZE / 2 - codeW / 2
      : CONTENT_X + CONTENT_W - codeW;
  doc.text(codeText, codeX, qrY + QR_SIZE + 4, { lineBreak: false });

  // Verification hint: right-aligned column beside the QR code,
  // bottom-aligned with it. It takes whatever the issuer / date column
  // (left) leaves free, within limits.
  const dateText = labelled(input.issuedAtLabel, input.issuedAt);
  const hintRight = qrX - 14;
  doc.font(FONT_BOLD).fontSize(12);
  const issuerNatural = doc.widthOfString(input.issuer);
  doc.font(FONT_REGULAR).fontSize(10.5);
  const leftNatural = Math.max(issuerNatural, doc.widthOfString(dateText));
  const hintW = Math.max(
    130,
    Math.min(190, hintRight - CONTENT_X - leftNatural - 32),
  );
  doc.font(FONT_REGULAR).fontSize(8).fillColor(COLOR_MUTED);
  let hintSize = 8;
  let hintH = measure(doc, input.verifyHint, hintW, { lineGap: 2 });
  while (hintH > QR_SIZE && hintSize > 6) {
    hintSize -= 0.5;
    doc.fontSize(hintSize);
    hintH = measure(doc, input.verifyHint, hintW, { lineGap: 2 });
  }
  hintH = Math.min(hintH, QR_SIZE);
  doc.text(input.verifyHint, hintRight - hintW, qrY + QR_SIZE - hintH, {
    width: hintW,
    align: "right",
    lineGap: 2,
    height: QR_SIZE,
    ellipsis: "…",
  });

  // Issuer and date, left, bottom-aligned with the QR code.
  const leftW = hintRight - hintW - 16 - CONTENT_X;
  const issuerSize = fitOneLine(doc, FONT_BOLD, input.issuer, leftW, 12, 9);
  doc.font(FONT_REGULAR).fontSize(10.5);
  const dateH = measure(doc, dateText, leftW);
  doc.font(FONT_BOLD).fontSize(issuerSize);
  const issuerH = measure(doc, input.issuer, leftW);
  const dateY = qrY + QR_SIZE - dateH;
  const issuerY = dateY - 8 - issuerH;
  doc.fillColor(COLOR_TEXT).text(input.issuer, CONTENT_X, issuerY, {
    width: leftW,
  });
  doc
    .font(FONT_REGULAR)
    .fontSize(10.5)
    .fillColor(COLOR_TEXT)
    .text(dateText, CONTENT_X, dateY, { width: leftW });

  // --- Table (fills the space between header and bottom block) -----------
  const tableTop = y;
  const tableMaxH = Math.min(issuerY, qrY) - 28 - tableTop;
  drawTable(doc, input.fields, tableTop, tableMaxH);

  if (extraPages > 0) {
    // Layout bug guard: content must never spill onto a second page.
    throw new Error("certificate layout overflowed the page");
  }

  doc.end();
  return done;
}
