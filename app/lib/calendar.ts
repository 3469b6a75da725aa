// Arithmetic on calendar days written as YYYY-MM-DD (what forms post and rules compare).
// Ages are counted in full years (周岁): the birthday itself completes the year; someone
// born on 29 February completes it on 1 March in other years.

const parse = (day: string) => ({ year: Number(day.slice(0, 4)), month: Number(day.slice(5, 7)), rest: day.slice(5) });
const pad = (value: number, width = 2) => String(value).padStart(width, "0");

/** Full years of age on `day`. */
export function ageOn(birthDate: string, day: string): number {
  const birth = parse(birthDate);
  const on = parse(day);
  return on.year - birth.year - (on.rest < birth.rest ? 1 : 0);
}

/** The day a person born on `birthDate` reaches `years` full years (29 February → 1 March). */
export function birthdayAt(birthDate: string, years: number): string {
  const date = new Date(`${birthDate}T00:00:00Z`);
  const day = date.getUTCDate();
  date.setUTCFullYear(date.getUTCFullYear() + years);
  if (date.getUTCDate() !== day) date.setUTCDate(1); // rolled into March: the year is complete on 1 March
  return date.toISOString().slice(0, 10);
}

/** "2026-05" from "2026-05-17". */
export const monthOf = (day: string) => day.slice(0, 7);

/** The first day of the month `offset` months after the month of `day`. */
export function firstOfMonth(day: string, offset = 0): string {
  const { year, month } = parse(day);
  const index = year * 12 + (month - 1) + offset;
  return `${pad(Math.floor(index / 12), 4)}-${pad((index % 12) + 1)}-01`;
}

/** Whole months from the month of `from` up to, not including, the month of `to` (0 when `to` is not later). */
export function monthsBetween(from: string, to: string): number {
  const a = parse(from);
  const b = parse(to);
  return Math.max(0, (b.year - a.year) * 12 + (b.month - a.month));
}
