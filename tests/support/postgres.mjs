// A throwaway PostgreSQL cluster for tests: Debian's postgresql binaries, a data folder
// under the system temp dir, listening on 127.0.0.1 only, removed on stop. Tests run as
// root, which initdb refuses, so the server runs as the `postgres` system user.
import { execFileSync } from "node:child_process";
import { chmodSync, existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";

function binDir() {
  const root = "/usr/lib/postgresql";
  const version = existsSync(root) ? readdirSync(root).sort((a, b) => Number(b) - Number(a))[0] : undefined;
  if (!version) throw new Error("PostgreSQL is not installed (apt-get install postgresql); scripts/ensure-test-tools.mjs installs it");
  return path.join(root, version, "bin");
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
    server.on("error", reject);
  });
}

function asPostgres(command, args) {
  const runAs = process.getuid?.() === 0 ? ["runuser", ["-u", "postgres", "--", command, ...args]] : [command, args];
  return execFileSync(runAs[0], runAs[1], { stdio: "pipe" });
}

/** Starts a cluster with a database `portal` owned by role `portal` (allowed to create the shadow database). */
export async function startPostgres() {
  const bin = binDir();
  const dir = mkdtempSync(path.join(os.tmpdir(), "portal-pg-"));
  chmodSync(dir, 0o777);
  const data = path.join(dir, "data");
  const port = await freePort();
  const password = "portal-test";
  asPostgres(path.join(bin, "initdb"), ["-D", data, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8"]);
  asPostgres(path.join(bin, "pg_ctl"), ["-D", data, "-l", path.join(dir, "server.log"), "-w", "-o", `-p ${port} -k ${dir} -h 127.0.0.1 -c fsync=off`, "start"]);
  const psql = (sql) => asPostgres(path.join(bin, "psql"), ["-h", dir, "-p", String(port), "-U", "postgres", "-v", "ON_ERROR_STOP=1", "-c", sql]);
  psql(`CREATE ROLE portal LOGIN CREATEDB PASSWORD '${password}'`);
  psql("CREATE DATABASE portal OWNER portal");
  return {
    url: `postgresql://portal:${password}@127.0.0.1:${port}/portal`,
    stop() {
      try {
        asPostgres(path.join(bin, "pg_ctl"), ["-D", data, "-m", "immediate", "stop"]);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
