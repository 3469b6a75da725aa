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
import { audit, clientAddress } from "~/utils/audit.server";
import { dummyPasswordHash, getUser, safeRedirect, verifyPassword } from "~/utils/auth.server";
import { decryptText, lookupHash } from "~/utils/crypto.server";
import { db } from "~/utils/db.server";
import { readForm } from "~/utils/forms.server";
import { startChallenge } from "~/utils/otp.server";
import { clearHits, isLimited, recordHit, signInLimits } from "~/utils/rate-limit.server";
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
  const phoneHash = lookupHash(phone);
  const limits = [signInLimits.account(phoneHash), signInLimits.address(clientAddress(request))];
  for (const limit of limits) {
    if (await isLimited(limit)) {
      await audit({ action: "signin.citizen.limited", request });
      return data({ errors: { "": ["common:errors.tooManyAttempts"] }, values }, { status: 429 });
    }
  }
  const user = await db.user.findUnique({ where: { phoneHash }, select: { id: true, kind: true, passwordHash: true, phoneEnc: true, active: true } });
  const valid = await verifyPassword(user?.passwordHash ?? (await dummyPasswordHash()), password);
  if (!user || !valid || user.kind !== "citizen" || !user.active || !user.phoneEnc) {
    for (const limit of limits) await recordHit(limit);
    await audit({ actorId: user?.id, action: "signin.citizen.failed", request });
    return data({ errors: { "": ["common:errors.badCredentials"] }, values }, { status: 400 });
  }
  await clearHits(limits[0].key);
  const lng = detectLanguage(request);
  const challenge = await startChallenge(decryptText(user.phoneEnc), "login", { userId: user.id, redirectTo: safeRedirect(redirectTo, "/applications"), lng }, lng);
  return redirect(`/login/verify?c=${challenge}`);
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
