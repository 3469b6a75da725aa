import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";

export type FieldErrors = Record<string, string[] | undefined>;

/** Errors listed at the top of the page, each linked to its field (GOV.UK pattern). */
/** `labels` (field name → label) makes each summary line say which field it is about. */
/** `formErrorLink` points the form-level error at a page that helps (e.g. the existing case of a duplicate). */
export function ErrorSummary({
  errors,
  idPrefix = "f-",
  formError,
  formErrorValues,
  formErrorLink,
  labels,
}: {
  errors?: FieldErrors | null;
  idPrefix?: string;
  formError?: string | null;
  formErrorValues?: Record<string, string> | null;
  formErrorLink?: { href: string; textKey: string } | null;
  labels?: Record<string, string>;
}) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  const entries = Object.entries(errors ?? {}).filter(([, messages]) => messages && messages.length > 0);
  const hasErrors = entries.length > 0 || !!formError;
  useEffect(() => {
    if (hasErrors) ref.current?.focus();
  }, [hasErrors, errors, formError]);
  if (!hasErrors) return null;
  return (
    <div ref={ref} tabIndex={-1} role="alert" aria-labelledby="error-summary-title" className="mb-6 rounded-md border-4 border-seal-600 bg-white p-4">
      <h2 id="error-summary-title" className="text-lg font-bold text-seal-600">
        {t("errors.summaryTitle")}
      </h2>
      <ul className="mt-2 list-disc pl-5">
        {formError ? (
          <li className="text-seal-600">
            {t(formError, formErrorValues ?? undefined)}
            {formErrorLink ? (
              <>
                {" "}
                <a href={formErrorLink.href} className="text-seal-600">
                  {t(formErrorLink.textKey, formErrorValues ?? undefined)}
                </a>
              </>
            ) : null}
          </li>
        ) : null}
        {entries.map(([name, messages]) => (
          <li key={name}>
            <a href={`#${idPrefix}${fieldId(name)}`} className="text-seal-600">
              {labels?.[name] ? t("errors.withLabel", { label: labels[name], message: t(messages![0]) }) : t(messages![0])}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** A DOM id for a field name such as `children[0].sex`. */
export function fieldId(name: string): string {
  return name.replace(/[^A-Za-z0-9_-]/g, "_");
}
