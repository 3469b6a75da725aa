// Writes a migration for each provider from the difference between the migrations folder
// and prisma/schema.prisma: SQLite against a temporary file, PostgreSQL against a throwaway
// cluster (tests/support/postgres.mjs). Usage: node scripts/new-migration.mjs <name>
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { startPostgres } from "../tests/support/postgres.mjs";

const name = process.argv[2];
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error("usage: node scripts/new-migration.mjs <name_in_snake_case>");
  process.exit(2);
}
const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);

function diff(env, folder) {
  const result = spawnSync(process.execPath, ["scripts/prisma.mjs", "migrate", "diff", "--from-migrations", folder, "--to-schema-datamodel", folder.includes("postgres") ? "prisma/postgres/schema.prisma" : "prisma/schema.prisma", "--script", "--exit-code"], {
    env: { ...process.env, ...env },
    encoding: "utf8",
  });
  if (result.status === 0) return null;
  if (result.status !== 2) {
    process.stderr.write(result.stderr);
    throw new Error(`migrate diff failed for ${folder}`);
  }
  return result.stdout;
}

function write(folder, sql) {
  if (!sql) return console.log(`${folder}: in sync, nothing written`);
  const dir = path.join(folder, `${stamp}_${name}`);
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, "migration.sql"), sql);
  console.log(`wrote ${dir}/migration.sql`);
}

const tmp = mkdtempSync(path.join(os.tmpdir(), "portal-migration-"));
try {
  write("prisma/migrations", diff({ DATABASE_URL: `file:${path.join(tmp, "shadow.db")}` }, "prisma/migrations"));
  const postgres = await startPostgres();
  try {
    write("prisma/postgres/migrations", diff({ DATABASE_URL: postgres.url }, "prisma/postgres/migrations"));
  } finally {
    postgres.stop();
  }
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
