import { parseWithZod } from "@conform-to/zod";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CsrfInput } from "~/components/csrf";
import { ErrorSummary } from "~/components/error-summary";
import { FormField } from "~/components/fields";
import { PageTitle } from "~/components/page";
import { PasswordField } from "~/components/password-field";
import { RetryNotice } from "~/components/retry-notice";
import { detectLanguage } from "~/i18n/detect.server";
import { signupSchema } from "~/utils/account-schemas";
import { isPhoneRegistered } from "~/utils/accounts.server";
import { getUser, hashPassword } from "~/utils/auth.server";
import { readForm } from "~/utils/forms.server";
import { startChallenge } from "~/utils/otp.server";
import { titled } from "~/utils/meta";

export const meta = titled("titles.signup");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getUser(request);
  if (user?.kind === "citizen") throw redirect("/applications");
  return null;
}

export async function action({ request }: ActionFunctionArgs) {
  const form = await readForm(request);
  const submission = parseWithZod(form, { schema: signupSchema });
  const values = { name: String(form.get("name") ?? "").slice(0, 64), phone: String(form.get("phone") ?? "").slice(0, 32) };
  if (submission.status !== "success") return data({ errors: submission.error ?? {}, values }, { status: 400 });
  const { name, phone, password } = submission.value;
  if (await isPhoneRegistered(phone)) {
    return data({ errors: { phone: ["common:errors.phoneTaken"] }, values }, { status: 400 });
  }
  const lng = detectLanguage(request);
  const challenge = await startChallenge(request, phone, "signup", { name, phone, passwordHash: await hashPassword(password) }, lng);
  if (!challenge.ok) return data({ retry: { messageKey: "common:limits.smsCodes", retryAfterSeconds: challenge.retryAfterSeconds }, values }, { status: 429 });
  return redirect(`/signup/verify?c=${challenge.id}`);
}

export default function Signup() {
  const { t } = useTranslation();
  const result = useActionData<typeof action>() as { errors?: Record<string, string[]>; values?: { name: string; phone: string }; retry?: { messageKey: string; retryAfterSeconds: number } } | undefined;
  const errors = result?.errors;
  return (
    <div className="max-w-xl">
      <PageTitle>{t("signup.title")}</PageTitle>
      <p className="mb-6">{t("signup.intro")}</p>
      {result?.retry ? <RetryNotice messageKey={result.retry.messageKey} retryAfterSeconds={result.retry.retryAfterSeconds} /> : null}
      <ErrorSummary errors={errors} labels={{ name: t("signup.name"), phone: t("account.phone"), password: t("account.password"), confirm: t("signup.confirm") }} />
      <Form method="post" noValidate className="card">
        <CsrfInput />
        <FormField field={{ name: "name", kind: "text", labelKey: "signup.name", autoComplete: "name", maxLength: 30, width: "medium" }} value={result?.values?.name ?? ""} errors={errors?.name} />
        <FormField field={{ name: "phone", kind: "text", labelKey: "account.phone", hintKey: "account.phoneHint", inputMode: "tel", autoComplete: "tel", maxLength: 16, width: "medium" }} value={result?.values?.phone ?? ""} errors={errors?.phone} />
        <PasswordField name="password" labelKey="account.password" hintKey="signup.passwordHint" errors={errors?.password} autoComplete="new-password" />
        <PasswordField name="confirm" labelKey="signup.confirm" errors={errors?.confirm} autoComplete="new-password" />
        <button type="submit" className="btn-primary">
          {t("signup.submit")}
        </button>
      </Form>
      <p className="mt-6">
        {t("signup.haveAccount")} <Link to="/login">{t("nav.signIn")}</Link>
      </p>
    </div>
  );
}
