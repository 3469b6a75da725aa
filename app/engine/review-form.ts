import type { Answers, ServiceDefinition } from "./define-service";
import { applicableSteps } from "./journey";

export const NOTE_MAX = 500;

export type Correction = {
  note: string;
  fields: { stepId: string; field: string; note: string }[];
  materials: { key: string; note: string }[];
};

export type Decision =
  | { action: "approve"; note: string }
  | { action: "reject"; note: string }
  | { action: "return"; note: string; fields: Correction["fields"]; materials: Correction["materials"] }
  | { action: "revoke"; note: string }
  | { action: "close"; note: string };

export type DecisionResult = { ok: true; decision: Decision } | { ok: false; errors: Record<string, string[]> };

const noteOf = (form: FormData, name: string) => String(form.get(name) ?? "").trim();

/**
 * Reads a reviewer's decision form. Checkbox values name fields as `<step>.<field>` and
 * materials as `material:<key>`; only names the service really has are kept.
 */
export function parseDecision(form: FormData, service: ServiceDefinition, answers: Answers): DecisionResult {
  const intent = String(form.get("intent") ?? "");
  const note = noteOf(form, "note");
  const errors: Record<string, string[]> = {};
  if (note.length > NOTE_MAX) errors[intent === "revoke" || intent === "close" ? "revokeNote" : "note"] = ["common:errors.tooLong"];
  if (intent === "revoke" || intent === "close") {
    if (!note) errors.revokeNote = [`common:errors.noteRequired_${intent}`];
    return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, decision: { action: intent, note } };
  }
  if ((intent === "reject" || intent === "return") && !note) errors.note = [`common:errors.noteRequired_${intent}`];
  const fix = form.getAll("fix").map(String);
  const fieldKeys = new Set(
    applicableSteps(service, answers).flatMap((step) => (typeof step.fields === "function" ? step.fields(answers) : step.fields).map((field) => `${step.id}.${field.name}`)),
  );
  const fields = fix
    .filter((key) => fieldKeys.has(key))
    .map((key) => {
      const dot = key.indexOf(".");
      return { stepId: key.slice(0, dot), field: key.slice(dot + 1), note: noteOf(form, `fixNote:${key}`).slice(0, NOTE_MAX) };
    });
  const materialKeys = new Set(service.materials.map((material) => `material:${material.key}`));
  const materials = fix.filter((key) => materialKeys.has(key)).map((key) => ({ key: key.slice("material:".length), note: noteOf(form, `fixNote:${key}`).slice(0, NOTE_MAX) }));
  if (intent === "return" && fields.length + materials.length === 0) errors.fix = ["common:errors.fixRequired"];
  if (intent !== "approve" && intent !== "reject" && intent !== "return") errors.intent = ["common:errors.choose"];
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  if (intent === "return") return { ok: true, decision: { action: "return", note, fields, materials } };
  return { ok: true, decision: { action: intent as "approve" | "reject", note } };
}
