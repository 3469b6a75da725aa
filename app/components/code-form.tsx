import { Form, useSearchParams } from "@remix-run/react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { CsrfInput } from "./csrf";
import { ErrorSummary } from "./error-summary";
import { FormField } from "./fields";
import { PageTitle } from "./page";
import { RetryNotice } from "./retry-notice";

type CodeFormProps = {
  titleKey: string;
  /** The number the code went to, masked (138****0001). */
  phoneMasked: string;
  /** Seconds until a new code may be asked for; the button is disabled until then (no script needed). */
  resendInSeconds: number;
  errors?: Record<string, string[]>;
  retry?: { messageKey: string; retryAfterSeconds: number };
  /** More fields for the same step (a new password when resetting it). */
  children?: ReactNode;
  labels?: Record<string, string>;
  submitKey?: string;
};

/** The SMS code step shared by sign-up, sign-in and password reset, with "send a new code". */
export function CodeForm({ titleKey, phoneMasked, resendInSeconds, errors, retry, children, labels, submitKey = "code.submit" }: CodeFormProps) {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  return (
    <div className="max-w-xl">
      <PageTitle>{t(titleKey)}</PageTitle>
      {params.get("resent") === "1" && !errors && !retry ? (
        <p role="status" className="mb-4 rounded-md border-l-4 border-green-700 bg-green-50 p-3">
          {t("code.resent", { phone: phoneMasked })}
        </p>
      ) : null}
      <p className="mb-6">{t("code.introTo", { phone: phoneMasked })}</p>
      {retry ? <RetryNotice messageKey={retry.messageKey} retryAfterSeconds={retry.retryAfterSeconds} /> : null}
      <ErrorSummary errors={errors} labels={{ code: t("code.label"), ...labels }} />
      <Form method="post" noValidate className="card">
        <CsrfInput />
        <FormField
          field={{ name: "code", kind: "text", labelKey: "code.label", hintKey: "code.hint", inputMode: "numeric", autoComplete: "one-time-code", maxLength: 6, width: "short" }}
          value=""
          errors={errors?.code}
        />
        {children}
        <button type="submit" className="btn-primary">
          {t(submitKey)}
        </button>
      </Form>
      <Form method="post" className="mt-6">
        <CsrfInput />
        <input type="hidden" name="intent" value="resend" />
        <p className="mb-2 text-slate-700" id="resend-hint">
          {resendInSeconds > 0 ? t("code.resendIn", { seconds: resendInSeconds }) : t("code.notReceived")}
        </p>
        <button type="submit" className="btn-secondary" disabled={resendInSeconds > 0} aria-describedby="resend-hint">
          {t("code.resend")}
        </button>
      </Form>
    </div>
  );
}
