import { useTranslation } from "react-i18next";
import { NOTE_MAX } from "~/engine/review-form";

/** The reviewer's note: label, optional hint, the error next to it, and the textarea posted as `note`. */
export function NoteField({ id, labelKey, hintKey, error, defaultValue }: { id: string; labelKey: string; hintKey?: string; error?: string; defaultValue?: string }) {
  const { t } = useTranslation();
  const describedBy = [hintKey ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  return (
    <>
      <label htmlFor={id} className="mt-3 block font-semibold">
        {t(labelKey)}
      </label>
      {hintKey ? (
        <p id={`${id}-hint`} className="text-sm text-slate-600">
          {t(hintKey)}
        </p>
      ) : null}
      {error ? (
        <p id={`${id}-error`} className="font-semibold text-seal-600">
          {t(error)}
        </p>
      ) : null}
      <textarea id={id} name="note" rows={3} maxLength={NOTE_MAX} defaultValue={defaultValue} className={`input mt-1 ${error ? "input-error" : ""}`} aria-describedby={describedBy} />
    </>
  );
}
