import { describe, expect, it } from "vitest";
import type { Stage } from "~/engine/define-service";
import { addWorkingDays, promisedAt, promisedWorkingDays, stageDueAt, transition, type TransitionInput } from "~/engine/workflow";

const oneLevel: Stage[] = [{ kind: "review", id: "township_review", role: "township_reviewer", depth: "township", timeLimitDays: 5 }];
const assistance: Stage[] = [
  { kind: "review", id: "village_review", role: "village_staff", depth: "village", timeLimitDays: 10 },
  { kind: "review", id: "township_review", role: "township_reviewer", depth: "township", timeLimitDays: 10 },
  { kind: "notice", id: "notice", days: 7, shownAt: "village", objections: true },
  { kind: "review", id: "county_approval", role: "county_admin", depth: "county", timeLimitDays: 10 },
];

const base = { stageIndex: 0, stages: oneLevel } satisfies Partial<TransitionInput>;

describe("transition over declared stages", () => {
  it("submits a draft to the first stage", () => {
    expect(transition({ ...base, status: "draft", action: "submit", actor: "applicant" })).toEqual({ ok: true, to: "in_review", stageIndex: 0, event: "submitted" });
  });

  it("approves an instant case on submission", () => {
    expect(transition({ ...base, status: "draft", action: "submit", actor: "applicant", instant: true })).toEqual({ ok: true, to: "approved", stageIndex: 0, event: "auto_approved" });
  });

  it("approves at the last stage", () => {
    expect(transition({ ...base, status: "in_review", action: "approve", actor: "reviewer" })).toMatchObject({ ok: true, to: "approved", stageIndex: 0, event: "approved" });
    expect(transition({ status: "in_review", action: "approve", actor: "reviewer", stageIndex: 3, stages: assistance })).toMatchObject({ ok: true, to: "approved", stageIndex: 3 });
  });

  it("walks village → township → notice → county", () => {
    expect(transition({ status: "in_review", action: "approve", actor: "reviewer", stageIndex: 0, stages: assistance })).toEqual({ ok: true, to: "in_review", stageIndex: 1, event: "stage_approved" });
    expect(transition({ status: "in_review", action: "approve", actor: "reviewer", stageIndex: 1, stages: assistance })).toEqual({ ok: true, to: "notice", stageIndex: 2, event: "notice_started" });
    expect(transition({ status: "notice", action: "end_notice", actor: "system", stageIndex: 2, stages: assistance })).toEqual({ ok: true, to: "in_review", stageIndex: 3, event: "notice_ended" });
  });

  it("does not let anyone approve during a notice", () => {
    expect(transition({ status: "notice", action: "approve", actor: "reviewer", stageIndex: 2, stages: assistance })).toEqual({ ok: false, error: "illegal_transition" });
    expect(transition({ status: "notice", action: "end_notice", actor: "reviewer", stageIndex: 2, stages: assistance })).toEqual({ ok: false, error: "wrong_actor" });
  });

  it("returns a case for correction, takes it back at the same stage, and closes it when the period lapses", () => {
    expect(transition({ status: "in_review", action: "return", actor: "reviewer", stageIndex: 1, stages: assistance })).toMatchObject({ ok: true, to: "returned", stageIndex: 1 });
    expect(transition({ status: "returned", action: "resubmit", actor: "applicant", stageIndex: 1, stages: assistance })).toMatchObject({ ok: true, to: "in_review", stageIndex: 1, event: "resubmitted" });
    expect(transition({ status: "returned", action: "close", actor: "reviewer", stageIndex: 1, stages: assistance })).toMatchObject({ ok: true, to: "closed" });
  });

  it.each([
    ["approve a draft", { status: "draft", action: "approve", actor: "reviewer" }, "illegal_transition"],
    ["resubmit an approved case", { status: "approved", action: "resubmit", actor: "applicant" }, "illegal_transition"],
    ["let the applicant approve", { status: "in_review", action: "approve", actor: "applicant" }, "wrong_actor"],
    ["reject a returned case", { status: "returned", action: "reject", actor: "reviewer" }, "illegal_transition"],
    ["close a case in review", { status: "in_review", action: "close", actor: "reviewer" }, "illegal_transition"],
    ["withdraw a decided case", { status: "approved", action: "withdraw", actor: "applicant" }, "illegal_transition"],
  ] as const)("refuses to %s", (_, input, error) => {
    expect(transition({ ...base, ...input })).toEqual({ ok: false, error });
  });
});

describe("due dates per stage", () => {
  it("counts review stages in working days and notices in calendar days", () => {
    const start = new Date("2026-11-26T09:00:00Z");
    expect(stageDueAt(oneLevel[0], start).toISOString()).toBe("2026-12-03T09:00:00.000Z");
    expect(stageDueAt(assistance[2], start).toISOString()).toBe("2026-12-03T09:00:00.000Z");
  });

  it("chains the stages into the promised date, and states the working days", () => {
    const start = new Date("2026-11-02T01:00:00Z");
    const chained = [assistance[0], assistance[1]].reduce((at, stage) => stageDueAt(stage, at), start);
    expect(promisedAt(assistance, 0, start).getTime()).toBe(stageDueAt(assistance[3], stageDueAt(assistance[2], chained)).getTime());
    expect(promisedWorkingDays(assistance)).toBe(30);
    expect(promisedAt(oneLevel, 0, start).getTime()).toBe(addWorkingDays(start, 5).getTime());
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
