import { z } from "zod";
import type { Answers, CrossCheckIssue, Field, StepContext } from "~/engine/define-service";
import { bankAccount, date, integer, mobile, personName, residentId, text } from "~/engine/fields";
import { normaliseBankAccount } from "~/lib/bank-account";
import { parseResidentId } from "~/lib/resident-id";

/**
 * Building blocks that the family-assistance services (奖励扶助, 特别扶助, 育儿补贴) share:
 * people with ID numbers, the hukou village, children with their status, the payment
 * account. Every text key lives in the calling service's namespace (`ns`), so each service
 * words its own form; a value missing gets a message that names the field ("请输入配偶姓名").
 */

/** A required value: missing, it gets `missingKey`; present, the field kit's own checks follow. */
export function named<T extends z.ZodTypeAny>(missingKey: string, inner: T) {
  return z.string({ required_error: missingKey, invalid_type_error: missingKey }).trim().min(1, missingKey).pipe(inner);
}

/** One of fixed values; nothing chosen (or something unknown) gets `missingKey`. */
export function oneOf<T extends string>(values: readonly [T, ...T[]], missingKey: string) {
  return z.enum(values, { errorMap: () => ({ message: missingKey }) });
}

const options = (ns: string, group: string, values: readonly string[]) => values.map((value) => ({ value, labelKey: `${ns}:options.${group}.${value}` }));

/* People ------------------------------------------------------------------------------ */

export type Person = { name: string; idNumber: string; birthDate: string };

/** Name, ID number and birth date, marked as personal data. */
export const personFields = (ns: string): Field[] => [
  { name: "name", kind: "text", labelKey: `${ns}:fields.name`, autoComplete: "off", maxLength: 30, width: "medium", personal: "name" },
  { name: "idNumber", kind: "text", labelKey: `${ns}:fields.idNumber`, hintKey: `${ns}:hints.idNumber`, autoComplete: "off", maxLength: 22, width: "medium", personal: "residentId" },
  { name: "birthDate", kind: "date", labelKey: `${ns}:fields.birthDate`, hintKey: `${ns}:hints.birthDate` },
];

export const personShape = (ns: string, who: string, ctx: { today: Date }) => ({
  name: named(`${ns}:missing.${who}.name`, personName()),
  idNumber: named(`${ns}:missing.${who}.idNumber`, residentId()),
  birthDate: named(`${ns}:missing.${who}.birthDate`, date({ notFuture: true, today: ctx.today })),
});

/** The sex and birth date encoded in a valid ID number. */
export function idFacts(idNumber: unknown): { sex: "female" | "male"; birthDate: string } | null {
  if (typeof idNumber !== "string") return null;
  const id = parseResidentId(idNumber);
  return id.ok ? { sex: id.value.sex, birthDate: id.value.birthDate } : null;
}

/** For superRefine: the birth date typed must be the one in the ID number (`path` leads to the person). */
export function checkBirthDateAgrees(ns: string, person: { idNumber?: unknown; birthDate?: unknown }, issue: z.RefinementCtx, path: (string | number)[] = []) {
  const facts = idFacts(person.idNumber);
  if (facts && typeof person.birthDate === "string" && facts.birthDate !== person.birthDate) {
    issue.addIssue({ code: z.ZodIssueCode.custom, path: [...path, "birthDate"], message: `${ns}:errors.birthDateMismatch` });
  }
}

/** A person's answers as stored, raw or parsed. */
export function personOf(answers: Answers, stepId: string): Person | undefined {
  const step = answers[stepId] as Partial<Person> | undefined;
  return step?.name && step.idNumber && step.birthDate ? { name: String(step.name), idNumber: String(step.idNumber).replace(/\s+/g, "").toUpperCase(), birthDate: String(step.birthDate) } : undefined;
}

/* Hukou ------------------------------------------------------------------------------- */

export const HUKOU_TYPES = ["rural", "definedRural", "urban"] as const;
export type HukouType = (typeof HUKOU_TYPES)[number];

export const hukouTypeField = (ns: string): Field => ({ name: "hukouType", kind: "radio", labelKey: `${ns}:fields.hukouType`, hintKey: `${ns}:hints.hukouType`, options: options(ns, "hukouType", HUKOU_TYPES) });

export const hukouTypeShape = (ns: string, who: string) => ({ hukouType: oneOf(HUKOU_TYPES, `${ns}:missing.${who}.hukouType`) });

/** The township, then the village or community, of the hukou: the village's staff review the case first. */
export const residenceFields = (ns: string): Field[] => [
  { name: "hukouTownship", kind: "select", options: "townships", labelKey: `${ns}:fields.hukouTownship`, hintKey: `${ns}:hints.hukouTownship`, width: "medium" },
  { name: "village", kind: "select", options: "villages", labelKey: `${ns}:fields.village`, hintKey: `${ns}:hints.village`, width: "medium" },
];

export const residenceShape = (ns: string, who: string, ctx: StepContext) => ({
  hukouTownship: named(`${ns}:missing.${who}.hukouTownship`, text(20).refine((code) => ctx.townshipCodes.has(code), `${ns}:missing.${who}.hukouTownship`)),
  village: named(`${ns}:missing.${who}.village`, text(20).regex(/^\d{12}$/, `${ns}:missing.${who}.village`)),
});

/** For superRefine: the village must lie in the township chosen. */
export function checkVillageInTownship(ns: string, value: { hukouTownship?: unknown; village?: unknown }, issue: z.RefinementCtx) {
  if (typeof value.village === "string" && typeof value.hukouTownship === "string" && !value.village.startsWith(value.hukouTownship)) {
    issue.addIssue({ code: z.ZodIssueCode.custom, path: ["village"], message: `${ns}:errors.villageOutsideTownship` });
  }
}

/* Marital status ------------------------------------------------------------------------ */

export const MARITAL_STATUSES = ["married", "widowed", "divorced", "unmarried"] as const;

export const maritalStatusField = (ns: string): Field => ({ name: "maritalStatus", kind: "radio", labelKey: `${ns}:fields.maritalStatus`, hintKey: `${ns}:hints.maritalStatus`, options: options(ns, "maritalStatus", MARITAL_STATUSES) });

export const isMarried = (answers: Answers) => answers.applicant?.maritalStatus === "married";

/** Whether the spouse applies in the same case (each parent may also apply on their own later). */
export const spouseCoApplies = (answers: Answers) => isMarried(answers) && answers.spouse?.coApply === "yes";

export const coApplyField = (ns: string): Field => ({
  name: "coApply",
  kind: "radio",
  labelKey: `${ns}:fields.coApply`,
  hintKey: `${ns}:hints.coApply`,
  options: [
    { value: "yes", labelKey: "common:yes" },
    { value: "no", labelKey: "common:no" },
  ],
});

/* Children ------------------------------------------------------------------------------ */

/** Living, deceased, or living with a disability of grade 1 (most severe) to 4 (残疾人证). */
export const CHILD_STATUSES = ["living", "deceased", "disability1", "disability2", "disability3", "disability4"] as const;
export type ChildStatus = (typeof CHILD_STATUSES)[number];

export type Child = { name: string; idNumber?: string; birthDate: string; sex: "female" | "male"; status: ChildStatus; adopted: boolean };

/** The disability grade of a child's status, or null. */
export function disabilityGrade(status: ChildStatus): number | null {
  const match = /^disability(\d)$/.exec(status);
  return match ? Number(match[1]) : null;
}

export const MAX_CHILDREN = 9;

export function childrenCount(answers: Answers): number {
  const count = Number(answers.children?.childrenCount);
  return Number.isInteger(count) && count > 0 ? Math.min(count, MAX_CHILDREN) : 0;
}

export const childrenCountField = (ns: string): Field => ({
  name: "childrenCount",
  kind: "text",
  inputMode: "numeric",
  labelKey: `${ns}:fields.childrenCount`,
  hintKey: `${ns}:hints.childrenCount`,
  maxLength: 1,
  width: "short",
});

/** Stored answers hold the count as a number once parsed (a correction parses them again). */
export const childrenCountShape = (ns: string) => ({
  childrenCount: z.preprocess((value) => (typeof value === "number" ? String(value) : value), named(`${ns}:missing.children.childrenCount`, integer(0, MAX_CHILDREN))),
});

/** One group per child: name, ID number if the child has one, birth date, sex, status, adopted. */
export function childFields(ns: string, index: number): Field[] {
  const labelValues = { number: index + 1 };
  const at = (name: string) => `children[${index}].${name}`;
  return [
    { name: at("name"), kind: "text", labelKey: `${ns}:fields.childName`, labelValues, maxLength: 30, width: "medium", personal: "name" },
    { name: at("idNumber"), kind: "text", labelKey: `${ns}:fields.childIdNumber`, labelValues, hintKey: `${ns}:hints.childIdNumber`, maxLength: 22, width: "medium", optional: true, personal: "residentId" },
    { name: at("birthDate"), kind: "date", labelKey: `${ns}:fields.childBirthDate`, labelValues },
    {
      name: at("sex"),
      kind: "radio",
      labelKey: `${ns}:fields.childSex`,
      labelValues,
      options: [
        { value: "female", labelKey: "common:sex.female" },
        { value: "male", labelKey: "common:sex.male" },
      ],
    },
    { name: at("status"), kind: "select", labelKey: `${ns}:fields.childStatus`, labelValues, hintKey: `${ns}:hints.childStatus`, options: options(ns, "childStatus", CHILD_STATUSES), width: "medium", personal: "health" },
    {
      name: at("adopted"),
      kind: "radio",
      labelKey: `${ns}:fields.childAdopted`,
      labelValues,
      options: [
        { value: "no", labelKey: "common:no" },
        { value: "yes", labelKey: "common:yes" },
      ],
    },
  ];
}

export function childrenSchema(ns: string, ctx: StepContext) {
  const child = z
    .object({
      name: named(`${ns}:missing.child.name`, personName()),
      idNumber: residentId().optional(),
      birthDate: named(`${ns}:missing.child.birthDate`, date({ notFuture: true, today: ctx.today })),
      sex: oneOf(["female", "male"], `${ns}:missing.child.sex`),
      status: oneOf(CHILD_STATUSES, `${ns}:missing.child.status`),
      adopted: oneOf(["no", "yes"], `${ns}:missing.child.adopted`),
    })
    .superRefine((value, issue) => {
      checkBirthDateAgrees(ns, value, issue);
      const facts = idFacts(value.idNumber);
      if (facts && (value.sex === "female" || value.sex === "male") && facts.sex !== value.sex) {
        issue.addIssue({ code: z.ZodIssueCode.custom, path: ["sex"], message: `${ns}:errors.childSexMismatch` });
      }
    });
  const count = childrenCount(ctx.answers);
  // A group left wholly empty is not posted at all: give each child its own group, so each
  // empty field gets its own message next to it instead of one for the whole list.
  const oneGroupPerChild = (value: unknown) => Array.from({ length: count }, (_, index) => (Array.isArray(value) && value[index]) || {});
  return z.object({
    children: z.preprocess(oneGroupPerChild, z.array(child)),
  });
}

/** The children as stored (raw strings or parsed values), for the rules. */
export function childrenOf(answers: Answers): Child[] {
  const list = (answers.childrenDetails?.children ?? []) as Record<string, unknown>[];
  return list.slice(0, childrenCount(answers)).map((child) => ({
    name: String(child.name ?? ""),
    idNumber: child.idNumber ? String(child.idNumber).replace(/\s+/g, "").toUpperCase() : undefined,
    birthDate: String(child.birthDate ?? ""),
    sex: child.sex === "male" ? "male" : "female",
    status: (CHILD_STATUSES as readonly string[]).includes(String(child.status)) ? (child.status as ChildStatus) : "living",
    adopted: child.adopted === "yes",
  }));
}

/* Payment ------------------------------------------------------------------------------ */

/** A bank card carries a Luhn check digit; a passbook or a social-security card account may not. */
export const ACCOUNT_TYPES = ["bankCard", "socialSecurityCard", "passbook"] as const;

export const paymentFields = (ns: string): Field[] => [
  { name: "accountHolder", kind: "text", labelKey: `${ns}:fields.accountHolder`, hintKey: `${ns}:hints.accountHolder`, maxLength: 30, width: "medium", personal: "name" },
  { name: "bankName", kind: "text", labelKey: `${ns}:fields.bankName`, hintKey: `${ns}:hints.bankName`, maxLength: 40, width: "medium" },
  { name: "accountType", kind: "radio", labelKey: `${ns}:fields.accountType`, options: options(ns, "accountType", ACCOUNT_TYPES) },
  { name: "accountNumber", kind: "text", inputMode: "numeric", labelKey: `${ns}:fields.accountNumber`, hintKey: `${ns}:hints.accountNumber`, maxLength: 40, width: "medium", personal: "bankAccount" },
  { name: "contactPhone", kind: "text", inputMode: "tel", autoComplete: "tel", labelKey: `${ns}:fields.contactPhone`, hintKey: `${ns}:hints.contactPhone`, maxLength: 16, width: "medium", personal: "phone" },
];

export function paymentSchema(ns: string) {
  return z
    .object({
      accountHolder: named(`${ns}:missing.payment.accountHolder`, personName()),
      bankName: named(`${ns}:missing.payment.bankName`, text(40)),
      accountType: oneOf(ACCOUNT_TYPES, `${ns}:missing.payment.accountType`),
      accountNumber: z.string({ required_error: `${ns}:missing.payment.accountNumber`, invalid_type_error: `${ns}:missing.payment.accountNumber` }).trim().min(1, `${ns}:missing.payment.accountNumber`),
      contactPhone: named(`${ns}:missing.payment.contactPhone`, mobile()),
    })
    .superRefine((value, issue) => {
      if (typeof value.accountNumber !== "string" || !(ACCOUNT_TYPES as readonly string[]).includes(value.accountType)) return;
      const parsed = bankAccount({ checkDigit: value.accountType === "bankCard" }).safeParse(value.accountNumber);
      if (!parsed.success) for (const problem of parsed.error.issues) issue.addIssue({ code: z.ZodIssueCode.custom, path: ["accountNumber"], message: problem.message });
    })
    .transform((value) => ({ ...value, accountNumber: normaliseBankAccount(value.accountNumber) }));
}

export const contactPhoneOf = (answers: Answers) => (answers.payment?.contactPhone as string | undefined) ?? null;

/** The account an award is paid into, as the engine takes it (it encrypts and masks it). */
export function paymentAccountOf(answers: Answers): { holder: string; bank: string; number: string } | undefined {
  const payment = answers.payment as { accountHolder?: string; bankName?: string; accountNumber?: string } | undefined;
  return payment?.accountNumber ? { holder: payment.accountHolder ?? "", bank: payment.bankName ?? "", number: payment.accountNumber } : undefined;
}

/* Checks across steps -------------------------------------------------------------------- */

/** Each child is born after each parent in the case. */
export function childrenBornAfterParents(ns: string, parents: Person[], children: { birthDate: string }[], stepId: string, field: (index: number) => string): CrossCheckIssue[] {
  return children.flatMap((child, index) =>
    child.birthDate && parents.some((parent) => child.birthDate <= parent.birthDate) ? [{ stepId, field: field(index), messageKey: `${ns}:errors.childBeforeParent`, values: { number: index + 1 } }] : [],
  );
}

/** Spouses are different people of different sexes (as the ID numbers say). */
export function spouseIsOtherPerson(ns: string, applicant: Person | undefined, spouse: Person | undefined): CrossCheckIssue[] {
  if (!applicant || !spouse) return [];
  if (applicant.idNumber === spouse.idNumber) return [{ stepId: "spouse", field: "idNumber", messageKey: `${ns}:errors.spouseSameId` }];
  const [a, b] = [idFacts(applicant.idNumber), idFacts(spouse.idNumber)];
  return a && b && a.sex === b.sex ? [{ stepId: "spouse", field: "idNumber", messageKey: `${ns}:errors.spouseSameSex` }] : [];
}

/** Payments go to an account in the name of someone the award is paid to. */
export function accountHolderIsBeneficiary(ns: string, answers: Answers, beneficiaries: Person[]): CrossCheckIssue[] {
  const holder = answers.payment?.accountHolder;
  if (typeof holder !== "string" || holder.trim() === "") return [];
  return beneficiaries.some((person) => person.name === holder.trim()) ? [] : [{ stepId: "payment", field: "accountHolder", messageKey: `${ns}:errors.accountHolder` }];
}
