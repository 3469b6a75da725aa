// npm run backup [-- <folder>]: a consistent online snapshot of the database (SQLite's backup
// API, or pg_dump for PostgreSQL) and the encrypted uploads, with a manifest of SHA-256
// checksums. Default folder: $DATA_DIR/backups/<date-time>. See docs/decisions/010-backup.md.
import path from "node:path";
import { backup } from "~/utils/backup.server";
import { dataDir } from "~/utils/config.server";
import { db } from "~/utils/db.server";

try {
  const stamp = new Date().toISOString().replace(/[-:]/g, "").replace("T", "-").slice(0, 15);
  const target = path.resolve(process.argv[2] ?? path.join(dataDir(), "backups", stamp));
  const manifest = await backup(target);
  const bytes = manifest.files.reduce((sum, file) => sum + file.bytes, 0);
  console.log(`backup: ${manifest.database} database and ${manifest.files.length - 1} uploads (${bytes} bytes) in ${target}`);
  if (manifest.missingUploads.length) console.log(`backup: ${manifest.missingUploads.length} uploads were replaced while the backup ran and are not in it`);
} catch (error) {
  console.error("backup:", error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  await db.$disconnect();
}
