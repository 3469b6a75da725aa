import { parseWithZod } from "@conform-to/zod";
import { data, redirect, type ActionFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CsrfInput } from "~/components/csrf";
import { ErrorSummary } from "~/components/error-summary";
import { FormField } from "~/components/fields";
import { PageTitle } from "~/components/page";
import { RetryNotice } from "~/components/retry-notice";
import { detectLanguage } from "~/i18n/detect.server";
import { resetRequestSchema } from "~/utils/account-schemas";
import { citizenByPhone } from "~/utils/accounts.server";
import { readForm } from "~/utils/forms.server";
import { startChallenge } from "~/utils/otp.server";
import { titled } from "~/utils/meta";

export const meta = titled("titles.forgot");

/**
 * Forgotten password (citizens): a code by SMS to the account's number. A number without an
 * account gets the same next page but no message, so the page does not tell who is registered.
 */
export async function action({ request }: ActionFunctionArgs) {
  const form = await readForm(request);
  const submission = parseWithZod(form, { schema: resetRequestSchema });
  const values = { phone: String(form.get("phone") ?? "").slice(0, 32) };
  if (submission.status !== "success") return data({ errors: submission.error ?? {}, values }, { status: 400 });
  const { phone } = submission.value;
  const account = await citizenByPhone(phone);
  const challenge = await startChallenge(request, phone, "reset", { userId: account?.id ?? null }, detectLanguage(request), { send: !!account });
  if (!challenge.ok) return data({ retry: { messageKey: "common:limits.smsCodes", retryAfterSeconds: challenge.retryAfterSeconds }, values }, { status: 429 });
  return redirect(`/login/forgot/verify?c=${challenge.id}`);
}

type ActionData = { errors?: Record<string, string[]>; values?: { phone: string }; retry?: { messageKey: string; retryAfterSeconds: number } };

export default function ForgotPassword() {
  const { t } = useTranslation();
  const result = useActionData<typeof action>() as ActionData | undefined;
  return (
    <div className="max-w-xl">
      <PageTitle>{t("forgot.title")}</PageTitle>
      <p className="mb-6">{t("forgot.intro")}</p>
      {result?.retry ? <RetryNotice messageKey={result.retry.messageKey} retryAfterSeconds={result.retry.retryAfterSeconds} /> : null}
      <ErrorSummary errors={result?.errors} labels={{ phone: t("account.phone") }} />
      <Form method="post" noValidate className="card">
        <CsrfInput />
        <FormField field={{ name: "phone", kind: "text", labelKey: "account.phone", inputMode: "tel", autoComplete: "tel", maxLength: 16, width: "medium" }} value={result?.values?.phone ?? ""} errors={result?.errors?.phone} />
        <button type="submit" className="btn-primary">
          {t("forgot.submit")}
        </button>
      </Form>
      <p className="mt-6">
        <Link to="/login">{t("forgot.back")}</Link>
      </p>
    </div>
  );
}
