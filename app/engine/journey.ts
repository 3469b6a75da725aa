import type { Answers, ServiceDefinition, Step, StepContext } from "./define-service";

/**
 * Decides from the stored answers which step may be shown: a step is reachable only when
 * every applicable step before it is complete, whatever the URL says.
 */

export const MATERIALS_STEP = "materials";
export const REVIEW_STEP = "review";

export type JourneyContext = StepContext & { uploadedMaterials: ReadonlySet<string> };

export function applicableSteps(service: ServiceDefinition, answers: Answers): Step[] {
  return service.steps.filter((step) => !step.when || step.when(answers));
}

export function isStepComplete(step: Step, ctx: StepContext): boolean {
  const raw = ctx.answers[step.id];
  return raw !== undefined && step.schema(ctx).safeParse(raw).success;
}

export function missingMaterials(service: ServiceDefinition, ctx: JourneyContext): string[] {
  return service.materials
    .filter((material) => material.required(ctx.answers) && !ctx.uploadedMaterials.has(material.key))
    .map((material) => material.key);
}

/** Step ids in order, with the materials step (when the service has materials) and review. */
export function journeyIds(service: ServiceDefinition, answers: Answers): string[] {
  const ids = applicableSteps(service, answers).map((step) => step.id);
  if (service.materials.length > 0) ids.push(MATERIALS_STEP);
  ids.push(REVIEW_STEP);
  return ids;
}

export function firstIncomplete(service: ServiceDefinition, ctx: JourneyContext): string {
  for (const step of applicableSteps(service, ctx.answers)) {
    if (!isStepComplete(step, ctx)) return step.id;
  }
  if (missingMaterials(service, ctx).length > 0) return MATERIALS_STEP;
  return REVIEW_STEP;
}

export function canVisit(service: ServiceDefinition, stepId: string, ctx: JourneyContext): boolean {
  const ids = journeyIds(service, ctx.answers);
  const target = ids.indexOf(stepId);
  if (target === -1) return false;
  return target <= ids.indexOf(firstIncomplete(service, ctx));
}

export function neighbours(service: ServiceDefinition, stepId: string, answers: Answers) {
  const ids = journeyIds(service, answers);
  const index = ids.indexOf(stepId);
  return { previous: index > 0 ? ids[index - 1] : null, next: index >= 0 && index < ids.length - 1 ? ids[index + 1] : null, index, total: ids.length };
}

/** Parsed (typed, normalised) values of every complete step. */
export function parsedAnswers(service: ServiceDefinition, ctx: StepContext): Answers {
  const parsed: Answers = {};
  for (const step of applicableSteps(service, ctx.answers)) {
    const result = step.schema(ctx).safeParse(ctx.answers[step.id]);
    if (result.success) parsed[step.id] = result.data;
  }
  return parsed;
}
