import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CsrfInput } from "./csrf";
import { ErrorSummary } from "./error-summary";
import { FormField } from "./fields";
import { PageTitle } from "./page";

/** The SMS code step shared by sign-up and sign-in. */
export function CodeForm({ titleKey, errors }: { titleKey: string; errors?: Record<string, string[]> }) {
  const { t } = useTranslation();
  return (
    <div className="max-w-xl">
      <PageTitle>{t(titleKey)}</PageTitle>
      <p className="mb-6">{t("code.intro")}</p>
      <ErrorSummary errors={errors} />
      <Form method="post" noValidate className="card">
        <CsrfInput />
        <FormField
          field={{ name: "code", kind: "text", labelKey: "code.label", hintKey: "code.hint", inputMode: "numeric", autoComplete: "one-time-code", maxLength: 6, width: "short" }}
          value=""
          errors={errors?.code}
        />
        <button type="submit" className="btn-primary">
          {t("code.submit")}
        </button>
      </Form>
    </div>
  );
}
