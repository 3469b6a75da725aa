// Vitest globalSetup: one fresh, migrated and seeded SQLite database per test run, in a
// temp dir that is removed afterwards. The env vars set here are inherited by the forked
// test workers (pool "forks"), and also handed over with provide() for setup-env.ts.
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { TestProject } from "vitest/node";
import { startPostgres } from "../support/postgres.mjs";

const root = fileURLToPath(new URL("../..", import.meta.url));

export type TestEnv = { DATA_DIR: string; DATABASE_URL: string; NODE_ENV: "test"; PORTAL_MODE: "demo" };

declare module "vitest" {
  export interface ProvidedContext {
    testEnv: TestEnv;
  }
}

function run(args: string[], env: NodeJS.ProcessEnv) {
  try {
    execFileSync(process.execPath, args, { cwd: root, env, stdio: "pipe" });
  } catch (error) {
    // Quiet when it works; the whole output when it does not.
    const { stdout, stderr } = error as { stdout?: Buffer; stderr?: Buffer };
    if (stdout?.length) process.stdout.write(stdout);
    if (stderr?.length) process.stderr.write(stderr);
    throw new Error(`global-setup: \`node ${args.join(" ")}\` failed`);
  }
}

export default async function setup(project: TestProject) {
  const dir = mkdtempSync(path.join(os.tmpdir(), "portal-test-"));
  // TEST_DB=postgres runs the same tests on a throwaway PostgreSQL cluster.
  const postgres = process.env.TEST_DB === "postgres" ? await startPostgres() : null;
  const testEnv: TestEnv = { DATA_DIR: dir, DATABASE_URL: postgres?.url ?? `file:${path.join(dir, "portal.db")}`, NODE_ENV: "test", PORTAL_MODE: "demo" };
  Object.assign(process.env, testEnv);
  project.provide("testEnv", testEnv);
  try {
    const env = { ...process.env, ...testEnv };
    run(["scripts/prisma.mjs", "migrate", "deploy"], env);
    run(["--import", "tsx", "prisma/seed.ts"], env);
  } catch (error) {
    postgres?.stop();
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  return async () => {
    postgres?.stop();
    rmSync(dir, { recursive: true, force: true });
  };
}
