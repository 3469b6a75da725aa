import type { Answers, AwardTerms, CheckResult, EligibilityResult } from "~/engine/define-service";
import { isoDay } from "~/engine/fields";
import { ageOn, birthdayAt, firstOfMonth } from "~/lib/calendar";
import { childrenOf, disabilityGrade, idFacts, isMarried, personOf, spouseCoApplies, type Child, type ChildStatus } from "../shared/family-steps";
import { policy } from "./policy";

/**
 * The rules of 特别扶助, pure and read from policy.ts. The application's eligibility, the
 * public check and the award terms all call these, so there is one statement of each rule.
 */

const ns = "special-assistance";

export type Parent = { birthDate: string; sex: "female" | "male" };
export type Family = {
  applicant: Parent;
  /** The living spouse, if married; `coApplies` when the spouse applies in the same case. */
  spouse?: Parent & { coApplies: boolean };
  /** Every child ever born or adopted. */
  children: Pick<Child, "status">[];
};

export type ConditionId = "bornFrom" | "motherAge" | "singleParentAge" | "oneChild" | "childStatus";
export type Condition = { id: ConditionId; met: boolean; stepId: string };
export type Situation = "death" | "disability";

/** The mother's age counts; in a single-parent family (widowed, divorced), the parent's own. */
function ageCondition(family: Family, day: string): Condition {
  const woman = [family.applicant, family.spouse].find((parent) => parent?.sex === "female");
  if (family.spouse) return { id: "motherAge", met: !!woman && ageOn(woman.birthDate, day) >= policy.womanMinimumAge.value, stepId: family.applicant.sex === "female" ? "applicant" : "spouse" };
  return { id: "singleParentAge", met: ageOn(family.applicant.birthDate, day) >= policy.singleParentMinimumAge.value, stepId: "applicant" };
}

/** The only child died, or has a disability of grade 1 to policy.worstQualifyingGrade. */
export function situationOf(status: ChildStatus | undefined): Situation | null {
  if (status === "deceased") return "death";
  const grade = status ? disabilityGrade(status) : null;
  return grade !== null && grade <= policy.worstQualifyingGrade.value ? "disability" : null;
}

export function conditions(family: Family, day: string): Condition[] {
  const parents = [family.applicant, family.spouse].filter((parent) => !!parent);
  return [
    { id: "bornFrom", met: parents.every((parent) => parent.birthDate >= policy.bornOnOrAfter.value), stepId: family.applicant.birthDate >= policy.bornOnOrAfter.value ? "spouse" : "applicant" },
    ageCondition(family, day),
    { id: "oneChild", met: family.children.length === 1, stepId: "children" },
    { id: "childStatus", met: family.children.length === 1 && situationOf(family.children[0].status) !== null, stepId: "childrenDetails" },
  ];
}

export function amountPerMonth(situation: Situation) {
  return situation === "death" ? policy.perMonthDeath : policy.perMonthDisability;
}

/** Figures the condition texts interpolate. */
export const textValues = {
  bornOnOrAfter: policy.bornOnOrAfter.value,
  womanMinimumAge: policy.womanMinimumAge.value,
  singleParentMinimumAge: policy.singleParentMinimumAge.value,
  worstQualifyingGrade: policy.worstQualifyingGrade.value,
  nationalPerMonthDeath: policy.nationalPerMonthDeath.value,
  nationalPerMonthDisability: policy.nationalPerMonthDisability.value,
  perMonthDeath: policy.perMonthDeath.value,
  perMonthDisability: policy.perMonthDisability.value,
};

/* The application ------------------------------------------------------------------------ */

function parentOf(answers: Answers, stepId: string): Parent | undefined {
  const person = personOf(answers, stepId);
  const facts = idFacts(person?.idNumber);
  return person && facts ? { birthDate: person.birthDate, sex: facts.sex } : undefined;
}

export function familyOf(answers: Answers): Family | null {
  const applicant = parentOf(answers, "applicant");
  if (!applicant) return null;
  const spouse = isMarried(answers) ? parentOf(answers, "spouse") : undefined;
  return { applicant, spouse: spouse ? { ...spouse, coApplies: spouseCoApplies(answers) } : undefined, children: childrenOf(answers) };
}

export function specialEligibility(answers: Answers, { today }: { today: Date }): EligibilityResult {
  const family = familyOf(answers);
  if (!family) return { eligible: false, reasonKeys: [`${ns}:conditions.bornFrom`], stepId: "applicant" };
  const unmet = conditions(family, isoDay(today)).filter((condition) => !condition.met);
  return unmet.length === 0 ? { eligible: true } : { eligible: false, reasonKeys: unmet.map((condition) => `${ns}:conditions.${condition.id}`), stepId: unmet[0].stepId };
}

/** Yuan per person per month: the death or the disability rate. */
export const awardAmount = (answers: Answers) => amountPerMonth(situationOf(childrenOf(answers)[0]?.status) ?? "disability").value;

/** The parents paid (each on their own): the applicant, and the spouse when applying too. */
export function specialTerms(answers: Answers, { approvedOn }: { approvedOn: string }): AwardTerms {
  const people = [personOf(answers, "applicant"), spouseCoApplies(answers) ? personOf(answers, "spouse") : undefined].filter((person) => !!person);
  return {
    beneficiaries: people.map((person) => ({ idNumber: person.idNumber, name: person.name })),
    amount: awardAmount(answers),
    period: "month",
    startsOn: firstOfMonth(approvedOn, policy.startsMonthsAfterApproval.value),
  };
}

/* The public check ----------------------------------------------------------------------- */

export type CheckValues = {
  sex: "female" | "male";
  birthDate: string;
  /** Empty for a single parent (widowed or divorced). */
  spouseBirthDate?: string;
  childrenCount: number;
  childStatus: ChildStatus;
};

export function checkFamily(values: CheckValues): Family {
  return {
    applicant: { birthDate: values.birthDate, sex: values.sex },
    spouse: values.spouseBirthDate ? { birthDate: values.spouseBirthDate, sex: values.sex === "female" ? "male" : "female", coApplies: true } : undefined,
    // The status asked is that of the only (or first) child; the count says whether there were more.
    children: Array.from({ length: values.childrenCount }, (_, index) => ({ status: index === 0 ? values.childStatus : "living" })),
  };
}

/**
 * Each condition met or not, and the monthly amount: from the month after approval at the
 * earliest, or, when only the age is missing, from the month after the birthday that completes it.
 */
export function evaluateCheck(values: CheckValues, { today }: { today: Date }): CheckResult {
  const day = isoDay(today);
  const family = checkFamily(values);
  const list = conditions(family, day);
  const eligible = list.every((condition) => condition.met);
  const age = list.find((condition) => condition.id === "motherAge" || condition.id === "singleParentAge")!;
  const onlyAgeMissing = !eligible && list.every((condition) => condition.met || condition === age);
  const situation = situationOf(family.children[0]?.status);
  let from = firstOfMonth(day, policy.startsMonthsAfterApproval.value);
  if (onlyAgeMissing) {
    const ageHolder = age.id === "motherAge" ? (values.sex === "female" ? values.birthDate : values.spouseBirthDate!) : values.birthDate;
    from = firstOfMonth(birthdayAt(ageHolder, age.id === "motherAge" ? policy.womanMinimumAge.value : policy.singleParentMinimumAge.value), policy.startsMonthsAfterApproval.value);
  }
  const figure = situation ? amountPerMonth(situation) : null;
  return {
    conditions: list.map((condition) => ({ labelKey: `${ns}:conditions.${condition.id}`, values: textValues, met: condition.met })),
    eligible,
    ...((eligible || onlyAgeMissing) && figure ? { amount: { value: figure.value, period: "month" as const, from, labelKey: `${ns}:check.amount.${situation}`, sample: figure.sample } } : {}),
  };
}
