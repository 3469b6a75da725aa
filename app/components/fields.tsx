import { useTranslation } from "react-i18next";
import { fieldId } from "./error-summary";

export type RenderOption = { value: string; label?: string; labelKey?: string };
export type RenderOptionGroup = { label: string; options: RenderOption[] };

/** A field as the loader sends it: option sources are already resolved to options. */
export type RenderField = {
  name: string;
  kind: "text" | "date" | "select" | "radio" | "textarea";
  labelKey: string;
  labelValues?: Record<string, string | number>;
  hintKey?: string;
  /** Interpolation values for hintKey, e.g. policy figures. */
  hintValues?: Record<string, string | number>;
  optional?: boolean;
  inputMode?: "numeric" | "tel" | "text";
  autoComplete?: string;
  maxLength?: number;
  width?: "short" | "medium" | "full";
  options?: RenderOption[];
  groups?: RenderOptionGroup[];
};

const widths = { short: "sm:max-w-[8rem]", medium: "sm:max-w-md", full: "" } as const;

function OptionLabel({ option }: { option: RenderOption }) {
  const { t } = useTranslation();
  return <>{option.label ?? t(option.labelKey ?? option.value)}</>;
}

export function FormField({ field, value, errors, idPrefix = "f-" }: { field: RenderField; value: string; errors?: string[]; idPrefix?: string }) {
  const { t } = useTranslation();
  const id = `${idPrefix}${fieldId(field.name)}`;
  const hintId = field.hintKey ? `${id}-hint` : undefined;
  const errorId = errors?.length ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(" ") || undefined;
  const label = t(field.labelKey, field.labelValues);
  const invalid = errors?.length ? true : undefined;
  const hint = field.hintKey ? (
    <p id={hintId} className="mt-1 text-sm text-slate-600">
      {t(field.hintKey, field.hintValues)}
    </p>
  ) : null;
  const error = errorId ? (
    <p id={errorId} className="mt-1 font-semibold text-seal-600">
      <span className="sr-only">{t("errors.prefix")}</span>
      {t(errors![0], field.labelValues)}
    </p>
  ) : null;
  const optional = field.optional ? <span className="font-normal text-slate-600"> {t("optional")}</span> : null;

  if (field.kind === "radio") {
    return (
      <fieldset className="mb-6" aria-describedby={describedBy} id={id}>
        <legend className="mb-1 text-base font-semibold">
          {label}
          {optional}
        </legend>
        {hint}
        {error}
        <div className="mt-2 flex flex-wrap gap-4">
          {field.options?.map((option, index) => (
            <label key={option.value} className="flex min-h-11 items-center gap-2 rounded-md border border-slate-300 bg-white px-4 py-2">
              <input
                type="radio"
                id={index === 0 ? `${id}-0` : undefined}
                name={field.name}
                value={option.value}
                defaultChecked={value === option.value}
                className="h-5 w-5"
                aria-invalid={invalid}
              />
              <OptionLabel option={option} />
            </label>
          ))}
        </div>
      </fieldset>
    );
  }

  const className = `input ${errorId ? "input-error" : ""} ${widths[field.width ?? "full"]}`;
  return (
    <div className="mb-6">
      <label htmlFor={id} className="block text-base font-semibold">
        {label}
        {optional}
      </label>
      {hint}
      {error}
      <div className="mt-2">
        {field.kind === "select" ? (
          <select id={id} name={field.name} defaultValue={value} className={className} aria-describedby={describedBy} aria-invalid={invalid}>
            <option value="">{t("choose")}</option>
            {field.options?.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label ?? t(option.labelKey ?? option.value)}
              </option>
            ))}
            {field.groups?.map((group) => (
              <optgroup key={group.label} label={group.label}>
                {group.options.map((option) => (
                  <option key={option.value} value={option.value}>
                    {option.label}
                  </option>
                ))}
              </optgroup>
            ))}
          </select>
        ) : field.kind === "textarea" ? (
          <textarea id={id} name={field.name} defaultValue={value} rows={4} maxLength={field.maxLength} className={className} aria-describedby={describedBy} aria-invalid={invalid} />
        ) : (
          <input
            id={id}
            name={field.name}
            type={field.kind === "date" ? "date" : field.inputMode === "tel" ? "tel" : "text"}
            inputMode={field.inputMode}
            autoComplete={field.autoComplete ?? "off"}
            maxLength={field.maxLength}
            defaultValue={value}
            spellCheck={false}
            className={className}
            aria-describedby={describedBy}
            aria-invalid={invalid}
          />
        )}
      </div>
    </div>
  );
}
