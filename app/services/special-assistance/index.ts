import { z } from "zod";
import { defineService, type Answers, type CaseSubject, type CrossCheckIssue } from "~/engine/define-service";
import { date, integer } from "~/engine/fields";
import {
  CHILD_STATUSES,
  accountHolderIsBeneficiary,
  childrenBornAfterParents,
  childrenOf,
  contactPhoneOf,
  isMarried,
  named,
  oneOf,
  personOf,
  spouseCoApplies,
  paymentAccountOf,
  spouseIsOtherPerson,
} from "../shared/family-steps";
import { awardAmount, evaluateCheck, situationOf, specialEligibility, specialTerms, textValues, type CheckValues } from "./eligibility";
import en from "./locales/en.json";
import zhCN from "./locales/zh-CN.json";
import { policy } from "./policy";
import { steps } from "./steps";

const ns = "special-assistance";

const applicantOf = (answers: Answers) => personOf(answers, "applicant");
const spouseOf = (answers: Answers) => (isMarried(answers) ? personOf(answers, "spouse") : undefined);
/** The people this case asks an award for: the applicant, and the spouse when applying too. */
const claimants = (answers: Answers) => [applicantOf(answers), spouseCoApplies(answers) ? spouseOf(answers) : undefined].filter((person) => !!person);
const onlyChildSituation = (answers: Answers) => situationOf(childrenOf(answers)[0]?.status);

function crossChecks(answers: Answers): CrossCheckIssue[] {
  const parents = [applicantOf(answers), spouseOf(answers)].filter((person) => !!person);
  return [
    ...spouseIsOtherPerson(ns, applicantOf(answers), spouseOf(answers)),
    ...childrenBornAfterParents(ns, parents, childrenOf(answers), "childrenDetails", (index) => `children[${index}].birthDate`),
    ...accountHolderIsBeneficiary(ns, answers, claimants(answers)),
  ];
}

export default defineService({
  slug: ns,
  refCode: "TF",
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
    { key: "onlyChildProof", labelKey: `${ns}:materials.onlyChildProof`, hintKey: `${ns}:materials.onlyChildProofHint`, required: () => true },
    { key: "deathCertificate", labelKey: `${ns}:materials.deathCertificate`, hintKey: `${ns}:materials.deathCertificateHint`, required: (answers) => onlyChildSituation(answers) === "death" },
    {
      key: "disabilityCertificate",
      labelKey: `${ns}:materials.disabilityCertificate`,
      hintKey: `${ns}:materials.disabilityCertificateHint`,
      required: (answers) => childrenOf(answers).some((child) => child.status.startsWith("disability")),
    },
  ],
  eligibility: specialEligibility,
  check: {
    fields: [
      {
        name: "sex",
        kind: "radio",
        labelKey: `${ns}:check.fields.sex`,
        options: [
          { value: "female", labelKey: "common:sex.female" },
          { value: "male", labelKey: "common:sex.male" },
        ],
      },
      { name: "birthDate", kind: "date", labelKey: `${ns}:check.fields.birthDate` },
      { name: "spouseBirthDate", kind: "date", labelKey: `${ns}:check.fields.spouseBirthDate`, hintKey: `${ns}:check.hints.spouseBirthDate`, optional: true },
      { name: "childrenCount", kind: "text", inputMode: "numeric", labelKey: `${ns}:fields.childrenCount`, hintKey: `${ns}:hints.childrenCount`, maxLength: 1, width: "short" },
      {
        name: "childStatus",
        kind: "select",
        labelKey: `${ns}:check.fields.childStatus`,
        hintKey: `${ns}:hints.childStatus`,
        options: CHILD_STATUSES.map((value) => ({ value, labelKey: `${ns}:options.childStatus.${value}` })),
        width: "medium",
      },
    ],
    schema: ({ today }) =>
      z.object({
        sex: oneOf(["female", "male"], `${ns}:check.missing.sex`),
        birthDate: named(`${ns}:check.missing.birthDate`, date({ notFuture: true, today })),
        spouseBirthDate: date({ notFuture: true, today }).optional(),
        childrenCount: named(`${ns}:check.missing.childrenCount`, integer(0, 9)),
        childStatus: oneOf(CHILD_STATUSES, `${ns}:check.missing.childStatus`),
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
    // 特别扶助 ends when the couple has or adopts another child: a birth registered for either of them ends it.
    endsWhen: [{ service: "birth-registration", subjectRoles: ["applicant", "spouse"], reason: "new_child" }],
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
        { labelKey: `${ns}:letter.amountPerMonth`, value: String(awardAmount(answers)) },
        { labelKey: `${ns}:fields.bankName`, value: String(answers.payment?.bankName ?? "") },
        { labelKey: `${ns}:fields.accountNumber`, value: String(answers.payment?.accountNumber ?? ""), mask: "bankAccount" as const },
      ];
    },
    terms: (answers, ctx) => ({ ...specialTerms(answers, ctx), bankAccount: paymentAccountOf(answers) }),
  },
  policy,
  textValues: { ...textValues, correctionDays: policy.correctionWorkingDays.value, noticeDays: policy.noticeDays.value },
  locales: { "zh-CN": zhCN, en },
});
