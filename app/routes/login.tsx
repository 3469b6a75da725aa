import { parseWithZod } from "@conform-to/zod";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, matchPath, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CsrfInput } from "~/components/csrf";
import { ErrorSummary } from "~/components/error-summary";
import { FormField } from "~/components/fields";
import { PageTitle } from "~/components/page";
import { PasswordField } from "~/components/password-field";
import { RetryNotice } from "~/components/retry-notice";
import { detectLanguage } from "~/i18n/detect.server";
import { findService } from "~/services/registry";
import { loginSchema } from "~/utils/account-schemas";
import { checkPassword } from "~/utils/accounts.server";
import { getUser, safeRedirect } from "~/utils/auth.server";
import { readForm } from "~/utils/forms.server";
import { startChallenge } from "~/utils/otp.server";
import { retryHeaders } from "~/utils/rate-limit.server";
import { titled } from "~/utils/meta";

export const meta = titled("titles.login");

/** Why the user was sent here, from where they were going: a service (its title from the registry), a draft, their cases. */
function signInReason(target: string): { key: string; serviceTitleKey?: string } | null {
  const path = target.split(/[?#]/)[0];
  const service = matchPath("/services/:slug/*", path);
  const definition = service ? findService(service.params.slug ?? "") : undefined;
  if (definition) return { key: "login.reasonService", serviceTitleKey: definition.titleKey };
  if (matchPath("/apply/*", path)) return { key: "login.reasonDraft" };
  if (matchPath("/applications/*", path)) return { key: "login.reasonApplications" };
  return null;
}

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getUser(request);
  if (user?.kind === "citizen") throw redirect("/applications");
  const url = new URL(request.url);
  return { reason: signInReason(safeRedirect(url.searchParams.get("redirectTo"), "")), passwordReset: url.searchParams.get("reset") === "1" };
}

export async function action({ request }: ActionFunctionArgs) {
  const form = await readForm(request);
  const submission = parseWithZod(form, { schema: loginSchema });
  const values = { phone: String(form.get("phone") ?? "").slice(0, 32) };
  if (submission.status !== "success") return data({ errors: submission.error ?? {}, values }, { status: 400 });
  const { phone, password, redirectTo } = submission.value;
  const checked = await checkPassword(request, { kind: "citizen", phone }, password);
  if (!checked.ok && checked.error === "limited") {
    const retry = { messageKey: checked.slowed ? "common:limits.signInSlowed" : "common:limits.signIn", retryAfterSeconds: checked.retryAfterSeconds };
    return data({ retry, values }, { status: 429, headers: retryHeaders({ limited: true, retryAfterSeconds: checked.retryAfterSeconds }) });
  }
  if (!checked.ok) return data({ errors: { "": ["common:errors.badCredentials"] }, values }, { status: 400 });
  const lng = detectLanguage(request);
  const challenge = await startChallenge(request, checked.phone!, "login", { userId: checked.userId, redirectTo: safeRedirect(redirectTo, "/applications") }, lng);
  if (!challenge.ok) return data({ retry: { messageKey: "common:limits.smsCodes", retryAfterSeconds: challenge.retryAfterSeconds }, values }, { status: 429 });
  return redirect(`/login/verify?c=${challenge.id}`);
}

type ActionData = { errors?: Record<string, string[]>; values?: { phone: string }; retry?: { messageKey: string; retryAfterSeconds: number } };

export default function Login() {
  const { t } = useTranslation();
  const { reason, passwordReset } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as ActionData | undefined;
  const [params] = useSearchParams();
  const errors = result?.errors;
  const redirectTo = params.get("redirectTo") ?? "";
  return (
    <div className="max-w-xl">
      <PageTitle>{t("login.title")}</PageTitle>
      {reason ? (
        <p className="mb-6 rounded-md border-l-4 border-brand-700 bg-brand-50 p-3" data-testid="sign-in-reason">
          {t(reason.key, { service: reason.serviceTitleKey ? t(reason.serviceTitleKey) : "" })}
        </p>
      ) : null}
      {passwordReset ? (
        <p role="status" className="mb-6 rounded-md border-l-4 border-green-700 bg-green-50 p-3">
          {t("forgot.done")}
        </p>
      ) : null}
      {result?.retry ? <RetryNotice messageKey={result.retry.messageKey} retryAfterSeconds={result.retry.retryAfterSeconds} /> : null}
      <ErrorSummary errors={{ ...errors, "": undefined }} formError={errors?.[""]?.[0]} labels={{ phone: t("account.phone"), password: t("account.password") }} />
      <Form method="post" noValidate className="card">
        <CsrfInput />
        <input type="hidden" name="redirectTo" value={redirectTo} />
        <FormField field={{ name: "phone", kind: "text", labelKey: "account.phone", inputMode: "tel", autoComplete: "tel", maxLength: 16, width: "medium" }} value={result?.values?.phone ?? ""} errors={errors?.phone} />
        <PasswordField name="password" labelKey="account.password" errors={errors?.password} autoComplete="current-password" />
        <button type="submit" className="btn-primary">
          {t("login.submit")}
        </button>
      </Form>
      <p className="mt-6">
        <Link to="/login/forgot">{t("login.forgot")}</Link>
      </p>
      <p className="mt-3">
        {t("login.noAccount")} <Link to="/signup">{t("nav.signUp")}</Link>
      </p>
    </div>
  );
}
