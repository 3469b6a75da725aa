import { valueAt } from "~/lib/field-paths";
import { serverT } from "~/i18n/resources.server";
import { audit } from "~/utils/audit.server";
import { assertMay, type CaseActor, type LoadedApplication } from "./cases.server";
import { DomainError } from "./errors";
import { applicableSteps } from "./journey";
import { displayValue } from "./presenters.server";

/**
 * One personal value of a case in full, for staff entitled to it. Every reveal is audited
 * (who, which case, which field — never the value). Bank accounts need their own right.
 */
export async function revealValue(actor: CaseActor, app: LoadedApplication, key: string, request: Request): Promise<Record<string, string> | null> {
  const dot = key.indexOf(".");
  const step = applicableSteps(app.service, app.answers).find((candidate) => candidate.id === key.slice(0, dot));
  const fields = step ? (typeof step.fields === "function" ? step.fields(app.answers) : step.fields) : [];
  const field = fields.find((candidate) => candidate.name === key.slice(dot + 1));
  if (!step || !field?.personal) return null;
  try {
    await assertMay(actor, field.personal === "bankAccount" ? "reveal_bank" : "reveal_personal", app);
  } catch (error) {
    if (error instanceof DomainError) return null;
    throw error;
  }
  await audit({ actorId: actor.id, actorRole: actor.role, action: "personal.reveal", subjectType: "application", subjectId: app.id, request, detail: { ref: app.ref, field: key } });
  return { [key]: await displayValue(field, valueAt(app.answers[step.id], field.name), "zh-CN", serverT("zh-CN")) };
}
