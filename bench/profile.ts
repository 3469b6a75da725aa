// `npm run bench:profile [page]`: serves the portal under `node --cpu-prof`, loads one page
// (start | step | queue) and prints the functions with the most self time, by file.
import { readdirSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { citizenBrowser, staffBrowser } from "./lib/accounts";
import { load } from "./lib/load";
import { startPortal } from "./lib/servers";
import { generateApplications } from "./generate";
import { startDraft } from "./submit-adapter";

type Node = { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; hitCount: number; children?: number[] };
const page = process.argv[2] ?? "step";
const dir = path.join(os.tmpdir(), `portal-profile-${process.pid}`);
process.env.BENCH_PROFILE = dir;
const portal = await startPortal("sqlite");
try {
  await generateApplications(portal, 1_000);
  let url = `${portal.base}/services/birth-registration`;
  let headers: Record<string, string> = {};
  if (page === "step") {
    const citizen = await citizenBrowser(portal);
    url = `${portal.base}${await startDraft(citizen)}`;
    headers = { Cookie: citizen.cookieHeader() };
  } else if (page === "queue") {
    headers = { Cookie: (await staffBrowser(portal, "reviewer.fengshan")).cookieHeader() };
    url = `${portal.base}/staff/queue`;
  }
  const result = await load(url, { seconds: Number(process.env.BENCH_SECONDS ?? 10), headers });
  console.log(`${page}: ${result.rps.toFixed(0)} req/s, p50 ${result.p50} ms, p99 ${result.p99} ms`);
} finally {
  await portal.stop();
}
const file = readdirSync(dir).find((name) => name.endsWith(".cpuprofile"))!;
const profile = JSON.parse(readFileSync(path.join(dir, file), "utf8")) as { nodes: Node[] };
const total = profile.nodes.reduce((sum, node) => sum + node.hitCount, 0);
const byFunction = new Map<string, number>();
const byFile = new Map<string, number>();
for (const node of profile.nodes) {
  const where = node.callFrame.url.replace(/^file:\/\//, "").replace(`${process.cwd()}/`, "").replace(/.*node_modules\//, "node_modules/") || "(native)";
  const fn = `${node.callFrame.functionName || "(anonymous)"} ${where}:${node.callFrame.lineNumber + 1}`;
  byFunction.set(fn, (byFunction.get(fn) ?? 0) + node.hitCount);
  const pkg = where.startsWith("node_modules/") ? where.split("/").slice(0, where.split("/")[1].startsWith("@") ? 3 : 2).join("/") : where;
  byFile.set(pkg, (byFile.get(pkg) ?? 0) + node.hitCount);
}
const top = (map: Map<string, number>, n: number) =>
  [...map].sort((a, b) => b[1] - a[1]).slice(0, n).map(([name, hits]) => `${((100 * hits) / total).toFixed(1).padStart(5)}%  ${name}`);
console.log("\nself time by package or file:\n" + top(byFile, 15).join("\n"));
console.log("\nself time by function:\n" + top(byFunction, 25).join("\n"));

// Inclusive time of the app's own functions (the server build): where a request's time goes.
const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
const inclusive = new Map<number, number>();
const sum = (id: number): number => {
  if (inclusive.has(id)) return inclusive.get(id)!;
  const node = nodes.get(id)!;
  const value = node.hitCount + (node.children ?? []).reduce((acc, child) => acc + sum(child), 0);
  inclusive.set(id, value);
  return value;
};
const appTotals = new Map<string, number>();
const walk = (id: number, open: Set<string>) => {
  const node = nodes.get(id)!;
  const ownApp = node.callFrame.url.includes("build/server/index.js") && node.callFrame.functionName;
  const name = ownApp ? `${node.callFrame.functionName} build/server/index.js:${node.callFrame.lineNumber + 1}` : "";
  if (name && !open.has(name)) appTotals.set(name, (appTotals.get(name) ?? 0) + sum(id));
  const next = name ? new Set([...open, name]) : open;
  for (const child of node.children ?? []) walk(child, next);
};
walk(profile.nodes[0].id, new Set());
console.log("\ninclusive time of the app's functions:\n" + top(appTotals, 30).join("\n"));
rmSync(dir, { recursive: true, force: true });
