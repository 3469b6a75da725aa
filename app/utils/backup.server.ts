import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readdirSync } from "node:fs";
import { copyFile, mkdir, open, readdir, readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import Database from "better-sqlite3";
import { databaseUrl, uploadsDir } from "./config.server";
import { isPostgresUrl } from "./db.server";

// Backup and restore (docs/decisions/010-backup.md). A backup folder holds
//   database.sqlite (an online snapshot by SQLite's backup API) or database.pgdump (pg_dump),
//   uploads/<storage key> (the encrypted files as they are), and
//   manifest.json with the size and SHA-256 of every file, written last.
// Restore checks the whole manifest before it touches anything. Keys are not in a backup:
// the master secrets are kept apart from it (the CryptoKey rows in it name the keys in use).

export type ManifestFile = { path: string; bytes: number; sha256: string };
export type Manifest = {
  format: 1;
  createdAt: string;
  database: "sqlite" | "postgresql";
  files: ManifestFile[];
  /** Storage keys the snapshot refers to whose files were removed before they were copied (a scan replaced meanwhile). */
  missingUploads: string[];
};

const STORAGE_KEY = /^[A-Za-z0-9_-]+$/;

async function sha256(file: string): Promise<string> {
  return createHash("sha256").update(await readFile(file)).digest("hex");
}

async function fsyncFile(file: string) {
  const handle = await open(file, "r");
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

function sqlitePath(url: string): string {
  return path.resolve(url.replace(/^file:/, ""));
}

/** pg_dump and pg_restore from PATH, else Debian's newest /usr/lib/postgresql/<version>/bin. */
function pgTool(name: "pg_dump" | "pg_restore"): string {
  const root = "/usr/lib/postgresql";
  if (existsSync(root)) {
    const version = readdirSync(root).sort((a, b) => Number(b) - Number(a))[0];
    const candidate = version ? path.join(root, version, "bin", name) : "";
    if (candidate && existsSync(candidate)) return candidate;
  }
  return name;
}

function run(command: string, args: string[]) {
  const result = spawnSync(command, args, { stdio: ["ignore", "inherit", "pipe"], encoding: "utf8" });
  if (result.error) throw new Error(`${path.basename(command)}: ${result.error.message}`);
  if (result.status !== 0) throw new Error(`${path.basename(command)} failed: ${result.stderr.trim()}`);
}

/** Writes a consistent snapshot of the database, then the uploads, then the manifest. */
export async function backup(target: string, options: { url?: string; uploads?: string } = {}): Promise<Manifest> {
  const url = options.url ?? databaseUrl();
  const uploads = options.uploads ?? uploadsDir();
  if (existsSync(target) && (await readdir(target)).length > 0) throw new Error(`${target} is not empty`);
  await mkdir(path.join(target, "uploads"), { recursive: true });

  const postgres = isPostgresUrl(url);
  const databaseFile = postgres ? "database.pgdump" : "database.sqlite";
  if (postgres) {
    run(pgTool("pg_dump"), ["--format=custom", "--no-owner", "--no-privileges", `--file=${path.join(target, databaseFile)}`, url]);
  } else {
    // The online backup API copies a consistent state while the portal keeps writing.
    const source = new Database(sqlitePath(url), { readonly: true, fileMustExist: true });
    try {
      await source.backup(path.join(target, databaseFile));
    } finally {
      source.close();
    }
  }

  // Uploads after the database: every file the snapshot names existed when it was taken.
  const names = existsSync(uploads) ? (await readdir(uploads)).filter((name) => STORAGE_KEY.test(name)) : [];
  const copied = new Set<string>();
  for (const name of names) {
    try {
      await copyFile(path.join(uploads, name), path.join(target, "uploads", name));
      copied.add(name);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
    }
  }

  const referenced = postgres ? [] : storageKeysIn(path.join(target, databaseFile));
  const files: ManifestFile[] = [];
  for (const relative of [databaseFile, ...[...copied].sort().map((name) => `uploads/${name}`)]) {
    const file = path.join(target, relative);
    await fsyncFile(file);
    files.push({ path: relative, bytes: (await stat(file)).size, sha256: await sha256(file) });
  }
  const manifest: Manifest = {
    format: 1,
    createdAt: new Date().toISOString(),
    database: postgres ? "postgresql" : "sqlite",
    files,
    missingUploads: referenced.filter((key) => !copied.has(key)),
  };
  await writeFile(path.join(target, "manifest.json"), `${JSON.stringify(manifest, null, 2)}\n`);
  await fsyncFile(path.join(target, "manifest.json"));
  return manifest;
}

function storageKeysIn(sqliteFile: string): string[] {
  const snapshot = new Database(sqliteFile, { readonly: true });
  try {
    return (snapshot.prepare('SELECT "storageKey" FROM "Material"').all() as { storageKey: string }[]).map((row) => row.storageKey);
  } finally {
    snapshot.close();
  }
}

/** Checks every file of a backup against its manifest: none missing, none added, none changed. */
export async function verifyBackup(source: string): Promise<Manifest> {
  const manifestFile = path.join(source, "manifest.json");
  if (!existsSync(manifestFile)) throw new Error(`${source}: no manifest.json`);
  const manifest = JSON.parse(await readFile(manifestFile, "utf8")) as Manifest;
  if (manifest.format !== 1) throw new Error(`${source}: unknown backup format`);
  const problems: string[] = [];
  const listed = new Set(manifest.files.map((file) => file.path));
  for (const file of manifest.files) {
    if (file.path.includes("..") || path.isAbsolute(file.path)) problems.push(`${file.path}: not inside the backup`);
    else if (!existsSync(path.join(source, file.path))) problems.push(`${file.path}: missing`);
    else if ((await sha256(path.join(source, file.path))) !== file.sha256) problems.push(`${file.path}: checksum differs`);
  }
  const present = existsSync(path.join(source, "uploads")) ? (await readdir(path.join(source, "uploads"))).map((name) => `uploads/${name}`) : [];
  for (const extra of present.filter((file) => !listed.has(file))) problems.push(`${extra}: not in the manifest`);
  if (problems.length) throw new Error(`Backup ${source} does not match its manifest:\n  ${problems.join("\n  ")}`);
  return manifest;
}

/**
 * Restores a backup over the database and uploads (the portal must be stopped). The manifest
 * is checked first; each file is written beside its place and renamed over it.
 */
export async function restore(source: string, options: { url?: string; uploads?: string } = {}): Promise<Manifest> {
  const manifest = await verifyBackup(source);
  const url = options.url ?? databaseUrl();
  const uploads = options.uploads ?? uploadsDir();
  if ((manifest.database === "postgresql") !== isPostgresUrl(url)) throw new Error(`This backup is of a ${manifest.database} database; DATABASE_URL is not`);

  if (manifest.database === "postgresql") {
    run(pgTool("pg_restore"), ["--clean", "--if-exists", "--no-owner", "--no-privileges", "--single-transaction", `--dbname=${url}`, path.join(source, "database.pgdump")]);
  } else {
    const target = sqlitePath(url);
    await mkdir(path.dirname(target), { recursive: true });
    const temporary = `${target}.restoring`;
    await copyFile(path.join(source, "database.sqlite"), temporary);
    await fsyncFile(temporary);
    // The old write-ahead log belongs to the old file: it must not be replayed onto the restored one.
    await rm(`${target}-wal`, { force: true });
    await rm(`${target}-shm`, { force: true });
    await rename(temporary, target);
  }

  await mkdir(uploads, { recursive: true });
  const restored = new Set<string>();
  for (const file of manifest.files.filter((entry) => entry.path.startsWith("uploads/"))) {
    const name = path.basename(file.path);
    const temporary = path.join(uploads, `.${name}.restoring`);
    await copyFile(path.join(source, file.path), temporary);
    await fsyncFile(temporary);
    await rename(temporary, path.join(uploads, name));
    restored.add(name);
  }
  // Files written after the backup belong to rows the restored database does not have.
  for (const name of (await readdir(uploads)).filter((name) => STORAGE_KEY.test(name) && !restored.has(name))) await rm(path.join(uploads, name));
  return manifest;
}
