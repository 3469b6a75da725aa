import { isProductionMode } from "./config.server";
import { db } from "./db.server";

/**
 * The portal's idea of "now" for things that wait on the calendar (public notices ending).
 * Outside production a demo or test can move it forward (/dev/clock), shared by every
 * instance through the database; in production it is always the real time.
 */
const OFFSET_KEY = "clock.offsetMs";

export async function currentTime(): Promise<Date> {
  if (isProductionMode()) return new Date();
  const row = await db.setting.findUnique({ where: { key: OFFSET_KEY } });
  const offset = row ? Number(row.value) : 0;
  return new Date(Date.now() + (Number.isFinite(offset) ? offset : 0));
}

export async function moveClock(days: number): Promise<Date> {
  if (isProductionMode()) throw new Error("The clock cannot be moved in production");
  const now = await currentTime();
  const offset = now.getTime() - Date.now() + days * 24 * 60 * 60 * 1000;
  await db.setting.upsert({ where: { key: OFFSET_KEY }, create: { key: OFFSET_KEY, value: String(offset) }, update: { value: String(offset) } });
  return currentTime();
}

export async function resetClock(): Promise<void> {
  await db.setting.deleteMany({ where: { key: OFFSET_KEY } });
}
