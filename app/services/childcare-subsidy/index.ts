import { z } from "zod";
import { defineService, type Answers, type CaseSubject, type CrossCheckIssue } from "~/engine/define-service";
import { date } from "~/engine/fields";
import { accountHolderIsBeneficiary, childrenBornAfterParents, contactPhoneOf, named, oneOf, personOf, paymentAccountOf } from "../shared/family-steps";
import { childcareEligibility, childcareTerms, evaluateCheck, subsidyEndsOn, subsidyMonths, subsidyStartsOn, textValues, type CheckValues } from "./eligibility";
import en from "./locales/en.json";
import zhCN from "./locales/zh-CN.json";
import { policy } from "./policy";
import { steps } from "./steps";

const ns = "childcare-subsidy";

const applicantOf = (answers: Answers) => personOf(answers, "applicant");
const childOf = (answers: Answers) => personOf(answers, "child");

function crossChecks(answers: Answers): CrossCheckIssue[] {
  const applicant = applicantOf(answers);
  const child = childOf(answers);
  return [
    ...childrenBornAfterParents(ns, applicant ? [applicant] : [], child ? [child] : [], "child", () => "birthDate"),
    ...accountHolderIsBeneficiary(ns, answers, applicant ? [applicant] : []),
  ];
}

export default defineService({
  slug: ns,
  refCode: "YE",
  titleKey: `${ns}:title`,
  summaryKey: `${ns}:summary`,
  startPage: {
    whoKeys: [`${ns}:start.who1`, `${ns}:start.who2`, `${ns}:start.who3`],
    needKeys: [`${ns}:start.need1`, `${ns}:start.need2`, `${ns}:start.need3`, `${ns}:start.need4`],
    legalBasisKey: `${ns}:start.legalBasis`,
  },
  steps,
  materials: [
    { key: "applicantIdCard", labelKey: `${ns}:materials.applicantIdCard`, required: () => true },
    { key: "birthMedicalCertificate", labelKey: `${ns}:materials.birthMedicalCertificate`, required: () => true },
    { key: "hukouBooklet", labelKey: `${ns}:materials.hukouBooklet`, hintKey: `${ns}:materials.hukouBookletHint`, required: () => true },
    { key: "guardianship", labelKey: `${ns}:materials.guardianship`, hintKey: `${ns}:materials.guardianshipHint`, required: (answers) => answers.applicant?.relationship === "guardian" },
  ],
  eligibility: childcareEligibility,
  check: {
    fields: [
      { name: "childBirthDate", kind: "date", labelKey: `${ns}:fields.childBirthDate` },
      {
        name: "hukouInRegion",
        kind: "radio",
        labelKey: `${ns}:check.fields.hukouInRegion`,
        options: [
          { value: "yes", labelKey: "common:yes" },
          { value: "no", labelKey: "common:no" },
        ],
      },
    ],
    schema: ({ today }) =>
      z.object({
        childBirthDate: named(`${ns}:missing.child.birthDate`, date({ notFuture: true, today })),
        hukouInRegion: oneOf(["yes", "no"], `${ns}:check.missing.hukouInRegion`),
      }),
    evaluate: (values, ctx) => evaluateCheck(values as CheckValues, ctx),
  },
  crossChecks,
  jurisdictionOf: (answers) => (answers.child?.village as string | undefined) ?? null,
  subjects: (answers) => {
    const applicant = applicantOf(answers);
    const child = childOf(answers);
    const subjects: CaseSubject[] = [];
    if (applicant) subjects.push({ role: "applicant", idNumber: applicant.idNumber, name: applicant.name });
    if (child) subjects.push({ role: "child", idNumber: child.idNumber, name: child.name });
    return subjects;
  },
  // Paid once per child, whichever parent or guardian applies.
  claims: (answers) => {
    const child = childOf(answers);
    return child ? [{ scope: "child", idNumbers: [child.idNumber] }] : [];
  },
  contactPhoneOf,
  workflow: {
    // First review within the promised working days; no public notice is required for this subsidy.
    stages: [
      { kind: "review", id: "township_review", role: "township_reviewer", depth: "township", timeLimitDays: policy.firstReviewWorkingDays.value },
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
      const child = childOf(answers);
      const birthDate = child?.birthDate ?? "";
      return [
        { labelKey: `${ns}:letter.applicantName`, value: applicant?.name ?? "", mask: "name" as const },
        { labelKey: `${ns}:letter.applicantId`, value: applicant?.idNumber ?? "", mask: "residentId" as const },
        { labelKey: `${ns}:letter.childName`, value: child?.name ?? "", mask: "name" as const },
        { labelKey: `${ns}:letter.childId`, value: child?.idNumber ?? "", mask: "residentId" as const },
        { labelKey: `${ns}:fields.childBirthDate`, value: birthDate },
        { labelKey: `${ns}:letter.amountPerMonth`, value: String(policy.perChildPerMonth.value) },
        ...(birthDate
          ? [
              { labelKey: `${ns}:letter.period`, value: `${subsidyStartsOn(birthDate)} – ${subsidyEndsOn(birthDate)}` },
              { labelKey: `${ns}:letter.months`, value: String(subsidyMonths(birthDate)) },
            ]
          : []),
        { labelKey: `${ns}:fields.bankName`, value: String(answers.payment?.bankName ?? "") },
        { labelKey: `${ns}:fields.accountNumber`, value: String(answers.payment?.accountNumber ?? ""), mask: "bankAccount" as const },
      ];
    },
    terms: (answers) => ({ ...childcareTerms(answers), bankAccount: paymentAccountOf(answers) }),
  },
  policy,
  textValues: { ...textValues, correctionDays: policy.correctionWorkingDays.value },
  locales: { "zh-CN": zhCN, en },
});
