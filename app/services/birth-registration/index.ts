import { defineService, type Answers, type CrossCheckIssue, type EligibilityResult } from "~/engine/define-service";
import { isoDay } from "~/engine/fields";
import en from "./locales/en.json";
import zhCN from "./locales/zh-CN.json";
import { policy } from "./policy";
import { OUTSIDE_COUNTY, childrenCount, steps } from "./steps";

const ns = "birth-registration";

type Spouse = { name: string; idNumber: string; birthDate: string; hukouTownship: string; residentSince?: string };

const spouse = (answers: Answers, who: "woman" | "man") => answers[who] as Spouse | undefined;

/** One spouse has hukou in the county, or the woman has lived here long enough (policy.minimumResidenceMonths). */
export function birthRegistrationEligibility(answers: Answers, { today }: { today: Date }): EligibilityResult {
  const woman = spouse(answers, "woman");
  const man = spouse(answers, "man");
  const localHukou = [woman, man].some((person) => person && person.hukouTownship !== OUTSIDE_COUNTY);
  if (localHukou) return { eligible: true };
  const monthAgo = new Date(today);
  monthAgo.setUTCMonth(monthAgo.getUTCMonth() - policy.minimumResidenceMonths.value);
  if (woman?.residentSince && woman.residentSince <= isoDay(monthAgo)) return { eligible: true };
  return { eligible: false, reasonKeys: [`${ns}:eligibility.residence`], stepId: "woman" };
}

function crossChecks(answers: Answers): CrossCheckIssue[] {
  const issues: CrossCheckIssue[] = [];
  const order = Number(answers.application?.childOrder);
  const existing = childrenCount(answers);
  if (Number.isInteger(order) && order !== existing + 1) {
    issues.push({ stepId: "application", field: "childOrder", messageKey: `${ns}:errors.childOrder`, values: { expected: existing + 1 } });
  }
  const marriageDate = answers.marriage?.marriageDate as string | undefined;
  for (const who of ["woman", "man"] as const) {
    const birthDate = spouse(answers, who)?.birthDate;
    if (marriageDate && birthDate && marriageDate < birthDate) {
      issues.push({ stepId: "marriage", field: "marriageDate", messageKey: `${ns}:errors.marriageBeforeBirth` });
    }
  }
  return issues;
}

export default defineService({
  slug: ns,
  refCode: "SY",
  titleKey: `${ns}:title`,
  summaryKey: `${ns}:summary`,
  startPage: {
    whoKeys: [`${ns}:start.who1`, `${ns}:start.who2`],
    needKeys: [`${ns}:start.need1`, `${ns}:start.need2`, `${ns}:start.need3`, `${ns}:start.need4`],
    legalBasisKey: `${ns}:start.legalBasis`,
  },
  steps,
  materials: [
    { key: "womanIdCard", labelKey: `${ns}:materials.womanIdCard`, required: () => true },
    { key: "manIdCard", labelKey: `${ns}:materials.manIdCard`, required: () => true },
    { key: "womanHukou", labelKey: `${ns}:materials.womanHukou`, hintKey: `${ns}:materials.hukouHint`, required: () => true },
    { key: "manHukou", labelKey: `${ns}:materials.manHukou`, hintKey: `${ns}:materials.hukouHint`, required: () => true },
    { key: "marriageCert", labelKey: `${ns}:materials.marriageCert`, required: () => true },
    {
      key: "divorcePapers",
      labelKey: `${ns}:materials.divorcePapers`,
      hintKey: `${ns}:materials.divorceHint`,
      required: (answers) => answers.marriage?.remarried === "yes",
    },
  ],
  eligibility: birthRegistrationEligibility,
  crossChecks,
  jurisdictionOf: (answers) => (answers.application?.village as string | undefined) ?? null,
  subjects: (answers) => {
    const woman = spouse(answers, "woman");
    const man = spouse(answers, "man");
    return [
      ...(woman ? [{ role: "applicant" as const, idNumber: woman.idNumber, name: woman.name }] : []),
      ...(man ? [{ role: "spouse" as const, idNumber: man.idNumber, name: man.name }] : []),
    ];
  },
  // A couple holds one live registration per child order.
  claims: (answers) => {
    const woman = spouse(answers, "woman");
    const man = spouse(answers, "man");
    const order = answers.application?.childOrder;
    return woman && man && order !== undefined ? [{ scope: `childOrder:${order}`, idNumbers: [woman.idNumber, man.idNumber] }] : [];
  },
  contactPhoneOf: (answers) => (answers.application?.contactPhone as string | undefined) ?? null,
  workflow: {
    stages: [{ kind: "review", id: "township_review", role: "township_reviewer", depth: "township", timeLimitDays: policy.promisedWorkingDays.value }],
    correctionDays: policy.correctionWorkingDays.value,
    instantOnMatch: true,
    recordChecks: (answers) => {
      const marriage = answers.marriage as { marriageDate: string; marriageCertNo: string } | undefined;
      return (["woman", "man"] as const).flatMap((who) => {
        const person = spouse(answers, who);
        if (!person) return [];
        return [
          {
            subjectKey: `${ns}:steps.${who}`,
            idNumber: person.idNumber,
            fields: [
              { key: "name" as const, labelKey: `${ns}:fields.name`, declared: person.name },
              { key: "birthDate" as const, labelKey: `${ns}:fields.birthDate`, declared: person.birthDate },
              { key: "hukouTownship" as const, labelKey: `${ns}:fields.hukouTownship`, declared: person.hukouTownship === OUTSIDE_COUNTY ? null : person.hukouTownship },
              { key: "marriageDate" as const, labelKey: `${ns}:fields.marriageDate`, declared: marriage?.marriageDate ?? null },
              { key: "marriageCertNo" as const, labelKey: `${ns}:fields.marriageCertNo`, declared: marriage?.marriageCertNo ?? null },
              ...(who === "woman" ? [{ key: "childrenCount" as const, labelKey: `${ns}:fields.existingChildren`, declared: childrenCount(answers) }] : []),
            ],
          },
        ];
      });
    },
  },
  output: {
    kind: "certificate",
    titleKey: `${ns}:certificate.title`,
    subtitleKey: `${ns}:certificate.subtitle`,
    lines: (answers) => {
      const woman = spouse(answers, "woman");
      const man = spouse(answers, "man");
      const application = answers.application as { childOrder: number; dueDate?: string } | undefined;
      return [
        { labelKey: `${ns}:certificate.womanName`, value: woman?.name ?? "", mask: "name" as const },
        { labelKey: `${ns}:certificate.womanId`, value: woman?.idNumber ?? "", mask: "residentId" as const },
        { labelKey: `${ns}:certificate.manName`, value: man?.name ?? "", mask: "name" as const },
        { labelKey: `${ns}:certificate.manId`, value: man?.idNumber ?? "", mask: "residentId" as const },
        { labelKey: `${ns}:fields.marriageDate`, value: (answers.marriage?.marriageDate as string) ?? "" },
        { labelKey: `${ns}:fields.existingChildren`, value: String(childrenCount(answers)) },
        { labelKey: `${ns}:certificate.childOrder`, value: String(application?.childOrder ?? "") },
        ...(application?.dueDate ? [{ labelKey: `${ns}:fields.dueDate`, value: application.dueDate }] : []),
      ];
    },
  },
  policy,
  textValues: { months: policy.minimumResidenceMonths.value, count: policy.minimumResidenceMonths.value },
  locales: { "zh-CN": zhCN, en },
});
