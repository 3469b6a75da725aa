import { decryptText, lookupHash } from "~/utils/crypto.server";
import { db } from "~/utils/db.server";
import type { RecordCheck } from "./define-service";

export type ComparedField = { key: string; labelKey: string; declared: string | number | null; recorded: string | number | null; match: boolean };
export type ComparedSubject = { subjectKey: string; found: boolean; fields: ComparedField[] };
export type ComparisonResult = { match: boolean; comparedAt: string; subjects: ComparedSubject[] };

/** A population record with its encrypted fields opened (each bound to its row and column). */
async function findPopulationRecord(idNumber: string) {
  const row = await db.populationRecord.findUnique({ where: { idHash: lookupHash(idNumber) } });
  if (!row) return null;
  const context = (column: string) => ({ table: "PopulationRecord", column, id: row.id });
  if (decryptText(row.idEnc, context("idEnc")) !== idNumber) throw new Error("Population record hash collision");
  // Rows loaded before the names were encrypted keep them in plain columns until `npm run keys:rotate`.
  const name = row.nameEnc ? decryptText(row.nameEnc, context("nameEnc")) : row.name;
  const marriageCertNo = row.marriageCertNoEnc ? decryptText(row.marriageCertNoEnc, context("marriageCertNoEnc")) : row.marriageCertNo;
  return { name, sex: row.sex, birthDate: row.birthDate, hukouTownship: row.hukouTownship, marriageDate: row.marriageDate, marriageCertNo, childrenCount: row.childrenCount };
}

const normalise = (value: string | number | null | undefined) => (value === null || value === undefined || value === "" ? null : String(value).trim());

/**
 * Two-way comparison (信息双向比对): each declared field against the population record
 * held for the same resident ID. A missing record is a mismatch, never a pass.
 */
export async function compareWithRecords(checks: RecordCheck[], now = new Date()): Promise<ComparisonResult> {
  const subjects: ComparedSubject[] = [];
  for (const check of checks) {
    const record = await findPopulationRecord(check.idNumber);
    const fields = check.fields.map((field) => {
      const recorded = record ? (record[field.key] as string | number | null) : null;
      return { key: field.key, labelKey: field.labelKey, declared: field.declared, recorded, match: !!record && normalise(field.declared) === normalise(recorded) };
    });
    subjects.push({ subjectKey: check.subjectKey, found: !!record, fields });
  }
  return { match: subjects.length > 0 && subjects.every((subject) => subject.found && subject.fields.every((field) => field.match)), comparedAt: now.toISOString(), subjects };
}
