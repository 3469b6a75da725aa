import { useTranslation } from "react-i18next";

export function PasswordField({ name, labelKey, hintKey, errors, autoComplete }: { name: string; labelKey: string; hintKey?: string; errors?: string[]; autoComplete: string }) {
  const { t } = useTranslation();
  const id = `f-${name}`;
  const describedBy = [hintKey ? `${id}-hint` : null, errors?.length ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className="mb-6">
      <label htmlFor={id} className="block text-base font-semibold">
        {t(labelKey)}
      </label>
      {hintKey ? (
        <p id={`${id}-hint`} className="mt-1 text-sm text-slate-600">
          {t(hintKey)}
        </p>
      ) : null}
      {errors?.length ? (
        <p id={`${id}-error`} className="mt-1 font-semibold text-seal-600">
          <span className="sr-only">{t("errors.prefix")}</span>
          {t(errors[0])}
        </p>
      ) : null}
      <input id={id} name={name} type="password" autoComplete={autoComplete} className={`input mt-2 sm:max-w-md ${errors?.length ? "input-error" : ""}`} aria-describedby={describedBy} aria-invalid={errors?.length ? true : undefined} />
    </div>
  );
}
