// 3d. The staff queue with 10,000 and with 1,000,000 applications in one database (filled
// by bench/generate.ts), measured through the queue page itself: a township reviewer's open
// cases, the county administrator's open cases, and the county's largest filter (approved).
// Target: the larger database at most 1.5× slower. BENCH_QUEUE_DB=sqlite|postgres|both.
import { staffBrowser } from "./lib/accounts";
import { fetchRetryingIdle } from "./lib/http";
import { startPortal, type Portal } from "./lib/servers";
import { generateApplications } from "./generate";
import type { BenchRow } from "./types";

const SAMPLES = Number(process.env.BENCH_QUEUE_SAMPLES ?? 5);
const SMALL = 10_000;
const LARGE = Number(process.env.BENCH_QUEUE_LARGE ?? 1_000_000);

async function pages(portal: Portal) {
  const reviewer = (await staffBrowser(portal, "reviewer.fengshan")).cookieHeader();
  const admin = (await staffBrowser(portal, "admin.county")).cookieHeader();
  return [
    { name: "queue, township reviewer", url: `${portal.base}/staff/queue`, cookie: reviewer },
    { name: "queue, county administrator", url: `${portal.base}/staff/queue`, cookie: admin },
    { name: "queue filtered: approved (county)", url: `${portal.base}/staff/queue?status=approved`, cookie: admin },
  ];
}

type Sample = { p50: number; max: number };

/** One request at a time (a slow page must not pile up): the median of SAMPLES after one warm-up. */
async function measureAll(portal: Portal): Promise<Sample[]> {
  const results: Sample[] = [];
  for (const page of await pages(portal)) {
    const times: number[] = [];
    for (let index = 0; index <= SAMPLES; index += 1) {
      const started = performance.now();
      const response = await fetchRetryingIdle(page.url, { headers: { Cookie: page.cookie, "Accept-Encoding": "gzip" }, redirect: "manual" });
      const body = await response.text();
      if (response.status !== 200) throw new Error(`${page.name}: ${response.status} ${body.slice(0, 200)}`);
      if (index > 0) times.push(performance.now() - started);
    }
    times.sort((a, b) => a - b);
    results.push({ p50: times[Math.floor(times.length / 2)], max: times[times.length - 1] });
  }
  return results;
}

async function measure(kind: "sqlite" | "postgres"): Promise<BenchRow[]> {
  const portal = await startPortal(kind);
  try {
    const fillSmall = await generateApplications(portal, SMALL);
    const small = await measureAll(portal);
    const fillLarge = await generateApplications(portal, LARGE, SMALL);
    const large = await measureAll(portal);
    const names = (await pages(portal)).map((page) => page.name);
    const label = (n: number) => (n >= 1_000_000 ? `${n / 1_000_000}M` : `${n / 1000}k`);
    return [
      ...names.map((name, index) => ({
        name: `${name} (${kind}): p50 at ${label(LARGE)}`,
        value: large[index].p50,
        unit: "ms",
        floor: small[index].p50,
        floorName: `same at ${label(SMALL)}`,
        target: "≤ 1.5 × floor",
        ok: large[index].p50 <= 1.5 * Math.max(small[index].p50, 1),
      })),
      ...names.map((name, index) => ({ name: `${name} (${kind}): slowest at ${label(LARGE)}`, value: large[index].max, unit: "ms", floor: small[index].max, floorName: `same at ${label(SMALL)}` })),
      { name: `generator (${kind}): ${label(LARGE)} applications`, value: LARGE / (fillSmall + fillLarge), unit: "rows/s" },
    ];
  } finally {
    await portal.stop();
  }
}

export async function run(): Promise<BenchRow[]> {
  const which = process.env.BENCH_QUEUE_DB ?? "postgres";
  const rows: BenchRow[] = [];
  if (which === "postgres" || which === "both") rows.push(...(await measure("postgres")));
  if (which === "sqlite" || which === "both") rows.push(...(await measure("sqlite")));
  return rows;
}
