// Runs the Prisma CLI with the offline JS engine: engineType "client" needs no native
// engine, and the stub paths stop the CLI from trying to download one.
import { spawnSync } from "node:child_process";
import { mkdirSync, writeFileSync, existsSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

const stub = path.resolve("node_modules/.cache/prisma-engine-stub");
if (!existsSync(stub)) {
  mkdirSync(path.dirname(stub), { recursive: true });
  writeFileSync(stub, "");
}
const cli = createRequire(import.meta.url).resolve("prisma/build/index.js");
const result = spawnSync(process.execPath, [cli, ...process.argv.slice(2)], {
  stdio: "inherit",
  env: {
    ...process.env,
    PRISMA_HIDE_UPDATE_MESSAGE: "1",
    CHECKPOINT_DISABLE: "1",
    PRISMA_QUERY_ENGINE_LIBRARY: process.env.PRISMA_QUERY_ENGINE_LIBRARY ?? stub,
    PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? stub,
  },
});
process.exit(result.status ?? 1);
