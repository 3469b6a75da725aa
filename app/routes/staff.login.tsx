import { parseWithZod } from "@conform-to/zod";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CsrfInput } from "~/components/csrf";
import { ErrorSummary } from "~/components/error-summary";
import { FormField } from "~/components/fields";
import { PageTitle } from "~/components/page";
import { PasswordField } from "~/components/password-field";
import { staffLoginSchema } from "~/utils/account-schemas";
import { checkPassword } from "~/utils/accounts.server";
import { audit } from "~/utils/audit.server";
import { getUser, safeRedirect } from "~/utils/auth.server";
import { readForm } from "~/utils/forms.server";
import { startSession } from "~/utils/session.server";
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
  const values = { username: String(form.get("username") ?? "") };
  if (submission.status !== "success") return data({ errors: submission.error ?? {}, values }, { status: 400 });
  const { username, password, redirectTo } = submission.value;
  const checked = await checkPassword(request, { kind: "staff", username }, password);
  if (!checked.ok) return data({ errors: { "": [`common:errors.${checked.error === "limited" ? "tooManyAttempts" : "badCredentials"}`] }, values }, { status: checked.error === "limited" ? 429 : 400 });
  await audit({ actorId: checked.userId, actorRole: checked.role, action: "signin.staff", subjectType: "user", subjectId: checked.userId, request });
  return redirect(safeRedirect(redirectTo, "/staff/queue"), { headers: { "Set-Cookie": await startSession(checked.userId) } });
}

export default function StaffLogin() {
  const { t } = useTranslation();
  const result = useActionData<typeof action>();
  const [params] = useSearchParams();
  const errors = result?.errors as Record<string, string[]> | undefined;
  return (
    <div className="max-w-xl">
      <PageTitle>{t("staffLogin.title")}</PageTitle>
      <ErrorSummary errors={{ ...errors, "": undefined }} formError={errors?.[""]?.[0]} labels={{ username: t("staffLogin.username"), password: t("account.password") }} />
      <Form method="post" noValidate className="card">
        <CsrfInput />
        <input type="hidden" name="redirectTo" value={params.get("redirectTo") ?? ""} />
        <FormField field={{ name: "username", kind: "text", labelKey: "staffLogin.username", autoComplete: "username", maxLength: 64, width: "medium" }} value={result?.values.username ?? ""} errors={errors?.username} />
        <PasswordField name="password" labelKey="account.password" errors={errors?.password} autoComplete="current-password" />
        <button type="submit" className="btn-primary">
          {t("login.submit")}
        </button>
      </Form>
    </div>
  );
}
