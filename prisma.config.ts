import { mkdirSync } from "node:fs";
import path from "node:path";
import type { PrismaConfig } from "prisma";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";

const url = process.env.DATABASE_URL ?? `file:${path.join(process.env.DATA_DIR ?? "data", "portal.db")}`;
process.env.DATABASE_URL = url;
// SQLite creates the file but not its folder.
if (url.startsWith("file:")) mkdirSync(path.dirname(url.slice("file:".length)), { recursive: true });

// better-sqlite3 runs one statement per executeRaw; migrate replays whole migration
// files on the shadow database, so those go through executeScript instead.
function withScriptShadow(factory: PrismaBetterSQLite3) {
  const connectToShadowDb = factory.connectToShadowDb?.bind(factory);
  if (connectToShadowDb) {
    factory.connectToShadowDb = async () => {
      const shadow = await connectToShadowDb();
      const executeRaw = shadow.executeRaw.bind(shadow);
      shadow.executeRaw = async (query) =>
        query.args.length === 0 ? (await shadow.executeScript(query.sql), 0) : executeRaw(query);
      return shadow;
    };
  }
  return factory;
}

export default {
  experimental: { adapter: true },
  engine: "js",
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  async adapter() {
    return withScriptShadow(new PrismaBetterSQLite3({ url }));
  },
} satisfies PrismaConfig;
