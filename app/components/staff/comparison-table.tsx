import { useTranslation } from "react-i18next";
import type { ComparisonResult } from "~/engine/comparison.server";

/** Declared data next to the population records, differing rows marked (信息双向比对). */
export function ComparisonTable({ comparison }: { comparison: ComparisonResult }) {
  const { t } = useTranslation();
  return (
    <section className="card mb-6" aria-labelledby="comparison-title">
      <h2 id="comparison-title" className="text-lg font-bold">
        {t("comparison.title")}
      </h2>
      <p className={`mt-2 font-semibold ${comparison.match ? "text-green-800" : "text-seal-600"}`} data-testid="comparison-result">
        {comparison.match ? t("comparison.match") : t("comparison.mismatch")}
      </p>
      {comparison.subjects.map((subject) => (
        <div key={subject.subjectKey} className="mt-4 overflow-x-auto">
          <table className="w-full text-left text-sm">
            <caption className="mb-1 text-left font-semibold">
              {t(subject.subjectKey)}
              {subject.found ? "" : ` · ${t("comparison.noRecord")}`}
            </caption>
            <thead className="bg-slate-100">
              <tr>
                <th scope="col" className="p-2">{t("comparison.field")}</th>
                <th scope="col" className="p-2">{t("comparison.declared")}</th>
                <th scope="col" className="p-2">{t("comparison.recorded")}</th>
                <th scope="col" className="p-2">{t("comparison.result")}</th>
              </tr>
            </thead>
            <tbody>
              {subject.fields.map((field) => (
                <tr key={field.key} className={`border-t border-slate-200 ${field.match ? "" : "bg-red-50"}`} data-testid={field.match ? undefined : "comparison-diff"}>
                  <th scope="row" className="p-2 font-normal">{t(field.labelKey)}</th>
                  <td className="p-2">{field.declared ?? "—"}</td>
                  <td className="p-2">{field.recorded ?? "—"}</td>
                  <td className={`p-2 font-semibold ${field.match ? "text-green-800" : "text-seal-600"}`}>{field.match ? t("comparison.same") : t("comparison.different")}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ))}
    </section>
  );
}
