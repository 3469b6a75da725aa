import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { promisedWorkingDays } from "~/engine/workflow";
import { services } from "~/services/registry";
import { titled } from "~/utils/meta";

export const meta = titled("titles.home");

export async function loader() {
  return {
    services: services.map((service) => ({ slug: service.slug, titleKey: service.titleKey, summaryKey: service.summaryKey, days: promisedWorkingDays(service.workflow.stages), instant: service.workflow.instantOnMatch })),
  };
}

export default function Home() {
  const { t } = useTranslation();
  const { services } = useLoaderData<typeof loader>();
  return (
    <div>
      <section className="mb-8 rounded-lg bg-brand-50 p-6">
        <h1 className="text-2xl font-bold sm:text-3xl">{t("home.title")}</h1>
        <p className="mt-3 max-w-3xl text-lg">{t("home.intro")}</p>
      </section>
      <h2 className="mb-4 text-xl font-bold">{t("home.services")}</h2>
      <ul className="grid gap-4 sm:grid-cols-2">
        {services.map((service) => (
          <li key={service.slug} className="card">
            <h3 className="text-lg font-bold">
              <Link to={`/services/${service.slug}`}>{t(service.titleKey)}</Link>
            </h3>
            <p className="mt-2">{t(service.summaryKey)}</p>
            <p className="mt-3 text-sm text-slate-700">
              {service.instant ? t("service.instantCase") : null} {t("service.timeLimit", { count: service.days })}
            </p>
          </li>
        ))}
      </ul>
      <section className="mt-8 card">
        <h2 className="text-lg font-bold">{t("home.trackTitle")}</h2>
        <p className="mt-2">{t("home.trackBody")}</p>
        <p className="mt-3 flex flex-wrap gap-4">
          <Link to="/applications">{t("nav.myApplications")}</Link>
          <Link to="/verify">{t("nav.verify")}</Link>
        </p>
      </section>
    </div>
  );
}
