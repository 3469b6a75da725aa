import { describe, expect, it } from "vitest";
import { addWorkingDays as engineAddWorkingDays } from "~/engine/workflow";
import { addWorkingDays, CALENDAR_YEARS, chinaDay, isInCalendarRange, isWorkingDay, workingDaysBetween } from "~/lib/working-days";

/** An instant given as wall-clock time in China (UTC+8). */
const china = (local: string) => new Date(`${local}+08:00`);
const inChina = (instant: Date) => new Date(instant.getTime() + 8 * 3600_000).toISOString().slice(0, 16).replace("T", " ");

describe("isWorkingDay", () => {
  it("follows the 2025 National Day arrangement (国办发明电〔2024〕12号)", () => {
    expect(isWorkingDay("2025-09-27")).toBe(false); // Saturday
    expect(isWorkingDay("2025-09-28")).toBe(true); // Sunday worked in lieu
    for (let day = 1; day <= 8; day++) expect(isWorkingDay(`2025-10-0${day}`)).toBe(false);
    expect(isWorkingDay("2025-10-09")).toBe(true);
    expect(isWorkingDay("2025-10-11")).toBe(true); // Saturday worked in lieu
    expect(isWorkingDay("2025-10-12")).toBe(false); // Sunday
  });

  it("follows the 2026 Spring Festival arrangement", () => {
    expect(isWorkingDay("2026-02-14")).toBe(true); // Saturday worked in lieu
    for (let day = 15; day <= 23; day++) expect(isWorkingDay(`2026-02-${day}`)).toBe(false);
    expect(isWorkingDay("2026-02-24")).toBe(true);
    expect(isWorkingDay("2026-02-28")).toBe(true); // Saturday worked in lieu
  });

  it("falls back to Monday to Friday outside the package's years", () => {
    expect(CALENDAR_YEARS.first).toBe(2004);
    expect(CALENDAR_YEARS.last).toBeGreaterThanOrEqual(2026);
    expect(isInCalendarRange("2026-12-31")).toBe(true);
    expect(isInCalendarRange("2040-06-01")).toBe(false);
    expect(isWorkingDay("2040-06-01")).toBe(true); // a Friday
    expect(isWorkingDay("2040-06-02")).toBe(false); // a Saturday
  });

  it("refuses what is not a day", () => {
    expect(() => isWorkingDay("2025-9-28")).toThrow(RangeError);
    expect(() => isWorkingDay("")).toThrow(RangeError);
  });
});

describe("addWorkingDays", () => {
  it("counts a due date across 国庆 2025: the holiday is skipped, both worked weekend days count", () => {
    const friday = china("2025-09-26T10:00:00");
    expect(inChina(addWorkingDays(friday, 1))).toBe("2025-09-28 10:00"); // Sunday, worked
    expect(inChina(addWorkingDays(friday, 3))).toBe("2025-09-30 10:00");
    expect(inChina(addWorkingDays(friday, 4))).toBe("2025-10-09 10:00"); // 1-8 October off
    expect(inChina(addWorkingDays(friday, 6))).toBe("2025-10-11 10:00"); // Saturday, worked
    expect(inChina(addWorkingDays(friday, 7))).toBe("2025-10-13 10:00");
  });

  it("counts a due date across the 2026 Spring Festival", () => {
    expect(inChina(addWorkingDays(china("2026-02-13T09:00:00"), 1))).toBe("2026-02-14 09:00");
    expect(inChina(addWorkingDays(china("2026-02-13T09:00:00"), 2))).toBe("2026-02-24 09:00");
    expect(inChina(addWorkingDays(china("2026-02-13T09:00:00"), 5))).toBe("2026-02-27 09:00");
    expect(inChina(addWorkingDays(china("2026-02-13T09:00:00"), 6))).toBe("2026-02-28 09:00");
    expect(inChina(addWorkingDays(china("2026-02-13T09:00:00"), 7))).toBe("2026-03-02 09:00");
  });

  it("takes the day as it is in China, whatever the server's time zone", () => {
    // 30 Sep 16:30 UTC is 1 October 00:30 in China: a holiday, so the next working day is 9 October.
    expect(addWorkingDays(new Date("2025-09-30T16:30:00Z"), 1).toISOString()).toBe("2025-10-08T16:30:00.000Z");
    expect(chinaDay(new Date("2025-09-30T16:30:00Z"))).toBe("2025-10-01");
  });

  it("returns the start for zero days", () => {
    const start = china("2025-10-01T08:00:00");
    expect(addWorkingDays(start, 0)).toEqual(start);
  });

  it("is what the engine uses for due dates", () => {
    expect(inChina(engineAddWorkingDays(china("2025-09-26T10:00:00"), 5))).toBe("2025-10-10 10:00");
  });
});

describe("workingDaysBetween", () => {
  it("counts the working days after the first day up to the last", () => {
    expect(workingDaysBetween(china("2025-09-30T12:00:00"), china("2025-10-11T12:00:00"))).toBe(3);
    expect(workingDaysBetween(china("2025-10-11T12:00:00"), china("2025-09-30T12:00:00"))).toBe(0);
  });
});
