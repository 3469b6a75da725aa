import { existsSync } from "node:fs";
import { readdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { uploadsDir } from "./config.server";
import { decryptBytes, decryptText, encryptBytes, encryptText, sealedKeyId, type EncryptionContext } from "./crypto.server";
import { db } from "./db.server";
import { addKey, keyringRefreshMs, loadKeyring } from "./keys.server";

// The one list of encrypted columns (docs/decisions/007-keys.md). `npm run keys:rotate`
// re-seals exactly these, and every call site computes its context the same way:
// { table: <model>, column: <field>, id: <the row's id> }; a file's is
// { table: "Material", column: "file", id: <storage key> }. A new encrypted column is
// added here, or rotation will leave it under the old key (tests/integration/keys.test.ts
// checks that no column in the schema ending in "Enc" is missing).

export type SealedColumn = {
  table: string;
  column: string;
  /** Whether the call sites seal this column with its context; rotation binds only these, so readers without a context keep working. */
  bound: boolean;
  /** A plain column from before the value was encrypted: rotation seals its value into `column` and empties it. */
  fromPlain?: string;
  /** The row's key column when it is not `id` (its value is the context's id). */
  key?: string;
};

export const SEALED_COLUMNS: SealedColumn[] = [
  { table: "User", column: "phoneEnc", bound: false },
  { table: "SmsOutbox", column: "phoneEnc", bound: false },
  { table: "SmsChallenge", column: "payload", bound: false },
  { table: "SmsChallenge", column: "phoneEnc", bound: false },
  { table: "TotpSecret", column: "secretEnc", bound: false, key: "userId" },
  { table: "Application", column: "answersEnc", bound: true },
  { table: "Application", column: "comparisonEnc", bound: true },
  { table: "Application", column: "correctionEnc", bound: true },
  { table: "ApplicationEvent", column: "detailEnc", bound: true },
  { table: "PopulationRecord", column: "idEnc", bound: true },
  { table: "PopulationRecord", column: "nameEnc", bound: true, fromPlain: "name" },
  { table: "PopulationRecord", column: "marriageCertNoEnc", bound: true, fromPlain: "marriageCertNo" },
  { table: "Person", column: "idEnc", bound: true },
  { table: "Person", column: "nameEnc", bound: true },
  { table: "Person", column: "phoneEnc", bound: true },
  { table: "Person", column: "hukouEnc", bound: true },
  { table: "Objection", column: "bodyEnc", bound: true },
  { table: "Award", column: "bankEnc", bound: true },
  { table: "PaymentRollLine", column: "bankEnc", bound: true },
];

/** Uploads are sealed with their storage key as context (app/engine/materials.server.ts). */
export const UPLOADS_BOUND = true;

export function columnContext(table: string, column: string, id: string): EncryptionContext {
  return { table, column, id };
}

export function fileContext(storageKey: string): EncryptionContext {
  return { table: "Material", column: "file", id: storageKey };
}

type Row = Record<string, string | null>;
type Delegate = {
  findMany(args: { where: object; orderBy: object; take: number; select: Record<string, true> }): Promise<Row[]>;
  updateMany(args: { where: object; data: object }): Promise<{ count: number }>;
};

function delegate(table: string): Delegate {
  return (db as unknown as Record<string, Delegate>)[table[0].toLowerCase() + table.slice(1)];
}

async function* rowsOf(entry: SealedColumn): AsyncGenerator<Row> {
  let cursor = "";
  const key = entry.key ?? "id";
  const select: Record<string, true> = { [key]: true, [entry.column]: true, ...(entry.fromPlain ? { [entry.fromPlain]: true } : {}) };
  for (;;) {
    const batch = (await delegate(entry.table).findMany({ where: { [key]: { gt: cursor } }, orderBy: { [key]: "asc" }, take: 500, select })).map((row) => ({ ...row, id: row[key] }));
    if (batch.length === 0) return;
    yield* batch;
    cursor = batch[batch.length - 1].id!;
  }
}

const FILE_NAME = /^[A-Za-z0-9_-]+$/;

async function uploadFiles(): Promise<string[]> {
  const dir = uploadsDir();
  if (!existsSync(dir)) return [];
  return (await readdir(dir)).filter((name) => FILE_NAME.test(name));
}

/** How many stored values and files each data key seals (and "plain" for values not yet encrypted). */
export async function sealedKeyUsage(): Promise<Record<string, number>> {
  const usage: Record<string, number> = {};
  const count = (kid: string) => (usage[kid] = (usage[kid] ?? 0) + 1);
  for (const entry of SEALED_COLUMNS) {
    for await (const row of rowsOf(entry)) {
      if (row[entry.column]) count(sealedKeyId(row[entry.column]!).kid);
      if (entry.fromPlain && row[entry.fromPlain]) count("plain");
    }
  }
  for (const name of await uploadFiles()) count(sealedKeyId(await readFile(path.join(uploadsDir(), name))).kid);
  return usage;
}

/** Re-seals every value and file not yet under `kid` (or not bound as the registry says); returns how many it changed. */
export async function resealAll(kid: string): Promise<{ values: number; files: number }> {
  let values = 0;
  for (const entry of SEALED_COLUMNS) {
    for await (const row of rowsOf(entry)) {
      const context = columnContext(entry.table, entry.column, row.id!);
      const sealed = row[entry.column];
      const plainLeft = entry.fromPlain ? row[entry.fromPlain] : null;
      let plain: string;
      if (sealed) {
        const current = sealedKeyId(sealed);
        if (current.kid === kid && current.bound === entry.bound && !plainLeft) continue;
        plain = decryptText(sealed, current.bound ? context : undefined);
      } else if (plainLeft) {
        plain = plainLeft;
      } else continue;
      // Only if the row still holds what was read: a concurrent write wins and is sealed by the next pass.
      const { count } = await delegate(entry.table).updateMany({
        where: { [entry.key ?? "id"]: row.id, [entry.column]: sealed, ...(entry.fromPlain ? { [entry.fromPlain]: plainLeft } : {}) },
        data: { [entry.column]: encryptText(plain, entry.bound ? context : undefined), ...(entry.fromPlain ? { [entry.fromPlain]: null } : {}) },
      });
      values += count;
    }
  }
  let files = 0;
  for (const name of await uploadFiles()) {
    const file = path.join(uploadsDir(), name);
    const sealed = await readFile(file);
    const current = sealedKeyId(sealed);
    if (current.kid === kid && current.bound === UPLOADS_BOUND) continue;
    const plain = decryptBytes(sealed, current.bound ? fileContext(name) : undefined);
    const temporary = path.join(uploadsDir(), `.${name}.rotating`);
    await writeFile(temporary, encryptBytes(plain, UPLOADS_BOUND ? fileContext(name) : undefined), { mode: 0o600 });
    // A scan replaced meanwhile (its file removed) must not come back.
    if (existsSync(file)) {
      await rename(temporary, file);
      files += 1;
    } else await rm(temporary, { force: true });
  }
  return { values, files };
}

export type RotationReport = { kid: string; retired: string[]; values: number; files: number; passes: number };

/**
 * `npm run keys:rotate`: a new data key becomes active (the others decrypt only), then,
 * once every instance has picked it up (waitMs, twice the keyring refresh by default),
 * every value and file is re-sealed under it, until a pass finds nothing left; then the
 * other data keys are retired.
 */
export async function rotateDataKey(options: { waitMs?: number; log?: (line: string) => void } = {}): Promise<RotationReport> {
  const log = options.log ?? (() => {});
  const kid = await addKey("data");
  log(`new data key ${kid} is active`);
  const waitMs = options.waitMs ?? 2 * keyringRefreshMs();
  if (waitMs > 0) {
    log(`waiting ${Math.round(waitMs / 1000)} s for every instance to pick it up`);
    await new Promise((resolve) => setTimeout(resolve, waitMs));
  }
  let values = 0;
  let files = 0;
  let passes = 0;
  for (;;) {
    passes += 1;
    const changed = await resealAll(kid);
    values += changed.values;
    files += changed.files;
    log(`pass ${passes}: re-sealed ${changed.values} values and ${changed.files} files`);
    if (changed.values + changed.files === 0) break;
    if (passes >= 5) throw new Error("Values keep arriving under old keys: is an instance running with another keyring refresh setting?");
  }
  const old = await db.cryptoKey.findMany({ where: { purpose: "data", id: { not: kid }, status: { not: "retired" } }, select: { id: true } });
  await db.cryptoKey.updateMany({ where: { id: { in: old.map((key) => key.id) } }, data: { status: "retired", retiredAt: new Date() } });
  await loadKeyring();
  log(old.length ? `retired ${old.map((key) => key.id).join(", ")}` : "no other data key to retire");
  return { kid, retired: old.map((key) => key.id), values, files, passes };
}
