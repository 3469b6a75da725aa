import { parseWithZod } from "@conform-to/zod";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CsrfInput } from "~/components/csrf";
import { ErrorSummary } from "~/components/error-summary";
import { PageTitle } from "~/components/page";
import { PasswordField } from "~/components/password-field";
import { staffPasswordChangeSchema } from "~/utils/account-schemas";
import { requireStaff } from "~/utils/auth.server";
import { readForm } from "~/utils/forms.server";
import { staffPasswordProblem } from "~/utils/password-policy.server";
import { readSession } from "~/utils/session.server";
import { changeOwnPassword, staffAccountOf } from "~/utils/staff-accounts.server";
import { titled } from "~/utils/meta";

export const meta = titled("titles.staffPassword");

export async function loader({ request }: LoaderFunctionArgs) {
  await requireStaff(request);
  return null;
}

/** A new password for the signed-in staff member; their other sessions end (this one stays). */
export async function action({ request }: ActionFunctionArgs) {
  const staff = await requireStaff(request);
  const form = await readForm(request);
  const submission = parseWithZod(form, { schema: staffPasswordChangeSchema });
  if (submission.status !== "success") return data({ errors: submission.error ?? {}, done: false }, { status: 400 });
  const { current, password } = submission.value;
  const problem = staffPasswordProblem(password, [(await staffAccountOf(staff)).username, staff.name]);
  if (problem) return data({ errors: { password: [`common:errors.${problem}`] }, done: false }, { status: 400 });
  const { sessionId } = await readSession(request);
  if (!(await changeOwnPassword(request, staff, sessionId, current, password))) return data({ errors: { current: ["common:errors.currentPasswordWrong"] }, done: false }, { status: 400 });
  return { errors: null, done: true };
}

export default function StaffPassword() {
  const { t } = useTranslation();
  const result = useActionData<typeof action>();
  const errors = (result?.errors ?? undefined) as Record<string, string[]> | undefined;
  return (
    <div className="max-w-xl">
      <PageTitle>{t("staffPassword.title")}</PageTitle>
      {result?.done ? (
        <p role="status" className="mb-6 rounded-md border-l-4 border-green-700 bg-green-50 p-3">
          {t("staffPassword.done")}
        </p>
      ) : null}
      <ErrorSummary errors={errors} labels={{ current: t("staffPassword.current"), password: t("staffPassword.new"), confirm: t("signup.confirm") }} />
      <Form method="post" noValidate className="card">
        <CsrfInput />
        <PasswordField name="current" labelKey="staffPassword.current" errors={errors?.current} autoComplete="current-password" />
        <PasswordField name="password" labelKey="staffPassword.new" hintKey="staffPassword.hint" errors={errors?.password} autoComplete="new-password" />
        <PasswordField name="confirm" labelKey="signup.confirm" errors={errors?.confirm} autoComplete="new-password" />
        <button type="submit" className="btn-primary">
          {t("staffPassword.submit")}
        </button>
      </Form>
    </div>
  );
}
