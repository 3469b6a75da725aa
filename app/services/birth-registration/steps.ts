import { z } from "zod";
import type { Answers, Step, StepContext } from "~/engine/define-service";
import { choice, date, errorKey, integer, mobile, optionalText, personName, residentId, text } from "~/engine/fields";
import { parseResidentId } from "~/lib/resident-id";

const OUTSIDE = "outside";
export const OUTSIDE_COUNTY = OUTSIDE;
const ns = "birth-registration";

/** Hukou township: a township of this county, or "outside" for anywhere else. */
function hukouTownship(ctx: StepContext) {
  return text(20).refine((code) => code === OUTSIDE || ctx.townshipCodes.has(code), errorKey("choose"));
}

/** The birth date and sex typed on the form must agree with those encoded in the ID number. */
function spouseSchema(ctx: StepContext, sex: "female" | "male") {
  return z
    .object({
      name: personName(),
      idNumber: residentId(),
      birthDate: date({ notFuture: true, today: ctx.today }),
      hukouTownship: hukouTownship(ctx),
      hukouAddress: text(100),
      currentAddress: text(100),
      residentSince: sex === "female" ? date({ notFuture: true, today: ctx.today }).optional() : z.undefined(),
    })
    .superRefine((value, issue) => {
      // Zod still runs this when a field failed; the other checks already reported it.
      if (typeof value.idNumber !== "string" || typeof value.birthDate !== "string") return;
      const id = parseResidentId(value.idNumber, ctx.today);
      if (!id.ok) return;
      if (id.value.birthDate !== value.birthDate) {
        issue.addIssue({ code: z.ZodIssueCode.custom, path: ["birthDate"], message: `${ns}:errors.birthDateMismatch` });
      }
      if (id.value.sex !== sex) {
        issue.addIssue({ code: z.ZodIssueCode.custom, path: ["idNumber"], message: `${ns}:errors.${sex}Id` });
      }
    });
}

const spouseFields = (who: "woman" | "man") => [
  { name: "name", kind: "text", labelKey: `${ns}:fields.name`, autoComplete: "off", maxLength: 30, width: "medium", personal: "name" },
  { name: "idNumber", kind: "text", labelKey: `${ns}:fields.idNumber`, hintKey: `${ns}:hints.idNumber`, inputMode: "text", autoComplete: "off", maxLength: 22, width: "medium", personal: "residentId" },
  { name: "birthDate", kind: "date", labelKey: `${ns}:fields.birthDate`, hintKey: `${ns}:hints.birthDate` },
  { name: "hukouTownship", kind: "select", labelKey: `${ns}:fields.hukouTownship`, hintKey: `${ns}:hints.hukouTownship`, options: "townshipsOrOutside", width: "medium" },
  { name: "hukouAddress", kind: "text", labelKey: `${ns}:fields.hukouAddress`, maxLength: 100, width: "full" },
  { name: "currentAddress", kind: "text", labelKey: `${ns}:fields.currentAddress`, maxLength: 100, width: "full" },
  ...(who === "woman"
    ? [{ name: "residentSince", kind: "date", labelKey: `${ns}:fields.residentSince`, hintKey: `${ns}:hints.residentSince`, optional: true } as const]
    : []),
] as const;

function childrenCount(answers: Answers): number {
  const count = Number(answers.children?.existingChildren);
  return Number.isInteger(count) && count > 0 ? Math.min(count, 9) : 0;
}

export const steps: Step[] = [
  {
    id: "woman",
    titleKey: `${ns}:steps.woman`,
    descriptionKey: `${ns}:steps.womanDescription`,
    fields: [...spouseFields("woman")],
    schema: (ctx) => spouseSchema(ctx, "female"),
  },
  {
    id: "man",
    titleKey: `${ns}:steps.man`,
    fields: [...spouseFields("man")],
    schema: (ctx) => spouseSchema(ctx, "male"),
  },
  {
    id: "marriage",
    titleKey: `${ns}:steps.marriage`,
    fields: [
      { name: "marriageDate", kind: "date", labelKey: `${ns}:fields.marriageDate` },
      { name: "marriageCertNo", kind: "text", labelKey: `${ns}:fields.marriageCertNo`, hintKey: `${ns}:hints.marriageCertNo`, maxLength: 30, width: "medium" },
      {
        name: "remarried",
        kind: "radio",
        labelKey: `${ns}:fields.remarried`,
        hintKey: `${ns}:hints.remarried`,
        options: [
          { value: "no", labelKey: "common:no" },
          { value: "yes", labelKey: "common:yes" },
        ],
      },
    ],
    schema: (ctx) =>
      z.object({
        marriageDate: date({ notFuture: true, today: ctx.today }),
        marriageCertNo: text(30).regex(/^[A-Za-z0-9\-–\u5b57\u53f7第]{4,30}$/u, `${ns}:errors.marriageCertNo`),
        remarried: choice(["no", "yes"]),
      }),
  },
  {
    id: "children",
    titleKey: `${ns}:steps.children`,
    fields: [{ name: "existingChildren", kind: "text", inputMode: "numeric", labelKey: `${ns}:fields.existingChildren`, hintKey: `${ns}:hints.existingChildren`, maxLength: 1, width: "short" }],
    schema: () => z.object({ existingChildren: integer(0, 9) }),
  },
  {
    id: "childrenDetails",
    titleKey: `${ns}:steps.childrenDetails`,
    when: (answers) => childrenCount(answers) > 0,
    fields: (answers) =>
      Array.from({ length: childrenCount(answers) }, (_, index) => [
        { name: `children[${index}].birthDate`, kind: "date" as const, labelKey: `${ns}:fields.childBirthDate`, labelValues: { number: index + 1 } },
        {
          name: `children[${index}].sex`,
          kind: "radio" as const,
          labelKey: `${ns}:fields.childSex`,
          labelValues: { number: index + 1 },
          options: [
            { value: "female", labelKey: "common:sex.female" },
            { value: "male", labelKey: "common:sex.male" },
          ],
        },
      ]).flat(),
    schema: (ctx) =>
      z.object({
        children: z
          .array(z.object({ birthDate: date({ notFuture: true, today: ctx.today }), sex: choice(["female", "male"]) }), {
            required_error: errorKey("required"),
          })
          .length(childrenCount(ctx.answers), errorKey("required")),
      }),
  },
  {
    id: "application",
    titleKey: `${ns}:steps.application`,
    fields: [
      { name: "childOrder", kind: "text", inputMode: "numeric", labelKey: `${ns}:fields.childOrder`, hintKey: `${ns}:hints.childOrder`, maxLength: 2, width: "short" },
      { name: "dueDate", kind: "date", labelKey: `${ns}:fields.dueDate`, optional: true },
      { name: "handlingTownship", kind: "select", options: "townships", labelKey: `${ns}:fields.handlingTownship`, hintKey: `${ns}:hints.handlingTownship`, width: "medium" },
      { name: "village", kind: "select", options: "villages", labelKey: `${ns}:fields.village`, hintKey: `${ns}:hints.village`, width: "medium" },
      { name: "contactPhone", kind: "text", inputMode: "tel", autoComplete: "tel", labelKey: `${ns}:fields.contactPhone`, maxLength: 16, width: "medium", personal: "phone" },
    ],
    schema: (ctx) =>
      z
        .object({
          childOrder: integer(1, 10),
          dueDate: date({ notPast: true, today: ctx.today }).optional(),
          handlingTownship: text(20).refine((code) => ctx.townshipCodes.has(code), errorKey("choose")),
          village: text(20),
          contactPhone: mobile(),
          note: optionalText(200),
        })
        .superRefine((value, issue) => {
          if (typeof value.village !== "string" || typeof value.handlingTownship !== "string") return;
          if (!value.village.startsWith(value.handlingTownship)) {
            issue.addIssue({ code: z.ZodIssueCode.custom, path: ["village"], message: `${ns}:errors.villageOutsideTownship` });
          }
        }),
  },
];

export { childrenCount };
