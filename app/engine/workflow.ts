import { addWorkingDays } from "~/lib/working-days";
import type { Stage } from "./define-service";

/**
 * Case states and the transitions between them, run over the stages a service declares
 * (review levels and public notices). Anything not listed is refused.
 */

export const STATUSES = ["draft", "in_review", "notice", "returned", "approved", "rejected", "withdrawn", "closed"] as const;
export type Status = (typeof STATUSES)[number];

/** States in which a case is still open (not yet decided, withdrawn or closed). */
export const OPEN_STATUSES: readonly Status[] = ["in_review", "notice", "returned"];

export type Action = "submit" | "approve" | "reject" | "return" | "resubmit" | "withdraw" | "end_notice" | "close";
/** Who acts: the applicant's side (the resident or whoever files for them), a reviewer, or the portal itself. */
export type Actor = "applicant" | "reviewer" | "system";

type Rule = { from: Status[]; by: Actor };

const RULES: Record<Action, Rule> = {
  submit: { from: ["draft"], by: "applicant" },
  resubmit: { from: ["returned"], by: "applicant" },
  withdraw: { from: ["draft", "in_review", "notice", "returned"], by: "applicant" },
  approve: { from: ["in_review"], by: "reviewer" },
  reject: { from: ["in_review"], by: "reviewer" },
  return: { from: ["in_review"], by: "reviewer" },
  // A lapsed correction deadline lets the reviewer close the case (办结, not corrected).
  close: { from: ["returned"], by: "reviewer" },
  end_notice: { from: ["notice"], by: "system" },
};

export type TransitionInput = {
  status: Status;
  action: Action;
  actor: Actor;
  stageIndex: number;
  stages: readonly Stage[];
  /** For submit: whether the case is decided on the spot (即办件). */
  instant?: boolean;
};

export type TransitionResult = { ok: true; to: Status; stageIndex: number; event: string } | { ok: false; error: "illegal_transition" | "wrong_actor" };

/** The status a case has while it is at a stage. */
function statusAt(stages: readonly Stage[], index: number): Status {
  return stages[index]?.kind === "notice" ? "notice" : "in_review";
}

export function transition(input: TransitionInput): TransitionResult {
  const rule = RULES[input.action];
  if (!rule.from.includes(input.status)) return { ok: false, error: "illegal_transition" };
  if (rule.by !== input.actor) return { ok: false, error: "wrong_actor" };
  const { stageIndex, stages } = input;
  const isLast = stageIndex >= stages.length - 1;
  switch (input.action) {
    case "submit":
      return input.instant
        ? { ok: true, to: "approved", stageIndex: stages.length - 1, event: "auto_approved" }
        : { ok: true, to: statusAt(stages, 0), stageIndex: 0, event: "submitted" };
    case "resubmit":
      return { ok: true, to: "in_review", stageIndex, event: "resubmitted" };
    case "withdraw":
      return { ok: true, to: "withdrawn", stageIndex, event: "withdrawn" };
    case "approve":
      return isLast
        ? { ok: true, to: "approved", stageIndex, event: "approved" }
        : { ok: true, to: statusAt(stages, stageIndex + 1), stageIndex: stageIndex + 1, event: stages[stageIndex + 1].kind === "notice" ? "notice_started" : "stage_approved" };
    case "end_notice":
      // The last stage is always a review (defineService checks), so a notice has a next stage.
      return { ok: true, to: statusAt(stages, stageIndex + 1), stageIndex: stageIndex + 1, event: "notice_ended" };
    case "reject":
      return { ok: true, to: "rejected", stageIndex, event: "rejected" };
    case "return":
      return { ok: true, to: "returned", stageIndex, event: "returned" };
    case "close":
      return { ok: true, to: "closed", stageIndex, event: "closed" };
  }
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** When a stage started at `start` is due: working days for a review, calendar days for a notice. */
export function stageDueAt(stage: Stage, start: Date): Date {
  return stage.kind === "review" ? addWorkingDays(start, stage.timeLimitDays) : new Date(start.getTime() + stage.days * DAY_MS);
}

/** The promised completion date of a case whose stage `fromIndex` starts at `start`: the stages' limits chained. */
export function promisedAt(stages: readonly Stage[], fromIndex: number, start: Date): Date {
  let at = start;
  for (const stage of stages.slice(fromIndex)) at = stageDueAt(stage, at);
  return at;
}

/** The promised time limit in working days of the review stages (what the start page states). */
export function promisedWorkingDays(stages: readonly Stage[]): number {
  return stages.reduce((sum, stage) => sum + (stage.kind === "review" ? stage.timeLimitDays : 0), 0);
}

/** Calendar days of public notice in a workflow. */
export function noticeDays(stages: readonly Stage[]): number {
  return stages.reduce((sum, stage) => sum + (stage.kind === "notice" ? stage.days : 0), 0);
}

export { addWorkingDays };
