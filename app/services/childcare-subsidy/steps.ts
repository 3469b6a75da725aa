import { z } from "zod";
import type { Step } from "~/engine/define-service";
import { text } from "~/engine/fields";
import { checkBirthDateAgrees, checkVillageInTownship, idFacts, named, oneOf, paymentFields, paymentSchema, personFields, personShape, residenceFields, residenceShape } from "../shared/family-steps";

const ns = "childcare-subsidy";

/** A parent applies, or a guardian (who then uploads the guardianship papers). */
export const RELATIONSHIPS = ["mother", "father", "guardian"] as const;

export const steps: Step[] = [
  {
    id: "applicant",
    titleKey: `${ns}:steps.applicant`,
    descriptionKey: `${ns}:steps.applicantDescription`,
    fields: [
      ...personFields(ns),
      { name: "relationship", kind: "radio", labelKey: `${ns}:fields.relationship`, options: RELATIONSHIPS.map((value) => ({ value, labelKey: `${ns}:options.relationship.${value}` })) },
    ],
    schema: (ctx) =>
      z
        .object({ ...personShape(ns, "applicant", ctx), relationship: oneOf(RELATIONSHIPS, `${ns}:missing.applicant.relationship`) })
        .superRefine((value, issue) => {
          checkBirthDateAgrees(ns, value, issue);
          const sex = idFacts(value.idNumber)?.sex;
          if ((value.relationship === "mother" && sex === "male") || (value.relationship === "father" && sex === "female")) {
            issue.addIssue({ code: z.ZodIssueCode.custom, path: ["relationship"], message: `${ns}:errors.relationshipSex` });
          }
        }),
  },
  {
    id: "child",
    titleKey: `${ns}:steps.child`,
    descriptionKey: `${ns}:steps.childDescription`,
    fields: [
      { name: "name", kind: "text", labelKey: `${ns}:fields.childName`, maxLength: 30, width: "medium", personal: "name" },
      { name: "idNumber", kind: "text", labelKey: `${ns}:fields.childIdNumber`, hintKey: `${ns}:hints.childIdNumber`, maxLength: 22, width: "medium", personal: "residentId" },
      { name: "birthDate", kind: "date", labelKey: `${ns}:fields.childBirthDate`, hintKey: `${ns}:hints.birthDate` },
      { name: "birthCertNo", kind: "text", labelKey: `${ns}:fields.birthCertNo`, hintKey: `${ns}:hints.birthCertNo`, maxLength: 12, width: "medium" },
      ...residenceFields(ns),
    ],
    schema: (ctx) =>
      z
        .object({
          ...personShape(ns, "child", ctx),
          birthCertNo: named(`${ns}:missing.child.birthCertNo`, text(12).transform((value) => value.toUpperCase()).pipe(z.string().regex(/^[A-Z]\d{9}$/, `${ns}:errors.birthCertNo`))),
          ...residenceShape(ns, "child", ctx),
        })
        .superRefine((value, issue) => {
          checkBirthDateAgrees(ns, value, issue);
          checkVillageInTownship(ns, value, issue);
        }),
  },
  {
    id: "payment",
    titleKey: `${ns}:steps.payment`,
    descriptionKey: `${ns}:steps.paymentDescription`,
    fields: paymentFields(ns),
    schema: () => paymentSchema(ns),
  },
];
