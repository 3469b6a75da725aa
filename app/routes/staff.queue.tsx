import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { PageTitle } from "~/components/page";
import { StatusTag } from "~/components/status";
import { staffQueue } from "~/engine/applications.server";
import { STATUSES, type Status } from "~/engine/workflow";
import { detectLanguage } from "~/i18n/detect.server";
import { formatDate } from "~/lib/dates";
import { findService } from "~/services/registry";
import { requireStaff } from "~/utils/auth.server";
import { decryptJson } from "~/utils/crypto.server";
import { jurisdictions, localName } from "~/utils/jurisdictions.server";
import type { Answers } from "~/engine/define-service";
import { titled } from "~/utils/meta";

export const meta = titled("titles.queue");

const DAY = 24 * 60 * 60 * 1000;

export async function loader({ request }: LoaderFunctionArgs) {
  const staff = await requireStaff(request);
  const lng = detectLanguage(request);
  const statusParam = new URL(request.url).searchParams.get("status");
  const status = STATUSES.includes(statusParam as Status) && statusParam !== "draft" ? (statusParam as Status) : undefined;
  const rows = await staffQueue(staff, { status });
  const index = await jurisdictions();
  const now = Date.now();
  return {
    scope: localName(index.byCode.get(staff.jurisdictionPath.split("/").filter(Boolean).at(-1) ?? ""), lng),
    role: staff.role,
    status: status ?? "",
    rows: rows.map((row) => {
      const service = findService(row.serviceSlug);
      const answers = decryptJson<Answers>(row.answersEnc);
      const village = row.jurisdictionPath?.split("/").filter(Boolean).at(-1);
      return {
        ref: row.ref!,
        status: row.status,
        titleKey: service?.titleKey ?? row.serviceSlug,
        applicant: service?.applicantNameOf(answers) ?? "",
        place: localName(index.byCode.get(village ?? ""), lng),
        ageDays: row.submittedAt ? Math.floor((now - row.submittedAt.getTime()) / DAY) : 0,
        due: formatDate(row.dueAt, lng),
        overdue: !!row.dueAt && row.dueAt.getTime() < now && row.status === "in_review",
      };
    }),
  };
}

export default function StaffQueue() {
  const { t } = useTranslation();
  const page = useLoaderData<typeof loader>();
  return (
    <div>
      <PageTitle caption={`${t(`roles.${page.role}`)} · ${page.scope}`}>{t("queue.title")}</PageTitle>
      <Form method="get" className="mb-4 flex flex-wrap items-end gap-3">
        <div>
          <label htmlFor="status" className="block text-sm font-semibold">
            {t("queue.filter")}
          </label>
          <select id="status" name="status" defaultValue={page.status} className="input mt-1">
            <option value="">{t("queue.open")}</option>
            {(["in_review", "returned", "approved", "rejected", "withdrawn"] as const).map((status) => (
              <option key={status} value={status}>
                {t(`status.${status}`)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="btn-secondary">
          {t("queue.apply")}
        </button>
      </Form>
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
                <th scope="col" className="p-3">{t("queue.age")}</th>
                <th scope="col" className="p-3">{t("queue.due")}</th>
              </tr>
            </thead>
            <tbody>
              {page.rows.map((row) => (
                <tr key={row.ref} className="border-t border-slate-200">
                  <td className="p-3 font-mono">
                    <Link to={`/staff/applications/${row.ref}`}>{row.ref}</Link>
                  </td>
                  <td className="p-3">{t(row.titleKey)}</td>
                  <td className="p-3">{row.applicant}</td>
                  <td className="p-3">{row.place}</td>
                  <td className="p-3">
                    <StatusTag status={row.status} />
                  </td>
                  <td className="p-3">{t("queue.days", { count: row.ageDays })}</td>
                  <td className={`p-3 ${row.overdue ? "font-bold text-seal-600" : ""}`}>
                    {row.due}
                    {row.overdue ? ` (${t("queue.overdue")})` : ""}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
