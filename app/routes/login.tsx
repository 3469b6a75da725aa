import { parseWithZod } from "@conform-to/zod";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CsrfInput } from "~/components/csrf";
import { ErrorSummary } from "~/components/error-summary";
import { FormField } from "~/components/fields";
import { PageTitle } from "~/components/page";
import { PasswordField } from "~/components/password-field";
import { detectLanguage } from "~/i18n/detect.server";
import { loginSchema } from "~/utils/account-schemas";
import { checkPassword } from "~/utils/accounts.server";
import { getUser, safeRedirect } from "~/utils/auth.server";
import { readForm } from "~/utils/forms.server";
import { startChallenge } from "~/utils/otp.server";
import { titled } from "~/utils/meta";

export const meta = titled("titles.login");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getUser(request);
  if (user?.kind === "citizen") throw redirect("/applications");
  return null;
}

export async function action({ request }: ActionFunctionArgs) {
  const form = await readForm(request);
  const submission = parseWithZod(form, { schema: loginSchema });
  const values = { phone: String(form.get("phone") ?? "") };
  if (submission.status !== "success") return data({ errors: submission.error ?? {}, values }, { status: 400 });
  const { phone, password, redirectTo } = submission.value;
  const checked = await checkPassword(request, { kind: "citizen", phone }, password);
  if (!checked.ok) return data({ errors: { "": [`common:errors.${checked.error === "limited" ? "tooManyAttempts" : "badCredentials"}`] }, values }, { status: checked.error === "limited" ? 429 : 400 });
  const lng = detectLanguage(request);
  const challenge = await startChallenge(request, checked.phone!, "login", { userId: checked.userId, redirectTo: safeRedirect(redirectTo, "/applications"), lng }, lng);
  if (!challenge.ok) return data({ errors: { "": ["common:errors.tooManyCodes"] }, values }, { status: 429 });
  return redirect(`/login/verify?c=${challenge.id}`);
}

export default function Login() {
  const { t } = useTranslation();
  const result = useActionData<typeof action>();
  const [params] = useSearchParams();
  const errors = result?.errors as Record<string, string[]> | undefined;
  const formError = errors?.[""]?.[0];
  return (
    <div className="max-w-xl">
      <PageTitle>{t("login.title")}</PageTitle>
      <ErrorSummary errors={{ ...errors, "": undefined }} formError={formError} labels={{ phone: t("account.phone"), password: t("account.password") }} />
      <Form method="post" noValidate className="card">
        <CsrfInput />
        <input type="hidden" name="redirectTo" value={params.get("redirectTo") ?? ""} />
        <FormField field={{ name: "phone", kind: "text", labelKey: "account.phone", inputMode: "tel", autoComplete: "tel", maxLength: 16, width: "medium" }} value={result?.values.phone ?? ""} errors={errors?.phone} />
        <PasswordField name="password" labelKey="account.password" errors={errors?.password} autoComplete="current-password" />
        <button type="submit" className="btn-primary">
          {t("login.submit")}
        </button>
      </Form>
      <p className="mt-6">
        {t("login.noAccount")} <Link to="/signup">{t("nav.signUp")}</Link>
      </p>
    </div>
  );
}
