import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CodeForm } from "~/components/code-form";
import { PasswordField } from "~/components/password-field";
import { resetSchema } from "~/utils/account-schemas";
import { resetCitizenPassword } from "~/utils/accounts.server";
import { hashPassword } from "~/utils/auth.server";
import { handleCodeStep, requireOpenChallenge, type CodeStepData } from "~/utils/code-step.server";
import { titled } from "~/utils/meta";

export const meta = titled("titles.forgot");

export async function loader({ request }: LoaderFunctionArgs) {
  const { phoneMasked, resendInSeconds } = await requireOpenChallenge(request, "reset", "/login/forgot");
  return { phoneMasked, resendInSeconds };
}

/** The code and the new password together; every session of the account ends, then the user signs in afresh. */
export async function action({ request }: ActionFunctionArgs) {
  const step = await handleCodeStep<{ userId: string | null }, typeof resetSchema>(request, "reset", "/login/forgot", resetSchema);
  if (!step.ok) return step.response;
  const { userId } = step.payload;
  if (!userId || !(await resetCitizenPassword(request, userId, await hashPassword(step.value.password)))) throw redirect("/login/forgot");
  return redirect("/login?reset=1");
}

export default function ResetPassword() {
  const { t } = useTranslation();
  const { phoneMasked, resendInSeconds } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as CodeStepData | undefined;
  return (
    <CodeForm titleKey="forgot.codeTitle" phoneMasked={phoneMasked} resendInSeconds={resendInSeconds} errors={result?.errors} retry={result?.retry} labels={{ password: t("forgot.newPassword"), confirm: t("signup.confirm") }} submitKey="forgot.save">
      <PasswordField name="password" labelKey="forgot.newPassword" hintKey="signup.passwordHint" errors={result?.errors?.password} autoComplete="new-password" />
      <PasswordField name="confirm" labelKey="signup.confirm" errors={result?.errors?.confirm} autoComplete="new-password" />
    </CodeForm>
  );
}
