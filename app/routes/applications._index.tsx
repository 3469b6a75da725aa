import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Notice, PageTitle } from "~/components/page";
import { StatusTag } from "~/components/status";
import { citizenApplications } from "~/engine/applications.server";
import { requireFiler } from "~/engine/guards.server";
import { detectLanguage } from "~/i18n/detect.server";
import { formatDate } from "~/lib/dates";
import { findService } from "~/services/registry";
import { titled } from "~/utils/meta";

export const meta = titled("titles.mine");

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireFiler(request);
  const lng = detectLanguage(request);
  const rows = await citizenApplications(actor);
  return {
    applications: rows.map((row) => ({
      id: row.id,
      ref: row.ref,
      status: row.status,
      titleKey: findService(row.serviceSlug)?.titleKey ?? row.serviceSlug,
      submitted: formatDate(row.submittedAt, lng),
      due: row.status === "in_review" || row.status === "notice" ? formatDate(row.dueAt, lng) : "",
      filedOnBehalf: row.filerId !== actor.id,
      updated: formatDate(row.updatedAt, lng),
    })),
  };
}

export default function MyApplications() {
  const { t } = useTranslation();
  const { applications } = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  return (
    <div>
      <PageTitle>{t("mine.title")}</PageTitle>
      {params.get("welcome") ? (
        <Notice tone="success" role="status">
          {t("mine.welcome")}
        </Notice>
      ) : null}
      {applications.length === 0 ? (
        <p className="card">
          {t("mine.empty")} <Link to="/">{t("mine.browse")}</Link>
        </p>
      ) : (
        <ul className="space-y-3">
          {applications.map((app) => (
            <li key={app.id} className="card flex flex-wrap items-center justify-between gap-3">
              <div>
                <p className="text-lg font-bold">{t(app.titleKey)}</p>
                <p className="text-sm text-slate-700">
                  {app.ref ? t("mine.ref", { ref: app.ref }) : t("mine.draftSaved", { date: app.updated })}
                  {app.submitted ? ` · ${t("mine.submitted", { date: app.submitted })}` : ""}
                  {app.due ? ` · ${t("mine.due", { date: app.due })}` : ""}
                </p>
              </div>
              <div className="flex items-center gap-4">
                <StatusTag status={app.status} />
                {app.status === "draft" ? (
                  <Link to={`/apply/${app.id}`}>{t("mine.continue")}</Link>
                ) : app.status === "returned" ? (
                  <Link to={`/apply/${app.id}/correct`}>{t("mine.correct")}</Link>
                ) : (
                  <Link to={`/applications/${app.ref}`}>
                    {t("mine.view")}
                    <span className="sr-only"> {app.ref}</span>
                  </Link>
                )}
              </div>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
