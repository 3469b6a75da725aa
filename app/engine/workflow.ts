/** Case states and the transitions between them; anything not listed is refused. */
import { addWorkingDays as addChinaWorkingDays } from "~/lib/working-days";

export const STATUSES = ["draft", "in_review", "returned", "approved", "rejected", "withdrawn"] as const;
export type Status = (typeof STATUSES)[number];

export type Action = "submit" | "approve" | "reject" | "return" | "resubmit" | "withdraw";
export type Actor = "citizen" | "reviewer";

type Rule = { from: Status[]; by: Actor };

const RULES: Record<Action, Rule> = {
  submit: { from: ["draft"], by: "citizen" },
  resubmit: { from: ["returned"], by: "citizen" },
  withdraw: { from: ["draft", "in_review", "returned"], by: "citizen" },
  approve: { from: ["in_review"], by: "reviewer" },
  reject: { from: ["in_review"], by: "reviewer" },
  return: { from: ["in_review"], by: "reviewer" },
};

export type TransitionInput = {
  status: Status;
  action: Action;
  actor: Actor;
  reviewLevel: number;
  levelCount: number;
  /** For submit and resubmit: whether the case is decided on the spot (即办件). */
  instant?: boolean;
};

export type TransitionResult =
  | { ok: true; to: Status; reviewLevel: number; event: string }
  | { ok: false; error: "illegal_transition" | "wrong_actor" };

export function transition(input: TransitionInput): TransitionResult {
  const rule = RULES[input.action];
  if (!rule.from.includes(input.status)) return { ok: false, error: "illegal_transition" };
  if (rule.by !== input.actor) return { ok: false, error: "wrong_actor" };
  switch (input.action) {
    case "submit":
      return input.instant
        ? { ok: true, to: "approved", reviewLevel: 0, event: "auto_approved" }
        : { ok: true, to: "in_review", reviewLevel: 0, event: "submitted" };
    case "resubmit":
      return { ok: true, to: "in_review", reviewLevel: input.reviewLevel, event: "resubmitted" };
    case "withdraw":
      return { ok: true, to: "withdrawn", reviewLevel: input.reviewLevel, event: "withdrawn" };
    case "approve":
      return input.reviewLevel + 1 < input.levelCount
        ? { ok: true, to: "in_review", reviewLevel: input.reviewLevel + 1, event: "level_approved" }
        : { ok: true, to: "approved", reviewLevel: input.reviewLevel, event: "approved" };
    case "reject":
      return { ok: true, to: "rejected", reviewLevel: input.reviewLevel, event: "rejected" };
    case "return":
      return { ok: true, to: "returned", reviewLevel: input.reviewLevel, event: "returned" };
  }
}


/**
 * Adds working days on China's official calendar (holidays and 调休 included), counting
 * days as they fall in China (UTC+8): see ~/lib/working-days.
 */
export function addWorkingDays(start: Date, days: number): Date {
  return addChinaWorkingDays(start, days);
}
