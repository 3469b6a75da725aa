/**
 * Certificate PDF generation, warm, against its floor measured in the same run: a bare
 * pdfkit page set in the same font with the same text, made the way pdfkit is usually
 * used (the font file handed over per document, so pdfkit parses it each time). The two
 * are run alternately so that other load on the machine falls on both alike.
 *
 * Targets (issue 12, 3c): median ≤ 1.0× the bare page; the certificate ≤ 100 KB.
 * Run: npx tsx bench/pdf.bench.ts
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";
import * as fontkit from "fontkit";
import PDFDocument from "pdfkit";
import { textOf, translationOf, type DocText } from "../app/documents/blocks.server";
import { renderCertificate, type CertificateInput } from "../app/documents/certificate.server";
import { certificateExample } from "../app/documents/examples.server";
import { wording } from "../app/documents/wording.server";

export type BenchRow = { name: string; value: number; unit: string; floor?: number; floorName?: string; target?: string; ok?: boolean };

const RUNS = 200;
const WARMUP = 20;

const require = createRequire(import.meta.url);
const fontDir = path.dirname(require.resolve("@expo-google-fonts/noto-sans-sc/package.json"));
const regularFile = readFileSync(path.join(fontDir, "400Regular", "NotoSansSC_400Regular.ttf"));
const boldFile = readFileSync(path.join(fontDir, "700Bold", "NotoSansSC_700Bold.ttf"));

/** Every string the certificate prints, in reading order. */
function certificateText(input: CertificateInput): { bold: string[]; regular: string[] } {
  const both = (value: DocText) => [textOf(value), translationOf(value) ?? ""].filter(Boolean);
  return {
    bold: [textOf(input.title), textOf(input.office), textOf(wording.certificate.notes), `${textOf(wording.verificationCode)} ${input.code}`],
    regular: [
      translationOf(input.title) ?? "",
      `编号 No. ${input.reference}`,
      ...input.fields.flatMap((field) => [...both(field.label), field.value]),
      ...both(wording.certificate.office),
      textOf(input.office),
      translationOf(input.office) ?? "",
      `签发日期：${input.issuedAt}`,
      ...input.recognition,
      wording.certificate.electronic,
      wording.certificate.verify(input.verifyPage),
      input.footer ?? "",
    ],
  };
}

/** The floor: one A4 page of the same text in the same fonts, wrapped by pdfkit, nothing else. */
function barePage(text: { bold: string[]; regular: string[] }, fonts: { regular: Buffer | fontkit.Font; bold: Buffer | fontkit.Font }): Promise<Buffer> {
  const doc = new PDFDocument({ size: "A4", margin: 56, compress: true });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve) => {
    doc.on("data", (chunk: Buffer) => chunks.push(chunk));
    doc.on("end", () => resolve(Buffer.concat(chunks)));
  });
  doc.registerFont("R", fonts.regular as Buffer);
  doc.registerFont("B", fonts.bold as Buffer);
  doc.font("B").fontSize(12);
  for (const line of text.bold) doc.text(line, { width: 480 });
  doc.font("R").fontSize(9);
  for (const line of text.regular) doc.text(line, { width: 480 });
  doc.end();
  return done;
}

function stats(samples: number[]): { median: number; p99: number } {
  const sorted = [...samples].sort((a, b) => a - b);
  return { median: sorted[Math.floor(sorted.length / 2)], p99: sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.99))] };
}

async function time(fn: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await fn();
  return performance.now() - start;
}

export async function run(): Promise<BenchRow[]> {
  const text = certificateText(certificateExample);
  const parsed = { regular: fontkit.create(regularFile) as fontkit.Font, bold: fontkit.create(boldFile) as fontkit.Font };
  const rare: CertificateInput = { ...certificateExample, fields: certificateExample.fields.map((field, i) => (i === 0 ? { ...field, value: "张𠮷𡈽" } : field)) };
  const jobs = {
    certificate: () => renderCertificate(certificateExample),
    bare: () => barePage(text, { regular: regularFile, bold: boldFile }),
    bareParsedOnce: () => barePage(text, parsed),
    rare: () => renderCertificate(rare),
  };
  const samples: Record<keyof typeof jobs, number[]> = { certificate: [], bare: [], bareParsedOnce: [], rare: [] };
  for (let i = 0; i < WARMUP; i++) for (const job of Object.values(jobs)) await job();
  for (let i = 0; i < RUNS; i++) {
    // Alternating, so load from elsewhere on the machine falls on every job alike.
    for (const [name, job] of Object.entries(jobs) as [keyof typeof jobs, () => Promise<unknown>][]) samples[name].push(await time(job));
  }
  const certificate = stats(samples.certificate);
  const bare = stats(samples.bare);
  const bareOnce = stats(samples.bareParsedOnce);
  const rareStats = stats(samples.rare);
  const size = (await jobs.certificate()).length / 1024;
  const rareSize = (await jobs.rare()).length / 1024;
  return [
    { name: "certificate PDF, median", value: certificate.median, unit: "ms", floor: bare.median, floorName: "bare pdfkit page, same font and text", target: "≤ 1.0× floor", ok: certificate.median <= bare.median },
    { name: "certificate PDF, p99", value: certificate.p99, unit: "ms", floor: bare.p99, floorName: "bare pdfkit page, p99" },
    { name: "certificate PDF, size", value: size, unit: "KB", target: "≤ 100 KB", ok: size <= 100 },
    { name: "certificate PDF with 𠮷𡈽 (fallback font), median", value: rareStats.median, unit: "ms", floor: bare.median, floorName: "bare pdfkit page, same font and text" },
    { name: "certificate PDF with 𠮷𡈽, size", value: rareSize, unit: "KB", target: "≤ 100 KB", ok: rareSize <= 100 },
    { name: "bare pdfkit page with the font parsed once, median", value: bareOnce.median, unit: "ms", floor: bare.median, floorName: "bare pdfkit page, same font and text" },
  ];
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const rows = await run();
  const cell = (value: number | undefined) => (value === undefined ? "" : value.toFixed(value < 10 ? 2 : 1));
  console.log(["benchmark".padEnd(52), "value".padStart(9), "unit".padEnd(4), "floor".padStart(9), "ratio".padStart(7), "target".padEnd(14), "ok"].join("  "));
  for (const row of rows) {
    const ratio = row.floor ? (row.value / row.floor).toFixed(2) + "×" : "";
    console.log([row.name.padEnd(52), cell(row.value).padStart(9), row.unit.padEnd(4), cell(row.floor).padStart(9), ratio.padStart(7), (row.target ?? "").padEnd(14), row.ok === undefined ? "" : row.ok ? "yes" : "NO"].join("  "));
  }
}
