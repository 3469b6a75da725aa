import type { PrismaConfig } from "prisma";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";

// The Prisma CLI on PostgreSQL through the JS driver adapter (no native engine).
// Two fixes, both verified on Prisma 6.19.3 (see docs/decisions/003-database.md):
// 1. The migration engine's catalog queries return columns of type `name` (oid 19) and
//    `"char"` (oid 18), which the adapter cannot map: they are relabelled as text.
// 2. The shadow database is made by copying the pool config with another `database`;
//    a connectionString would override it, so the config is given field by field.
const url = new URL(process.env.DATABASE_URL ?? "postgresql://localhost/portal");

const TEXT = 25;
function relabel<T>(result: T): T {
  for (const field of (result as { fields?: { dataTypeID: number }[] } | undefined)?.fields ?? []) {
    if (field.dataTypeID === 18 || field.dataTypeID === 19) field.dataTypeID = TEXT;
  }
  return result;
}

class CatalogFriendlyClient extends pg.Client {
  // @ts-expect-error: one override for pg's promise and callback forms
  query(config: unknown, values?: unknown, callback?: (error: Error | null, result: unknown) => void) {
    if (typeof values === "function") return super.query(config as string, (error: Error | null, result: unknown) => (values as typeof callback)!(error, relabel(result)));
    if (typeof callback === "function") return super.query(config as string, values as unknown[], (error: Error | null, result: unknown) => callback(error, relabel(result)));
    const pending = super.query(config as string, values as unknown[]) as unknown;
    return pending instanceof Promise ? pending.then(relabel) : pending;
  }
}

export default {
  experimental: { adapter: true },
  engine: "js",
  schema: "prisma/postgres/schema.prisma",
  migrations: { path: "prisma/postgres/migrations" },
  async adapter() {
    return new PrismaPg({
      host: url.hostname,
      port: Number(url.port || 5432),
      user: decodeURIComponent(url.username),
      password: decodeURIComponent(url.password),
      database: url.pathname.slice(1),
      idleTimeoutMillis: 1000,
      Client: CatalogFriendlyClient,
    } as pg.PoolConfig);
  },
} satisfies PrismaConfig;
