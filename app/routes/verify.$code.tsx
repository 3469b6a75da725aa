import { data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { PageTitle } from "~/components/page";
import { RetryNotice } from "~/components/retry-notice";
import { formatCode, normaliseCode, verifyCertificate } from "~/engine/certificates.server";
import { detectLanguage } from "~/i18n/detect.server";
import { formatDate } from "~/lib/dates";
import { jurisdictions } from "~/utils/jurisdictions.server";
import { addressKey, consumeLimits, lookupLimits, retryHeaders } from "~/utils/rate-limit.server";
import { titled } from "~/utils/meta";

/** Opened from a certificate's QR code, often on a phone: plain HTML is all it needs. */
export const handle = { scripts: false };

export const meta: MetaFunction = (args) => [...titled("titles.verifyResult")(args), { name: "robots", content: "noindex" }];

/** Public: says valid, revoked or unknown, and shows only masked data. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const code = normaliseCode(params.code ?? "");
  const lng = detectLanguage(request);
  // Limited per address, so that codes cannot be tried in bulk.
  const limit = await consumeLimits(lookupLimits.verify(addressKey(request)));
  if (limit.limited) {
    return data({ result: "limited" as const, retryAfterSeconds: limit.retryAfterSeconds, code: formatCode(code), lines: [], titleKey: null, issued: null, issuer: null }, { status: 429, headers: retryHeaders(limit) });
  }
  const verification = await verifyCertificate(code);
  if (verification.result === "unknown") return { result: "unknown" as const, retryAfterSeconds: 0, code: formatCode(code), lines: [], titleKey: null, issued: null, issuer: null };
  const { county } = await jurisdictions();
  return {
    result: verification.result,
    retryAfterSeconds: 0,
    code: formatCode(code),
    titleKey: verification.titleKey,
    lines: verification.maskedLines,
    issued: formatDate(verification.issuedAt, lng),
    issuer: lng === "en" ? county.officeEn : county.office,
  };
}

export default function VerifyResult() {
  const { t } = useTranslation();
  const page = useLoaderData<typeof loader>();
  if (page.result === "limited") {
    return (
      <div className="max-w-xl">
        <PageTitle>{t("verify.resultTitle")}</PageTitle>
        <RetryNotice messageKey="limits.verify" retryAfterSeconds={page.retryAfterSeconds} />
        <p>
          <Link to="/verify">{t("verify.another")}</Link>
        </p>
      </div>
    );
  }
  const tone = { valid: "border-green-700 bg-green-50", revoked: "border-seal-600 bg-red-50", superseded: "border-amber-600 bg-amber-50", unknown: "border-amber-600 bg-amber-50" }[page.result];
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
