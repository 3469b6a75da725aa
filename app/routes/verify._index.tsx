import { redirect, type LoaderFunctionArgs } from "@remix-run/node";
import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { PageTitle } from "~/components/page";
import { normaliseCode } from "~/engine/certificates.server";
import { titled } from "~/utils/meta";

/** Opened from a certificate's QR code, often on a phone: plain HTML is all it needs. */
export const handle = { scripts: false };

export const meta = titled("titles.verify");

/** A GET form, so checking a code needs no account, no script and no token. */
export async function loader({ request }: LoaderFunctionArgs) {
  const code = new URL(request.url).searchParams.get("code");
  if (code) throw redirect(`/verify/${encodeURIComponent(normaliseCode(code) || "-")}`);
  return null;
}

export default function VerifyStart() {
  const { t } = useTranslation();
  return (
    <div className="max-w-xl">
      <PageTitle>{t("verify.title")}</PageTitle>
      <p className="mb-6">{t("verify.intro")}</p>
      <Form method="get" className="card">
        <label htmlFor="code" className="block font-semibold">
          {t("verify.codeLabel")}
        </label>
        <p id="code-hint" className="mt-1 text-sm text-slate-600">
          {t("verify.codeHint")}
        </p>
        <input id="code" name="code" className="input mt-2 font-mono sm:max-w-md" autoComplete="off" spellCheck={false} aria-describedby="code-hint" />
        <button type="submit" className="btn-primary mt-4">
          {t("verify.submit")}
        </button>
      </Form>
    </div>
  );
}
