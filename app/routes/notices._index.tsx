import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { PageTitle } from "~/components/page";
import { endLapsedNotices } from "~/engine/applications.server";
import { runningNotices } from "~/engine/notices.server";
import { detectLanguage } from "~/i18n/detect.server";
import { formatDate } from "~/lib/dates";
import { findService } from "~/services/registry";
import { jurisdictions, localName } from "~/utils/jurisdictions.server";
import { titled } from "~/utils/meta";

export const meta = titled("titles.notices");

/** The public notice board (公示): masked names, place, scheme and amount; anyone may object. */
export async function loader({ request }: LoaderFunctionArgs) {
  await endLapsedNotices();
  const lng = detectLanguage(request);
  const index = await jurisdictions();
  const township = new URL(request.url).searchParams.get("township") ?? "";
  const place = index.townshipCodes.has(township) ? index.byCode.get(township)!.path : undefined;
  const notices = await runningNotices(place);
  return {
    township: place ? township : "",
    townships: index.townships.map((row) => ({ code: row.code, name: localName(row, lng) })),
    notices: notices.map((notice) => {
      const codes = notice.jurisdictionPath.split("/").filter(Boolean);
      return {
        id: notice.applicationId,
        titleKey: findService(notice.serviceSlug)?.titleKey ?? notice.serviceSlug,
        name: notice.nameMasked,
        place: codes
          .slice(1)
          .map((code) => localName(index.byCode.get(code), lng))
          .join(" "),
        amount: notice.amountFen === null ? null : (notice.amountFen / 100).toFixed(2),
        period: notice.period,
        ends: formatDate(notice.endsAt, lng),
      };
    }),
  };
}

export default function Notices() {
  const { t } = useTranslation();
  const page = useLoaderData<typeof loader>();
  return (
    <div>
      <PageTitle>{t("notices.title")}</PageTitle>
      <p className="mb-4 max-w-3xl">{t("notices.intro")}</p>
      <Form method="get" className="mb-4 flex flex-wrap items-end gap-3">
        <div>
          <label htmlFor="township" className="block text-sm font-semibold">
            {t("notices.township")}
          </label>
          <select id="township" name="township" defaultValue={page.township} className="input mt-1">
            <option value="">{t("notices.allTownships")}</option>
            {page.townships.map((township) => (
              <option key={township.code} value={township.code}>
                {township.name}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="btn-secondary">
          {t("notices.show")}
        </button>
      </Form>
      {page.notices.length === 0 ? (
        <p className="card">{t("notices.empty")}</p>
      ) : (
        <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
          <table className="w-full text-left">
            <caption className="sr-only">{t("notices.title")}</caption>
            <thead className="bg-slate-100 text-sm">
              <tr>
                <th scope="col" className="p-3">{t("notices.name")}</th>
                <th scope="col" className="p-3">{t("notices.place")}</th>
                <th scope="col" className="p-3">{t("notices.scheme")}</th>
                <th scope="col" className="p-3">{t("notices.amount")}</th>
                <th scope="col" className="p-3">{t("notices.ends")}</th>
                <th scope="col" className="p-3">
                  <span className="sr-only">{t("notices.object")}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {page.notices.map((notice) => (
                <tr key={notice.id} className="border-t border-slate-200" data-testid="notice-row">
                  <td className="p-3">{notice.name}</td>
                  <td className="p-3">{notice.place}</td>
                  <td className="p-3">{t(notice.titleKey)}</td>
                  <td className="p-3">{notice.amount ? t(`notices.amount_${notice.period}`, { amount: notice.amount }) : "—"}</td>
                  <td className="p-3">{notice.ends}</td>
                  <td className="p-3">
                    <Link to={`/notices/${notice.id}`} className="inline-flex min-h-11 items-center">
                      {t("notices.object")}
                      <span className="sr-only">
                        {" "}
                        {notice.name} {t(notice.titleKey)}
                      </span>
                    </Link>
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
