import type { z } from "zod";

/**
 * The contract every service satisfies. A service folder declares its steps, fields,
 * schemas, eligibility, materials, workflow and certificate; the engine renders and runs
 * all of them. Declarations import only zod and this file (no Prisma, no Remix).
 */

export type Answers = Record<string, Record<string, unknown> | undefined>;

/** Where a select's options come from when they are not fixed. */
export type OptionSource = "townships" | "townshipsOrOutside" | "villages";

export type FieldOption = { value: string; labelKey: string };

type FieldBase = {
  /** Name inside the step; nested names like `children[0].sex` are allowed. */
  name: string;
  labelKey: string;
  /** Interpolation values for labelKey (e.g. the child's number). */
  labelValues?: Record<string, string | number>;
  hintKey?: string;
  optional?: boolean;
  /** Holds personal data that is masked when shown to someone not entitled to it. */
  personal?: "residentId" | "phone" | "name";
};

export type Field = FieldBase &
  (
    | { kind: "text"; inputMode?: "numeric" | "tel" | "text"; autoComplete?: string; maxLength?: number; width?: "short" | "medium" | "full" }
    | { kind: "date"; width?: undefined }
    | { kind: "select"; options: FieldOption[] | OptionSource; width?: "short" | "medium" | "full" }
    | { kind: "radio"; options: FieldOption[] }
    | { kind: "textarea"; maxLength?: number }
  );

export type StepContext = { today: Date; answers: Answers; townshipCodes: ReadonlySet<string> };

export type Step = {
  id: string;
  titleKey: string;
  descriptionKey?: string;
  /** Fields may depend on earlier answers (e.g. one group per existing child). */
  fields: Field[] | ((answers: Answers) => Field[]);
  schema: (ctx: StepContext) => z.ZodType<Record<string, unknown>, z.ZodTypeDef, unknown>;
  /** A step that does not apply to these answers is skipped. */
  when?: (answers: Answers) => boolean;
};

export type Material = {
  key: string;
  labelKey: string;
  hintKey?: string;
  required: (answers: Answers) => boolean;
};

/** A problem found across steps, shown on the check-your-answers page with a change link. */
export type CrossCheckIssue = { stepId: string; field: string; messageKey: string; values?: Record<string, string | number> };

/** When not eligible, `stepId` names the step whose answers could change that. */
export type EligibilityResult = { eligible: true } | { eligible: false; reasonKeys: string[]; stepId?: string };

export type ReviewLevel = {
  role: "township_reviewer" | "county_admin";
  /** The depth of the jurisdiction the reviewer must hold over the case. */
  depth: "county" | "township" | "village";
};

/** A subject whose declared data is compared with the population records. */
export type RecordCheck = {
  subjectKey: string;
  idNumber: string;
  fields: { key: "name" | "sex" | "birthDate" | "hukouTownship" | "marriageDate" | "marriageCertNo" | "childrenCount"; labelKey: string; declared: string | number | null }[];
};

/** A policy figure with the document it comes from; `sample` marks a value not yet confirmed from a public source. */
export type PolicyValue<T> = { value: T; source: string; sample?: boolean };

export type CertificateLine = { labelKey: string; value: string; mask?: "name" | "residentId" };

export type ServiceDefinition = {
  slug: string;
  /** Two letters in the case number, e.g. SY in WL-SY-2026-000123. */
  refCode: string;
  titleKey: string;
  summaryKey: string;
  /** Start-page sections: who can apply, what you need, how long it takes. */
  startPage: { whoKeys: string[]; needKeys: string[]; legalBasisKey: string };
  steps: Step[];
  materials: Material[];
  eligibility: (answers: Answers, ctx: { today: Date }) => EligibilityResult;
  crossChecks: (answers: Answers) => CrossCheckIssue[];
  /** The township that handles the case. */
  jurisdictionOf: (answers: Answers) => string | null;
  /** Name of the applicant as shown in queues and on the certificate. */
  applicantNameOf: (answers: Answers) => string;
  /** Resident ID numbers in the answers, indexed by keyed hash for look-ups. */
  residentIdsOf: (answers: Answers) => string[];
  /** Phone number for status SMS. */
  contactPhoneOf: (answers: Answers) => string | null;
  workflow: {
    /** Promised time limit (承诺时限) in working days. */
    timeLimitDays: number;
    levels: ReviewLevel[];
    /** Instant case: approved on submission when the comparison finds every field matching. */
    instantOnMatch: boolean;
    recordChecks?: (answers: Answers) => RecordCheck[];
  };
  certificate: { titleKey: string; subtitleKey?: string; lines: (answers: Answers) => CertificateLine[] };
  /** The policy figures behind the rules, with their sources (shown on the start page). */
  policy: Record<string, PolicyValue<number | string>>;
  /** Values the service's texts interpolate, taken from its policy (e.g. {{months}}). */
  textValues: Record<string, string | number>;
  locales: Record<"zh-CN" | "en", Record<string, unknown>>;
};

export function defineService(definition: ServiceDefinition): ServiceDefinition {
  const stepIds = new Set<string>();
  for (const step of definition.steps) {
    if (stepIds.has(step.id) || step.id === "review" || step.id === "materials") {
      throw new Error(`Service ${definition.slug}: duplicate or reserved step id ${step.id}`);
    }
    stepIds.add(step.id);
  }
  if (definition.workflow.levels.length === 0) throw new Error(`Service ${definition.slug} needs a review level`);
  return definition;
}
