/** Dates shown to people are in China Standard Time, whatever the server's zone. */
const TIME_ZONE = "Asia/Shanghai";

export function formatDate(value: Date | string | null | undefined, lng: string): string {
  if (!value) return "";
  return new Intl.DateTimeFormat(lng, { timeZone: TIME_ZONE, year: "numeric", month: "long", day: "numeric" }).format(new Date(value));
}

export function formatDateTime(value: Date | string | null | undefined, lng: string): string {
  if (!value) return "";
  return new Intl.DateTimeFormat(lng, { timeZone: TIME_ZONE, year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", hour12: false }).format(new Date(value));
}
