// 3e. Gzip JavaScript a page loads (entry, root and route chunks with their imports), from
// each build's own manifest: a guided-form step against the bare Remix page (bench/floor).
import { readFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { ROOT } from "./lib/servers";
import type { BenchRow } from "./types";

type Manifest = { entry: { module: string; imports: string[] }; routes: Record<string, { parentId?: string; module: string; imports?: string[] }> };
type Build = { assets: Manifest; routes: Record<string, { module: { handle?: { scripts?: boolean } } }> };

/** The gzip JavaScript a page loads; 0 for a page whose route says it needs none (`handle.scripts === false`, see root.tsx). */
async function gzipKb(buildDir: string, routeId: string): Promise<number> {
  const { assets, routes } = (await import(path.join(buildDir, "server/index.js"))) as Build;
  if (routes[routeId]?.module.handle?.scripts === false) return 0;
  const chain = (id: string): string[] => {
    const route = assets.routes[id];
    if (!route) throw new Error(`No route ${id} in ${buildDir}`);
    return [...(route.parentId ? chain(route.parentId) : []), route.module, ...(route.imports ?? [])];
  };
  const files = new Set([assets.entry.module, ...assets.entry.imports, ...chain(routeId)]);
  return [...files].reduce((sum, file) => sum + gzipSync(readFileSync(path.join(buildDir, "client", file))).length, 0) / 1024;
}

export async function run(): Promise<BenchRow[]> {
  const floor = await gzipKb(path.join(ROOT, "bench/floor/build"), "routes/_index");
  const pages: [string, string][] = [
    ["form step", "routes/apply.$id.$step"],
    ["start page", "routes/services.$slug._index"],
    ["staff queue", "routes/staff.queue"],
  ];
  const rows: BenchRow[] = [];
  for (const [name, id] of [["verification page (needs no script)", "routes/verify.$code"]]) {
    const kb = await gzipKb(path.join(ROOT, "build"), id);
    rows.push({ name: `JS for ${name} (gzip)`, value: kb, unit: "KB", target: "0 KB", ok: kb === 0 });
  }
  for (const [name, id] of pages) {
    const kb = await gzipKb(path.join(ROOT, "build"), id);
    rows.push({ name: `JS for ${name} (gzip)`, value: kb, unit: "KB", floor, floorName: "bare Remix page", target: "≤ 1.2 × floor", ok: kb <= 1.2 * floor });
  }
  return rows;
}
