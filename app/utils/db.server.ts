import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "~/generated/prisma/client";
import { databaseUrl } from "./config.server";

export type { Prisma } from "~/generated/prisma/client";

declare global {
  // One client per process, also across Vite's dev-server module reloads.
  var __portalDb: PrismaClient | undefined;
}

function createClient() {
  const url = databaseUrl();
  if (!url.startsWith("file:")) {
    throw new Error("Only SQLite (file:) URLs are wired up in this build; see docs/decisions/003-database.md");
  }
  return new PrismaClient({ adapter: new PrismaBetterSQLite3({ url }) });
}

export const db: PrismaClient = (globalThis.__portalDb ??= createClient());

export type Db = PrismaClient;
export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];
