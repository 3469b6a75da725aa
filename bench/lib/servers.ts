// Starts what a benchmark measures, on this machine's loopback only: the portal as
// `npm start` serves it (NODE_ENV=production, built), the bare Remix floor, PostgreSQL
// clusters and a stand-in for the government SMS gateway.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { createServer, type Server } from "node:http";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { startPostgres } from "../../tests/support/postgres.mjs";

export const ROOT = path.resolve(new URL("../..", import.meta.url).pathname);

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
    server.on("error", reject);
  });
}

async function healthy(base: string, child: ChildProcess) {
  for (let attempt = 0; attempt < 240; attempt += 1) {
    if (child.exitCode !== null) throw new Error(`${base} exited with ${child.exitCode}`);
    try {
      if ((await fetch(`${base}/healthz`)).status < 500) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${base} did not answer`);
}

function stopper(child: ChildProcess) {
  return () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once("exit", () => resolve());
      child.kill("SIGTERM");
      setTimeout(() => child.kill("SIGKILL"), 10_000).unref();
    });
}

/** The government SMS gateway's stand-in: accepts every message and keeps the codes by phone. */
export type SmsGateway = { url: string; codeFor: (phone: string) => string | undefined; stop: () => Promise<void> };

export async function startSmsGateway(): Promise<SmsGateway> {
  const codes = new Map<string, string>();
  const server: Server = createServer((request, response) => {
    let body = "";
    request.on("data", (chunk) => (body += chunk));
    request.on("end", () => {
      try {
        const message = JSON.parse(body) as { phone: string; body: string };
        const code = /(?<!\d)(\d{6})(?!\d)/.exec(message.body)?.[1];
        if (code) codes.set(message.phone, code);
      } catch {
        // not a message: still answered, as a gateway would
      }
      response.writeHead(200, { "Content-Type": "application/json" }).end('{"ok":true}');
    });
  });
  const port = await freePort();
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  return { url: `http://127.0.0.1:${port}/send`, codeFor: (phone) => codes.get(phone), stop: () => new Promise((resolve) => server.close(() => resolve())) };
}

export type Database = { kind: "sqlite" | "postgres"; url: string; stop: () => void };

/** An empty database: a SQLite file in `dir`, or a throwaway PostgreSQL cluster. */
export async function createDatabase(kind: Database["kind"], dir: string): Promise<Database> {
  if (kind === "sqlite") return { kind, url: `file:${path.join(dir, "portal.db")}`, stop: () => {} };
  const postgres = await startPostgres();
  return { kind, url: postgres.url, stop: () => postgres.stop() };
}

export type Portal = { base: string; dataDir: string; database: Database; sms: SmsGateway; env: NodeJS.ProcessEnv; stop: () => Promise<void> };

/**
 * Migrates and seeds (demo accounts included) a new database, then serves the built portal
 * with NODE_ENV=production, secrets from the environment and the SMS gateway stand-in.
 * `BENCH_PROFILE=<dir>` writes a CPU profile of the server there (node --cpu-prof).
 */
export async function startPortal(kind: Database["kind"] = "sqlite", options: { database?: Database; seed?: boolean } = {}): Promise<Portal> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "portal-bench-"));
  const database = options.database ?? (await createDatabase(kind, dataDir));
  const sms = await startSmsGateway();
  const port = await freePort();
  const secrets = Object.fromEntries(["SESSION_SECRET", "DATA_ENCRYPTION_KEY", "LOOKUP_HASH_KEY"].map((name) => [name, randomBytes(32).toString("base64")]));
  const base = { ...process.env, ...secrets, DATA_DIR: dataDir, DATABASE_URL: database.url, PORTAL_MODE: "demo" };
  if (options.seed !== false) {
    for (const args of [["scripts/prisma.mjs", "migrate", "deploy"], ["--import", "tsx", "prisma/seed.ts"]]) {
      // The seed puts in the demo accounts outside production (PORTAL_MODE=demo once the modes are split).
      const result = spawnSync(process.execPath, args, { cwd: ROOT, env: { ...base, NODE_ENV: "development" }, stdio: ["ignore", "ignore", "pipe"] });
      if (result.status !== 0) throw new Error(`${args.join(" ")} failed: ${result.stderr}`);
    }
  }
  const env: NodeJS.ProcessEnv = { ...base, NODE_ENV: "production", PORT: String(port), SKIP_DB_SETUP: "1", SMS_ADAPTER: "gateway", SMS_GATEWAY_URL: sms.url, SMS_GATEWAY_TOKEN: "bench", INSECURE_COOKIES: "1" };
  const profile = process.env.BENCH_PROFILE ? ["--cpu-prof", `--cpu-prof-dir=${path.resolve(process.env.BENCH_PROFILE)}`] : [];
  if (profile.length) mkdirSync(path.resolve(process.env.BENCH_PROFILE!), { recursive: true });
  const child = spawn(process.execPath, [...profile, "server.mjs"], { cwd: ROOT, env, stdio: ["ignore", "ignore", "inherit"] });
  child.on("exit", (code, signal) => { if (code !== 0 && signal !== "SIGTERM") console.error(`portal exited: ${code ?? signal}`); });
  const url = `http://localhost:${port}`;
  await healthy(url, child);
  const stopServer = stopper(child);
  return {
    base: url,
    dataDir,
    database,
    sms,
    env,
    async stop() {
      await stopServer();
      await sms.stop();
      if (!options.database) database.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export type Floor = { base: string; stop: () => Promise<void> };

/** The bare Remix app (bench/floor), built by `npm run bench:floor`. */
export async function startFloor(): Promise<Floor> {
  const port = await freePort();
  const child = spawn(process.execPath, ["bench/floor/server.mjs"], { cwd: ROOT, env: { ...process.env, NODE_ENV: "production", PORT: String(port) }, stdio: ["ignore", "ignore", "inherit"] });
  const base = `http://localhost:${port}`;
  for (let attempt = 0; attempt < 120; attempt += 1) {
    if (child.exitCode !== null) throw new Error("the floor server exited");
    try {
      await fetch(base);
      break;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
  return { base, stop: stopper(child) };
}
