import { createHash } from "node:crypto";
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileTypeFromBuffer } from "file-type";
import { dataDir } from "~/utils/config.server";
import { decryptBytes, encryptBytes, newId } from "~/utils/crypto.server";
import { fileContext } from "~/utils/sealed-columns.server";
import { db } from "~/utils/db.server";
import { MAX_UPLOAD_BYTES } from "~/lib/uploads";

const ACCEPTED = new Map([
  ["image/jpeg", "jpg"],
  ["image/png", "png"],
  ["application/pdf", "pdf"],
]);

export type UploadProblem = "empty" | "tooLarge" | "type";

/** Checks an upload by its content (magic bytes), never by its name or declared type. */
export async function checkUpload(file: File): Promise<{ ok: true; bytes: Buffer; mimeType: string } | { ok: false; problem: UploadProblem }> {
  if (file.size === 0) return { ok: false, problem: "empty" };
  if (file.size > MAX_UPLOAD_BYTES) return { ok: false, problem: "tooLarge" };
  const bytes = Buffer.from(await file.arrayBuffer());
  const detected = await fileTypeFromBuffer(bytes);
  if (!detected || !ACCEPTED.has(detected.mime)) return { ok: false, problem: "type" };
  return { ok: true, bytes, mimeType: detected.mime };
}

/** Several instances share one uploads folder (a network volume): UPLOADS_DIR, else DATA_DIR/uploads. */
function uploadsDir() {
  return path.resolve(process.env.UPLOADS_DIR ?? path.join(dataDir(), "uploads"));
}

/** Stores the file encrypted (ID cards and hukou pages are personal data) and replaces any earlier one for the key. */
export async function storeMaterial(applicationId: string, materialKey: string, fileName: string, bytes: Buffer, mimeType: string) {
  const storageKey = newId();
  await mkdir(uploadsDir(), { recursive: true });
  await writeFile(path.join(uploadsDir(), storageKey), encryptBytes(bytes, fileContext(storageKey)));
  const safeName = fileName.replace(/[\\/\u0000-\u001f]/g, "_").slice(-100) || `upload.${ACCEPTED.get(mimeType)}`;
  const replaced = await db.material.findMany({ where: { applicationId, materialKey }, select: { storageKey: true } });
  await db.$transaction([
    db.material.deleteMany({ where: { applicationId, materialKey } }),
    db.material.create({
      data: {
        id: newId(),
        applicationId,
        materialKey,
        fileName: safeName,
        mimeType,
        size: bytes.length,
        sha256: createHash("sha256").update(bytes).digest("hex"),
        storageKey,
      },
    }),
  ]);
  // The replaced scans are personal data with no further use: remove them, not just their rows.
  await Promise.all(replaced.map((old) => rm(path.join(uploadsDir(), old.storageKey), { force: true })));
}

export async function readMaterial(storageKey: string): Promise<Buffer> {
  if (!/^[A-Za-z0-9_-]+$/.test(storageKey)) throw new Error("Bad storage key");
  return decryptBytes(await readFile(path.join(uploadsDir(), storageKey)), fileContext(storageKey));
}

/** One stored material of a case the caller has already been allowed to see. */
export async function materialOf(applicationId: string, materialId: string) {
  return db.material.findFirst({ where: { id: materialId, applicationId } });
}

/**
 * Checks and stores the files posted for these materials (input named by `inputName`).
 * An input left empty is skipped; a refused file gives an error keyed by its input name.
 */
export async function acceptUploads(applicationId: string, form: FormData, keys: string[], inputName: (key: string) => string = (key) => key) {
  const errors: Record<string, string[]> = {};
  const stored: { key: string; fileName: string }[] = [];
  for (const key of keys) {
    const file = form.get(inputName(key));
    if (!(file instanceof File) || (file.size === 0 && !file.name)) continue;
    const checked = await checkUpload(file);
    if (!checked.ok) {
      errors[inputName(key)] = [`common:errors.upload.${checked.problem}`];
      continue;
    }
    await storeMaterial(applicationId, key, file.name, checked.bytes, checked.mimeType);
    stored.push({ key, fileName: file.name });
  }
  return { errors, stored };
}
