import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CsrfInput } from "~/components/csrf";
import { BackLink, Notice, PageTitle } from "~/components/page";
import { notFound } from "~/engine/errors";
import { promisedWorkingDays } from "~/engine/workflow";
import { findService } from "~/services/registry";
import { titled } from "~/utils/meta";

export const meta = titled("titles.service");

export async function loader({ params }: LoaderFunctionArgs) {
  const service = findService(params.slug ?? "") ?? notFound();
  return {
    slug: service.slug,
    titleKey: service.titleKey,
    summaryKey: service.summaryKey,
    startPage: service.startPage,
    materials: service.materials.map((material) => material.labelKey),
    days: promisedWorkingDays(service.workflow.stages),
    instant: service.workflow.instantOnMatch,
    textValues: service.textValues,
    policy: Object.values(service.policy).map((item) => ({ source: item.source, sample: !!item.sample })),
    hasCheck: !!service.check,
  };
}

export default function ServiceStart() {
  const { t } = useTranslation();
  const service = useLoaderData<typeof loader>();
  return (
    <div className="max-w-3xl">
      <BackLink to="/">{t("nav.home")}</BackLink>
      <PageTitle>{t(service.titleKey)}</PageTitle>
      <p className="mb-6 text-lg">{t(service.summaryKey)}</p>
      {service.hasCheck ? (
        <Notice>
          <p>
            {t("check.startPageHint")} <Link to={`/services/${service.slug}/check`}>{t("check.startPageLink")}</Link>
          </p>
        </Notice>
      ) : null}
      <h2 className="mb-2 text-xl font-bold">{t("service.who")}</h2>
      <ul className="mb-6 list-disc space-y-1 pl-6">
        {service.startPage.whoKeys.map((key) => (
          <li key={key}>{t(key, service.textValues)}</li>
        ))}
      </ul>
      <h2 className="mb-2 text-xl font-bold">{t("service.need")}</h2>
      <ul className="mb-2 list-disc space-y-1 pl-6">
        {service.startPage.needKeys.map((key) => (
          <li key={key}>{t(key, service.textValues)}</li>
        ))}
      </ul>
      <p className="mb-6 text-slate-700">{t("service.uploadRules")}</p>
      <h2 className="mb-2 text-xl font-bold">{t("service.howLong")}</h2>
      <p className="mb-2">{service.instant ? t("service.instantExplained") : null}</p>
      <p className="mb-6">{t("service.timeLimitExplained", { count: service.days })}</p>
      <p className="mb-2 text-sm text-slate-700">{t(service.startPage.legalBasisKey)}</p>
      <details className="mb-6 text-sm text-slate-700">
        <summary className="cursor-pointer">{t("service.policySources")}</summary>
        <ul className="mt-2 list-disc space-y-1 pl-6">
          {service.policy.map((item) => (
            <li key={item.source}>
              {item.source}
              {item.sample ? t("service.sampleValue") : ""}
            </li>
          ))}
        </ul>
      </details>
      <Form method="post" action={`/services/${service.slug}/apply`}>
        <CsrfInput />
        <button type="submit" className="btn-primary text-lg">
          {t("service.start")} <span aria-hidden="true">›</span>
        </button>
      </Form>
      <p className="mt-3 text-sm text-slate-700">{t("service.startNote")}</p>
    </div>
  );
}
