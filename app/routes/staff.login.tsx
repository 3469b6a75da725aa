import { parseWithZod } from "@conform-to/zod";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CsrfInput } from "~/components/csrf";
import { ErrorSummary } from "~/components/error-summary";
import { FormField } from "~/components/fields";
import { PageTitle } from "~/components/page";
import { PasswordField } from "~/components/password-field";
import { RetryNotice } from "~/components/retry-notice";
import { staffLoginSchema } from "~/utils/account-schemas";
import { checkPassword, recordSignIn } from "~/utils/accounts.server";
import { getUser, safeRedirect } from "~/utils/auth.server";
import { readForm } from "~/utils/forms.server";
import { retryHeaders } from "~/utils/rate-limit.server";
import { startSession } from "~/utils/session.server";
import { issueTicket, secondFactorEnabled } from "~/utils/two-factor.server";
import { titled } from "~/utils/meta";

export const meta = titled("titles.staffLogin");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getUser(request);
  if (user?.kind === "staff") throw redirect("/staff/queue");
  return null;
}

export async function action({ request }: ActionFunctionArgs) {
  const form = await readForm(request);
  const submission = parseWithZod(form, { schema: staffLoginSchema });
  const values = { username: String(form.get("username") ?? "").slice(0, 64) };
  if (submission.status !== "success") return data({ errors: submission.error ?? {}, values }, { status: 400 });
  const { username, password, redirectTo } = submission.value;
  const checked = await checkPassword(request, { kind: "staff", username }, password);
  if (!checked.ok && checked.error === "limited") {
    const retry = { messageKey: checked.slowed ? "common:limits.signInSlowed" : "common:limits.signIn", retryAfterSeconds: checked.retryAfterSeconds };
    return data({ retry, values }, { status: 429, headers: retryHeaders({ limited: true, retryAfterSeconds: checked.retryAfterSeconds }) });
  }
  if (!checked.ok) return data({ errors: { "": ["common:errors.badCredentials"] }, values }, { status: 400 });
  // Decided before any session or ticket exists, so a bad target can never fail half-way.
  const target = safeRedirect(redirectTo, "/staff/queue");
  if (await secondFactorEnabled(checked.userId)) {
    return redirect("/staff/login/two-factor", { headers: { "Set-Cookie": await issueTicket(checked.userId, target) } });
  }
  await recordSignIn(request, { id: checked.userId, kind: "staff", role: checked.role });
  return redirect(target, { headers: { "Set-Cookie": await startSession(checked.userId) } });
}

type ActionData = { errors?: Record<string, string[]>; values?: { username: string }; retry?: { messageKey: string; retryAfterSeconds: number } };

export default function StaffLogin() {
  const { t } = useTranslation();
  const result = useActionData<typeof action>() as ActionData | undefined;
  const [params] = useSearchParams();
  const errors = result?.errors;
  return (
    <div className="max-w-xl">
      <PageTitle>{t("staffLogin.title")}</PageTitle>
      {params.get("ended") === "1" ? (
        <p role="status" className="mb-6 rounded-md border-l-4 border-brand-700 bg-brand-50 p-3">
          {t("staffLogin.sessionEnded")}
        </p>
      ) : null}
      {result?.retry ? <RetryNotice messageKey={result.retry.messageKey} retryAfterSeconds={result.retry.retryAfterSeconds} /> : null}
      <ErrorSummary errors={{ ...errors, "": undefined }} formError={errors?.[""]?.[0]} labels={{ username: t("staffLogin.username"), password: t("account.password") }} />
      <Form method="post" noValidate className="card">
        <CsrfInput />
        <input type="hidden" name="redirectTo" value={params.get("redirectTo") ?? ""} />
        <FormField field={{ name: "username", kind: "text", labelKey: "staffLogin.username", autoComplete: "username", maxLength: 64, width: "medium" }} value={result?.values?.username ?? ""} errors={errors?.username} />
        <PasswordField name="password" labelKey="account.password" errors={errors?.password} autoComplete="current-password" />
        <button type="submit" className="btn-primary">
          {t("login.submit")}
        </button>
      </Form>
    </div>
  );
}
