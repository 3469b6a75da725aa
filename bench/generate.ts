// Fills a portal database with `count` submitted applications, fast: batched inserts, and
// a few dozen ciphertexts made once with the portal's own key and reused, so the staff
// pages decrypt real rows. Written against today's Application table: when the model
// changes, this file is the one to update (the query side goes through the queue page).
import { createCipheriv, randomBytes } from "node:crypto";
import Database from "better-sqlite3";
import pg from "pg";
import { matchingAnswers } from "../app/services/birth-registration/examples";
import type { Portal } from "./lib/servers";

const NAMES = ["张丽华", "王芳", "李娜", "刘洋", "陈静", "杨敏", "赵婷", "黄丽", "周艳", "吴霞", "徐慧", "孙倩", "胡玲", "朱红", "高洁", "林琳"];
const VARIANTS = 48;
const DAY = 86_400_000;
/** Share of each status in a long-running county's history (open cases are the recent ones). */
const STATUSES: [string, number][] = [["approved", 0.88], ["rejected", 0.03], ["withdrawn", 0.03], ["in_review", 0.045], ["returned", 0.015]];

const iso = (ms: number) => new Date(ms).toISOString().replace("Z", "+00:00");

/**
 * The portal's ciphertext format (app/utils/crypto.server.ts: "v1:" + base64url of IV, tag
 * and AES-256-GCM body), made here with the key this portal was started with: the app's
 * module caches the key of the first portal a bench process starts.
 */
function encryptJson(key: Buffer, value: unknown): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  const body = Buffer.concat([cipher.update(JSON.stringify(value), "utf8"), cipher.final()]);
  return `v1:${Buffer.concat([iv, cipher.getAuthTag(), body]).toString("base64url")}`;
}

async function ciphertexts(portal: Portal): Promise<string[]> {
  const key = Buffer.from(portal.env.DATA_ENCRYPTION_KEY!, "base64");
  if (key.length !== 32) throw new Error("the bench starts portals with 32-byte base64 keys");
  return Array.from({ length: VARIANTS }, (_, index) =>
    encryptJson(key, { ...matchingAnswers, woman: { ...matchingAnswers.woman, name: `${NAMES[index % NAMES.length]}${index}` } }),
  );
}

type Row = { id: string; ref: string; status: string; path: string; answers: number; submittedAt: number; dueAt: number; decidedAt: number | null };

/** Row `index` of `count`: refs from past years (no clash with new submissions), newest last. */
function row(index: number, count: number, villages: string[], now: number): Row {
  const age = Math.floor(((count - index) / count) * 9 * 365 * DAY); // nine years of history
  const submittedAt = now - age - (index % 86_400) * 1000;
  const year = new Date(submittedAt).getUTCFullYear();
  // Recent cases are still open; older ones are decided.
  const recent = age < 60 * DAY;
  const pick = (index * 7919) % 1000;
  let status = "approved";
  if (recent) status = pick < 700 ? "in_review" : pick < 850 ? "returned" : "approved";
  else {
    let acc = 0;
    for (const [name, share] of STATUSES.slice(0, 3)) {
      acc += share / 0.94;
      if (pick / 1000 < acc) {
        status = name;
        break;
      }
    }
  }
  return {
    id: `bench${index.toString(36).padStart(8, "0")}${randomBytes(4).toString("hex")}`,
    ref: `WL-SY-${year}-B${String(index).padStart(7, "0")}`,
    status,
    path: villages[index % villages.length],
    answers: index % VARIANTS,
    submittedAt,
    dueAt: submittedAt + 28 * DAY,
    decidedAt: status === "in_review" || status === "returned" ? null : submittedAt + 3 * DAY,
  };
}

async function sqlite(file: string, first: number, count: number, texts: string[], now: number) {
  const db = new Database(file);
  const villages = (db.prepare("SELECT path FROM Jurisdiction WHERE level = 'village' ORDER BY path").all() as { path: string }[]).map((r) => r.path);
  const insert = db.prepare(
    `INSERT INTO "Application" (id, ref, serviceSlug, status, applicantId, filerId, jurisdictionPath, answersEnc, reviewLevel, submittedAt, dueAt, decidedAt, version, createdAt, updatedAt)
     VALUES (?, ?, 'birth-registration', ?, ?, ?, ?, ?, 0, ?, ?, ?, 1, ?, ?)`,
  );
  const batch = db.transaction((from: number, to: number) => {
    for (let index = from; index < to; index += 1) {
      const r = row(index, count, villages, now);
      const applicant = `benchcitizen${index % 50_000}`;
      insert.run(r.id, r.ref, r.status, applicant, applicant, r.path, texts[r.answers], iso(r.submittedAt), iso(r.dueAt), r.decidedAt ? iso(r.decidedAt) : null, iso(r.submittedAt - DAY), iso(r.decidedAt ?? r.submittedAt));
    }
  });
  for (let from = first; from < count; from += 20_000) batch(from, Math.min(count, from + 20_000));
  db.exec("ANALYZE");
  db.close();
}

/** The same rows as row(), computed by PostgreSQL itself from generate_series: nothing crosses the wire per row. */
async function postgres(url: string, first: number, count: number, texts: string[], now: number) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const villages = (await client.query(`SELECT path FROM "Jurisdiction" WHERE level = 'village' ORDER BY path`)).rows.map((r) => r.path as string);
    const [, , approvedShare, rejectedShare] = [0, 0, STATUSES[0][1] / 0.94, (STATUSES[0][1] + STATUSES[1][1]) / 0.94];
    for (let from = first; from < count; from += 250_000) {
      await client.query(
        `WITH n AS (SELECT i, floor(((($2::float8 - i) / $2) * 9 * 365 * ${DAY}))::float8 AS age FROM generate_series($1::int, $3::int - 1) AS i),
              t AS (SELECT i, age, $4::float8 - age - (i % 86400) * 1000 AS submitted, (i::bigint * 7919) % 1000 AS pick FROM n),
              r AS (SELECT i, submitted, to_timestamp(submitted / 1000.0) AS at,
                      CASE WHEN age < ${60 * DAY} THEN (CASE WHEN pick < 700 THEN 'in_review' WHEN pick < 850 THEN 'returned' ELSE 'approved' END)
                           WHEN pick / 1000.0 < $5 THEN 'approved' WHEN pick / 1000.0 < $6 THEN 'rejected' ELSE 'withdrawn' END AS status
                    FROM t)
         INSERT INTO "Application" (id, ref, "serviceSlug", status, "applicantId", "filerId", "jurisdictionPath", "answersEnc", "reviewLevel", "submittedAt", "dueAt", "decidedAt", version, "createdAt", "updatedAt")
         SELECT 'bench' || lpad(i::text, 8, '0'), 'WL-SY-' || extract(year FROM at AT TIME ZONE 'UTC') || '-B' || lpad(i::text, 7, '0'), 'birth-registration', status,
                'benchcitizen' || (i % 50000), 'benchcitizen' || (i % 50000), ($7::text[])[1 + i % cardinality($7::text[])], ($8::text[])[1 + i % ${VARIANTS}], 0,
                at, at + interval '28 days', CASE WHEN status IN ('in_review', 'returned') THEN NULL ELSE at + interval '3 days' END, 1, at - interval '1 day',
                CASE WHEN status IN ('in_review', 'returned') THEN at ELSE at + interval '3 days' END
         FROM r`,
        [from, count, Math.min(count, from + 250_000), now, approvedShare, rejectedShare, villages, texts],
      );
    }
    await client.query(`ANALYZE "Application"`);
  } finally {
    await client.end();
  }
}

/**
 * Brings the portal's generated applications from `first` up to `total` (call again with a
 * larger total to grow the same database); answers with the seconds it took.
 */
export async function generateApplications(portal: Portal, total: number, first = 0): Promise<number> {
  const started = performance.now();
  const texts = await ciphertexts(portal);
  const now = Date.now();
  if (portal.database.kind === "sqlite") await sqlite(portal.database.url.replace(/^file:/, ""), first, total, texts, now);
  else await postgres(portal.database.url, first, total, texts, now);
  return (performance.now() - started) / 1000;
}
