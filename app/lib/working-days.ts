const CHINA_OFFSET_MS = 8 * 60 * 60 * 1000;

/**
 * Adds working days (Monday to Friday), counting weekdays as they fall in China (UTC+8,
 * no daylight saving). Public holidays are not yet in the data.
 */
export function addWorkingDays(start: Date, days: number): Date {
  const date = new Date(start.getTime() + CHINA_OFFSET_MS);
  let left = days;
  while (left > 0) {
    date.setUTCDate(date.getUTCDate() + 1);
    const weekday = date.getUTCDay();
    if (weekday !== 0 && weekday !== 6) left -= 1;
  }
  return new Date(date.getTime() - CHINA_OFFSET_MS);
}
