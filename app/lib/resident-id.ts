// Validation of 18-digit resident identity card numbers (GB 11643-1999).
import { PREFECTURE_CODES, PROVINCE_CODES } from "./region-codes";

export type ResidentIdError = "required" | "legacy15" | "format" | "region" | "date" | "checksum";

export type ResidentIdInfo = {
  id: string;
  birthDate: string; // YYYY-MM-DD
  sex: "female" | "male";
  regionCode: string; // first 6 digits
};

export type ResidentIdResult =
  | { ok: true; value: ResidentIdInfo }
  | { ok: false; error: ResidentIdError };

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARS = "10X98765432";

/** Check character for the first 17 digits (ISO 7064 MOD 11-2). */
export function residentIdCheckDigit(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new Error("residentIdCheckDigit expects 17 digits");
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i];
  return CHECK_CHARS[sum % 11];
}

export function parseResidentId(input: string, today = new Date()): ResidentIdResult {
  // People paste numbers with spaces and type a lowercase x.
  const id = (input ?? "").replace(/\s+/g, "").toUpperCase();
  if (id === "") return { ok: false, error: "required" };
  // First-generation cards (15 digits, no century, no check digit) expired in 2013.
  if (/^\d{15}$/.test(id)) return { ok: false, error: "legacy15" };
  if (!/^\d{17}[\dX]$/.test(id)) return { ok: false, error: "format" };

  if (!PROVINCE_CODES.has(id.slice(0, 2)) || !PREFECTURE_CODES.has(id.slice(0, 4))) {
    return { ok: false, error: "region" };
  }

  const year = Number(id.slice(6, 10));
  const month = Number(id.slice(10, 12));
  const day = Number(id.slice(12, 14));
  // Round-tripping through Date.UTC rejects 30 Feb, month 13, etc.
  const birth = new Date(Date.UTC(year, month - 1, day));
  const isRealDate =
    birth.getUTCFullYear() === year && birth.getUTCMonth() === month - 1 && birth.getUTCDate() === day;
  // Compare as YYYYMMDD strings in local time so "born today" is accepted.
  const todayKey =
    String(today.getFullYear()).padStart(4, "0") +
    String(today.getMonth() + 1).padStart(2, "0") +
    String(today.getDate()).padStart(2, "0");
  const birthKey = id.slice(6, 14);
  if (!isRealDate || year < 1900 || birthKey > todayKey) return { ok: false, error: "date" };

  if (residentIdCheckDigit(id.slice(0, 17)) !== id[17]) return { ok: false, error: "checksum" };

  return {
    ok: true,
    value: {
      id,
      birthDate: `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`,
      sex: Number(id[16]) % 2 === 1 ? "male" : "female",
      regionCode: id.slice(0, 6),
    },
  };
}
