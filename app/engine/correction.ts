import { setAt, valueAt } from "~/lib/field-paths";
import type { Answers, ServiceDefinition, StepContext } from "./define-service";
import type { Correction } from "./review-form";

export type ChangedField = { stepId: string; field: string; before: unknown; after: unknown };

export type CorrectedAnswers = {
  /** The case's answers with the flagged fields replaced (parsed where the step is valid). */
  answers: Answers;
  /** What was typed into the flagged fields, to show again after an error. */
  typed: Answers;
  changed: ChangedField[];
  /** Errors by field name; "" for a problem outside the flagged fields. */
  errors: Record<string, string[]>;
};

/**
 * Applies a citizen's corrections (补正): only the fields the reviewer flagged are read from
 * the form; every step they belong to is validated again as a whole.
 */
export function applyCorrections(service: ServiceDefinition, before: Answers, correction: Correction, form: FormData, ctx: Omit<StepContext, "answers">): CorrectedAnswers {
  const answers: Answers = structuredClone(before);
  const typed: Answers = {};
  const changed: ChangedField[] = [];
  const errors: Record<string, string[]> = {};
  for (const want of correction.fields) {
    const raw = form.get(want.field);
    const value = typeof raw === "string" && raw.trim() !== "" ? raw : undefined;
    setAt((answers[want.stepId] ??= {}), want.field, value);
    setAt((typed[want.stepId] ??= {}), want.field, value ?? "");
  }
  for (const stepId of new Set(correction.fields.map((field) => field.stepId))) {
    const step = service.steps.find((candidate) => candidate.id === stepId);
    if (!step) continue;
    const result = step.schema({ ...ctx, answers }).safeParse(answers[stepId]);
    const flagged = correction.fields.filter((field) => field.stepId === stepId);
    if (result.success) {
      for (const want of flagged) {
        const [was, now] = [valueAt(before[stepId], want.field), valueAt(result.data, want.field)];
        if (was !== now) changed.push({ stepId, field: want.field, before: was, after: now });
      }
      answers[stepId] = result.data;
      continue;
    }
    for (const issue of result.error.issues) {
      const name = issue.path.reduce<string>((acc, part) => (typeof part === "number" ? `${acc}[${part}]` : acc ? `${acc}.${part}` : String(part)), "");
      (errors[flagged.some((field) => field.field === name) ? name : ""] ??= []).push(issue.message);
    }
  }
  return { answers, typed, changed, errors };
}
