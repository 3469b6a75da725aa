import type { TFunction } from "i18next";

/** "15 分钟" / "15 minutes": a wait in the largest whole unit, rounded up. */
export function retryWhen(t: TFunction, seconds: number): string {
  if (seconds < 60) return t("common:limits.seconds", { count: Math.max(1, Math.ceil(seconds)) });
  if (seconds < 3600) return t("common:limits.minutes", { count: Math.ceil(seconds / 60) });
  return t("common:limits.hours", { count: Math.ceil(seconds / 3600) });
}
