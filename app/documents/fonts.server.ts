/**
 * The fonts every document is set in, parsed once per process.
 *
 * pdfkit re-parses a font given as a file or buffer for every document (about 15 ms for
 * Noto Sans SC); given a fontkit font object it uses that object as it is. So each face is
 * opened here once, lazily, and the same object is handed to every document (see
 * docs/decisions/012-document-layer.md).
 *
 * Names must print whole (GB 18030-2022), including ideographs outside the Basic
 * Multilingual Plane that Noto Sans SC lacks (𠮷 U+20BB7, 𡈽 U+2123D). Text is split into
 * runs by glyph coverage along a chain of faces: Noto Sans SC, then Source Han Sans SC
 * (npm, about 2,100 Extension B ideographs), then HanaMinB (Debian's fonts-hanazono,
 * Extensions B–F nearly whole) when that package is installed.
 */
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import * as fontkit from "fontkit";
import { FlatCffSubset } from "./cff-subset.server";

export type Weight = "regular" | "bold";

export type Face = {
  /** Name the face is registered under in each PDF. */
  key: string;
  /** The parsed font, as measured here and handed to pdfkit. */
  font: fontkit.Font;
};

type FaceSource = { key: string; file: () => string | null };

const require = createRequire(import.meta.url);

function packageFile(pkg: string, ...parts: string[]): () => string {
  return () => path.join(path.dirname(require.resolve(`${pkg}/package.json`)), ...parts);
}

/** A font that the machine may have from a Debian package; absent is fine. */
function systemFile(file: string): () => string | null {
  return () => (existsSync(file) ? file : null);
}

const HANAZONO_B = systemFile("/usr/share/fonts/truetype/hanazono/HanaMinB.ttf");

const CHAINS: Record<Weight, FaceSource[]> = {
  regular: [
    { key: "NotoSansSC-Regular", file: packageFile("@expo-google-fonts/noto-sans-sc", "400Regular", "NotoSansSC_400Regular.ttf") },
    { key: "SourceHanSansSC-Regular", file: packageFile("node-source-han-sans-sc", "SourceHanSansSC-Regular.otf") },
    { key: "HanaMinB", file: HANAZONO_B },
  ],
  bold: [
    { key: "NotoSansSC-Bold", file: packageFile("@expo-google-fonts/noto-sans-sc", "700Bold", "NotoSansSC_700Bold.ttf") },
    { key: "SourceHanSansSC-Bold", file: packageFile("node-source-han-sans-sc", "SourceHanSansSC-Bold.otf") },
    // One weight only: a rare ideograph in a bold line still prints, in the regular weight.
    { key: "HanaMinB", file: HANAZONO_B },
  ],
};

// Parsed faces by key; null = the file is not on this machine.
const opened = new Map<string, Face | null>();

/**
 * The font as pdfkit gets it. CFF-outline faces subset through FlatCffSubset (see
 * cff-subset.server.ts); everything else is the parsed font itself, inherited.
 */
function forPdf(font: fontkit.Font): fontkit.Font {
  if (!(font as unknown as Record<string, unknown>)["CFF "]) return font;
  return Object.create(font, { createSubset: { value: () => new FlatCffSubset(font) } }) as fontkit.Font;
}

function open(source: FaceSource): Face | null {
  if (!opened.has(source.key)) {
    const file = source.file();
    const font = file ? fontkit.openSync(file) : null;
    if (font && !("layout" in font)) throw new Error(`${source.key}: a font collection, not a font`);
    opened.set(source.key, font ? { key: source.key, font: forPdf(font as fontkit.Font) } : null);
  }
  return opened.get(source.key) ?? null;
}

/** The first face of a weight, which sets nearly all text. */
export function primaryFace(weight: Weight): Face {
  const face = open(CHAINS[weight][0]);
  if (!face) throw new Error(`The ${weight} document font is missing`);
  return face;
}

/** Which face of the chain draws a code point (null: none), cached per weight. */
const coverage: Record<Weight, Map<number, Face | null>> = { regular: new Map(), bold: new Map() };

function faceFor(codePoint: number, weight: Weight): Face | null {
  const cache = coverage[weight];
  let face = cache.get(codePoint);
  if (face === undefined) {
    face = null;
    for (const source of CHAINS[weight]) {
      const candidate = open(source);
      if (candidate?.font.hasGlyphForCodePoint(codePoint)) {
        face = candidate;
        break;
      }
    }
    cache.set(codePoint, face);
  }
  return face;
}

/** A code point no document font can draw. The message names the code point, never the text. */
export class MissingGlyphError extends Error {
  constructor(readonly codePoint: number) {
    super(`No document font has a glyph for ${codePointName(codePoint)}`);
    this.name = "MissingGlyphError";
  }
}

function codePointName(codePoint: number): string {
  return `U+${codePoint.toString(16).toUpperCase().padStart(4, "0")}`;
}

/** Printed in place of a character no font has: the geta mark, the typesetters' sign for a missing character. */
const SUBSTITUTE = "〓";

export type FontRun = { face: Face; text: string };

export type RunOptions = {
  /** Throw on a character no font has. Defaults to on under NODE_ENV=test. */
  strict?: boolean;
};

// Layout measures text more than once per document: say it once per code point and process.
const warned = new Set<number>();

function warnOnce(codePoint: number): void {
  if (warned.has(codePoint) || warned.size > 1000) return;
  warned.add(codePoint);
  console.warn(`document: no font has ${codePointName(codePoint)}; printed ${SUBSTITUTE} instead`);
}

function strictByDefault(): boolean {
  return process.env.NODE_ENV === "test";
}

// Variation selectors take the face of the character before them (the ideographic ones pick
// a glyph variant of it, which fontkit looks up with the base character).
function attachesToPrevious(codePoint: number): boolean {
  return (codePoint >= 0xfe00 && codePoint <= 0xfe0f) || (codePoint >= 0xe0100 && codePoint <= 0xe01ef);
}

function isSpace(codePoint: number): boolean {
  return codePoint === 0x20 || codePoint === 0xa0 || codePoint === 0x3000;
}

// Control characters and invisible format characters (zero-width space and joiners, word
// joiner, byte-order mark) print nothing; pasted into a form they must not fail a document.
function isInvisible(codePoint: number): boolean {
  return codePoint < 0x20 || (codePoint >= 0x7f && codePoint <= 0x9f) || (codePoint >= 0x200b && codePoint <= 0x200d) || codePoint === 0x2060 || codePoint === 0xfeff;
}

/**
 * Splits text into runs, each set in the first face of the chain that has all its glyphs.
 * Spaces join the run they stand in; tabs print as spaces, control and zero-width
 * characters not at all. A character no face has is a MissingGlyphError when
 * strict, otherwise printed as 〓 with its code point logged (not the text).
 */
export function fontRuns(text: string, weight: Weight, options: RunOptions = {}): FontRun[] {
  const strict = options.strict ?? strictByDefault();
  const runs: FontRun[] = [];
  for (const original of text) {
    const char = original === "\t" ? " " : original;
    const codePoint = char.codePointAt(0) as number;
    if (isInvisible(codePoint)) continue;
    const last = runs[runs.length - 1];
    if (last && (isSpace(codePoint) || attachesToPrevious(codePoint))) {
      last.text += char;
      continue;
    }
    let face = faceFor(codePoint, weight);
    let printed = char;
    if (!face) {
      if (strict) throw new MissingGlyphError(codePoint);
      warnOnce(codePoint);
      face = primaryFace(weight);
      printed = SUBSTITUTE;
    }
    if (last && last.face === face) last.text += printed;
    else runs.push({ face, text: printed });
  }
  return runs;
}

/** Width of a single-face run in points, from the parsed font (no PDF needed). */
export function runWidth(run: FontRun, size: number): number {
  return (measure(run.face, run.text) * size) / run.face.font.unitsPerEm;
}

// Advance widths of recent strings per face, in font units. Bounded: cleared when full.
const widths = new Map<string, Map<string, number>>();
const WIDTH_CACHE_LIMIT = 20_000;

function measure(face: Face, text: string): number {
  let byText = widths.get(face.key);
  if (!byText) widths.set(face.key, (byText = new Map()));
  let width = byText.get(text);
  if (width === undefined) {
    width = face.font.layout(text).advanceWidth;
    if (byText.size >= WIDTH_CACHE_LIMIT) byText.clear();
    byText.set(text, width);
  }
  return width;
}
