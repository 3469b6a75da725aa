// 3a. Server-rendered pages under load against the bare Remix floor, same kind of server,
// same run: the start page, a guided-form step (a demo citizen with a draft) and the staff
// queue (reviewer.fengshan, with 1,000 cases in the database).
import { citizenBrowser, staffBrowser } from "./lib/accounts";
import { load, warm, type Load } from "./lib/load";
import { startFloor, startPortal } from "./lib/servers";
import { generateApplications } from "./generate";
import { startDraft } from "./submit-adapter";
import type { BenchRow } from "./types";

const SECONDS = Number(process.env.BENCH_SECONDS ?? 8);
const TARGET = 0.7;

export async function run(): Promise<BenchRow[]> {
  const floor = await startFloor();
  const portal = await startPortal("sqlite");
  try {
    await generateApplications(portal, 1_000);
    const citizen = await citizenBrowser(portal);
    const step = await startDraft(citizen);
    const reviewer = await staffBrowser(portal, "reviewer.fengshan");
    const pages: { name: string; url: string; headers: Record<string, string> }[] = [
      { name: "start page", url: `${portal.base}/services/birth-registration`, headers: {} },
      { name: "form step (signed in)", url: `${portal.base}${step}`, headers: { Cookie: citizen.cookieHeader() } },
      { name: "staff queue (reviewer)", url: `${portal.base}/staff/queue`, headers: { Cookie: reviewer.cookieHeader() } },
    ];
    const floorUrl = `${floor.base}/`;
    await warm(floorUrl);
    for (const page of pages) await warm(page.url, page.headers);

    // The floor before and after the portal's pages: the machine is shared, so its mean is the fairer reference.
    const before = await load(floorUrl, { seconds: SECONDS });
    const measured: [string, Load][] = [];
    for (const page of pages) {
      const result = await load(page.url, { seconds: SECONDS, headers: page.headers });
      if (result.non2xx > 0 || result.errors > 0) throw new Error(`${page.name}: ${result.non2xx} non-2xx answers, ${result.errors} errors`);
      measured.push([page.name, result]);
    }
    const after = await load(floorUrl, { seconds: SECONDS });
    const reference = { rps: (before.rps + after.rps) / 2, p50: (before.p50 + after.p50) / 2, p99: (before.p99 + after.p99) / 2 };
    return measured.flatMap(([name, result]) => [
      { name: `${name}: throughput`, value: result.rps, unit: "req/s", floor: reference.rps, floorName: "bare Remix page", target: `≥ ${TARGET} × floor`, ok: result.rps >= TARGET * reference.rps },
      { name: `${name}: p50 latency`, value: result.p50, unit: "ms", floor: reference.p50, floorName: "bare Remix page" },
      { name: `${name}: p99 latency`, value: result.p99, unit: "ms", floor: reference.p99, floorName: "bare Remix page" },
    ]);
  } finally {
    await portal.stop();
    await floor.stop();
  }
}
