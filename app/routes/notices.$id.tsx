import { parseWithZod } from "@conform-to/zod";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { CsrfInput } from "~/components/csrf";
import { ErrorSummary } from "~/components/error-summary";
import { FormField } from "~/components/fields";
import { Honeypot } from "~/components/honeypot";
import { RetryNotice } from "~/components/retry-notice";
import { BackLink, Notice, PageTitle } from "~/components/page";
import { notFound } from "~/engine/errors";
import { mobile, personName, text } from "~/engine/fields";
import { lodgeObjection, runningNotice } from "~/engine/notices.server";
import { detectLanguage } from "~/i18n/detect.server";
import { formatDate } from "~/lib/dates";
import { findService } from "~/services/registry";
import { isHoneypotTripped, readForm } from "~/utils/forms.server";
import { titled } from "~/utils/meta";

export const meta = titled("titles.objection");

const objectionSchema = z.object({ name: personName(), contact: mobile(), text: text(1000) });

const FIELDS = [
  { name: "name", kind: "text", labelKey: "objection.name", maxLength: 30, width: "medium", autoComplete: "name" },
  { name: "contact", kind: "text", labelKey: "objection.contact", hintKey: "objection.contactHint", inputMode: "tel", autoComplete: "tel", maxLength: 16, width: "medium" },
  { name: "text", kind: "textarea", labelKey: "objection.text", hintKey: "objection.textHint", maxLength: 1000 },
] as const;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const notice = (await runningNotice(params.id ?? "")) ?? notFound();
  if (!notice.objections) notFound();
  const lng = detectLanguage(request);
  return { id: notice.applicationId, name: notice.nameMasked, titleKey: findService(notice.serviceSlug)?.titleKey ?? "", ends: formatDate(notice.endsAt, lng) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const form = await readForm(request);
  const values = { name: String(form.get("name") ?? "").slice(0, 30), contact: String(form.get("contact") ?? "").slice(0, 16), text: String(form.get("text") ?? "").slice(0, 1000) };
  // A field people never see: a program that fills every field gets a polite nothing.
  if (isHoneypotTripped(form)) return data({ errors: null, formError: null, values, done: true, retryAfterSeconds: null }, { status: 200 });
  const submission = parseWithZod(form, { schema: objectionSchema });
  if (submission.status !== "success") return data({ errors: submission.error ?? {}, formError: null, values, done: false, retryAfterSeconds: null }, { status: 400 });
  const result = await lodgeObjection(params.id ?? "", submission.value, request);
  if (!result.ok && result.error === "limited") {
    return data({ errors: null, formError: null, values, done: false, retryAfterSeconds: result.retryAfterSeconds }, { status: 429, headers: { "Retry-After": String(result.retryAfterSeconds) } });
  }
  if (!result.ok) return data({ errors: null, formError: "common:errors.noticeClosed", values, done: false, retryAfterSeconds: null }, { status: 409 });
  return data({ errors: null, formError: null, values, done: true, retryAfterSeconds: null });
}

export default function ObjectionForm() {
  const { t } = useTranslation();
  const page = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors = (result?.errors ?? undefined) as Record<string, string[]> | undefined;
  return (
    <div className="max-w-2xl">
      <BackLink to="/notices">{t("notices.title")}</BackLink>
      <PageTitle caption={`${page.name} · ${t(page.titleKey)}`}>{t("objection.title")}</PageTitle>
      {result?.done ? (
        <Notice tone="success" role="status">
          <p className="font-semibold">{t("objection.received")}</p>
          <p className="mt-2">{t("objection.receivedBody")}</p>
        </Notice>
      ) : (
        <>
          <p className="mb-4">{t("objection.intro", { date: page.ends })}</p>
          {result?.retryAfterSeconds ? <RetryNotice messageKey="limits.form" retryAfterSeconds={result.retryAfterSeconds} /> : null}
          <ErrorSummary errors={errors} formError={result?.formError} labels={Object.fromEntries(FIELDS.map((field) => [field.name, t(field.labelKey)]))} />
          <Form method="post" noValidate className="card">
            <CsrfInput />
            {FIELDS.map((field) => (
              <FormField key={field.name} field={field} value={result?.values[field.name] ?? ""} errors={errors?.[field.name]} />
            ))}
            <Honeypot />
            <button type="submit" className="btn-primary">
              {t("objection.submit")}
            </button>
          </Form>
          <p className="mt-4 text-sm text-slate-700">{t("objection.privacy")}</p>
        </>
      )}
    </div>
  );
}
