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
import { audit, clientAddress } from "~/utils/audit.server";
import { dummyPasswordHash, getUser, safeRedirect, verifyPassword } from "~/utils/auth.server";
import { db } from "~/utils/db.server";
import { readForm } from "~/utils/forms.server";
import { clearHits, isLimited, recordHit, signInLimits } from "~/utils/rate-limit.server";
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
  const limits = [signInLimits.account(`staff:${username.toLowerCase()}`), signInLimits.address(clientAddress(request))];
  for (const limit of limits) {
    if (await isLimited(limit)) {
      await audit({ action: "signin.staff.limited", request, detail: { username } });
      return data({ errors: { "": ["common:errors.tooManyAttempts"] }, values }, { status: 429 });
    }
  }
  const user = await db.user.findUnique({ where: { username }, select: { id: true, kind: true, role: true, passwordHash: true, active: true } });
  const valid = await verifyPassword(user?.passwordHash ?? (await dummyPasswordHash()), password);
  if (!user || !valid || user.kind !== "staff" || !user.active) {
    for (const limit of limits) await recordHit(limit);
    await audit({ actorId: user?.id, action: "signin.staff.failed", request, detail: { username } });
    return data({ errors: { "": ["common:errors.badCredentials"] }, values }, { status: 400 });
  }
  await clearHits(limits[0].key);
  await audit({ actorId: user.id, actorRole: user.role, action: "signin.staff", subjectType: "user", subjectId: user.id, request });
  return redirect(safeRedirect(redirectTo, "/staff/queue"), { headers: { "Set-Cookie": await startSession(user.id) } });
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
