// 3b. Complete submissions per second through the portal's pages (sign-up, every step,
// uploads, declaration), several citizens at once, on SQLite and on PostgreSQL; then the
// database is read: every acknowledged reference must be stored, once. The floor is what
// the bare Remix app answers for the same number of form posts.
import { newCitizen } from "./lib/accounts";
import { storedReferences } from "./lib/count";
import { load } from "./lib/load";
import { startFloor, startPortal } from "./lib/servers";
import { submitOne } from "./submit-adapter";
import type { BenchRow } from "./types";

const SECONDS = Number(process.env.BENCH_SECONDS ?? 8);
const CITIZENS = 6;

async function measure(kind: "sqlite" | "postgres") {
  const portal = await startPortal(kind);
  try {
    const citizens = await Promise.all(Array.from({ length: CITIZENS }, () => newCitizen(portal)));
    const acknowledged = [await submitOne(citizens[0])]; // warms the server, counted like the others
    const before = citizens.reduce((sum, citizen) => sum + citizen.requests, 0);
    const deadline = performance.now() + SECONDS * 1000;
    const started = performance.now();
    await Promise.all(
      citizens.map(async (citizen) => {
        while (performance.now() < deadline) acknowledged.push(await submitOne(citizen));
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    const requests = citizens.reduce((sum, citizen) => sum + citizen.requests, 0) - before;
    const stored = new Set(await storedReferences(portal.database));
    const unique = new Set(acknowledged);
    const allStored = unique.size === acknowledged.length && acknowledged.every((ref) => stored.has(ref));
    return { rate: (acknowledged.length - 1) / seconds, count: acknowledged.length, storedCount: stored.size, requestsPerSubmission: requests / (acknowledged.length - 1), allStored };
  } finally {
    await portal.stop();
  }
}

export async function run(): Promise<BenchRow[]> {
  const results = { sqlite: await measure("sqlite"), postgres: await measure("postgres") };
  const floor = await startFloor();
  let floorPosts: number;
  try {
    const headers = { "Content-Type": "application/x-www-form-urlencoded" };
    floorPosts = (await load(`${floor.base}/form`, { seconds: 5, connections: CITIZENS, method: "POST", body: "field=a&field=b&field=c", headers })).rps;
  } finally {
    await floor.stop();
  }
  return (["sqlite", "postgres"] as const).flatMap((kind) => {
    const result = results[kind];
    const floorRate = floorPosts / result.requestsPerSubmission;
    return [
      { name: `submissions (${kind}, ${CITIZENS} citizens)`, value: result.rate, unit: "/s", floor: floorRate, floorName: `bare Remix, ${result.requestsPerSubmission.toFixed(0)} requests`, target: "acknowledged = stored", ok: result.allStored },
      { name: `submissions (${kind}): acknowledged / stored`, value: result.count, unit: "cases", floor: result.storedCount, floorName: "rows with a reference", ok: result.allStored && result.count === result.storedCount },
    ];
  });
}
