import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData, useLocation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { PageTitle } from "~/components/page";
import { StatusTag } from "~/components/status";
import { endLapsedNotices } from "~/engine/applications.server";
import { requireOfficeActor } from "~/engine/guards.server";
import { parseQueueFilter, staffQueue, type QueueSort } from "~/engine/queue.server";
import { detectLanguage } from "~/i18n/detect.server";
import { formatDate } from "~/lib/dates";
import { services } from "~/services/registry";
import { jurisdictions, localName } from "~/utils/jurisdictions.server";
import { titled } from "~/utils/meta";

const DAY = 24 * 60 * 60 * 1000;

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireOfficeActor(request);
  await endLapsedNotices();
  const lng = detectLanguage(request);
  const filter = parseQueueFilter(new URL(request.url).searchParams);
  const queue = await staffQueue(actor, filter);
  const index = await jurisdictions();
  const scope = actor.jurisdictionPath!;
  const scopeCode = scope.split("/").filter(Boolean).at(-1) ?? "";
  // Places to filter by: the villages of a township, or the townships of the county.
  const places = index.byCode.get(scopeCode)?.level === "county" ? index.townships : (index.villagesByTownship.get(scopeCode) ?? []);
  const now = Date.now();
  return {
    scope: localName(index.byCode.get(scopeCode), lng),
    role: actor.role,
    filter,
    total: queue.total,
    totalCapped: queue.totalCapped,
    next: queue.next,
    services: services.map((service) => ({ slug: service.slug, titleKey: service.titleKey })),
    places: places.map((row) => ({ code: row.code, name: localName(row, lng) })),
    rows: queue.rows.map((row) => {
      const service = services.find((candidate) => candidate.slug === row.serviceSlug);
      const closed = !["in_review", "notice", "returned"].includes(row.status);
      return {
        ref: row.ref!,
        status: row.status,
        titleKey: service?.titleKey ?? row.serviceSlug,
        applicant: row.applicantNameMasked ?? "",
        place: localName(index.byCode.get(row.jurisdictionPath?.split("/").filter(Boolean).at(-1) ?? ""), lng),
        ageDays: row.submittedAt ? Math.floor((now - row.submittedAt.getTime()) / DAY) : 0,
        // A decided case shows when it was decided, an open one when it is due.
        date: closed ? formatDate(row.decidedAt, lng) : formatDate(row.status === "returned" ? row.dueAt : (row.stageDueAt ?? row.dueAt), lng),
        closed,
        corrected: row.corrected && row.status === "in_review",
        overdue: row.status === "in_review" && !!row.stageDueAt && row.stageDueAt.getTime() < now,
      };
    }),
  };
}

/** The title follows the filter, so a bookmarked or printed list says what it lists. */
export const meta = titled<Awaited<ReturnType<typeof loader>>>("titles.queue", ({ filter }) => [
  ...(filter.status ? [{ key: `status.${filter.status}` }] : []),
  ...(filter.overdue ? [{ key: "queue.overdue" }] : []),
  ...(filter.q ? [{ text: `“${filter.q}”` }] : []),
]);

function SortHeader({ sort, label }: { sort: QueueSort; label: string }) {
  const { t } = useTranslation();
  const page = useLoaderData<typeof loader>();
  const location = useLocation();
  const params = new URLSearchParams(location.search);
  const active = page.filter.sort === sort;
  const direction = active && page.filter.direction === "asc" ? "desc" : "asc";
  params.set("sort", sort);
  params.set("dir", direction);
  params.delete("after");
  return (
    <th scope="col" className="p-3" aria-sort={active ? (page.filter.direction === "asc" ? "ascending" : "descending") : undefined}>
      <Link to={`?${params}`} className="text-slate-900">
        {label}
        {active ? <span aria-hidden="true">{page.filter.direction === "asc" ? " ▲" : " ▼"}</span> : null}
        <span className="sr-only"> {t(direction === "asc" ? "queue.sortAscending" : "queue.sortDescending")}</span>
      </Link>
    </th>
  );
}

export default function StaffQueue() {
  const { t } = useTranslation();
  const page = useLoaderData<typeof loader>();
  const location = useLocation();
  const nextParams = new URLSearchParams(location.search);
  if (page.next) nextParams.set("after", page.next);
  const { filter } = page;
  return (
    <div>
      <PageTitle caption={`${t(`roles.${page.role}`)} · ${page.scope}`}>{t("queue.title")}</PageTitle>
      <Form method="get" className="card mb-4 grid gap-3 sm:grid-cols-3 lg:grid-cols-4" aria-label={t("queue.filter")}>
        <div className="sm:col-span-2">
          <label htmlFor="q" className="block text-sm font-semibold">
            {t("queue.search")}
          </label>
          <input id="q" name="q" defaultValue={filter.q ?? ""} maxLength={40} className="input mt-1" aria-describedby="q-hint" />
          <p id="q-hint" className="mt-1 text-sm text-slate-600">
            {t("queue.searchHint")}
          </p>
        </div>
        <div>
          <label htmlFor="status" className="block text-sm font-semibold">
            {t("queue.status")}
          </label>
          <select id="status" name="status" defaultValue={filter.status ?? ""} className="input mt-1">
            <option value="">{t("queue.open")}</option>
            {(["in_review", "notice", "returned", "approved", "rejected", "withdrawn", "closed"] as const).map((status) => (
              <option key={status} value={status}>
                {t(`status.${status}`)}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="service" className="block text-sm font-semibold">
            {t("queue.service")}
          </label>
          <select id="service" name="service" defaultValue={filter.service ?? ""} className="input mt-1">
            <option value="">{t("queue.allServices")}</option>
            {page.services.map((service) => (
              <option key={service.slug} value={service.slug}>
                {t(service.titleKey)}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="place" className="block text-sm font-semibold">
            {t("queue.place")}
          </label>
          <select id="place" name="place" defaultValue={filter.place ?? ""} className="input mt-1">
            <option value="">{t("queue.allPlaces")}</option>
            {page.places.map((place) => (
              <option key={place.code} value={place.code}>
                {place.name}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="from" className="block text-sm font-semibold">
            {t("queue.from")}
          </label>
          <input id="from" name="from" type="date" defaultValue={filter.from ?? ""} className="input mt-1" />
        </div>
        <div>
          <label htmlFor="to" className="block text-sm font-semibold">
            {t("queue.to")}
          </label>
          <input id="to" name="to" type="date" defaultValue={filter.to ?? ""} className="input mt-1" />
        </div>
        <div className="flex items-end gap-4">
          <label className="flex min-h-11 items-center gap-2">
            <input type="checkbox" name="overdue" value="1" defaultChecked={filter.overdue} className="h-5 w-5" />
            {t("queue.overdueOnly")}
          </label>
        </div>
        <div className="flex items-end gap-3">
          <input type="hidden" name="sort" value={filter.sort} />
          <input type="hidden" name="dir" value={filter.direction} />
          <button type="submit" className="btn-secondary">
            {t("queue.apply")}
          </button>
          <Link to="/staff/queue">{t("queue.reset")}</Link>
        </div>
      </Form>
      <p className="mb-2 text-sm text-slate-700" role="status" data-testid="queue-total">
        {t(page.totalCapped ? "queue.totalMore" : "queue.total", { count: page.total })}
      </p>
      {page.rows.length === 0 ? (
        <p className="card">{t("queue.empty")}</p>
      ) : (
        <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
          <table className="w-full text-left">
            <caption className="sr-only">{t("queue.title")}</caption>
            <thead className="bg-slate-100 text-sm">
              <tr>
                <th scope="col" className="p-3">{t("queue.ref")}</th>
                <th scope="col" className="p-3">{t("queue.service")}</th>
                <th scope="col" className="p-3">{t("queue.applicant")}</th>
                <th scope="col" className="p-3">{t("queue.place")}</th>
                <th scope="col" className="p-3">{t("queue.status")}</th>
                <SortHeader sort="submitted" label={t("queue.age")} />
                <SortHeader sort="due" label={t("queue.dueOrDecided")} />
              </tr>
            </thead>
            <tbody>
              {page.rows.map((row) => (
                <tr key={row.ref} className="border-t border-slate-200" data-testid="queue-row">
                  <td className="p-3 font-mono">
                    <Link to={`/staff/applications/${row.ref}`}>{row.ref}</Link>
                  </td>
                  <td className="p-3">{t(row.titleKey)}</td>
                  <td className="p-3">{row.applicant}</td>
                  <td className="p-3">{row.place}</td>
                  <td className="p-3">
                    <StatusTag status={row.status} />
                    {row.corrected ? <span className="tag ml-2 bg-amber-100 text-amber-900">{t("queue.corrected")}</span> : null}
                  </td>
                  <td className="p-3">{t("queue.days", { count: row.ageDays })}</td>
                  <td className={`p-3 ${row.overdue ? "font-bold text-seal-600" : ""}`}>
                    {row.closed ? t("queue.decidedOn", { date: row.date }) : row.date}
                    {row.overdue ? ` (${t("queue.overdue")})` : ""}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {page.next ? (
        <p className="mt-4">
          <Link to={`?${nextParams}`} rel="next" className="btn-secondary">
            {t("queue.nextPage")}
          </Link>
        </p>
      ) : null}
    </div>
  );
}
