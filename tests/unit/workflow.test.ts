import { describe, expect, it } from "vitest";
import { addWorkingDays, transition, type TransitionInput } from "~/engine/workflow";

const base = { reviewLevel: 0, levelCount: 1 } satisfies Partial<TransitionInput>;

describe("transition", () => {
  it("submits a draft for review", () => {
    expect(transition({ ...base, status: "draft", action: "submit", actor: "citizen" })).toEqual({ ok: true, to: "in_review", reviewLevel: 0, event: "submitted" });
  });

  it("approves an instant case on submission", () => {
    expect(transition({ ...base, status: "draft", action: "submit", actor: "citizen", instant: true })).toEqual({ ok: true, to: "approved", reviewLevel: 0, event: "auto_approved" });
  });

  it("approves at the last review level", () => {
    expect(transition({ status: "in_review", action: "approve", actor: "reviewer", reviewLevel: 1, levelCount: 2 })).toMatchObject({ ok: true, to: "approved", reviewLevel: 1 });
    expect(transition({ ...base, status: "in_review", action: "approve", actor: "reviewer" })).toMatchObject({ ok: true, to: "approved", reviewLevel: 0 });
  });

  it("passes an approval at level 0 of 2 on to level 1", () => {
    expect(transition({ status: "in_review", action: "approve", actor: "reviewer", reviewLevel: 0, levelCount: 2 })).toEqual({ ok: true, to: "in_review", reviewLevel: 1, event: "level_approved" });
  });

  it("returns a case for correction and takes it back on resubmission", () => {
    expect(transition({ ...base, status: "in_review", action: "return", actor: "reviewer" })).toMatchObject({ ok: true, to: "returned", event: "returned" });
    expect(transition({ ...base, status: "returned", action: "resubmit", actor: "citizen" })).toMatchObject({ ok: true, to: "in_review", event: "resubmitted" });
  });

  it.each([
    ["approve a draft", { status: "draft", action: "approve", actor: "reviewer" }, "illegal_transition"],
    ["resubmit an approved case", { status: "approved", action: "resubmit", actor: "citizen" }, "illegal_transition"],
    ["let a citizen approve", { status: "in_review", action: "approve", actor: "citizen" }, "wrong_actor"],
    ["reject a returned case", { status: "returned", action: "reject", actor: "reviewer" }, "illegal_transition"],
  ] as const)("refuses to %s", (_, input, error) => {
    expect(transition({ ...base, ...input })).toEqual({ ok: false, error });
  });
});

describe("addWorkingDays", () => {
  it("skips the weekend", () => {
    // Thursday 26 Nov 2026 + 5 working days: Fri 27, Mon 30, Tue 1, Wed 2, Thu 3 Dec.
    expect(addWorkingDays(new Date("2026-11-26T09:00:00Z"), 5).toISOString()).toBe("2026-12-03T09:00:00.000Z");
    // Friday + 1 working day is Monday.
    expect(addWorkingDays(new Date("2026-11-27T09:00:00Z"), 1).toISOString()).toBe("2026-11-30T09:00:00.000Z");
  });

  it("counts the day as it is in China", () => {
    // Thursday 17:00 UTC is already Friday 01:00 in China: one working day later is Monday there.
    expect(addWorkingDays(new Date("2026-11-26T17:00:00Z"), 1).toISOString()).toBe("2026-11-29T17:00:00.000Z");
  });
});
