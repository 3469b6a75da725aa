// A portal server a spec starts for itself (server.mjs on a free port, a fresh data folder),
// for what the shared demo server cannot show: its memory, another deployment mode.
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { expect } from "@playwright/test";

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
    probe.on("error", reject);
  });
}

export type OwnServer = { base: string; dataDir: string; process: ChildProcess; stderr: () => string; stop: () => void };

/** Starts server.mjs (migrate, seed, serve) with `env` over the inherited environment; resolves once /healthz answers. */
export async function startOwnServer(env: Record<string, string | undefined>): Promise<OwnServer> {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "portal-own-server-"));
  const merged: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), DATA_DIR: dataDir, DATABASE_URL: `file:${path.join(dataDir, "portal.db")}`, ...env };
  for (const [name, value] of Object.entries(env)) if (value === undefined) delete merged[name];
  const child = spawn(process.execPath, ["server.mjs"], { env: merged, stdio: ["ignore", "ignore", "pipe"] });
  let stderr = "";
  child.stderr!.on("data", (chunk: Buffer) => {
    stderr += chunk.toString();
    process.stderr.write(chunk);
  });
  await expect.poll(async () => (await fetch(`${base}/healthz`).catch(() => null))?.status, { timeout: 120_000, intervals: [500] }).toBe(200);
  return {
    base,
    dataDir,
    process: child,
    stderr: () => stderr,
    stop() {
      child.kill("SIGTERM");
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
