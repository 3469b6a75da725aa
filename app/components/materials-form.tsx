import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CsrfInput } from "./csrf";
import { UPLOAD_ACCEPT } from "~/lib/uploads";
import { fieldId } from "./error-summary";

export type MaterialView = { key: string; labelKey: string; hintKey?: string; uploaded: string | null; noteText?: string };

/** File inputs for the required materials; what is already uploaded is listed and can be replaced. */
export function MaterialsForm({ materials, errors, change, action, submitKey = "apply.saveContinue" }: { materials: MaterialView[]; errors?: Record<string, string[]>; change?: boolean; action?: string; submitKey?: string }) {
  const { t } = useTranslation();
  return (
    <Form method="post" encType="multipart/form-data" noValidate className="card" action={action}>
      <CsrfInput />
      {change ? <input type="hidden" name="change" value="1" /> : null}
      <p className="mb-6">{t("materials.rules")}</p>
      {materials.map((material) => {
        const id = `f-${fieldId(material.key)}`;
        const error = errors?.[material.key]?.[0];
        const describedBy = [material.hintKey ? `${id}-hint` : null, material.uploaded ? `${id}-current` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
        return (
          <div key={material.key} className="mb-6">
            <label htmlFor={id} className="block font-semibold">
              {t(material.labelKey)}
            </label>
            {material.hintKey ? (
              <p id={`${id}-hint`} className="mt-1 text-sm text-slate-600">
                {t(material.hintKey)}
              </p>
            ) : null}
            {material.noteText ? <p className="mt-1 rounded bg-amber-50 p-2 text-sm">{material.noteText}</p> : null}
            {material.uploaded ? (
              <p id={`${id}-current`} className="mt-1 text-sm text-green-800">
                {t("materials.uploaded", { name: material.uploaded })}
              </p>
            ) : null}
            {error ? (
              <p id={`${id}-error`} className="mt-1 font-semibold text-seal-600">
                <span className="sr-only">{t("errors.prefix")}</span>
                {t(error)}
              </p>
            ) : null}
            <input id={id} name={material.key} type="file" accept={UPLOAD_ACCEPT} className={`mt-2 block w-full text-base ${error ? "rounded border-2 border-seal-600 p-1" : ""}`} aria-describedby={describedBy} aria-invalid={error ? true : undefined} />
          </div>
        );
      })}
      <button type="submit" className="btn-primary">
        {t(submitKey)}
      </button>
    </Form>
  );
}
