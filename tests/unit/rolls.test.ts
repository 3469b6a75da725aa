import { describe, expect, it } from "vitest";
import { dueUnits, parsePeriod } from "~/engine/rolls.server";

const monthly = { id: "a", amountFen: 30000, period: "month", startsOn: "2025-03-15", endsOn: "2027-05-20", endedOn: null, status: "active" };
const yearly = { id: "b", amountFen: 96000, period: "year", startsOn: "2026-07-01", endsOn: null, endedOn: null, status: "active" };
const none = new Set<string>();

describe("roll periods", () => {
  it("reads a year or a quarter, and nothing else", () => {
    expect(parsePeriod("2027")).toEqual({ label: "2027", start: "2027-01", end: "2027-12", year: 2027 });
    expect(parsePeriod(" 2027-Q2 ")).toEqual({ label: "2027-Q2", start: "2027-04", end: "2027-06", year: 2027 });
    for (const bad of ["", "27", "2027-Q5", "2027-06", "1999", "二〇二七", "2027Q1"]) expect(parsePeriod(bad)).toBeNull();
  });
});

describe("what an award is due for in a period", () => {
  it("pays a monthly award for each month from its start month up to the month it ends", () => {
    expect(dueUnits(monthly, parsePeriod("2025")!, none)).toEqual({ fromMonth: "2025-03", toMonth: "2025-12", units: 10 });
    // The child turns 3 on 20 May 2027: April is the last month paid.
    expect(dueUnits(monthly, parsePeriod("2027")!, none)).toEqual({ fromMonth: "2027-01", toMonth: "2027-04", units: 4 });
    expect(dueUnits(monthly, parsePeriod("2027-Q3")!, none)).toBeNull();
  });

  it("never pays a month twice", () => {
    const paid = new Set(["2026-01", "2026-02", "2026-03"]);
    expect(dueUnits(monthly, parsePeriod("2026")!, paid)).toEqual({ fromMonth: "2026-04", toMonth: "2026-12", units: 9 });
    expect(dueUnits(monthly, parsePeriod("2026-Q1")!, paid)).toBeNull();
  });

  it("stops at the month an award ended", () => {
    expect(dueUnits({ ...monthly, status: "ended", endedOn: "2026-06-10" }, parsePeriod("2026")!, none)).toEqual({ fromMonth: "2026-01", toMonth: "2026-05", units: 5 });
  });

  it("pays a yearly award once a calendar year, in the first roll it is active in", () => {
    expect(dueUnits(yearly, parsePeriod("2026-Q1")!, none)).toBeNull();
    expect(dueUnits(yearly, parsePeriod("2026-Q3")!, none)).toEqual({ fromMonth: "2026-01", toMonth: "2026-12", units: 1 });
    expect(dueUnits(yearly, parsePeriod("2026-Q4")!, new Set(["2026-01"]))).toBeNull();
    expect(dueUnits(yearly, parsePeriod("2027")!, none)).toEqual({ fromMonth: "2027-01", toMonth: "2027-12", units: 1 });
  });
});
