// `npm run bench`: runs every bench/*.bench.ts (each exports `run(): Promise<BenchRow[]>`),
// prints one table and writes bench/results.json. BENCH_ONLY=pages,queue runs a subset.
import { readdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { BenchModule, BenchRow } from "./types";

const here = path.dirname(new URL(import.meta.url).pathname);
const only = process.env.BENCH_ONLY?.split(",").filter(Boolean);
const files = readdirSync(here)
  .filter((file) => file.endsWith(".bench.ts"))
  .filter((file) => !only || only.includes(file.replace(/\.bench\.ts$/, "")))
  .sort();

const started = Date.now();
const results: { module: string; rows: BenchRow[]; seconds: number; error?: string }[] = [];
for (const file of files) {
  const mod = (await import(path.join(here, file))) as Partial<BenchModule>;
  if (typeof mod.run !== "function") continue;
  const t0 = Date.now();
  console.error(`bench: ${file} …`);
  try {
    results.push({ module: file, rows: await mod.run(), seconds: (Date.now() - t0) / 1000 });
  } catch (error) {
    console.error(error);
    results.push({ module: file, rows: [], seconds: (Date.now() - t0) / 1000, error: error instanceof Error ? error.message : String(error) });
  }
  console.error(`bench: ${file} done in ${((Date.now() - t0) / 1000).toFixed(0)} s`);
}

const fmt = (value: number | undefined) => (value === undefined ? "" : value >= 100 ? value.toFixed(0) : value >= 10 ? value.toFixed(1) : value.toFixed(2));
const lines: string[][] = [["figure", "value", "unit", "floor", "ratio", "target", "ok"]];
for (const { module, rows, error } of results) {
  if (error) lines.push([`${module}: FAILED (${error.slice(0, 80)})`, "", "", "", "", "", "FAIL"]);
  for (const row of rows) {
    const ratio = row.floor ? row.value / row.floor : undefined;
    lines.push([row.name, fmt(row.value), row.unit, row.floor === undefined ? "" : `${fmt(row.floor)} (${row.floorName ?? "floor"})`, ratio === undefined ? "" : `${ratio.toFixed(2)}×`, row.target ?? "", row.ok === undefined ? "" : row.ok ? "yes" : "NO"]);
  }
}
const widths = lines[0].map((_, column) => Math.max(...lines.map((line) => [...line[column]].length)));
for (const [index, line] of lines.entries()) {
  console.log(line.map((cell, column) => cell + " ".repeat(widths[column] - [...cell].length)).join("  ").trimEnd());
  if (index === 0) console.log(widths.map((width) => "-".repeat(width)).join("  "));
}
const seconds = (Date.now() - started) / 1000;
console.log(`\n${results.reduce((sum, result) => sum + result.rows.length, 0)} figures in ${seconds.toFixed(0)} s on ${os.cpus().length} cores (${os.cpus()[0]?.model ?? "?"}), load average ${os.loadavg()[0].toFixed(1)} at the end`);

writeFileSync(
  path.join(here, "results.json"),
  `${JSON.stringify({ at: new Date().toISOString(), seconds, machine: { cores: os.cpus().length, cpu: os.cpus()[0]?.model, memoryGb: Math.round(os.totalmem() / 2 ** 30), node: process.version }, modules: results }, null, 2)}\n`,
);
process.exit(results.some((result) => result.error) ? 1 : 0);
