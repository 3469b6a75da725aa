// Reads the database behind a portal directly, to check what it acknowledged was stored.
import Database from "better-sqlite3";
import pg from "pg";
import type { Database as Db } from "./servers";

/** References of every submitted application in the database. */
export async function storedReferences(database: Db): Promise<string[]> {
  const sql = `SELECT ref FROM "Application" WHERE ref IS NOT NULL`;
  if (database.kind === "sqlite") {
    const db = new Database(database.url.replace(/^file:/, ""), { readonly: true });
    try {
      return (db.prepare(sql).all() as { ref: string }[]).map((row) => row.ref);
    } finally {
      db.close();
    }
  }
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  try {
    return (await client.query(sql)).rows.map((row) => row.ref as string);
  } finally {
    await client.end();
  }
}
