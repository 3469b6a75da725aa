import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CsrfInput } from "~/components/csrf";

type ObjectionView = { id: string; at: string; status: string; name: string; contact: string; text: string; outcomeNote: string | null; resolvedAt: string };

/** Objections lodged during the public notice, each with its outcome or a form to record one. */
export function Objections({ objections, canResolve, errors }: { objections: ObjectionView[]; canResolve: boolean; errors?: Record<string, string[]> }) {
  const { t } = useTranslation();
  return (
    <section className="card mb-6" aria-labelledby="objections-title">
      <h2 id="objections-title" className="text-lg font-bold">
        {t("objections.title")}
      </h2>
      <ol className="mt-3 space-y-4">
        {objections.map((objection) => (
          <li key={objection.id} className="rounded border border-slate-200 p-3" data-testid="objection">
            <p className="text-sm text-slate-700">
              {objection.at} · {objection.name} · {objection.contact}
            </p>
            <p className="mt-1 whitespace-pre-wrap">{objection.text}</p>
            {objection.status === "open" ? (
              canResolve ? (
                <Form method="post" noValidate className="mt-3">
                  <CsrfInput />
                  <input type="hidden" name="objection" value={objection.id} />
                  <fieldset>
                    <legend className="font-semibold">{t("objections.outcome")}</legend>
                    {errors?.outcome ? <p className="font-semibold text-seal-600">{t(errors.outcome[0])}</p> : null}
                    <div className="mt-1 flex flex-wrap gap-3">
                      {(["dismissed", "upheld"] as const).map((outcome) => (
                        <label key={outcome} className="flex min-h-11 items-center gap-2">
                          <input type="radio" name="outcome" value={outcome} className="h-5 w-5" />
                          {t(`objections.${outcome}`)}
                        </label>
                      ))}
                    </div>
                  </fieldset>
                  <label htmlFor={`objection-note-${objection.id}`} className="mt-2 block font-semibold">
                    {t("objections.note")}
                  </label>
                  {errors?.objectionNote ? <p className="font-semibold text-seal-600">{t(errors.objectionNote[0])}</p> : null}
                  <textarea id={`objection-note-${objection.id}`} name="note" rows={2} maxLength={500} className="input mt-1" />
                  <button type="submit" name="intent" value="resolve_objection" className="btn-secondary mt-2">
                    {t("objections.record")}
                  </button>
                </Form>
              ) : (
                <p className="mt-2 font-semibold">{t("objections.open")}</p>
              )
            ) : (
              <p className="mt-2">
                <strong>{t(`objections.${objection.status}`)}</strong> · {objection.resolvedAt}
                {objection.outcomeNote ? ` · ${objection.outcomeNote}` : ""}
              </p>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}

type AwardView = { id: string; beneficiary: string; amount: string; period: string; startsOn: string; endsOn: string | null; status: string; endReason: string | null; bank: string | null; confirmedYears: number[] };

/** The awards an approved assistance case pays, masked. */
export function Awards({ awards }: { awards: AwardView[] }) {
  const { t } = useTranslation();
  return (
    <section className="card mb-6" aria-labelledby="awards-title">
      <h2 id="awards-title" className="text-lg font-bold">
        {t("awards.title")}
      </h2>
      <ul className="mt-3 divide-y divide-slate-200">
        {awards.map((award) => (
          <li key={award.id} className="py-2" data-testid="award">
            <p className="font-semibold">
              {award.beneficiary} · {t(`awards.amount_${award.period}`, { amount: award.amount })}
            </p>
            <p className="text-sm text-slate-700">
              {t("awards.from", { date: award.startsOn })}
              {award.endsOn ? ` · ${t("awards.until", { date: award.endsOn })}` : ""}
              {award.bank ? ` · ${award.bank}` : ""}
            </p>
            <p className="text-sm">{award.status === "active" ? t("awards.active") : t(`awards.ended_${award.endReason ?? "other"}`)}</p>
          </li>
        ))}
      </ul>
    </section>
  );
}
