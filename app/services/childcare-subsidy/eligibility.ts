import type { Answers, AwardTerms, CheckResult, EligibilityResult } from "~/engine/define-service";
import { isoDay } from "~/engine/fields";
import { ageOn, birthdayAt, firstOfMonth, monthsBetween } from "~/lib/calendar";
import { personOf } from "../shared/family-steps";
import { policy } from "./policy";

/**
 * The rules of 育儿补贴, pure and read from policy.ts. The application's eligibility, the
 * public check and the award terms all call these, so there is one statement of each rule.
 */

const ns = "childcare-subsidy";

export type ConditionId = "underAgeLimit" | "monthsLeft" | "hukou";
export type Condition = { id: ConditionId; met: boolean; stepId: string };

/** The first day paid: the month of birth, or the start of the scheme for children born earlier. */
export function subsidyStartsOn(birthDate: string): string {
  const from = policy.subsidyFrom.value;
  return birthDate < from ? from : firstOfMonth(birthDate);
}

/** The day the child turns policy.ageLimitYears: the subsidy ends then. */
export const subsidyEndsOn = (birthDate: string) => birthdayAt(birthDate, policy.ageLimitYears.value);

/**
 * Months paid: from the start month up to, not including, the month of the third birthday
 * (counted in calendar months, so a child born on 29 February also gets at most 36).
 */
export const subsidyMonths = (birthDate: string) => monthsBetween(subsidyStartsOn(birthDate), firstOfMonth(birthDate, policy.ageLimitYears.value * 12));

export function conditions(child: { birthDate: string; hukouInRegion: boolean }, day: string): Condition[] {
  return [
    { id: "underAgeLimit", met: child.birthDate <= day && ageOn(child.birthDate, day) < policy.ageLimitYears.value, stepId: "child" },
    { id: "monthsLeft", met: subsidyMonths(child.birthDate) > 0, stepId: "child" },
    { id: "hukou", met: child.hukouInRegion, stepId: "child" },
  ];
}

/** Figures the texts interpolate. */
export const textValues = {
  perChildPerYear: policy.perChildPerYear.value,
  perChildPerMonth: policy.perChildPerMonth.value,
  ageLimitYears: policy.ageLimitYears.value,
  subsidyFrom: policy.subsidyFrom.value,
  hukouRegion: policy.hukouRegion.value,
  firstReviewWorkingDays: policy.firstReviewWorkingDays.value,
};

/* The application ------------------------------------------------------------------------ */

const childBirthDate = (answers: Answers) => (answers.child?.birthDate as string | undefined) ?? "";

export function childcareEligibility(answers: Answers, { today }: { today: Date }): EligibilityResult {
  // The child's hukou village is one of this county's (the step refuses any other), so in Chongqing.
  const unmet = conditions({ birthDate: childBirthDate(answers), hukouInRegion: !!answers.child?.village }, isoDay(today)).filter((condition) => !condition.met);
  return unmet.length === 0 ? { eligible: true } : { eligible: false, reasonKeys: unmet.map((condition) => `${ns}:conditions.${condition.id}`), stepId: unmet[0].stepId };
}

/** Paid to the applying parent or guardian, per month, from the start month to the third birthday. */
export function childcareTerms(answers: Answers): AwardTerms {
  const applicant = personOf(answers, "applicant");
  const birthDate = childBirthDate(answers);
  return {
    beneficiaries: applicant ? [{ idNumber: applicant.idNumber, name: applicant.name }] : [],
    amount: policy.perChildPerMonth.value,
    period: "month",
    startsOn: subsidyStartsOn(birthDate),
    endsOn: subsidyEndsOn(birthDate),
  };
}

/* The public check ----------------------------------------------------------------------- */

export type CheckValues = { childBirthDate: string; hukouInRegion: "yes" | "no" };

export function evaluateCheck(values: CheckValues, { today }: { today: Date }): CheckResult {
  const list = conditions({ birthDate: values.childBirthDate, hukouInRegion: values.hukouInRegion === "yes" }, isoDay(today));
  const eligible = list.every((condition) => condition.met);
  const months = subsidyMonths(values.childBirthDate);
  const figures = { ...textValues, months, total: months * policy.perChildPerMonth.value, until: subsidyEndsOn(values.childBirthDate) };
  return {
    // The months condition says how many months and how much, for this child.
    conditions: list.map((condition) => ({ labelKey: condition.id === "monthsLeft" ? `${ns}:check.monthsLeft` : `${ns}:conditions.${condition.id}`, values: figures, met: condition.met })),
    eligible,
    ...(eligible ? { amount: { value: policy.perChildPerMonth.value, period: "month" as const, from: subsidyStartsOn(values.childBirthDate), labelKey: `${ns}:check.amount`, sample: false } } : {}),
  };
}
