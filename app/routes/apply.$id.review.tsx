import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CsrfInput } from "~/components/csrf";
import { ErrorSummary } from "~/components/error-summary";
import { BackLink, Notice, PageTitle } from "~/components/page";
import { submitApplication } from "~/engine/applications.server";
import { requireDraft } from "~/engine/guards.server";
import { DomainError } from "~/engine/errors";
import { applicableSteps, canVisit, firstIncomplete, MATERIALS_STEP, neighbours, parsedAnswers } from "~/engine/journey";
import { promisedWorkingDays } from "~/engine/workflow";
import { FULL } from "~/engine/masking";
import { answerSections } from "~/engine/presenters.server";
import { detectLanguage } from "~/i18n/detect.server";
import { serverT } from "~/i18n/resources.server";
import { readForm } from "~/utils/forms.server";
import { titled } from "~/utils/meta";

export const meta = titled("titles.review");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { app, ctx } = await requireDraft(request, params.id);
  if (!canVisit(app.service, "review", ctx)) throw redirect(`/apply/${app.id}/${firstIncomplete(app.service, ctx)}`);
  const lng = detectLanguage(request);
  // The filer sees what they typed in full before declaring it true.
  const sections = await answerSections(app.answers, lng, serverT(lng), applicableSteps(app.service, app.answers), FULL);
  const eligibility = app.service.eligibility(parsedAnswers(app.service, ctx), { today: ctx.today });
  return {
    id: app.id,
    titleKey: app.service.titleKey,
    previous: neighbours(app.service, "review", app.answers).previous,
    sections,
    materials: app.service.materials
      .filter((material) => app.uploaded.has(material.key))
      .map((material) => ({ labelKey: material.labelKey, fileName: app.materials.find((row) => row.materialKey === material.key)?.fileName ?? "" })),
    issues: app.service.crossChecks(app.answers),
    ineligible: eligibility.eligible ? [] : eligibility.reasonKeys,
    ineligibleStep: eligibility.eligible ? null : (eligibility.stepId ?? null),
    days: promisedWorkingDays(app.service.workflow.stages),
    textValues: app.service.textValues,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { app, actor } = await requireDraft(request, params.id);
  const form = await readForm(request);
  if (form.get("declaration") !== "yes") {
    return data({ errors: { declaration: ["common:errors.declaration"] }, formError: null, formErrorValues: null, formErrorLink: null }, { status: 400 });
  }
  try {
    const result = await submitApplication(actor, app, request);
    return redirect(`/applications/${result.ref}?submitted=1`);
  } catch (error) {
    if (error instanceof DomainError) return data({ errors: null, formError: error.messageKey, formErrorValues: error.values ?? null, formErrorLink: error.link }, { status: error.status });
    throw error;
  }
}

export default function Review() {
  const { t } = useTranslation();
  const page = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const blocked = page.issues.length > 0 || page.ineligible.length > 0;
  return (
    <div className="max-w-3xl">
      {page.previous ? <BackLink to={`/apply/${page.id}/${page.previous}`}>{t("nav.back")}</BackLink> : null}
      <PageTitle caption={t(page.titleKey)}>{t("review.title")}</PageTitle>
      <ErrorSummary errors={result?.errors ?? null} formError={result?.formError} formErrorValues={result?.formErrorValues} formErrorLink={result?.formErrorLink} />
      {page.issues.length > 0 ? (
        <Notice tone="warning" role="alert">
          <h2 className="font-bold">{t("review.issuesTitle")}</h2>
          <ul className="mt-2 list-disc pl-5">
            {page.issues.map((issue) => (
              <li key={`${issue.stepId}.${issue.field}`}>
                <Link to={`/apply/${page.id}/${issue.stepId}?change=1`}>{t(issue.messageKey, issue.values)}</Link>
              </li>
            ))}
          </ul>
        </Notice>
      ) : null}
      {page.ineligible.length > 0 ? (
        <Notice tone="warning" role="alert">
          <h2 className="font-bold">{t("review.ineligibleTitle")}</h2>
          {page.ineligible.map((key) => (
            <p key={key} className="mt-2">
              {t(key, page.textValues)}
            </p>
          ))}
          {page.ineligibleStep ? (
            <p className="mt-2">
              <Link to={`/apply/${page.id}/${page.ineligibleStep}?change=1`}>{t("review.changeAnswers")}</Link>
            </p>
          ) : null}
        </Notice>
      ) : null}
      {page.sections.map((section) => (
        <section key={section.stepId} className="card mb-4">
          <div className="mb-3 flex items-baseline justify-between gap-4">
            <h2 className="text-lg font-bold">{t(section.titleKey)}</h2>
            <Link to={`/apply/${page.id}/${section.stepId}?change=1`}>
              {t("review.change")}
              <span className="sr-only"> {t(section.titleKey)}</span>
            </Link>
          </div>
          <dl className="divide-y divide-slate-200">
            {section.rows.map((row) => (
              <div key={row.field} className="grid gap-1 py-2 sm:grid-cols-3">
                <dt className="font-semibold text-slate-700">{t(row.labelKey, row.labelValues)}</dt>
                <dd className="sm:col-span-2">{row.value || <span className="text-slate-600">{t("review.notProvided")}</span>}</dd>
              </div>
            ))}
          </dl>
        </section>
      ))}
      {page.materials.length > 0 ? (
        <section className="card mb-4">
          <div className="mb-3 flex items-baseline justify-between gap-4">
            <h2 className="text-lg font-bold">{t("materials.title")}</h2>
            <Link to={`/apply/${page.id}/${MATERIALS_STEP}?change=1`}>
              {t("review.change")}
              <span className="sr-only"> {t("materials.title")}</span>
            </Link>
          </div>
          <dl className="divide-y divide-slate-200">
            {page.materials.map((material) => (
              <div key={material.labelKey} className="grid gap-1 py-2 sm:grid-cols-3">
                <dt className="font-semibold text-slate-700">{t(material.labelKey)}</dt>
                <dd className="break-all sm:col-span-2">{material.fileName}</dd>
              </div>
            ))}
          </dl>
        </section>
      ) : null}
      {!blocked ? (
        <Form method="post" noValidate className="card mt-6">
          <CsrfInput />
          <h2 className="text-lg font-bold">{t("review.declarationTitle")}</h2>
          <p className="mt-2">{t("review.declarationText")}</p>
          <div className="mt-4">
            {result?.errors?.declaration ? (
              <p id="f-declaration-error" className="mb-2 font-semibold text-seal-600">
                <span className="sr-only">{t("errors.prefix")}</span>
                {t(result.errors.declaration[0])}
              </p>
            ) : null}
            <label className="flex items-start gap-3">
              <input id="f-declaration" type="checkbox" name="declaration" value="yes" className="mt-1 h-5 w-5" aria-describedby={result?.errors?.declaration ? "f-declaration-error" : undefined} />
              <span>{t("review.declarationCheckbox")}</span>
            </label>
          </div>
          <p className="mt-4 text-sm text-slate-700">{t("review.afterSubmit", { count: page.days })}</p>
          <button type="submit" className="btn-primary mt-4">
            {t("review.submit")}
          </button>
        </Form>
      ) : null}
    </div>
  );
}
