import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CsrfInput } from "~/components/csrf";
import { NoteField } from "./note-field";
import { NOTE_MAX } from "~/engine/review-form";

type Section = { stepId: string; titleKey: string; rows: { stepId: string; field: string; labelKey: string; labelValues?: Record<string, string | number> }[] };

/**
 * Approve, return for correction (naming fields and materials, each with a note) or reject.
 * Plain form posts: the <details> groups open without JavaScript.
 */
export function DecisionForm({
  actions,
  sections,
  materialDefs,
  errors,
  note,
  chosen,
}: {
  /** The decisions the permission module allows this reviewer now. */
  actions: readonly ("approve" | "return" | "reject")[];
  sections: Section[];
  materialDefs: { key: string; labelKey: string }[];
  errors?: Record<string, string[]>;
  note: string;
  chosen: Set<string>;
}) {
  const { t } = useTranslation();
  return (
    <Form method="post" noValidate className="card mb-6" aria-labelledby="decision-title">
      <CsrfInput />
      <h2 id="decision-title" className="text-lg font-bold">
        {t("review.decisionTitle")}
      </h2>
      <NoteField id="f-note" labelKey="review.note" hintKey="review.noteHint" error={errors?.note?.[0]} defaultValue={note} />
      <fieldset id="f-fix" className="mt-4" aria-describedby={errors?.fix ? "f-fix-error" : undefined}>
        <legend className="font-semibold">{t("review.fixLegend")}</legend>
        <p className="text-sm text-slate-600">{t("review.fixHint")}</p>
        {errors?.fix ? (
          <p id="f-fix-error" className="font-semibold text-seal-600">
            {t(errors.fix[0])}
          </p>
        ) : null}
        {sections.map((section) => (
          <details key={section.stepId} open={section.rows.some((row) => chosen.has(`${row.stepId}.${row.field}`))} className="mt-2 rounded border border-slate-200 p-2">
            <summary className="cursor-pointer font-semibold">{t(section.titleKey)}</summary>
            {section.rows.map((row) => {
              const key = `${row.stepId}.${row.field}`;
              return <FixOption key={key} value={key} label={t(row.labelKey, row.labelValues)} checked={chosen.has(key)} />;
            })}
          </details>
        ))}
        <details open={materialDefs.some((material) => chosen.has(`material:${material.key}`))} className="mt-2 rounded border border-slate-200 p-2">
          <summary className="cursor-pointer font-semibold">{t("materials.title")}</summary>
          {materialDefs.map((material) => (
            <FixOption key={material.key} value={`material:${material.key}`} label={t(material.labelKey)} checked={chosen.has(`material:${material.key}`)} />
          ))}
        </details>
      </fieldset>
      <div className="mt-5 flex flex-wrap gap-3">
        {actions.includes("approve") ? (
          <button type="submit" name="intent" value="approve" className="btn-primary">
            {t("review.approve")}
          </button>
        ) : null}
        {actions.includes("return") ? (
          <button type="submit" name="intent" value="return" className="btn-secondary">
            {t("review.return")}
          </button>
        ) : null}
        {actions.includes("reject") ? (
          <button type="submit" name="intent" value="reject" className="btn-danger">
            {t("review.reject")}
          </button>
        ) : null}
      </div>
    </Form>
  );
}

function FixOption({ value, label, checked }: { value: string; label: string; checked: boolean }) {
  const { t } = useTranslation();
  const id = `fix-${value.replace(/[^A-Za-z0-9]/g, "_")}`;
  return (
    <div className="mt-2">
      <label className="flex items-center gap-2" htmlFor={id}>
        <input id={id} type="checkbox" name="fix" value={value} defaultChecked={checked} className="h-5 w-5" />
        {label}
      </label>
      <label className="sr-only" htmlFor={`${id}-note`}>
        {t("review.fixNote", { field: label })}
      </label>
      <input id={`${id}-note`} name={`fixNote:${value}`} className="input mt-1 text-sm" placeholder={t("review.fixNote", { field: label })} maxLength={NOTE_MAX} />
    </div>
  );
}
