// Runs the Prisma CLI offline, for SQLite or PostgreSQL.
// - engineType "client" needs no native engine; the stub paths stop the CLI from trying
//   to download one.
// - prisma/schema.prisma (SQLite) is the one schema people edit; the PostgreSQL copy in
//   prisma/postgres/ is written from it on every run (docs/decisions/003-database.md).
// - The provider follows DATABASE_URL (postgres:// or postgresql:// → PostgreSQL);
//   `generate` generates both clients, since one build serves either database.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

const stub = path.resolve("node_modules/.cache/prisma-engine-stub");
if (!existsSync(stub)) {
  mkdirSync(path.dirname(stub), { recursive: true });
  writeFileSync(stub, "");
}

export function writePostgresSchema() {
  const sqlite = readFileSync("prisma/schema.prisma", "utf8");
  const postgres = sqlite
    .replace('provider = "sqlite"', 'provider = "postgresql"')
    .replace('output          = "../app/generated/prisma"', 'output          = "../../app/generated/prisma-pg"');
  if (postgres === sqlite || !postgres.includes("prisma-pg")) throw new Error("prisma/schema.prisma: provider or output line not found");
  const header = "// Generated from prisma/schema.prisma by scripts/prisma.mjs: edit that file, not this one.\n";
  mkdirSync("prisma/postgres", { recursive: true });
  const target = "prisma/postgres/schema.prisma";
  if (!existsSync(target) || readFileSync(target, "utf8") !== header + postgres) writeFileSync(target, header + postgres);
}

const cli = createRequire(import.meta.url).resolve("prisma/build/index.js");

function prisma(args) {
  const result = spawnSync(process.execPath, [cli, ...args], {
    stdio: "inherit",
    env: {
      ...process.env,
      PRISMA_HIDE_UPDATE_MESSAGE: "1",
      CHECKPOINT_DISABLE: "1",
      PRISMA_QUERY_ENGINE_LIBRARY: process.env.PRISMA_QUERY_ENGINE_LIBRARY ?? stub,
      PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? stub,
    },
  });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  writePostgresSchema();
  const args = process.argv.slice(2);
  const postgresConfig = ["--config", "prisma.postgres.config.ts"];
  if (args[0] === "generate") {
    prisma(args);
    prisma([...args, ...postgresConfig]);
  } else if (/^postgres(ql)?:/.test(process.env.DATABASE_URL ?? "") && !args.includes("--config")) {
    prisma([...args, ...postgresConfig]);
  } else {
    prisma(args);
  }
}
