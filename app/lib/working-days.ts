// China's official working-day calendar: statutory holidays and the weekend days worked in
// their place (调休), as the State Council announces them each year (国务院办公厅关于
// XXXX年部分节假日安排的通知). The days come from the `chinese-days` package's JSON, read
// directly so that no time zone of the server can shift a date; the package's own
// functions parse dates in local time.
import calendar from "chinese-days/dist/chinese-days.json";

const holidays: Readonly<Record<string, string>> = calendar.holidays;
const workedWeekendDays: Readonly<Record<string, string>> = calendar.workdays;

const years = Object.keys(holidays).map((day) => Number(day.slice(0, 4)));
/** The years whose holidays the package knows (2004 to the last year announced when it was published). */
export const CALENDAR_YEARS = { first: Math.min(...years), last: Math.max(...years) } as const;

const CHINA_OFFSET_MS = 8 * 60 * 60 * 1000;
const DAY_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The calendar day ("YYYY-MM-DD") on which an instant falls in China (UTC+8, no daylight saving). */
export function chinaDay(instant: Date): string {
  return new Date(instant.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 10);
}

/**
 * Whether a day ("YYYY-MM-DD") is a working day in China: a weekend day worked in lieu
 * (调休) is one, a statutory holiday is not, any other day is one from Monday to Friday.
 * Outside CALENDAR_YEARS (the next year's arrangement is announced each November and
 * reaches the package with its next release) only the Monday-to-Friday rule applies, so a
 * due date there can fall on a holiday: update `chinese-days` when the State Council
 * publishes the new year.
 */
export function isWorkingDay(day: string): boolean {
  const match = DAY_PATTERN.exec(day);
  if (!match) throw new RangeError(`isWorkingDay: expected YYYY-MM-DD, got ${JSON.stringify(day)}`);
  if (workedWeekendDays[day]) return true;
  if (holidays[day]) return false;
  const weekday = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))).getUTCDay();
  return weekday !== 0 && weekday !== 6;
}

/** Whether the calendar knows the official arrangement for this day's year. */
export function isInCalendarRange(day: string): boolean {
  const year = Number(day.slice(0, 4));
  return year >= CALENDAR_YEARS.first && year <= CALENDAR_YEARS.last;
}

/**
 * The instant `days` working days after `start`, at the same time of day: each following
 * calendar day in China counts if it is a working day. Zero or fewer days return `start`.
 */
export function addWorkingDays(start: Date, days: number): Date {
  const date = new Date(start.getTime() + CHINA_OFFSET_MS);
  let left = days;
  while (left > 0) {
    date.setUTCDate(date.getUTCDate() + 1);
    if (isWorkingDay(date.toISOString().slice(0, 10))) left -= 1;
  }
  return new Date(date.getTime() - CHINA_OFFSET_MS);
}

/** Working days from the day after `from` up to and including `to` (0 when `to` is not later). */
export function workingDaysBetween(from: Date, to: Date): number {
  const date = new Date(from.getTime() + CHINA_OFFSET_MS);
  const last = chinaDay(to);
  let count = 0;
  for (;;) {
    date.setUTCDate(date.getUTCDate() + 1);
    const day = date.toISOString().slice(0, 10);
    if (day > last) return count;
    if (isWorkingDay(day)) count += 1;
  }
}
