/**
 * Line layout for mixed-font text: measured from the parsed fonts, wrapped at the break
 * opportunities of the Unicode line-breaking algorithm (UAX #14, which keeps "，" and "）"
 * off the start of a line and breaks URLs after "/"), each line a list of runs that each
 * name their face. pdfkit's own wrapper measures with one font only, so it cannot wrap a
 * line whose name needs a fallback face.
 */
import LineBreaker from "linebreak";
import { fontRuns, runWidth, type Face, type RunOptions, type Weight } from "./fonts.server";

export type TextStyle = {
  size: number;
  weight: Weight;
  /** Extra space after each character, in points (letter-spaced titles). */
  tracking?: number;
};

export type PlacedRun = { face: Face; text: string; x: number };

/** `indent`: where the line starts, for the indented first line of a paragraph. */
export type Line = { runs: PlacedRun[]; width: number; indent: number };

function charCount(text: string): number {
  let count = 0;
  for (const _ of text) count++;
  return count;
}

/** Width of one line of text in points. */
export function textWidth(text: string, style: TextStyle, options: RunOptions = {}): number {
  let width = 0;
  for (const run of fontRuns(text, style.weight, options)) width += runWidth(run, style.size);
  return width + (style.tracking ?? 0) * charCount(text);
}

function placeLine(text: string, style: TextStyle, options: RunOptions, indent = 0): Line {
  const runs: PlacedRun[] = [];
  let x = 0;
  for (const run of fontRuns(text, style.weight, options)) {
    runs.push({ face: run.face, text: run.text, x });
    x += runWidth(run, style.size) + (style.tracking ?? 0) * charCount(run.text);
  }
  return { runs, width: x, indent };
}

/** Splits a segment too wide for any line into pieces that fit, character by character. */
function splitLong(segment: string, maxWidth: number, style: TextStyle, options: RunOptions): string[] {
  const pieces: string[] = [];
  let piece = "";
  for (const char of segment) {
    const code = char.codePointAt(0) as number;
    const joins = (code >= 0xfe00 && code <= 0xfe0f) || (code >= 0xe0100 && code <= 0xe01ef);
    if (piece && !joins && textWidth(piece + char, style, options) > maxWidth) {
      pieces.push(piece);
      piece = "";
    }
    piece += char;
  }
  if (piece) pieces.push(piece);
  return pieces;
}

/** Reference numbers and codes ("WL-JL-2026-000042") stay whole: no break after their hyphens. */
function insideCode(text: string, position: number): boolean {
  return text[position - 1] === "-" && /[A-Za-z0-9]/.test(text[position - 2] ?? "") && /[A-Za-z0-9]/.test(text[position] ?? "");
}

/**
 * Wraps text into lines no wider than maxWidth; "\n" starts a new paragraph, whose first
 * line starts `firstIndent` points in (the two-character indent of Chinese letters).
 */
export function wrapText(text: string, maxWidth: number, style: TextStyle, options: RunOptions & { firstIndent?: number } = {}): Line[] {
  const lines: Line[] = [];
  const firstIndent = options.firstIndent ?? 0;
  for (const paragraph of text.split("\n")) {
    if (paragraph.trim() === "") {
      lines.push({ runs: [], width: 0, indent: 0 });
      continue;
    }
    const paragraphStart = lines.length;
    const indent = () => (lines.length === paragraphStart ? firstIndent : 0);
    const breaker = new LineBreaker(paragraph);
    let current = "";
    let currentWidth = 0;
    let start = 0;
    const flush = () => {
      lines.push(placeLine(current.trimEnd(), style, options, indent()));
      current = "";
      currentWidth = 0;
    };
    // Segments are measured on their own (kerning across a break opportunity is ignored).
    for (let opportunity = breaker.nextBreak(); opportunity; opportunity = breaker.nextBreak()) {
      if (insideCode(paragraph, opportunity.position)) continue;
      const segment = paragraph.slice(start, opportunity.position);
      start = opportunity.position;
      const visible = segment.trimEnd();
      const visibleWidth = textWidth(visible, style, options);
      const fullWidth = visible === segment ? visibleWidth : textWidth(segment, style, options);
      if (currentWidth + visibleWidth <= maxWidth - indent()) {
        current += segment;
        currentWidth += fullWidth;
        continue;
      }
      if (current) flush();
      if (visibleWidth <= maxWidth - indent()) {
        current = segment;
        currentWidth = fullWidth;
        continue;
      }
      const pieces = splitLong(visible, maxWidth - indent(), style, options);
      for (const piece of pieces.slice(0, -1)) lines.push(placeLine(piece, style, options, indent()));
      current = pieces[pieces.length - 1] ?? "";
      currentWidth = textWidth(current, style, options);
    }
    if (current.trim()) flush();
  }
  return lines;
}
