import { parseWithZod } from "@conform-to/zod";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ErrorSummary } from "~/components/error-summary";
import { FormField } from "~/components/fields";
import { BackLink, Notice, PageTitle } from "~/components/page";
import { notFound } from "~/engine/errors";
import { isoDay } from "~/engine/fields";
import { renderFieldList } from "~/engine/presenters.server";
import { detectLanguage } from "~/i18n/detect.server";
import { formatDate } from "~/lib/dates";
import { findService } from "~/services/registry";
import { titled } from "~/utils/meta";

export const meta = titled("titles.check");

/**
 * The public eligibility check: a few questions, answered without signing in, then each
 * condition met or not with the amount that would apply. A GET form: nothing is stored.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const service = findService(params.slug ?? "") ?? notFound();
  const check = service.check ?? notFound();
  const url = new URL(request.url);
  const lng = detectLanguage(request);
  const fields = await renderFieldList(check.fields, lng, service.textValues);
  const asked = url.searchParams.get("check") === "1";
  const form = new FormData();
  for (const [key, value] of url.searchParams) if (key !== "check" && key !== "lng" && value !== "") form.append(key, value.slice(0, 200));
  const submission = asked ? parseWithZod(form, { schema: check.schema({ today: new Date() }) }) : null;
  const result = submission?.status === "success" ? check.evaluate(submission.value, { today: new Date() }) : null;
  return {
    slug: service.slug,
    titleKey: service.titleKey,
    fields,
    values: Object.fromEntries(fields.map((field) => [field.name, url.searchParams.get(field.name)?.slice(0, 200) ?? ""])),
    errors: submission && submission.status !== "success" ? ((submission.error ?? {}) as Record<string, string[]>) : null,
    result: result && {
      ...result,
      amount: result.amount && { ...result.amount, fromText: formatDate(`${result.amount.from}T00:00:00+08:00`, lng) },
    },
    textValues: service.textValues,
    today: isoDay(new Date()),
  };
}

export default function EligibilityCheck() {
  const { t } = useTranslation();
  const page = useLoaderData<typeof loader>();
  return (
    <div className="max-w-3xl">
      <BackLink to={`/services/${page.slug}`}>{t(page.titleKey)}</BackLink>
      <PageTitle caption={t(page.titleKey)}>{t("check.title")}</PageTitle>
      <p className="mb-6">{t("check.intro")}</p>
      <ErrorSummary errors={page.errors} labels={Object.fromEntries(page.fields.map((field) => [field.name, t(field.labelKey, field.labelValues)]))} />
      {page.result ? (
        <section className="card mb-6" aria-labelledby="check-result" data-testid="check-result" data-eligible={page.result.eligible}>
          <h2 id="check-result" className="text-xl font-bold">
            {page.result.eligible ? t("check.eligible") : t("check.notEligible")}
          </h2>
          <ul className="mt-3 space-y-2">
            {page.result.conditions.map((condition) => (
              <li key={condition.labelKey} className="flex gap-2" data-met={condition.met}>
                <span aria-hidden="true" className={condition.met ? "text-green-800" : "text-seal-600"}>
                  {condition.met ? "✓" : "✗"}
                </span>
                <span>
                  <span className="sr-only">{condition.met ? t("check.met") : t("check.notMet")} </span>
                  {t(condition.labelKey, { ...page.textValues, ...condition.values })}
                </span>
              </li>
            ))}
          </ul>
          {page.result.eligible && page.result.amount ? (
            <p className="mt-4 text-lg font-semibold" data-testid="check-amount">
              {t(`check.amount_${page.result.amount.period}`, { amount: page.result.amount.value, date: page.result.amount.fromText })}
              {page.result.amount.sample ? <span className="ml-2 text-sm font-normal text-slate-700">{t("check.sampleAmount")}</span> : null}
            </p>
          ) : null}
          <p className="mt-4">
            {page.result.eligible ? (
              <Link to={`/services/${page.slug}`} className="btn-primary">
                {t("check.applyNow")}
              </Link>
            ) : (
              <Link to={`/services/${page.slug}`}>{t("check.readMore")}</Link>
            )}
          </p>
          <p className="mt-3 text-sm text-slate-700">{t("check.disclaimer")}</p>
        </section>
      ) : null}
      <Form method="get" className="card" noValidate>
        <input type="hidden" name="check" value="1" />
        {page.fields.map((field) => (
          <FormField key={field.name} field={field} value={page.values[field.name] ?? ""} errors={page.errors?.[field.name]} />
        ))}
        <button type="submit" className="btn-primary">
          {t("check.submit")}
        </button>
      </Form>
      <Notice>{t("check.privacy")}</Notice>
    </div>
  );
}
