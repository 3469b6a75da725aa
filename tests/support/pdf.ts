// Reading generated PDFs back in tests: text layer, page count and size (poppler-utils,
// installed by scripts/ensure-test-tools.mjs), and a small PNG made in code for seal images.
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { deflateSync } from "node:zlib";

function hasTool(name: string): boolean {
  try {
    execFileSync("which", [name], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

export const popplerMissing = !hasTool("pdftotext") || !hasTool("pdfinfo") || !hasTool("pdffonts");

const dir = mkdtempSync(path.join(tmpdir(), "documents-test-"));
let count = 0;

export function saved(pdf: Buffer): string {
  const file = path.join(dir, `${++count}.pdf`);
  writeFileSync(file, pdf);
  return file;
}

/** The text layer as pdftotext reads it (reading order, no layout). */
export function pdfText(pdf: Buffer): string {
  return execFileSync("pdftotext", ["-enc", "UTF-8", saved(pdf), "-"], { encoding: "utf8" });
}

/** The text layer of one page (1-based). */
export function pdfPageText(pdf: Buffer, page: number): string {
  return execFileSync("pdftotext", ["-enc", "UTF-8", "-f", String(page), "-l", String(page), saved(pdf), "-"], { encoding: "utf8" });
}

/** The text with all whitespace removed, for phrases that may wrap. */
export function pdfTextCompact(pdf: Buffer): string {
  return pdfText(pdf).replace(/\s+/g, "");
}

export function pdfInfo(pdf: Buffer): { pages: number; width: number; height: number; raw: string } {
  const raw = execFileSync("pdfinfo", ["-f", "1", "-l", "999", saved(pdf)], { encoding: "utf8" });
  const pages = Number(/^Pages:\s+(\d+)/m.exec(raw)?.[1]);
  const size = /^Page\s+1 size:\s+([\d.]+) x ([\d.]+)/m.exec(raw);
  return { pages, width: Number(size?.[1]), height: Number(size?.[2]), raw };
}

export function pdfFonts(pdf: Buffer): string[] {
  return execFileSync("pdffonts", [saved(pdf)], { encoding: "utf8" })
    .split("\n")
    .slice(2)
    .filter((line) => line.trim() !== "");
}

function crc32(bytes: Buffer): number {
  let crc = ~0;
  for (const byte of bytes) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
  }
  return ~crc >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "latin1"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** A red ring on transparency, size × size pixels, as a seal image would be. */
export function sealPng(size = 64): Buffer {
  const rows: Buffer[] = [];
  for (let y = 0; y < size; y++) {
    const row = Buffer.alloc(1 + size * 4);
    for (let x = 0; x < size; x++) {
      const r = Math.hypot(x - size / 2 + 0.5, y - size / 2 + 0.5) / (size / 2);
      if (r > 0.82 && r < 0.97) row.set([200, 20, 20, 255], 1 + x * 4);
    }
    rows.push(row);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk("IHDR", header), chunk("IDAT", deflateSync(Buffer.concat(rows))), chunk("IEND", Buffer.alloc(0))]);
}

/** Dark pixels on page 1 rendered in grey at `dpi`, and whatever poppler complained about. */
export function darkPixels(pdf: Buffer, dpi = 40): { dark: number; errors: string } {
  const result = spawnSync("pdftoppm", ["-gray", "-r", String(dpi), "-f", "1", "-l", "1", saved(pdf)], { maxBuffer: 64 * 1024 * 1024 });
  const pgm = result.stdout;
  // P5 header: "P5\n<w> <h>\n255\n"
  const header = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(pgm.subarray(0, 64).toString("latin1"));
  if (!header) throw new Error("pdftoppm gave no image");
  let dark = 0;
  for (const value of pgm.subarray(header[0].length)) if (value < 128) dark++;
  return { dark, errors: result.stderr.toString() };
}
