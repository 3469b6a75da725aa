/** Case states and the transitions between them; anything not listed is refused. */

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


const CHINA_OFFSET_MS = 8 * 60 * 60 * 1000;

/**
 * Adds working days (Monday to Friday), counting weekdays as they fall in China (UTC+8,
 * no daylight saving). Public holidays are not yet in the data.
 */
export function addWorkingDays(start: Date, days: number): Date {
  const date = new Date(start.getTime() + CHINA_OFFSET_MS);
  let left = days;
  while (left > 0) {
    date.setUTCDate(date.getUTCDate() + 1);
    const weekday = date.getUTCDay();
    if (weekday !== 0 && weekday !== 6) left -= 1;
  }
  return new Date(date.getTime() - CHINA_OFFSET_MS);
}
