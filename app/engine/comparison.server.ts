import { decryptText, lookupHash } from "~/utils/crypto.server";
import { db } from "~/utils/db.server";
import type { RecordCheck } from "./define-service";

export type ComparedField = { key: string; labelKey: string; declared: string | number | null; recorded: string | number | null; match: boolean };
export type ComparedSubject = { subjectKey: string; found: boolean; fields: ComparedField[] };
export type ComparisonResult = { match: boolean; comparedAt: string; subjects: ComparedSubject[] };

const normalise = (value: string | number | null | undefined) => (value === null || value === undefined || value === "" ? null : String(value).trim());

/**
 * Two-way comparison (信息双向比对): each declared field against the population record
 * held for the same resident ID. A missing record is a mismatch, never a pass.
 */
export async function compareWithRecords(checks: RecordCheck[], now = new Date()): Promise<ComparisonResult> {
  const subjects: ComparedSubject[] = [];
  for (const check of checks) {
    const record = await db.populationRecord.findUnique({ where: { idHash: lookupHash(check.idNumber) } });
    if (record && decryptText(record.idEnc) !== check.idNumber) throw new Error("Population record hash collision");
    const fields = check.fields.map((field) => {
      const recorded = record ? (record[field.key] as string | number | null) : null;
      return { key: field.key, labelKey: field.labelKey, declared: field.declared, recorded, match: !!record && normalise(field.declared) === normalise(recorded) };
    });
    subjects.push({ subjectKey: check.subjectKey, found: !!record, fields });
  }
  return { match: subjects.length > 0 && subjects.every((subject) => subject.found && subject.fields.every((field) => field.match)), comparedAt: now.toISOString(), subjects };
}
