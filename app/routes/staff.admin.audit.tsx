import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ErrorSummary } from "~/components/error-summary";
import { PageTitle } from "~/components/page";
import { detectLanguage } from "~/i18n/detect.server";
import { formatDateTime } from "~/lib/dates";
import { audit, auditActions, listAuditEntries, parseAuditFilter } from "~/utils/audit.server";
import { requireStaff } from "~/utils/auth.server";
import { titled } from "~/utils/meta";

export const meta = titled("titles.auditLog");

export async function loader({ request }: LoaderFunctionArgs) {
  const staff = await requireStaff(request, ["county_admin"]);
  const url = new URL(request.url);
  const { values, filter, page, errors } = parseAuditFilter(url.searchParams);
  // Looking at the audit log is itself an audited act.
  await audit({ actorId: staff.id, actorRole: staff.role, action: "audit.view", request, detail: { action: filter.action ?? null, actor: filter.actor ?? null, page } });
  const result = Object.keys(errors).length ? { rows: [], total: 0, page: 1, pages: 1 } : await listAuditEntries(filter, page);
  const lng = detectLanguage(request);
  const query = new URLSearchParams(Object.entries(values).filter(([, value]) => value));
  return {
    values,
    errors,
    actions: await auditActions(),
    query: query.toString(),
    total: result.total,
    page: result.page,
    pages: result.pages,
    rows: result.rows.map((row) => ({ ...row, at: formatDateTime(row.at, lng) })),
  };
}

function pageLink(query: string, page: number) {
  const params = new URLSearchParams(query);
  params.set("page", String(page));
  return `?${params}`;
}

export default function AuditLogPage() {
  const { t } = useTranslation();
  const data = useLoaderData<typeof loader>();
  const labels = { from: t("auditLog.from"), to: t("auditLog.to") };
  const fieldError = (name: string) =>
    data.errors[name] ? (
      <p id={`f-${name}-error`} className="mt-1 font-semibold text-seal-600">
        {t(data.errors[name][0])}
      </p>
    ) : null;
  return (
    <div>
      <PageTitle>{t("auditLog.title")}</PageTitle>
      <p className="mb-4 max-w-3xl">{t("auditLog.intro")}</p>
      <ErrorSummary errors={data.errors} labels={labels} />
      <Form method="get" className="card mb-4 grid gap-3 sm:grid-cols-2 lg:grid-cols-5 lg:items-end">
        <div>
          <label htmlFor="f-action" className="block text-sm font-semibold">
            {t("auditLog.action")}
          </label>
          <select id="f-action" name="action" defaultValue={data.values.action} className="input mt-1 w-full">
            <option value="">{t("auditLog.anyAction")}</option>
            {data.actions.map((action) => (
              <option key={action} value={action}>
                {action}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="f-actor" className="block text-sm font-semibold">
            {t("auditLog.actor")}
          </label>
          <input id="f-actor" name="actor" defaultValue={data.values.actor} maxLength={100} className="input mt-1 w-full" aria-describedby="f-actor-hint" />
          <p id="f-actor-hint" className="mt-1 text-sm text-slate-600">
            {t("auditLog.actorHint")}
          </p>
        </div>
        {(["from", "to"] as const).map((name) => (
          <div key={name}>
            <label htmlFor={`f-${name}`} className="block text-sm font-semibold">
              {labels[name]}
            </label>
            <input
              id={`f-${name}`}
              name={name}
              type="date"
              defaultValue={data.values[name]}
              className="input mt-1 w-full"
              aria-invalid={data.errors[name] ? true : undefined}
              aria-describedby={data.errors[name] ? `f-${name}-error` : undefined}
            />
            {fieldError(name)}
          </div>
        ))}
        <div className="flex flex-wrap gap-3">
          <button type="submit" className="btn-secondary">
            {t("auditLog.apply")}
          </button>
          <a href={`/staff/admin/audit.csv${data.query ? `?${data.query}` : ""}`} className="btn-secondary" download>
            {t("auditLog.export")}
          </a>
        </div>
      </Form>
      <p className="mb-2" role="status">
        {t("auditLog.total", { count: data.total })}
      </p>
      {data.rows.length === 0 ? (
        <p className="card">{t("auditLog.empty")}</p>
      ) : (
        <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">{t("auditLog.title")}</caption>
            <thead className="bg-slate-100">
              <tr>
                {(["seq", "time", "action", "actor", "jurisdiction", "subject", "address", "detail"] as const).map((column) => (
                  <th key={column} scope="col" className="p-2">
                    {t(`auditLog.columns.${column}`)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {data.rows.map((row, index) => (
                <tr key={`${row.seq}-${index}`} className="border-t border-slate-200 align-top">
                  <td className="p-2 font-mono">{row.seq}</td>
                  <td className="whitespace-nowrap p-2">{row.at}</td>
                  <td className="p-2 font-mono">{row.action}</td>
                  <td className="p-2">
                    {row.actor ?? "—"}
                    {row.actorRole ? <span className="block text-slate-600">{t(`roles.${row.actorRole}`, { defaultValue: row.actorRole })}</span> : null}
                  </td>
                  <td className="p-2 font-mono">{row.jurisdiction ?? "—"}</td>
                  <td className="break-all p-2 font-mono">{row.subject ?? "—"}</td>
                  <td className="p-2 font-mono">{row.address ?? "—"}</td>
                  <td className="break-all p-2 font-mono">{row.detail ?? ""}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {data.pages > 1 ? (
        <nav aria-label={t("auditLog.pages")} className="mt-4 flex flex-wrap items-center gap-4">
          {data.page > 1 ? (
            <Link to={pageLink(data.query, data.page - 1)} className="inline-block py-3">
              {t("auditLog.previous")}
            </Link>
          ) : null}
          <span>{t("auditLog.pageOf", { page: data.page, pages: data.pages })}</span>
          {data.page < data.pages ? (
            <Link to={pageLink(data.query, data.page + 1)} className="inline-block py-3">
              {t("auditLog.next")}
            </Link>
          ) : null}
        </nav>
      ) : null}
    </div>
  );
}
