import type { z } from "zod";
import type { Depth } from "./roles";

/**
 * The contract every service satisfies. A service folder declares its steps, fields,
 * schemas, eligibility, materials, workflow and certificate; the engine renders and runs
 * all of them. Declarations import only zod and this file (no Prisma, no Remix).
 */

export type Answers = Record<string, Record<string, unknown> | undefined>;

/** Where a select's options come from when they are not fixed. */
export type OptionSource = "townships" | "townshipsOrOutside" | "villages";

export type FieldOption = { value: string; labelKey: string };

/**
 * Personal data a field holds. The engine masks such a value wherever it is shown to someone
 * not entitled to it (pages, lists, verify pages, PDFs, exports); see engine/masking.ts.
 */
export type PersonalKind = "residentId" | "phone" | "name" | "bankAccount" | "health";

type FieldBase = {
  /** Name inside the step; nested names like `children[0].sex` are allowed. */
  name: string;
  labelKey: string;
  /** Interpolation values for labelKey (e.g. the child's number). */
  labelValues?: Record<string, string | number>;
  hintKey?: string;
  optional?: boolean;
  /** Holds personal data that is masked when shown to someone not entitled to it. */
  personal?: PersonalKind;
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

/** A review stage: the role and jurisdiction depth that decide, and the promised time limit. */
export type ReviewStage = {
  kind: "review";
  /** Stable id; its label is common:stages.<id>. */
  id: string;
  role: string;
  /** The depth of the jurisdiction the reviewer must hold over the case. */
  depth: Depth;
  /** Promised time limit (承诺时限) of this stage in working days. */
  timeLimitDays: number;
};

/** A public notice (公示): shown for a number of calendar days, during which anyone may object. */
export type NoticeStage = {
  kind: "notice";
  id: string;
  days: number;
  /** The level at which the notice is posted (the case's village, township or the county). */
  shownAt: Depth;
  objections: boolean;
};

export type Stage = ReviewStage | NoticeStage;

/** A person in a case, with the role they have in it; the engine keeps the keyed hash of the ID number. */
export type SubjectRole = "applicant" | "spouse" | "child" | "beneficiary";
export type CaseSubject = { role: SubjectRole; idNumber: string; name: string };

/**
 * Something a person may hold only once while it is live, e.g. one registration per couple
 * and child order, one award per person and scheme, one subsidy per child. The engine keys
 * it by the keyed hashes of the ID numbers; a second live case with the same claim is refused.
 */
export type Claim = { scope: string; idNumbers: string[] };

/** A subject whose declared data is compared with the population records. */
export type RecordCheck = {
  subjectKey: string;
  idNumber: string;
  fields: { key: "name" | "sex" | "birthDate" | "hukouTownship" | "marriageDate" | "marriageCertNo" | "childrenCount"; labelKey: string; declared: string | number | null }[];
};

/** A policy figure with the document it comes from; `sample` marks a value not yet confirmed from a public source. */
export type PolicyValue<T> = { value: T; source: string; sample?: boolean };

export type DocumentLine = { labelKey: string; value: string; mask?: PersonalKind };

/** Terms of an award with payments, computed from the answers and the service's policy data. */
export type AwardTerms = {
  beneficiaries: { idNumber: string; name: string }[];
  /** Yuan per beneficiary per period. */
  amount: number;
  period: "month" | "year";
  /** First day (YYYY-MM-DD) paid; the award ends on `endsOn` when known (e.g. the child's third birthday). */
  startsOn: string;
  endsOn?: string;
  /** Where the money is paid (the full number; the engine encrypts and masks it). */
  bankAccount?: { holder: string; bank: string; number: string };
};

/**
 * An award ends when a case of `service` is approved in which its beneficiary is a subject in
 * one of `subjectRoles`; `reason` is shown as common:awards.ended_<reason>, and the case's
 * history names the case that ended it.
 */
export type AwardEnding = { service: string; subjectRoles: readonly SubjectRole[]; reason: string };

/** What an approved case produces. */
export type Output =
  | { kind: "certificate"; titleKey: string; subtitleKey?: string; lines: (answers: Answers) => DocumentLine[] }
  | { kind: "letter"; titleKey: string; lines: (answers: Answers) => DocumentLine[] }
  | {
      kind: "award";
      titleKey: string;
      lines: (answers: Answers) => DocumentLine[];
      terms: (answers: Answers, ctx: { approvedOn: string }) => AwardTerms;
      /** Events elsewhere in the portal that end a live award, e.g. a new child registered for 特别扶助. */
      endsWhen?: readonly AwardEnding[];
    }
  | { kind: "none" };

/** One condition of a public eligibility check, in plain words, met or not. */
export type CheckCondition = { labelKey: string; values?: Record<string, string | number>; met: boolean };

export type CheckResult = {
  conditions: CheckCondition[];
  eligible: boolean;
  /** The amount that would apply and from when (YYYY-MM-DD); `sample` when the figure is not confirmed. */
  amount?: { value: number; period: "month" | "year" | "once"; from: string; labelKey?: string; sample?: boolean };
};

/**
 * A public eligibility check (/services/<slug>/check), answered without signing in: a few
 * questions, then each condition met or not, from the same policy data as the application.
 */
export type EligibilityCheck = {
  fields: Field[];
  schema: (ctx: { today: Date }) => z.ZodType<Record<string, unknown>, z.ZodTypeDef, unknown>;
  evaluate: (values: Record<string, unknown>, ctx: { today: Date }) => CheckResult;
};

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
  /** The public check, for services whose conditions people want to try before applying. */
  check?: EligibilityCheck;
  crossChecks: (answers: Answers) => CrossCheckIssue[];
  /** The village or township that handles the case (a jurisdiction code). */
  jurisdictionOf: (answers: Answers) => string | null;
  /** The people in the case; exactly one is the applicant. */
  subjects: (answers: Answers) => CaseSubject[];
  /** What a person may hold only once while live (duplicate registrations and awards). */
  claims: (answers: Answers) => Claim[];
  /** Phone number for status SMS. */
  contactPhoneOf: (answers: Answers) => string | null;
  workflow: {
    /** The stages after submission, in order; a case is decided when the last one approves. */
    stages: Stage[];
    /** Instant case: approved on submission when the comparison finds every field matching. */
    instantOnMatch: boolean;
    recordChecks?: (answers: Answers) => RecordCheck[];
    /** Working days the applicant has to correct a returned case before it may be closed. */
    correctionDays: number;
  };
  output: Output;
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
  const { stages } = definition.workflow;
  if (stages.length === 0 || stages.at(-1)!.kind !== "review") throw new Error(`Service ${definition.slug} must end its workflow with a review stage`);
  if (new Set(stages.map((stage) => stage.id)).size !== stages.length) throw new Error(`Service ${definition.slug}: duplicate stage id`);
  return definition;
}
