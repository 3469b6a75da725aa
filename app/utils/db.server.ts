import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "~/generated/prisma/client";
import { PrismaClient as PostgresClient } from "~/generated/prisma-pg/client";
import { databaseUrl } from "./config.server";

export type { Prisma } from "~/generated/prisma/client";

declare global {
  // One client per process, also across Vite's dev-server module reloads.
  var __portalDb: PrismaClient | undefined;
}

export function isPostgresUrl(url: string): boolean {
  return /^postgres(ql)?:\/\//.test(url);
}

/**
 * SQLite (file:) by default, PostgreSQL for several instances. Both clients come from one
 * schema (docs/decisions/003-database.md), so the app is typed against the SQLite one.
 */
function createClient(): PrismaClient {
  const url = databaseUrl();
  if (isPostgresUrl(url)) {
    const pool = Number(process.env.DATABASE_POOL_SIZE ?? 10);
    return new PostgresClient({ adapter: new PrismaPg({ connectionString: url, max: pool }) }) as unknown as PrismaClient;
  }
  if (!url.startsWith("file:")) throw new Error("DATABASE_URL must start with file: (SQLite) or postgresql:// (PostgreSQL)");
  return new PrismaClient({ adapter: durableSqlite(url) });
}

/**
 * SQLite in WAL mode with a full fsync at every commit, so a power cut loses no committed
 * write (docs/decisions/010-backup.md). synchronous is per connection: set on the adapter's
 * own connection as it opens.
 */
export function durableSqlite(url: string): PrismaBetterSQLite3 {
  const factory = new PrismaBetterSQLite3({ url });
  const connect = factory.connect.bind(factory);
  factory.connect = async () => {
    const adapter = await connect();
    await adapter.executeScript("PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL;");
    return adapter;
  };
  return factory;
}

export const db: PrismaClient = (globalThis.__portalDb ??= createClient());

export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];

/** Whether the database answers a trivial query (for /healthz). */
export async function databaseReachable(): Promise<boolean> {
  try {
    await db.$queryRaw`SELECT 1`;
    return true;
  } catch {
    return false;
  }
}
