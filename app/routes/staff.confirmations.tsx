import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CsrfInput } from "~/components/csrf";
import { ErrorSummary } from "~/components/error-summary";
import { Notice, PageTitle } from "~/components/page";
import { awardsToConfirm, confirmAward } from "~/engine/awards.server";
import { DomainError } from "~/engine/errors";
import { isoDay } from "~/engine/fields";
import { requireOfficeActor } from "~/engine/guards.server";
import { detectLanguage } from "~/i18n/detect.server";
import { findService } from "~/services/registry";
import { readForm } from "~/utils/forms.server";
import { jurisdictions, localName } from "~/utils/jurisdictions.server";
import { titled } from "~/utils/meta";

export const meta = titled("titles.confirmations");

/** The year being confirmed: the current one in China. */
const thisYear = () => Number(isoDay(new Date()).slice(0, 4));

/** Yearly re-confirmation (年审): village staff confirm each recipient is alive and still eligible. */
export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireOfficeActor(request);
  const lng = detectLanguage(request);
  const index = await jurisdictions();
  const year = thisYear();
  const awards = await awardsToConfirm(actor, year);
  return {
    year,
    awards: awards.map((award) => ({
      id: award.id,
      titleKey: findService(award.serviceSlug)?.titleKey ?? award.serviceSlug,
      name: award.beneficiaryNameMasked,
      place: localName(index.byCode.get(award.jurisdictionPath.split("/").filter(Boolean).at(-1) ?? ""), lng),
      since: award.startsOn,
    })),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const actor = await requireOfficeActor(request);
  const form = await readForm(request);
  const award = String(form.get("award") ?? "");
  const alive = form.get("alive");
  const eligible = form.get("eligible");
  const note = String(form.get("note") ?? "").trim().slice(0, 500);
  const errors: Record<string, string[]> = {};
  if (alive !== "yes" && alive !== "no") errors[`alive-${award}`] = ["common:errors.choose"];
  if (eligible !== "yes" && eligible !== "no") errors[`eligible-${award}`] = ["common:errors.choose"];
  if ((alive === "no" || eligible === "no") && !note) errors[`note-${award}`] = ["common:errors.noteRequired_award"];
  if (Object.keys(errors).length > 0) return data({ errors, formError: null }, { status: 400 });
  try {
    await confirmAward(actor, award, { year: thisYear(), alive: alive === "yes", stillEligible: eligible === "yes", note }, request);
  } catch (error) {
    if (error instanceof DomainError) return data({ errors: null, formError: error.messageKey }, { status: error.status });
    throw error;
  }
  return redirect(`/staff/confirmations?done=${alive === "yes" && eligible === "yes" ? "confirmed" : "ended"}`);
}

export default function Confirmations() {
  const { t } = useTranslation();
  const page = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [params] = useSearchParams();
  const errors = (result?.errors ?? undefined) as Record<string, string[]> | undefined;
  return (
    <div className="max-w-3xl">
      <PageTitle caption={String(page.year)}>{t("confirmations.title")}</PageTitle>
      {params.get("done") ? (
        <Notice tone="success" role="status">
          {t(`confirmations.done_${params.get("done") === "ended" ? "ended" : "confirmed"}`)}
        </Notice>
      ) : null}
      <p className="mb-4">{t("confirmations.intro", { year: page.year })}</p>
      <ErrorSummary errors={errors} formError={result?.formError} />
      {page.awards.length === 0 ? <p className="card">{t("confirmations.none")}</p> : null}
      <ul className="space-y-4">
        {page.awards.map((award) => (
          <li key={award.id} className="card" data-testid="confirmation">
            <h2 className="text-lg font-bold">
              {award.name} · {award.place}
            </h2>
            <p className="text-sm text-slate-700">
              {t(award.titleKey)} · {t("confirmations.since", { date: award.since })}
            </p>
            <Form method="post" noValidate className="mt-3">
              <CsrfInput />
              <input type="hidden" name="award" value={award.id} />
              {(["alive", "eligible"] as const).map((question) => (
                <fieldset key={question} className="mb-3" id={`f-${question}-${award.id}`}>
                  <legend className="font-semibold">{t(`confirmations.${question}`)}</legend>
                  {errors?.[`${question}-${award.id}`] ? <p className="font-semibold text-seal-600">{t(errors[`${question}-${award.id}`][0])}</p> : null}
                  <div className="mt-1 flex gap-3">
                    {(["yes", "no"] as const).map((answer) => (
                      <label key={answer} className="flex min-h-11 items-center gap-2">
                        <input type="radio" name={question} value={answer} className="h-5 w-5" />
                        {t(answer)}
                      </label>
                    ))}
                  </div>
                </fieldset>
              ))}
              <label htmlFor={`f-note-${award.id}`} className="block font-semibold">
                {t("confirmations.note")}
              </label>
              {errors?.[`note-${award.id}`] ? <p className="font-semibold text-seal-600">{t(errors[`note-${award.id}`][0])}</p> : null}
              <textarea id={`f-note-${award.id}`} name="note" rows={2} maxLength={500} className="input mt-1" />
              <button type="submit" className="btn-primary mt-3">
                {t("confirmations.submit")}
              </button>
            </Form>
          </li>
        ))}
      </ul>
    </div>
  );
}
