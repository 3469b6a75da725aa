import { z } from "zod";
import { defineService, type Answers, type CaseSubject, type CrossCheckIssue, type Field } from "~/engine/define-service";
import { date, integer } from "~/engine/fields";
import {
  HUKOU_TYPES,
  accountHolderIsBeneficiary,
  childrenBornAfterParents,
  childrenOf,
  contactPhoneOf,
  hukouTypeField,
  isMarried,
  named,
  oneOf,
  personOf,
  spouseCoApplies,
  paymentAccountOf,
  spouseIsOtherPerson,
} from "../shared/family-steps";
import { awardAmount, evaluateCheck, rewardEligibility, rewardTerms, textValues, type CheckValues } from "./eligibility";
import en from "./locales/en.json";
import zhCN from "./locales/zh-CN.json";
import { policy } from "./policy";
import { steps } from "./steps";

const ns = "reward-assistance";

const applicantOf = (answers: Answers) => personOf(answers, "applicant");
const spouseOf = (answers: Answers) => (isMarried(answers) ? personOf(answers, "spouse") : undefined);
/** The people this case asks an award for: the applicant, and the spouse when applying too. */
const claimants = (answers: Answers) => [applicantOf(answers), spouseCoApplies(answers) ? spouseOf(answers) : undefined].filter((person) => !!person);

function crossChecks(answers: Answers): CrossCheckIssue[] {
  const parents = [applicantOf(answers), spouseOf(answers)].filter((person) => !!person);
  return [
    ...spouseIsOtherPerson(ns, applicantOf(answers), spouseOf(answers)),
    ...childrenBornAfterParents(ns, parents, childrenOf(answers), "childrenDetails", (index) => `children[${index}].birthDate`),
    ...accountHolderIsBeneficiary(ns, answers, claimants(answers)),
  ];
}

const count = (name: string): Field => ({ name, kind: "text", inputMode: "numeric", labelKey: `${ns}:check.fields.${name}`, hintKey: `${ns}:check.hints.${name}`, maxLength: 1, width: "short" });

export default defineService({
  slug: ns,
  refCode: "JF",
  titleKey: `${ns}:title`,
  summaryKey: `${ns}:summary`,
  startPage: {
    whoKeys: [`${ns}:start.who1`, `${ns}:start.who2`, `${ns}:start.who3`, `${ns}:start.who4`],
    needKeys: [`${ns}:start.need1`, `${ns}:start.need2`, `${ns}:start.need3`, `${ns}:start.need4`],
    legalBasisKey: `${ns}:start.legalBasis`,
  },
  steps,
  materials: [
    { key: "applicantIdCard", labelKey: `${ns}:materials.applicantIdCard`, required: () => true },
    { key: "spouseIdCard", labelKey: `${ns}:materials.spouseIdCard`, required: isMarried },
    { key: "hukouBooklet", labelKey: `${ns}:materials.hukouBooklet`, hintKey: `${ns}:materials.hukouBookletHint`, required: () => true },
    {
      key: "childDeathProof",
      labelKey: `${ns}:materials.childDeathProof`,
      hintKey: `${ns}:materials.childDeathProofHint`,
      required: (answers) => childrenOf(answers).some((child) => child.status === "deceased"),
    },
  ],
  eligibility: rewardEligibility,
  check: {
    fields: [
      { name: "birthDate", kind: "date", labelKey: `${ns}:check.fields.birthDate`, hintKey: `${ns}:check.hints.birthDate` },
      { ...hukouTypeField(ns), labelKey: `${ns}:check.fields.hukouType` },
      count("livingSons"),
      count("livingDaughters"),
      count("deceasedChildren"),
      {
        name: "outOfPolicyBirth",
        kind: "radio",
        labelKey: `${ns}:fields.outOfPolicyBirth`,
        labelValues: { from: policy.policyPeriodFrom.value, to: policy.policyPeriodTo.value },
        hintKey: `${ns}:hints.outOfPolicyBirth`,
        options: [
          { value: "no", labelKey: `${ns}:options.outOfPolicyBirth.no` },
          { value: "yes", labelKey: `${ns}:options.outOfPolicyBirth.yes` },
        ],
      },
    ],
    schema: ({ today }) =>
      z.object({
        birthDate: named(`${ns}:check.missing.birthDate`, date({ notFuture: true, today })),
        hukouType: oneOf(HUKOU_TYPES, `${ns}:check.missing.hukouType`),
        livingSons: named(`${ns}:check.missing.livingSons`, integer(0, 9)),
        livingDaughters: named(`${ns}:check.missing.livingDaughters`, integer(0, 9)),
        deceasedChildren: named(`${ns}:check.missing.deceasedChildren`, integer(0, 9)),
        outOfPolicyBirth: oneOf(["no", "yes"], `${ns}:check.missing.outOfPolicyBirth`),
      }),
    evaluate: (values, ctx) => evaluateCheck(values as CheckValues, ctx),
  },
  crossChecks,
  jurisdictionOf: (answers) => (answers.applicant?.village as string | undefined) ?? null,
  subjects: (answers) => {
    const applicant = applicantOf(answers);
    const spouse = spouseOf(answers);
    const subjects: CaseSubject[] = [];
    if (applicant) subjects.push({ role: "applicant", idNumber: applicant.idNumber, name: applicant.name });
    if (spouse) subjects.push({ role: "spouse", idNumber: spouse.idNumber, name: spouse.name });
    for (const child of childrenOf(answers)) if (child.idNumber) subjects.push({ role: "child", idNumber: child.idNumber, name: child.name });
    return subjects;
  },
  // One live award per person: each parent paid holds their own claim.
  claims: (answers) => claimants(answers).map((person) => ({ scope: "award", idNumbers: [person.idNumber] })),
  contactPhoneOf,
  workflow: {
    stages: [
      { kind: "review", id: "village_review", role: "village_staff", depth: "village", timeLimitDays: policy.villageReviewWorkingDays.value },
      { kind: "review", id: "township_review", role: "township_reviewer", depth: "township", timeLimitDays: policy.townshipReviewWorkingDays.value },
      { kind: "notice", id: "notice", days: policy.noticeDays.value, shownAt: "village", objections: true },
      { kind: "review", id: "county_approval", role: "county_admin", depth: "county", timeLimitDays: policy.countyApprovalWorkingDays.value },
    ],
    instantOnMatch: false,
    correctionDays: policy.correctionWorkingDays.value,
  },
  output: {
    kind: "award",
    titleKey: `${ns}:letter.title`,
    lines: (answers) => {
      const applicant = applicantOf(answers);
      const spouse = spouseCoApplies(answers) ? spouseOf(answers) : undefined;
      return [
        { labelKey: `${ns}:letter.applicantName`, value: applicant?.name ?? "", mask: "name" as const },
        { labelKey: `${ns}:letter.applicantId`, value: applicant?.idNumber ?? "", mask: "residentId" as const },
        ...(spouse
          ? [
              { labelKey: `${ns}:letter.spouseName`, value: spouse.name, mask: "name" as const },
              { labelKey: `${ns}:letter.spouseId`, value: spouse.idNumber, mask: "residentId" as const },
            ]
          : []),
        { labelKey: `${ns}:letter.amountPerYear`, value: String(awardAmount(answers)) },
        { labelKey: `${ns}:fields.bankName`, value: String(answers.payment?.bankName ?? "") },
        { labelKey: `${ns}:fields.accountNumber`, value: String(answers.payment?.accountNumber ?? ""), mask: "bankAccount" as const },
      ];
    },
    terms: (answers, ctx) => ({ ...rewardTerms(answers, ctx), bankAccount: paymentAccountOf(answers) }),
  },
  policy,
  textValues: { ...textValues, correctionDays: policy.correctionWorkingDays.value, noticeDays: policy.noticeDays.value },
  locales: { "zh-CN": zhCN, en },
});
