import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { PageTitle } from "~/components/page";
import { formatCode, isAuthenticCode, normaliseCode } from "~/engine/certificates.server";
import { detectLanguage } from "~/i18n/detect.server";
import { formatDate } from "~/lib/dates";
import { maskName, maskResidentId } from "~/lib/mask";
import { findService } from "~/services/registry";
import { decryptJson } from "~/utils/crypto.server";
import { db } from "~/utils/db.server";
import { jurisdictions } from "~/utils/jurisdictions.server";
import type { Answers } from "~/engine/define-service";
import { titled } from "~/utils/meta";

export const meta: MetaFunction = (args) => [...titled("titles.verifyResult")(args), { name: "robots", content: "noindex" }];

/** Public: says valid, revoked or unknown, and shows only masked data. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const code = normaliseCode(params.code ?? "");
  const lng = detectLanguage(request);
  const unknown = { result: "unknown" as const, code: formatCode(code), lines: [], titleKey: null, issued: null, issuer: null };
  // A code without a valid signature is unknown before any database look-up.
  if (!isAuthenticCode(code)) return unknown;
  const certificate = await db.certificate.findUnique({
    where: { code },
    select: { status: true, issuedAt: true, application: { select: { serviceSlug: true, answersEnc: true, ref: true } } },
  });
  const service = certificate ? findService(certificate.application.serviceSlug) : undefined;
  if (!certificate || !service) return unknown;
  const answers = decryptJson<Answers>(certificate.application.answersEnc);
  const lines = service.certificate
    .lines(answers)
    .filter((line) => line.mask)
    .map((line) => ({ labelKey: line.labelKey, value: line.mask === "name" ? maskName(line.value) : maskResidentId(line.value) }));
  const { county } = await jurisdictions();
  return {
    result: certificate.status === "valid" ? ("valid" as const) : ("revoked" as const),
    code: formatCode(code),
    titleKey: service.certificate.titleKey,
    lines,
    issued: formatDate(certificate.issuedAt, lng),
    issuer: lng === "en" ? county.officeEn : county.office,
  };
}

export default function VerifyResult() {
  const { t } = useTranslation();
  const page = useLoaderData<typeof loader>();
  const tone = { valid: "border-green-700 bg-green-50", revoked: "border-seal-600 bg-red-50", unknown: "border-amber-600 bg-amber-50" }[page.result];
  return (
    <div className="max-w-xl">
      <PageTitle>{t("verify.resultTitle")}</PageTitle>
      <div className={`mb-6 rounded-md border-l-4 p-4 ${tone}`} role="status" data-testid="verify-result" data-result={page.result}>
        <p className="text-xl font-bold">{t(`verify.${page.result}`)}</p>
        <p className="mt-1 text-sm">
          {t("verify.codeLabel")}: <span className="font-mono">{page.code}</span>
        </p>
      </div>
      {page.titleKey ? (
        <dl className="card divide-y divide-slate-200">
          <div className="grid gap-1 py-2 sm:grid-cols-2">
            <dt className="font-semibold">{t("verify.document")}</dt>
            <dd>{t(page.titleKey)}</dd>
          </div>
          {page.lines.map((line) => (
            <div key={line.labelKey} className="grid gap-1 py-2 sm:grid-cols-2">
              <dt className="font-semibold">{t(line.labelKey)}</dt>
              <dd className="font-mono">{line.value}</dd>
            </div>
          ))}
          <div className="grid gap-1 py-2 sm:grid-cols-2">
            <dt className="font-semibold">{t("verify.issuer")}</dt>
            <dd>{page.issuer}</dd>
          </div>
          <div className="grid gap-1 py-2 sm:grid-cols-2">
            <dt className="font-semibold">{t("verify.issued")}</dt>
            <dd>{page.issued}</dd>
          </div>
        </dl>
      ) : (
        <p>{t("verify.unknownHelp")}</p>
      )}
      <p className="mt-6">
        <Link to="/verify">{t("verify.another")}</Link>
      </p>
    </div>
  );
}
