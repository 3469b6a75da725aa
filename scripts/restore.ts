// npm run restore -- <folder>: checks the backup's manifest, then puts its database and
// uploads in place of the current ones (DATABASE_URL, UPLOADS_DIR). Stop the portal first.
import path from "node:path";
import { restore } from "~/utils/backup.server";
import { db } from "~/utils/db.server";

try {
  if (!process.argv[2]) throw new Error("usage: npm run restore -- <backup folder>");
  const source = path.resolve(process.argv[2]);
  const manifest = await restore(source);
  console.log(`restore: ${manifest.database} database and ${manifest.files.length - 1} uploads from ${source} (taken ${manifest.createdAt})`);
} catch (error) {
  console.error("restore:", error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  await db.$disconnect();
}
