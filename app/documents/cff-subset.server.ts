/**
 * A subset writer for CFF-outline (OpenType .otf) fallback faces.
 *
 * fontkit's own CFF subsetter keeps every subroutine slot of the fonts it subsets; for
 * Source Han Sans (tens of thousands of local subroutines) that made each document that
 * needed one rare character 48 KB larger per weight and 0.2–0.7 s slower. This writer
 * takes the glyph outlines fontkit has already decoded and writes them as plain Type 2
 * charstrings into a small CID-keyed CFF with no subroutines and no hints: a few hundred
 * bytes per glyph, written in well under a millisecond. Only fallback faces, which print
 * a handful of rare ideographs, go through it.
 */
import type * as fontkit from "fontkit";

// --- Numbers and operators (Adobe TN #5176 CFF and #5177 Type 2 charstrings) ---------

/** A number as a charstring operand. */
function charstringNumber(value: number, out: number[]): void {
  if (Number.isInteger(value) && value >= -107 && value <= 107) out.push(value + 139);
  else if (Number.isInteger(value) && value >= 108 && value <= 1131) {
    const v = value - 108;
    out.push((v >> 8) + 247, v & 0xff);
  } else if (Number.isInteger(value) && value >= -1131 && value <= -108) {
    const v = -value - 108;
    out.push((v >> 8) + 251, v & 0xff);
  } else if (Number.isInteger(value) && value >= -32768 && value <= 32767) out.push(28, (value >> 8) & 0xff, value & 0xff);
  else {
    const fixed = Math.round(value * 65536) | 0; // 16.16
    out.push(255, (fixed >>> 24) & 0xff, (fixed >>> 16) & 0xff, (fixed >>> 8) & 0xff, fixed & 0xff);
  }
}

const RMOVETO = 21;
const RLINETO = 5;
const RRCURVETO = 8;
const ENDCHAR = 14;

/** The glyph's outline as a Type 2 charstring without width, hints or subroutines, in units of 1/1000 em. */
function flatCharstring(glyph: fontkit.Glyph, unitsPerEm: number): Uint8Array {
  const out: number[] = [];
  const scale = 1000 / unitsPerEm;
  let x = 0;
  let y = 0;
  const rel = (px: number, py: number) => {
    const [sx, sy] = [Math.round(px * scale * 64) / 64, Math.round(py * scale * 64) / 64];
    charstringNumber(sx - x, out);
    charstringNumber(sy - y, out);
    x = sx;
    y = sy;
  };
  for (const { command, args } of glyph.path.commands) {
    if (command === "moveTo") {
      rel(args[0], args[1]);
      out.push(RMOVETO);
    } else if (command === "lineTo") {
      rel(args[0], args[1]);
      out.push(RLINETO);
    } else if (command === "bezierCurveTo") {
      rel(args[0], args[1]);
      rel(args[2], args[3]);
      rel(args[4], args[5]);
      out.push(RRCURVETO);
    } else if (command === "quadraticCurveTo") {
      // Raised to a cubic: control points two thirds of the way to the quadratic one.
      const [qx, qy, ex, ey] = args;
      const [sx, sy] = [x / scale, y / scale];
      rel(sx + ((qx - sx) * 2) / 3, sy + ((qy - sy) * 2) / 3);
      rel(ex + ((qx - ex) * 2) / 3, ey + ((qy - ey) * 2) / 3);
      rel(ex, ey);
      out.push(RRCURVETO);
    }
    // closePath: Type 2 contours close by themselves.
  }
  out.push(ENDCHAR);
  return Uint8Array.from(out);
}

/** A DICT integer, always in the 5-byte form so offsets can be written before they are known. */
function dictInt(value: number): number[] {
  return [29, (value >>> 24) & 0xff, (value >>> 16) & 0xff, (value >>> 8) & 0xff, value & 0xff];
}

function dictEntry(operands: number[], operator: number | [12, number]): number[] {
  return [...operands.flatMap(dictInt), ...(Array.isArray(operator) ? operator : [operator])];
}

/** A CFF INDEX with 4-byte offsets. */
function index(items: Uint8Array[]): Uint8Array {
  if (items.length === 0) return Uint8Array.from([0, 0]);
  const dataLength = items.reduce((sum, item) => sum + item.length, 0);
  const out = new Uint8Array(3 + (items.length + 1) * 4 + dataLength);
  const view = new DataView(out.buffer);
  view.setUint16(0, items.length);
  out[2] = 4;
  let offset = 1;
  let at = 3;
  for (const item of [...items, null]) {
    view.setUint32(at, offset);
    at += 4;
    if (item) offset += item.length;
  }
  for (const item of items) {
    out.set(item, at);
    at += item.length;
  }
  return out;
}

const ascii = (text: string) => Uint8Array.from(Buffer.from(text, "latin1"));

/**
 * A CID-keyed CFF of the given glyphs in order (gid 0 must be .notdef): identity charset
 * and one font DICT, as PDF's CIDFontType0C embedding needs.
 */
function writeCff(name: string, glyphs: fontkit.Glyph[], unitsPerEm: number): Uint8Array {
  const charstrings = glyphs.map((glyph) => flatCharstring(glyph, unitsPerEm));
  const count = charstrings.length;
  // Standard strings end at SID 390: ours follow.
  const strings = ["Adobe", "Identity"];
  const sid = (i: number) => 391 + i;

  const nameIndex = index([ascii(name)]);
  const stringIndex = index(strings.map(ascii));
  const globalSubrs = index([]);
  const charset = Uint8Array.from([2, 0, 1, ((count - 2) >> 8) & 0xff, (count - 2) & 0xff]); // format 2: gids 1.. are CIDs 1..
  const fdSelect = Uint8Array.from([3, 0, 1, 0, 0, 0, (count >> 8) & 0xff, count & 0xff]); // format 3: all in FD 0
  const charstringIndex = index(charstrings);
  const privateDict = Uint8Array.from(dictEntry([0], 20)); // defaultWidthX 0: widths come from the PDF's /W

  // DICT operands are all 5-byte integers, so sizes are known before the offsets are.
  const buildTop = (charsetAt: number, charstringsAt: number, fdArrayAt: number, fdSelectAt: number) =>
    Uint8Array.from([
      ...dictEntry([sid(0), sid(1), 0], [12, 30]), // ROS Adobe-Identity-0
      ...dictEntry([count], [12, 34]), // CIDCount
      ...dictEntry([charsetAt], 15),
      ...dictEntry([charstringsAt], 17),
      ...dictEntry([fdArrayAt], [12, 36]),
      ...dictEntry([fdSelectAt], [12, 37]),
    ]);
  const buildFont = (privateAt: number) => Uint8Array.from(dictEntry([privateDict.length, privateAt], 18));
  const header = Uint8Array.from([1, 0, 4, 4]);
  const charsetAt = header.length + nameIndex.length + index([buildTop(0, 0, 0, 0)]).length + stringIndex.length + globalSubrs.length;
  const fdSelectAt = charsetAt + charset.length;
  const charstringsAt = fdSelectAt + fdSelect.length;
  const fdArrayAt = charstringsAt + charstringIndex.length;
  const privateAt = fdArrayAt + index([buildFont(0)]).length;
  const topDict = buildTop(charsetAt, charstringsAt, fdArrayAt, fdSelectAt);
  const fontDict = buildFont(privateAt);
  const parts = [header, nameIndex, index([topDict]), stringIndex, globalSubrs, charset, fdSelect, charstringIndex, index([fontDict]), privateDict];
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

/** What pdfkit asks of a font's subset: include glyphs, then encode. `cff` marks it as CFF. */
export class FlatCffSubset {
  readonly cff = true;
  private readonly glyphIds: number[] = [0];
  private readonly mapping = new Map<number, number>([[0, 0]]);

  constructor(private readonly font: fontkit.Font) {}

  includeGlyph(glyph: number | fontkit.Glyph): number {
    const id = typeof glyph === "number" ? glyph : glyph.id;
    let mapped = this.mapping.get(id);
    if (mapped === undefined) {
      mapped = this.glyphIds.length;
      this.glyphIds.push(id);
      this.mapping.set(id, mapped);
    }
    return mapped;
  }

  encode(): Uint8Array {
    // A charset of format 2 needs at least one glyph after .notdef.
    const ids = this.glyphIds.length > 1 ? this.glyphIds : [0, 0];
    return writeCff(this.font.postscriptName, ids.map((id) => this.font.getGlyph(id)), this.font.unitsPerEm);
  }
}
