import autocannon from "autocannon";

export type Load = { rps: number; p50: number; p99: number; errors: number; non2xx: number };

/** Requests per second and latency (ms) for `url` under `connections` concurrent connections. */
export async function load(url: string, { seconds = 8, connections = 8, headers = {} as Record<string, string>, method = "GET" as "GET" | "POST", body = undefined as string | undefined } = {}): Promise<Load> {
  const result = await autocannon({ url, connections, duration: seconds, method, body, headers: { "Accept-Encoding": "gzip", ...headers } });
  return { rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, errors: result.errors + result.timeouts, non2xx: result.non2xx };
}

/** A short run first, so that both servers are warm (JIT, caches, connections) before measuring. */
export async function warm(url: string, headers: Record<string, string> = {}) {
  await load(url, { seconds: 2, connections: 4, headers });
}
