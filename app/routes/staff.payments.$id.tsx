import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { BackLink, Notice, PageTitle } from "~/components/page";
import { notFound } from "~/engine/errors";
import { requireCapability } from "~/engine/guards.server";
import { hasCapability } from "~/engine/roles";
import { loadRoll, rollDifferences, totalsByTownship } from "~/engine/rolls.server";
import { detectLanguage } from "~/i18n/detect.server";
import { formatDateTime } from "~/lib/dates";
import { findService } from "~/services/registry";
import { jurisdictions, localName } from "~/utils/jurisdictions.server";
import { titled } from "~/utils/meta";

export const meta = titled("titles.payments");

const yuan = (fen: number) => (fen / 100).toFixed(2);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireCapability(request, "payment_rolls");
  const roll = (await loadRoll(actor, params.id ?? "")) ?? notFound();
  const lng = detectLanguage(request);
  const index = await jurisdictions();
  const place = (path: string) => localName(index.byCode.get(path.split("/").filter(Boolean).at(-1) ?? ""), lng);
  const line = (row: (typeof roll.lines)[number]) => ({ id: row.id, ref: row.applicationRef, name: row.beneficiaryNameMasked, place: place(row.jurisdictionPath), months: row.fromMonth === row.toMonth ? row.fromMonth : `${row.fromMonth}–${row.toMonth}`, units: row.units, amount: yuan(row.amountFen), bank: row.bankMasked ?? "" });
  const differences = await rollDifferences(actor, roll);
  return {
    id: roll.id,
    titleKey: findService(roll.serviceSlug)?.titleKey ?? roll.serviceSlug,
    period: roll.period,
    status: roll.status,
    created: formatDateTime(roll.createdAt, lng),
    total: yuan(roll.totalFen),
    lineCount: roll.lineCount,
    supersedes: roll.supersedesId,
    lines: roll.lines.map(line),
    townships: [...totalsByTownship(roll)].map(([code, total]) => ({ code, name: localName(index.byCode.get(code), lng), lines: total.lines, total: yuan(total.fen) })),
    differences: differences && {
      added: differences.added.map(line),
      removed: differences.removed.map(line),
      changed: differences.changed.map(({ line: now, before }) => ({ ...line(now), before: yuan(before.amountFen) })),
    },
    canExport: hasCapability(actor.role, "reveal_bank"),
  };
}

export default function PaymentRoll() {
  const { t } = useTranslation();
  const page = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  return (
    <div>
      <BackLink to="/staff/payments">{t("rolls.title")}</BackLink>
      <PageTitle caption={`${t(page.titleKey)} · ${page.period}`}>{t("rolls.rollTitle")}</PageTitle>
      {params.get("issued") ? (
        <Notice tone="success" role="status">
          {t("rolls.issuedNotice")}
        </Notice>
      ) : null}
      {page.status === "superseded" ? <Notice tone="warning">{t("rolls.supersededNotice")}</Notice> : null}
      <section className="card mb-6">
        <p data-testid="roll-total">{t("rolls.summary", { lines: page.lineCount, total: page.total, date: page.created })}</p>
        {page.canExport ? (
          <p className="mt-3 flex flex-wrap gap-4">
            <a href={`/staff/payments/${page.id}.xlsx`} className="btn-secondary" download>
              {t("rolls.downloadXlsx")}
            </a>
            <a href={`/staff/payments/${page.id}.csv`} className="btn-secondary" download>
              {t("rolls.downloadCsv")}
            </a>
          </p>
        ) : null}
      </section>
      <section className="card mb-6" aria-labelledby="township-totals">
        <h2 id="township-totals" className="mb-2 text-lg font-bold">
          {t("rolls.byTownship")}
        </h2>
        <table className="w-full text-left">
          <thead className="bg-slate-100 text-sm">
            <tr>
              <th scope="col" className="p-2">{t("rolls.columns.township")}</th>
              <th scope="col" className="p-2">{t("rolls.lines")}</th>
              <th scope="col" className="p-2">{t("rolls.columns.amount")}</th>
            </tr>
          </thead>
          <tbody>
            {page.townships.map((township) => (
              <tr key={township.code} className="border-t border-slate-200" data-testid="township-total">
                <td className="p-2">{township.name}</td>
                <td className="p-2">{township.lines}</td>
                <td className="p-2">{township.total}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      {page.differences ? (
        <section className="card mb-6" aria-labelledby="roll-differences" data-testid="roll-differences">
          <h2 id="roll-differences" className="mb-2 text-lg font-bold">
            {t("rolls.differences")}
          </h2>
          <ul className="list-disc pl-5">
            {page.differences.added.map((line) => (
              <li key={`a-${line.id}`}>{t("rolls.added", { name: line.name, ref: line.ref, amount: line.amount })}</li>
            ))}
            {page.differences.removed.map((line) => (
              <li key={`r-${line.id}`}>{t("rolls.removed", { name: line.name, ref: line.ref, amount: line.amount })}</li>
            ))}
            {page.differences.changed.map((line) => (
              <li key={`c-${line.id}`}>{t("rolls.changed", { name: line.name, ref: line.ref, before: line.before, amount: line.amount })}</li>
            ))}
            {page.differences.added.length + page.differences.removed.length + page.differences.changed.length === 0 ? <li>{t("rolls.noDifferences")}</li> : null}
          </ul>
        </section>
      ) : null}
      <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
        <table className="w-full text-left">
          <caption className="sr-only">{t("rolls.rollTitle")}</caption>
          <thead className="bg-slate-100 text-sm">
            <tr>
              <th scope="col" className="p-3">{t("rolls.columns.ref")}</th>
              <th scope="col" className="p-3">{t("rolls.columns.name")}</th>
              <th scope="col" className="p-3">{t("rolls.columns.village")}</th>
              <th scope="col" className="p-3">{t("rolls.columns.months")}</th>
              <th scope="col" className="p-3">{t("rolls.columns.amount")}</th>
              <th scope="col" className="p-3">{t("rolls.columns.account")}</th>
            </tr>
          </thead>
          <tbody>
            {page.lines.map((line) => (
              <tr key={line.id} className="border-t border-slate-200" data-testid="roll-line">
                <td className="p-3 font-mono">{line.ref}</td>
                <td className="p-3">{line.name}</td>
                <td className="p-3">{line.place}</td>
                <td className="p-3">{line.months}</td>
                <td className="p-3">{line.amount}</td>
                <td className="p-3 font-mono">{line.bank}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
