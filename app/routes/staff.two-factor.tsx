import { parseWithZod } from "@conform-to/zod";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CsrfInput } from "~/components/csrf";
import { ErrorSummary } from "~/components/error-summary";
import { FormField } from "~/components/fields";
import { PageTitle } from "~/components/page";
import { detectLanguage } from "~/i18n/detect.server";
import { serverT } from "~/i18n/resources.server";
import { totpSetupSchema } from "~/utils/account-schemas";
import { audit } from "~/utils/audit.server";
import { requireStaff } from "~/utils/auth.server";
import { readForm } from "~/utils/forms.server";
import { staffAccountOf } from "~/utils/staff-accounts.server";
import { newRecoveryCodes, pendingEnrolment, removeSecondFactor, secondFactorRequired, unusedRecoveryCodes, verifyTotp } from "~/utils/two-factor.server";
import { titled } from "~/utils/meta";

export const meta = titled("titles.twoFactor");

/** Set-up shows a secret, so the page is never stored by a browser or a proxy. */
export const headers = () => ({ "Cache-Control": "no-store" });

export async function loader({ request }: LoaderFunctionArgs) {
  const staff = await requireStaff(request, undefined, { forSecondFactorSetUp: true });
  const account = await staffAccountOf(staff);
  const required = secondFactorRequired(staff.role);
  if (account.secondFactor) return { enabled: true as const, required, recoveryCodesLeft: await unusedRecoveryCodes(staff.id) };
  const enrolment = await pendingEnrolment({ id: staff.id, username: account.username }, serverT(detectLanguage(request))("common:twoFactor.issuer"));
  return { enabled: false as const, required, secret: enrolment.secret, qrSvg: enrolment.qrSvg };
}

export async function action({ request }: ActionFunctionArgs) {
  const staff = await requireStaff(request, undefined, { forSecondFactorSetUp: true });
  const form = await readForm(request);
  const intent = form.get("intent");
  if (intent === "confirm") {
    const submission = parseWithZod(form, { schema: totpSetupSchema });
    if (submission.status !== "success") return data({ errors: submission.error ?? {}, recoveryCodes: null }, { status: 400 });
    if (!(await verifyTotp(staff.id, submission.value.code, { pending: true }))) return data({ errors: { code: ["common:errors.totpWrong"] }, recoveryCodes: null }, { status: 400 });
    await audit({ actorId: staff.id, actorRole: staff.role, action: "account.second_factor_enabled", subjectType: "user", subjectId: staff.id, request });
    return { errors: null, recoveryCodes: await newRecoveryCodes(staff.id) };
  }
  if (intent === "newRecoveryCodes" && (await staffAccountOf(staff)).secondFactor) {
    await audit({ actorId: staff.id, actorRole: staff.role, action: "account.recovery_codes_renewed", subjectType: "user", subjectId: staff.id, request });
    return { errors: null, recoveryCodes: await newRecoveryCodes(staff.id) };
  }
  // Turning it off is for accounts that do not need it (desk staff, or any staff in demo mode).
  if (intent === "disable" && !secondFactorRequired(staff.role)) {
    await removeSecondFactor(staff.id);
    await audit({ actorId: staff.id, actorRole: staff.role, action: "account.second_factor_disabled", subjectType: "user", subjectId: staff.id, request });
    throw redirect("/staff/two-factor");
  }
  throw new Response("Bad intent", { status: 400 });
}

function RecoveryCodes({ codes }: { codes: string[] }) {
  const { t } = useTranslation();
  return (
    <section className="card mb-6" aria-labelledby="recovery-title">
      <h2 id="recovery-title" className="text-xl font-bold">
        {t("twoFactor.recoveryTitle")}
      </h2>
      <p className="mt-2">{t("twoFactor.recoveryIntro")}</p>
      <ul className="mt-4 grid grid-cols-2 gap-2 font-mono text-lg" data-testid="recovery-codes">
        {codes.map((code) => (
          <li key={code}>{code}</li>
        ))}
      </ul>
      <p className="mt-4">
        <Link to="/staff/queue">{t("twoFactor.continue")}</Link>
      </p>
    </section>
  );
}

export default function TwoFactorSettings() {
  const { t } = useTranslation();
  const page = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors = (result?.errors ?? undefined) as Record<string, string[]> | undefined;
  if (result?.recoveryCodes) {
    return (
      <div className="max-w-2xl">
        <PageTitle>{t("twoFactor.title")}</PageTitle>
        <p role="status" className="mb-6 rounded-md border-l-4 border-green-700 bg-green-50 p-3">
          {t("twoFactor.enabled")}
        </p>
        <RecoveryCodes codes={result.recoveryCodes} />
      </div>
    );
  }
  if (page.enabled) {
    return (
      <div className="max-w-2xl">
        <PageTitle>{t("twoFactor.title")}</PageTitle>
        <p className="mb-4" data-testid="two-factor-status">
          {t("twoFactor.isOn")}
        </p>
        <p className="mb-6">{t("twoFactor.recoveryLeft", { count: page.recoveryCodesLeft })}</p>
        <Form method="post" className="mb-4">
          <CsrfInput />
          <button type="submit" name="intent" value="newRecoveryCodes" className="btn-secondary">
            {t("twoFactor.newRecoveryCodes")}
          </button>
        </Form>
        {page.required ? (
          <p>{t("twoFactor.requiredNote")}</p>
        ) : (
          <Form method="post">
            <CsrfInput />
            <button type="submit" name="intent" value="disable" className="btn-secondary">
              {t("twoFactor.disable")}
            </button>
          </Form>
        )}
      </div>
    );
  }
  return (
    <div className="max-w-2xl">
      <PageTitle>{t("twoFactor.setupTitle")}</PageTitle>
      <p className="mb-4">{page.required ? t("twoFactor.requiredIntro") : t("twoFactor.optionalIntro")}</p>
      <ErrorSummary errors={errors} labels={{ code: t("twoFactor.setupCodeLabel") }} />
      <ol className="card mb-6 list-decimal space-y-4 pl-8">
        <li>
          <p>{t("twoFactor.stepScan")}</p>
          {/* Drawn on the server by `qrcode` as SVG: no image request, no script. */}
          <figure className="mt-3 w-56 bg-white" role="img" aria-label={t("twoFactor.qrLabel")} dangerouslySetInnerHTML={{ __html: page.qrSvg }} />
        </li>
        <li>
          <p>{t("twoFactor.stepTypeSecret")}</p>
          <p className="mt-2 break-all font-mono text-lg" data-testid="totp-secret">
            {page.secret.replace(/(.{4})/g, "$1 ").trim()}
          </p>
        </li>
        <li>
          <Form method="post" noValidate>
            <CsrfInput />
            <input type="hidden" name="intent" value="confirm" />
            <FormField field={{ name: "code", kind: "text", labelKey: "twoFactor.setupCodeLabel", hintKey: "code.hint", inputMode: "numeric", autoComplete: "one-time-code", maxLength: 6, width: "short" }} value="" errors={errors?.code} />
            <button type="submit" className="btn-primary">
              {t("twoFactor.confirm")}
            </button>
          </Form>
        </li>
      </ol>
    </div>
  );
}
