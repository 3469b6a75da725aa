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

const ns = "special-assistance";

// Urban and rural families alike: no hukou type is asked, only the village that reviews first.
export const steps: Step[] = [
  {
    id: "applicant",
    titleKey: `${ns}:steps.applicant`,
    descriptionKey: `${ns}:steps.applicantDescription`,
    fields: [...personFields(ns), ...residenceFields(ns), maritalStatusField(ns)],
    schema: (ctx) =>
      z
        .object({
          ...personShape(ns, "applicant", ctx),
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
    fields: [...personFields(ns), coApplyField(ns)],
    schema: (ctx) =>
      z
        .object({ ...personShape(ns, "spouse", ctx), coApply: oneOf(["yes", "no"], `${ns}:missing.spouse.coApply`) })
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
    id: "payment",
    titleKey: `${ns}:steps.payment`,
    descriptionKey: `${ns}:steps.paymentDescription`,
    fields: paymentFields(ns),
    schema: () => paymentSchema(ns),
  },
];
