// Fictitious people and payment accounts shared by the family-assistance services' examples
// (tests and seeds). Relative imports: loaded by Vitest, Playwright and tsx alike.
import { luhnCheckDigit } from "../../lib/bank-account";
import { residentIdCheckDigit } from "../../lib/resident-id";

/** A valid Wulong-issued ID number for this birth date; the sequence's last digit gives the sex (odd: male). */
export function exampleId(birthDate: string, sex: "female" | "male", serial = 1): string {
  const sequence = String(serial * 2 + (sex === "male" ? 1 : 0)).padStart(3, "0").slice(-3);
  const first17 = `500156${birthDate.replace(/-/g, "")}${sequence}`;
  return first17 + residentIdCheckDigit(first17);
}

/** A 19-digit UnionPay-style card number with a correct Luhn check digit. */
export const exampleBankCard = "621700630012345678" + luhnCheckDigit("621700630012345678");
/** The same card with its last digit changed: the check digit no longer matches. */
export const exampleBadBankCard = exampleBankCard.slice(0, -1) + ((Number(exampleBankCard.at(-1)) + 1) % 10);
/** A passbook account number: no check digit, so any 8–30 digits are accepted. */
export const examplePassbook = "50015600812345671";

/** 黄莺乡 and its 双河村; 白马镇 and its 板桥村 (prisma/data/jurisdictions/wulong.json). */
export const HUANGYING_TOWNSHIP = "500156203";
export const HUANGYING_VILLAGE = "500156203200";
export const BAIMA_TOWNSHIP = "500156101";
export const TIEFO_VILLAGE = "500156101201";

/** The same date `years` earlier or later (29 February → 28 February in other years is not needed here). */
export function yearsFrom(day: string, years: number): string {
  return `${String(Number(day.slice(0, 4)) + years).padStart(4, "0")}${day.slice(4)}`;
}

/** The day before. */
export function dayBefore(day: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() - 1);
  return date.toISOString().slice(0, 10);
}

/** A deep copy of answers with some steps' fields replaced; a step set to undefined is removed. */
export function patched<T extends Record<string, unknown>>(base: T, patch: { [K in keyof T]?: Partial<T[K]> | undefined }): T {
  const copy = structuredClone(base) as Record<string, unknown>;
  for (const [stepId, fields] of Object.entries(patch)) {
    if (fields === undefined) delete copy[stepId];
    else copy[stepId] = { ...(copy[stepId] as object), ...(fields as object) };
  }
  return copy as T;
}
