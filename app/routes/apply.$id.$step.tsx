import { parseWithZod } from "@conform-to/zod";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData, type ShouldRevalidateFunction } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CsrfInput } from "~/components/csrf";
import { ErrorSummary } from "~/components/error-summary";
import { FormField } from "~/components/fields";
import { valueAt } from "~/lib/field-paths";
import { MaterialsForm } from "~/components/materials-form";
import { BackLink, PageTitle } from "~/components/page";
import { saveStep } from "~/engine/applications.server";
import { requireDraft } from "~/engine/guards.server";
import { notFound } from "~/engine/errors";
import { canVisit, firstIncomplete, MATERIALS_STEP, neighbours } from "~/engine/journey";
import { acceptUploads } from "~/engine/materials.server";
import { renderFields } from "~/engine/presenters.server";
import { detectLanguage } from "~/i18n/detect.server";
import { readForm } from "~/utils/forms.server";
import { titled } from "~/utils/meta";

export const meta = titled("titles.apply");

/**
 * A refused submission (400) skips the loaders by default; but the materials step stores the
 * good files even when another one is refused, and its list of uploaded files must show them.
 */
export const shouldRevalidate: ShouldRevalidateFunction = ({ formMethod, currentParams, defaultShouldRevalidate }) =>
  formMethod?.toUpperCase() === "POST" && currentParams.step === MATERIALS_STEP ? true : defaultShouldRevalidate;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { app, ctx } = await requireDraft(request, params.id);
  const stepId = params.step ?? "";
  if (!canVisit(app.service, stepId, ctx)) throw redirect(`/apply/${app.id}/${firstIncomplete(app.service, ctx)}`);
  const { previous, index, total } = neighbours(app.service, stepId, app.answers);
  const change = new URL(request.url).searchParams.get("change") === "1";
  const common = { id: app.id, slug: app.service.slug, stepId, titleKey: app.service.titleKey, previous, index, total, change };
  if (stepId === MATERIALS_STEP) {
    return {
      ...common,
      kind: "materials" as const,
      stepTitleKey: "materials.title",
      materials: app.service.materials
        .filter((material) => material.required(app.answers) || app.uploaded.has(material.key))
        .map((material) => ({ key: material.key, labelKey: material.labelKey, hintKey: material.hintKey, uploaded: app.materials.find((row) => row.materialKey === material.key)?.fileName ?? null })),
    };
  }
  const step = app.service.steps.find((candidate) => candidate.id === stepId) ?? notFound();
  return {
    ...common,
    kind: "form" as const,
    stepTitleKey: step.titleKey,
    descriptionKey: step.descriptionKey,
    fields: await renderFields(step, app.answers, detectLanguage(request), app.service.textValues),
    values: (app.answers[step.id] ?? {}) as Record<string, unknown>,
  };
}

function nextUrl(appId: string, next: string | null, change: boolean) {
  return `/apply/${appId}/${change || !next ? "review" : next}`;
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { app, ctx } = await requireDraft(request, params.id);
  const stepId = params.step ?? "";
  if (!canVisit(app.service, stepId, ctx)) throw redirect(`/apply/${app.id}/${firstIncomplete(app.service, ctx)}`);
  const form = await readForm(request);
  const change = form.get("change") === "1";
  form.delete("change");

  if (stepId === MATERIALS_STEP) {
    const { errors, stored } = await acceptUploads(app.id, form, app.service.materials.map((material) => material.key));
    for (const { key } of stored) app.uploaded.add(key);
    for (const material of app.service.materials) {
      if (material.required(app.answers) && !app.uploaded.has(material.key) && !errors[material.key]) errors[material.key] = ["common:errors.upload.required"];
    }
    if (Object.keys(errors).length > 0) return data({ errors, values: null }, { status: 400 });
    return redirect(nextUrl(app.id, neighbours(app.service, stepId, app.answers).next, change));
  }

  const step = app.service.steps.find((candidate) => candidate.id === stepId) ?? notFound();
  // Browsers post an empty input as ""; the step schemas (and the journey, which re-checks the
  // stored values) expect a field left empty to be absent, as in services/*/examples.ts.
  for (const [key, value] of [...form.entries()]) if (value === "") form.delete(key);
  const submission = parseWithZod(form, { schema: step.schema(ctx) });
  const values = (submission.payload ?? {}) as Record<string, unknown>;
  await saveStep(app, step, values);
  if (submission.status !== "success") return data({ errors: submission.error ?? {}, values }, { status: 400 });
  return redirect(nextUrl(app.id, neighbours(app.service, stepId, app.answers).next, change));
}

export default function ApplyStep() {
  const { t } = useTranslation();
  const page = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors = (result?.errors ?? undefined) as Record<string, string[]> | undefined;
  const backTo = page.change ? `/apply/${page.id}/review` : page.previous ? `/apply/${page.id}/${page.previous}` : null;
  return (
    <div className="max-w-3xl">
      {backTo ? <BackLink to={backTo}>{t("nav.back")}</BackLink> : <BackLink to={`/services/${page.slug}`}>{t("nav.back")}</BackLink>}
      <PageTitle caption={`${t(page.titleKey)} · ${t("apply.stepOf", { current: page.index + 1, total: page.total })}`}>{t(page.stepTitleKey)}</PageTitle>
      <ErrorSummary errors={errors} labels={page.kind === "form" ? Object.fromEntries(page.fields.map((field) => [field.name, t(field.labelKey, field.labelValues)])) : Object.fromEntries(page.materials.map((material) => [material.key, t(material.labelKey)]))} />
      {page.kind === "materials" ? (
        <MaterialsForm materials={page.materials} errors={errors} change={page.change} />
      ) : (
        // Keyed by step: the inputs are uncontrolled, and without a new form the man's step
        // would keep the values typed on the woman's (same field names) after a client-side navigation.
        <Form key={page.stepId} method="post" noValidate className="card">
          <CsrfInput />
          {page.change ? <input type="hidden" name="change" value="1" /> : null}
          {page.descriptionKey ? <p className="mb-6">{t(page.descriptionKey)}</p> : null}
          {page.fields.map((field) => (
            <FormField key={field.name} field={field} value={valueAt(result?.values ?? page.values, field.name)} errors={errors?.[field.name]} />
          ))}
          <button type="submit" className="btn-primary">
            {t("apply.saveContinue")}
          </button>
        </Form>
      )}
      <p className="mt-4 text-sm text-slate-700">{t("apply.savedNote")}</p>
    </div>
  );
}
