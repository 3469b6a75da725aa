import { z } from "zod";
import type { Step } from "~/engine/define-service";
import {
  MARITAL_STATUSES,
  checkBirthDateAgrees,
  checkVillageInTownship,
  childFields,
  childrenCount,
  childrenCountField,
  childrenCountShape,
  childrenSchema,
  coApplyField,
  hukouTypeField,
  hukouTypeShape,
  isMarried,
  maritalStatusField,
  oneOf,
  paymentFields,
  paymentSchema,
  personFields,
  personShape,
  residenceFields,
  residenceShape,
} from "../shared/family-steps";

import { policy } from "./policy";

const ns = "reward-assistance";

export const steps: Step[] = [
  {
    id: "applicant",
    titleKey: `${ns}:steps.applicant`,
    descriptionKey: `${ns}:steps.applicantDescription`,
    fields: [...personFields(ns), hukouTypeField(ns), ...residenceFields(ns), maritalStatusField(ns)],
    schema: (ctx) =>
      z
        .object({
          ...personShape(ns, "applicant", ctx),
          ...hukouTypeShape(ns, "applicant"),
          ...residenceShape(ns, "applicant", ctx),
          maritalStatus: oneOf(MARITAL_STATUSES, `${ns}:missing.applicant.maritalStatus`),
        })
        .superRefine((value, issue) => {
          checkBirthDateAgrees(ns, value, issue);
          checkVillageInTownship(ns, value, issue);
        }),
  },
  {
    id: "spouse",
    titleKey: `${ns}:steps.spouse`,
    descriptionKey: `${ns}:steps.spouseDescription`,
    when: isMarried,
    fields: [...personFields(ns), hukouTypeField(ns), coApplyField(ns)],
    schema: (ctx) =>
      z
        .object({ ...personShape(ns, "spouse", ctx), ...hukouTypeShape(ns, "spouse"), coApply: oneOf(["yes", "no"], `${ns}:missing.spouse.coApply`) })
        .superRefine((value, issue) => checkBirthDateAgrees(ns, value, issue)),
  },
  {
    id: "children",
    titleKey: `${ns}:steps.children`,
    fields: [childrenCountField(ns)],
    schema: () => z.object(childrenCountShape(ns)),
  },
  {
    id: "childrenDetails",
    titleKey: `${ns}:steps.childrenDetails`,
    descriptionKey: `${ns}:steps.childrenDetailsDescription`,
    when: (answers) => childrenCount(answers) > 0,
    fields: (answers) => Array.from({ length: childrenCount(answers) }, (_, index) => childFields(ns, index)).flat(),
    schema: (ctx) => childrenSchema(ns, ctx),
  },
  {
    id: "declaration",
    titleKey: `${ns}:steps.declaration`,
    descriptionKey: `${ns}:steps.declarationDescription`,
    fields: [
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
    schema: () => z.object({ outOfPolicyBirth: oneOf(["no", "yes"], `${ns}:missing.declaration.outOfPolicyBirth`) }),
  },
  {
    id: "payment",
    titleKey: `${ns}:steps.payment`,
    descriptionKey: `${ns}:steps.paymentDescription`,
    fields: paymentFields(ns),
    schema: () => paymentSchema(ns),
  },
];
