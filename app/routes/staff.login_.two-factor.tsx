import { parseWithZod } from "@conform-to/zod";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CsrfInput } from "~/components/csrf";
import { ErrorSummary } from "~/components/error-summary";
import { FormField } from "~/components/fields";
import { PageTitle } from "~/components/page";
import { secondFactorCodeSchema } from "~/utils/account-schemas";
import { recordSignIn, staffForSignIn } from "~/utils/accounts.server";
import { readForm } from "~/utils/forms.server";
import { startSession } from "~/utils/session.server";
import { clearedTicketCookie, readTicket, spendTicket, ticketFailed, useRecoveryCode, verifyTotp } from "~/utils/two-factor.server";
import { titled } from "~/utils/meta";

export const meta = titled("titles.twoFactorSignIn");

export async function loader({ request }: LoaderFunctionArgs) {
  if (!(await readTicket(request))) throw redirect("/staff/login", { headers: { "Set-Cookie": clearedTicketCookie() } });
  return null;
}

/** The second step of a staff sign-in: a code from the authenticator app, or a one-time recovery code. */
export async function action({ request }: ActionFunctionArgs) {
  const form = await readForm(request);
  const ticket = await readTicket(request);
  if (!ticket) throw redirect("/staff/login", { headers: { "Set-Cookie": clearedTicketCookie() } });
  const submission = parseWithZod(form, { schema: secondFactorCodeSchema });
  if (submission.status !== "success") return data({ errors: submission.error ?? {} }, { status: 400 });
  const code = submission.value.code;
  const isTotp = /^\d{6}$/.test(code);
  const accepted = isTotp ? await verifyTotp(ticket.userId, code) : await useRecoveryCode(ticket.userId, code);
  const user = await staffForSignIn(ticket.userId);
  if (!accepted || !user) {
    if (!(await ticketFailed(ticket))) throw redirect("/staff/login", { headers: { "Set-Cookie": clearedTicketCookie() } });
    return data({ errors: { code: ["common:errors.secondFactorWrong"] } }, { status: 400 });
  }
  if (!(await spendTicket(ticket))) throw redirect("/staff/login", { headers: { "Set-Cookie": clearedTicketCookie() } });
  await recordSignIn(request, user, { secondFactor: isTotp ? "totp" : "recovery_code" });
  const headers = new Headers([["Set-Cookie", clearedTicketCookie()], ["Set-Cookie", await startSession(user.id)]]);
  return redirect(ticket.redirectTo, { headers });
}

export default function TwoFactorSignIn() {
  const { t } = useTranslation();
  const result = useActionData<typeof action>();
  const errors = result?.errors as Record<string, string[]> | undefined;
  return (
    <div className="max-w-xl">
      <PageTitle>{t("twoFactor.signInTitle")}</PageTitle>
      <p className="mb-6">{t("twoFactor.signInIntro")}</p>
      <ErrorSummary errors={errors} labels={{ code: t("twoFactor.codeLabel") }} />
      <Form method="post" noValidate className="card">
        <CsrfInput />
        <FormField field={{ name: "code", kind: "text", labelKey: "twoFactor.codeLabel", hintKey: "twoFactor.codeHint", autoComplete: "one-time-code", maxLength: 16, width: "medium" }} value="" errors={errors?.code} />
        <button type="submit" className="btn-primary">
          {t("code.submit")}
        </button>
      </Form>
      <p className="mt-6">
        <Link to="/staff/login">{t("twoFactor.startAgain")}</Link>
      </p>
    </div>
  );
}
