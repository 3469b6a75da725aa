import { describe, expect, it } from "vitest";
import { ageOn, birthdayAt, firstOfMonth, monthsBetween } from "~/lib/calendar";

describe("calendar days", () => {
  it("counts full years: the birthday completes the year, the day before does not", () => {
    expect(ageOn("1966-05-17", "2026-05-17")).toBe(60);
    expect(ageOn("1966-05-17", "2026-05-16")).toBe(59);
    expect(ageOn("1966-05-17", "2026-12-31")).toBe(60);
  });

  it("completes a 29 February birthday on 1 March in other years", () => {
    expect(ageOn("1964-02-29", "2025-02-28")).toBe(60);
    expect(ageOn("1964-02-29", "2024-02-28")).toBe(59);
    expect(ageOn("1964-02-29", "2024-02-29")).toBe(60);
    expect(birthdayAt("2024-02-29", 3)).toBe("2027-03-01");
    expect(ageOn("2024-02-29", "2027-02-28")).toBe(2);
    expect(ageOn("2024-02-29", "2027-03-01")).toBe(3);
    expect(birthdayAt("2024-12-15", 3)).toBe("2027-12-15");
  });

  it("moves by months across years", () => {
    expect(firstOfMonth("2026-12-20", 1)).toBe("2027-01-01");
    expect(firstOfMonth("2026-03-31")).toBe("2026-03-01");
    expect(firstOfMonth("2026-01-15", -1)).toBe("2025-12-01");
    expect(monthsBetween("2025-01-01", "2027-12-15")).toBe(35);
    expect(monthsBetween("2025-06-01", "2025-01-01")).toBe(0);
  });
});
