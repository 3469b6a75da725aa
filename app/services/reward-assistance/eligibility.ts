import type { Answers, AwardTerms, CheckResult, EligibilityResult } from "~/engine/define-service";
import { isoDay } from "~/engine/fields";
import { ageOn, birthdayAt, firstOfMonth } from "~/lib/calendar";
import { childrenOf, personOf, spouseCoApplies, type Child, type HukouType } from "../shared/family-steps";
import { policy } from "./policy";

/**
 * The rules of 奖励扶助, pure and read from policy.ts. The application's eligibility, the
 * public check and the award terms all call these, so there is one statement of each rule.
 */

const ns = "reward-assistance";

export type Parent = { birthDate: string; hukouType: HukouType };
export type Family = {
  applicant: Parent;
  /** The living spouse, if married; `coApplies` when the spouse applies in the same case. */
  spouse?: Parent & { coApplies: boolean };
  children: Pick<Child, "sex" | "status">[];
  /** The declaration: an out-of-policy birth between policyPeriodFrom and policyPeriodTo. */
  outOfPolicyBirth: boolean | undefined;
};

export type ConditionId = "age" | "hukou" | "children" | "policyBirths" | "spouseAge";
export type Condition = { id: ConditionId; met: boolean; stepId: string };
export type Tier = "sonOrTwoDaughters" | "onlyDaughter";

/** Born on or after policy.bornOnOrAfter and at least policy.minimumAge full years old on `day`. */
export function qualifiesByAge(birthDate: string, day: string): boolean {
  return birthDate >= policy.bornOnOrAfter.value && ageOn(birthDate, day) >= policy.minimumAge.value;
}

export const isRural = (hukouType: HukouType | undefined) => hukouType === "rural" || hukouType === "definedRural";

const living = (children: Family["children"]) => children.filter((child) => child.status !== "deceased");

/** 现存一个子女, 或两个女孩, 或子女死亡现无子女 (adopted children count as children). */
export function familyQualifies(children: Family["children"]): boolean {
  const alive = living(children);
  if (alive.length === 1) return true;
  if (alive.length === 2) return alive.every((child) => child.sex === "female");
  return alive.length === 0 && children.length > 0;
}

/** Chongqing's tier: parents whose one living child is a daughter, and everyone else. */
export function tierOf(children: Family["children"]): Tier {
  const alive = living(children);
  return alive.length === 1 && alive[0].sex === "female" ? "onlyDaughter" : "sonOrTwoDaughters";
}

export function amountPerYear(tier: Tier) {
  return tier === "onlyDaughter" ? policy.perYearOnlyDaughter : policy.perYearSonOrTwoDaughters;
}

export function conditions(family: Family, day: string): Condition[] {
  const list: Condition[] = [
    { id: "age", met: qualifiesByAge(family.applicant.birthDate, day), stepId: "applicant" },
    { id: "hukou", met: isRural(family.applicant.hukouType) && (!family.spouse || isRural(family.spouse.hukouType)), stepId: isRural(family.applicant.hukouType) ? "spouse" : "applicant" },
    { id: "children", met: familyQualifies(family.children), stepId: "children" },
    { id: "policyBirths", met: family.outOfPolicyBirth === false, stepId: "declaration" },
  ];
  if (family.spouse?.coApplies) list.push({ id: "spouseAge", met: qualifiesByAge(family.spouse.birthDate, day), stepId: "spouse" });
  return list;
}

/** Figures the condition texts interpolate. */
export const textValues = {
  minimumAge: policy.minimumAge.value,
  bornOnOrAfter: policy.bornOnOrAfter.value,
  policyPeriodFrom: policy.policyPeriodFrom.value,
  policyPeriodTo: policy.policyPeriodTo.value,
  nationalMinimum: policy.nationalMinimumPerYear.value,
  perYearSonOrTwoDaughters: policy.perYearSonOrTwoDaughters.value,
  perYearOnlyDaughter: policy.perYearOnlyDaughter.value,
};

/* The application ------------------------------------------------------------------------ */

export function familyOf(answers: Answers): Family | null {
  const applicant = answers.applicant as Partial<Parent> | undefined;
  if (!applicant?.birthDate) return null;
  const spouse = answers.applicant?.maritalStatus === "married" ? (answers.spouse as Partial<Parent> | undefined) : undefined;
  const declared = answers.declaration?.outOfPolicyBirth;
  return {
    applicant: { birthDate: applicant.birthDate, hukouType: applicant.hukouType as HukouType },
    spouse: spouse?.birthDate ? { birthDate: spouse.birthDate, hukouType: spouse.hukouType as HukouType, coApplies: spouseCoApplies(answers) } : undefined,
    children: childrenOf(answers),
    outOfPolicyBirth: declared === "yes" ? true : declared === "no" ? false : undefined,
  };
}

export function rewardEligibility(answers: Answers, { today }: { today: Date }): EligibilityResult {
  const family = familyOf(answers);
  if (!family) return { eligible: false, reasonKeys: [`${ns}:conditions.age`], stepId: "applicant" };
  const unmet = conditions(family, isoDay(today)).filter((condition) => !condition.met);
  return unmet.length === 0 ? { eligible: true } : { eligible: false, reasonKeys: unmet.map((condition) => `${ns}:conditions.${condition.id}`), stepId: unmet[0].stepId };
}

/** Yuan per person per year for this family's tier. */
export const awardAmount = (answers: Answers) => amountPerYear(tierOf(childrenOf(answers))).value;

/** The parents paid: the applicant, and the spouse when applying too; each qualifies on their own. */
export function rewardTerms(answers: Answers, { approvedOn }: { approvedOn: string }): AwardTerms {
  const people = [personOf(answers, "applicant"), spouseCoApplies(answers) ? personOf(answers, "spouse") : undefined];
  const beneficiaries = people.filter((person) => !!person && qualifiesByAge(person.birthDate, approvedOn)).map((person) => ({ idNumber: person!.idNumber, name: person!.name }));
  return {
    beneficiaries,
    amount: awardAmount(answers),
    period: "year",
    startsOn: firstOfMonth(approvedOn, policy.startsMonthsAfterApproval.value),
  };
}

/* The public check ----------------------------------------------------------------------- */

export type CheckValues = {
  birthDate: string;
  hukouType: HukouType;
  livingSons: number;
  livingDaughters: number;
  deceasedChildren: number;
  outOfPolicyBirth: "no" | "yes";
};

export function checkFamily(values: CheckValues): Family {
  return {
    applicant: { birthDate: values.birthDate, hukouType: values.hukouType },
    children: [
      ...Array.from({ length: values.livingSons }, () => ({ sex: "male" as const, status: "living" as const })),
      ...Array.from({ length: values.livingDaughters }, () => ({ sex: "female" as const, status: "living" as const })),
      ...Array.from({ length: values.deceasedChildren }, () => ({ sex: "female" as const, status: "deceased" as const })),
    ],
    outOfPolicyBirth: values.outOfPolicyBirth === "yes",
  };
}

/**
 * Each condition met or not, and the yearly amount: from the month after approval at the
 * earliest, or, when only the age is missing, from the month after the birthday that completes it.
 */
export function evaluateCheck(values: CheckValues, { today }: { today: Date }): CheckResult {
  const day = isoDay(today);
  const family = checkFamily(values);
  const list = conditions(family, day);
  const eligible = list.every((condition) => condition.met);
  const onlyAgeMissing = !eligible && list.every((condition) => condition.met || condition.id === "age") && values.birthDate >= policy.bornOnOrAfter.value;
  const figure = amountPerYear(tierOf(family.children));
  const from = eligible ? firstOfMonth(day, policy.startsMonthsAfterApproval.value) : firstOfMonth(birthdayAt(values.birthDate, policy.minimumAge.value), policy.startsMonthsAfterApproval.value);
  return {
    conditions: list.map((condition) => ({ labelKey: `${ns}:conditions.${condition.id}`, values: textValues, met: condition.met })),
    eligible,
    ...(eligible || onlyAgeMissing ? { amount: { value: figure.value, period: "year" as const, from, labelKey: `${ns}:check.amount.${tierOf(family.children)}`, sample: figure.sample } } : {}),
  };
}
