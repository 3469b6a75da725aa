import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { backup, restore, verifyBackup } from "~/utils/backup.server";
import { databaseUrl, uploadsDir } from "~/utils/config.server";
import { encryptBytes, newId } from "~/utils/crypto.server";
import { db, isPostgresUrl } from "~/utils/db.server";

const work = mkdtempSync(path.join(os.tmpdir(), "portal-backup-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Every row of every table, in a stable order, as JSON. */
async function everyRow(url: string): Promise<Record<string, string[]>> {
  const out: Record<string, string[]> = {};
  if (isPostgresUrl(url)) {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      const tables = await client.query("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name");
      for (const { table_name: table } of tables.rows) {
        const rows = await client.query(`SELECT * FROM "${table}"`);
        out[table] = rows.rows.map((row) => JSON.stringify(row)).sort();
      }
    } finally {
      await client.end();
    }
    return out;
  }
  const file = new Database(url.replace(/^file:/, ""), { readonly: true });
  try {
    const tables = file.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as { name: string }[];
    for (const { name } of tables) out[name] = (file.prepare(`SELECT * FROM "${name}"`).all() as object[]).map((row) => JSON.stringify(row)).sort();
  } finally {
    file.close();
  }
  return out;
}

async function freshDatabase(): Promise<string> {
  const url = databaseUrl();
  if (!isPostgresUrl(url)) return `file:${path.join(work, "restored", "portal.db")}`;
  const name = `restore_${Date.now()}`;
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query(`CREATE DATABASE ${name}`);
  await client.end();
  const target = new URL(url);
  target.pathname = `/${name}`;
  return target.toString();
}

describe("durable SQLite", () => {
  it.skipIf(isPostgresUrl(databaseUrl()))("runs in WAL mode with synchronous=FULL on the app's connection", async () => {
    expect(await db.$queryRawUnsafe("PRAGMA journal_mode")).toEqual([{ journal_mode: "wal" }]);
    const [{ synchronous }] = (await db.$queryRawUnsafe("PRAGMA synchronous")) as { synchronous: bigint | number }[];
    expect(Number(synchronous)).toBe(2);
  });
});

describe("backup and restore", () => {
  it("round-trips every row and every upload exactly", async () => {
    mkdirSync(uploadsDir(), { recursive: true });
    for (let i = 0; i < 3; i += 1) writeFileSync(path.join(uploadsDir(), newId()), encryptBytes(Buffer.from(`scan ${i} ${"x".repeat(i * 1000)}`)));
    await db.auditLog.count(); // the app's connection is open and writing while the snapshot is taken
    const folder = path.join(work, "backup");
    const manifest = await backup(folder);
    expect(manifest.files.length).toBe(1 + readdirSync(uploadsDir()).filter((name) => !name.startsWith(".")).length);
    await verifyBackup(folder);

    const url = await freshDatabase();
    const uploads = path.join(work, "restored", "uploads");
    mkdirSync(uploads, { recursive: true });
    writeFileSync(path.join(uploads, "leftover"), "from after the backup");
    await restore(folder, { url, uploads });

    expect(await everyRow(url)).toEqual(await everyRow(databaseUrl()));
    const original = readdirSync(uploadsDir()).filter((name) => !name.startsWith(".")).sort();
    expect(readdirSync(uploads).sort()).toEqual(original);
    for (const name of original) expect(readFileSync(path.join(uploads, name)).equals(readFileSync(path.join(uploadsDir(), name)))).toBe(true);
  });

  it("refuses a backup whose files do not match the manifest, before touching anything", async () => {
    const folder = path.join(work, "backup");
    const upload = readdirSync(path.join(folder, "uploads"))[0];
    const file = path.join(folder, "uploads", upload);
    const bytes = readFileSync(file);
    bytes[bytes.length - 1] ^= 1;
    writeFileSync(file, bytes);
    const uploads = path.join(work, "untouched");
    mkdirSync(uploads);
    writeFileSync(path.join(uploads, "keep"), "x");
    await expect(restore(folder, { url: `file:${path.join(work, "untouched", "portal.db")}`, uploads })).rejects.toThrow(/checksum differs/);
    expect(readdirSync(uploads)).toEqual(["keep"]);
    bytes[bytes.length - 1] ^= 1;
    writeFileSync(file, bytes);
    writeFileSync(path.join(folder, "uploads", "added"), "x");
    await expect(verifyBackup(folder)).rejects.toThrow(/not in the manifest/);
  });
});
