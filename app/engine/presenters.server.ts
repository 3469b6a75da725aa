import type { RenderField, RenderOption } from "~/components/fields";
import { valueAt } from "~/lib/field-paths";
import type { Language } from "~/i18n/config";
import { jurisdictions, localName } from "~/utils/jurisdictions.server";
import type { Answers, Field, PersonalKind, Step } from "./define-service";
import { disclose, type Disclosure } from "./masking";

/** Turns a step's declared fields into what the browser needs: options resolved, no schemas. */
export async function renderFields(step: Step, answers: Answers, lng: Language, textValues: Record<string, string | number> = {}): Promise<RenderField[]> {
  return renderFieldList(typeof step.fields === "function" ? step.fields(answers) : step.fields, lng, textValues);
}

/** Declared fields as the browser needs them (a step's, or a public check's). */
export async function renderFieldList(declared: Field[], lng: Language, textValues: Record<string, string | number> = {}): Promise<RenderField[]> {
  const index = await jurisdictions();
  const townships: RenderOption[] = index.townships.map((row) => ({ value: row.code, label: localName(row, lng) }));
  return declared.map((field) => {
    const { personal: _personal, ...declaredField } = field;
    const base = { ...declaredField, hintValues: textValues };
    if (field.kind === "select" && typeof field.options === "string") {
      if (field.options === "villages") {
        const groups = index.townships.map((township) => ({
          label: localName(township, lng),
          options: (index.villagesByTownship.get(township.code) ?? []).map((row) => ({ value: row.code, label: localName(row, lng) })),
        }));
        return { ...base, options: undefined, groups } as RenderField;
      }
      const options = field.options === "townshipsOrOutside" ? [...townships, { value: "outside", labelKey: "common:outsideCounty" }] : townships;
      return { ...base, options } as RenderField;
    }
    return base as RenderField;
  });
}

/** A stored answer as text for the check-your-answers page and the staff view. */
export async function displayValue(field: Field, raw: unknown, lng: Language, t: (key: string) => string): Promise<string> {
  if (raw === undefined || raw === null || raw === "") return "";
  const value = String(raw);
  if (field.kind === "select" && typeof field.options === "string") {
    if (value === "outside") return t("common:outsideCounty");
    return localName((await jurisdictions()).byCode.get(value), lng) || value;
  }
  if ((field.kind === "select" || field.kind === "radio") && Array.isArray(field.options)) {
    const option = field.options.find((candidate) => candidate.value === value);
    return option ? t(option.labelKey) : value;
  }
  return value;
}

/** A row of answers as a viewer may see it: a personal value the viewer is not entitled to arrives masked. */
export type AnswerRow = { stepId: string; field: string; labelKey: string; labelValues?: Record<string, string | number>; value: string; personal?: PersonalKind; masked: boolean };
export type AnswerSection = { stepId: string; titleKey: string; rows: AnswerRow[] };

export async function answerSections(answers: Answers, lng: Language, t: (key: string) => string, steps: Step[], disclosure: Disclosure): Promise<AnswerSection[]> {
  const sections: AnswerSection[] = [];
  for (const step of steps) {
    const fields = typeof step.fields === "function" ? step.fields(answers) : step.fields;
    const rows: AnswerRow[] = [];
    for (const field of fields) {
      const shown = disclose(field.personal, `${step.id}.${field.name}`, await displayValue(field, valueAt(answers[step.id], field.name), lng, t), disclosure);
      rows.push({ stepId: step.id, field: field.name, labelKey: field.labelKey, labelValues: field.labelValues, personal: field.personal, ...shown });
    }
    sections.push({ stepId: step.id, titleKey: step.titleKey, rows });
  }
  return sections;
}
