import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CsrfInput } from "~/components/csrf";
import { ErrorSummary } from "~/components/error-summary";
import { Notice, PageTitle } from "~/components/page";
import { DomainError } from "~/engine/errors";
import { requireCapability } from "~/engine/guards.server";
import { draftRoll, issueRoll, parsePeriod, rollsOf } from "~/engine/rolls.server";
import { detectLanguage } from "~/i18n/detect.server";
import { formatDateTime } from "~/lib/dates";
import { findService, services } from "~/services/registry";
import { readForm } from "~/utils/forms.server";
import { jurisdictions, localName } from "~/utils/jurisdictions.server";
import { titled } from "~/utils/meta";

export const meta = titled("titles.payments");

const awardServices = () => services.filter((service) => service.output.kind === "award");

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireCapability(request, "payment_rolls");
  const lng = detectLanguage(request);
  const url = new URL(request.url);
  const slug = url.searchParams.get("service") ?? "";
  const period = parsePeriod(url.searchParams.get("period") ?? "");
  const service = awardServices().find((candidate) => candidate.slug === slug);
  const index = await jurisdictions();
  const preview = service && period ? await draftRoll(service.slug, period, actor.jurisdictionPath!, null) : null;
  const rolls = await rollsOf(actor);
  return {
    services: awardServices().map((candidate) => ({ slug: candidate.slug, titleKey: candidate.titleKey })),
    chosen: { service: service?.slug ?? slug, period: url.searchParams.get("period") ?? "" },
    periodInvalid: !!url.searchParams.get("period") && !period,
    preview: preview && {
      lines: preview.lines.length,
      total: (preview.lines.reduce((sum, line) => sum + line.amountFen, 0) / 100).toFixed(2),
      held: preview.held.map((row) => ({ ...row, place: localName(index.byCode.get(row.jurisdictionPath.split("/").filter(Boolean).at(-1) ?? ""), lng) })),
    },
    rolls: rolls.map((roll) => ({
      id: roll.id,
      titleKey: findService(roll.serviceSlug)?.titleKey ?? roll.serviceSlug,
      period: roll.period,
      status: roll.status,
      lines: roll.lineCount,
      total: (roll.totalFen / 100).toFixed(2),
      created: formatDateTime(roll.createdAt, lng),
    })),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const actor = await requireCapability(request, "payment_rolls");
  const form = await readForm(request);
  const slug = String(form.get("service") ?? "");
  const period = String(form.get("period") ?? "");
  const errors: Record<string, string[]> = {};
  if (!awardServices().some((service) => service.slug === slug)) errors.service = ["common:errors.choose"];
  if (!parsePeriod(period)) errors.period = ["common:errors.rollPeriod"];
  if (Object.keys(errors).length > 0) return data({ errors, formError: null }, { status: 400 });
  try {
    const id = await issueRoll(actor, slug, period, request);
    return redirect(`/staff/payments/${id}?issued=1`);
  } catch (error) {
    if (error instanceof DomainError) return data({ errors: null, formError: error.messageKey }, { status: error.status });
    throw error;
  }
}

export default function Payments() {
  const { t } = useTranslation();
  const page = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors = (result?.errors ?? (page.periodInvalid ? { period: ["common:errors.rollPeriod"] } : undefined)) as Record<string, string[]> | undefined;
  return (
    <div>
      <PageTitle>{t("rolls.title")}</PageTitle>
      <ErrorSummary errors={errors} formError={result?.formError} labels={{ service: t("rolls.scheme"), period: t("rolls.period") }} />
      <section className="card mb-6" aria-labelledby="roll-new">
        <h2 id="roll-new" className="text-lg font-bold">
          {t("rolls.new")}
        </h2>
        <Form method="get" className="mt-3 flex flex-wrap items-end gap-3">
          <div>
            <label htmlFor="f-service" className="block font-semibold">
              {t("rolls.scheme")}
            </label>
            <select id="f-service" name="service" defaultValue={page.chosen.service} className="input mt-1">
              <option value="">{t("choose")}</option>
              {page.services.map((service) => (
                <option key={service.slug} value={service.slug}>
                  {t(service.titleKey)}
                </option>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor="f-period" className="block font-semibold">
              {t("rolls.period")}
            </label>
            <p id="f-period-hint" className="text-sm text-slate-600">
              {t("rolls.periodHint")}
            </p>
            {errors?.period ? (
              <p id="f-period-error" className="font-semibold text-seal-600">
                {t(errors.period[0])}
              </p>
            ) : null}
            <input id="f-period" name="period" defaultValue={page.chosen.period} maxLength={7} className="input mt-1 w-40" aria-describedby={`f-period-hint${errors?.period ? " f-period-error" : ""}`} />
          </div>
          <button type="submit" className="btn-secondary">
            {t("rolls.preview")}
          </button>
        </Form>
        {page.preview ? (
          <div className="mt-4" data-testid="roll-preview">
            <p>{t("rolls.previewSummary", { lines: page.preview.lines, total: page.preview.total })}</p>
            {page.preview.held.length > 0 ? (
              <Notice tone="warning">
                <p className="font-semibold">{t("rolls.held", { count: page.preview.held.length })}</p>
                <ul className="mt-2 list-disc pl-5" data-testid="roll-held">
                  {page.preview.held.map((row) => (
                    <li key={row.awardId}>
                      {row.beneficiaryNameMasked} · {row.place} · {row.applicationRef}
                    </li>
                  ))}
                </ul>
              </Notice>
            ) : null}
            <Form method="post">
              <CsrfInput />
              <input type="hidden" name="service" value={page.chosen.service} />
              <input type="hidden" name="period" value={page.chosen.period} />
              <button type="submit" className="btn-primary">
                {t("rolls.issue")}
              </button>
            </Form>
          </div>
        ) : null}
      </section>
      <h2 className="mb-2 text-lg font-bold">{t("rolls.issued")}</h2>
      {page.rolls.length === 0 ? (
        <p className="card">{t("rolls.none")}</p>
      ) : (
        <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
          <table className="w-full text-left">
            <caption className="sr-only">{t("rolls.issued")}</caption>
            <thead className="bg-slate-100 text-sm">
              <tr>
                <th scope="col" className="p-3">{t("rolls.scheme")}</th>
                <th scope="col" className="p-3">{t("rolls.period")}</th>
                <th scope="col" className="p-3">{t("rolls.lines")}</th>
                <th scope="col" className="p-3">{t("rolls.total")}</th>
                <th scope="col" className="p-3">{t("rolls.status")}</th>
                <th scope="col" className="p-3">{t("rolls.created")}</th>
              </tr>
            </thead>
            <tbody>
              {page.rolls.map((roll) => (
                <tr key={roll.id} className="border-t border-slate-200">
                  <td className="p-3">
                    <Link to={`/staff/payments/${roll.id}`}>{t(roll.titleKey)}</Link>
                  </td>
                  <td className="p-3">{roll.period}</td>
                  <td className="p-3">{roll.lines}</td>
                  <td className="p-3">{roll.total}</td>
                  <td className="p-3">{t(`rolls.status_${roll.status}`)}</td>
                  <td className="p-3">{roll.created}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
