import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CsrfInput } from "~/components/csrf";
import { ErrorSummary, fieldId } from "~/components/error-summary";
import { FormField, type RenderField } from "~/components/fields";
import { BackLink, Notice, PageTitle } from "~/components/page";
import { resubmitCorrection } from "~/engine/applications.server";
import { requireOwnCase } from "~/engine/guards.server";
import { applyCorrections } from "~/engine/correction";
import { DomainError } from "~/engine/errors";
import { acceptUploads } from "~/engine/materials.server";
import { renderFields } from "~/engine/presenters.server";
import { detectLanguage } from "~/i18n/detect.server";
import { valueAt } from "~/lib/field-paths";
import { UPLOAD_ACCEPT } from "~/lib/uploads";
import { jurisdictions } from "~/utils/jurisdictions.server";
import { readForm } from "~/utils/forms.server";
import { titled } from "~/utils/meta";

export const meta = titled("titles.correct");

async function requireReturned(request: Request, id: string | undefined) {
  const { app, actor } = await requireOwnCase(request, { id: id ?? "" });
  if (app.status !== "returned" || !app.correction) throw redirect(app.ref ? `/applications/${app.ref}` : `/apply/${app.id}`);
  return { actor, app, correction: app.correction };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { app, correction } = await requireReturned(request, params.id);
  const lng = detectLanguage(request);
  const groups: { stepId: string; titleKey: string; fields: (RenderField & { reviewerNote: string })[]; values: unknown }[] = [];
  for (const step of app.service.steps) {
    const wanted = correction.fields.filter((field) => field.stepId === step.id);
    if (wanted.length === 0) continue;
    const rendered = await renderFields(step, app.answers, lng, app.service.textValues);
    groups.push({
      stepId: step.id,
      titleKey: step.titleKey,
      values: app.answers[step.id] ?? {},
      fields: wanted.flatMap((want) => {
        const field = rendered.find((candidate) => candidate.name === want.field);
        return field ? [{ ...field, reviewerNote: want.note }] : [];
      }),
    });
  }
  return {
    id: app.id,
    ref: app.ref,
    titleKey: app.service.titleKey,
    note: correction.note,
    groups,
    materials: correction.materials.map((item) => ({
      key: item.key,
      note: item.note,
      labelKey: app.service.materials.find((material) => material.key === item.key)?.labelKey ?? item.key,
      uploaded: app.materials.find((material) => material.materialKey === item.key)?.fileName ?? null,
    })),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { app, actor, correction } = await requireReturned(request, params.id);
  const form = await readForm(request);
  const index = await jurisdictions();
  const { answers, typed, changed, errors } = applyCorrections(app.service, app.answers, correction, form, { today: new Date(), townshipCodes: index.townshipCodes });
  const uploads = await acceptUploads(app.id, form, correction.materials.map((item) => item.key), (key) => `material:${key}`);
  Object.assign(errors, uploads.errors);
  for (const { key, fileName } of uploads.stored) changed.push({ stepId: "materials", field: key, before: "", after: fileName });
  if (form.get("declaration") !== "yes") errors.declaration = ["common:errors.declaration"];
  const formError = errors[""]?.[0] ?? null;
  delete errors[""];
  if (Object.keys(errors).length > 0 || formError) return data({ errors, formError, typed }, { status: 400 });
  try {
    await resubmitCorrection(actor, app, answers, changed, request);
  } catch (error) {
    if (error instanceof DomainError) return data({ errors: {}, formError: error.messageKey, typed }, { status: error.status });
    throw error;
  }
  return redirect(`/applications/${app.ref}?resubmitted=1`);
}

export default function Correct() {
  const { t } = useTranslation();
  const page = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors = result?.errors as Record<string, string[]> | undefined;
  return (
    <div className="max-w-3xl">
      <BackLink to={`/applications/${page.ref}`}>{t("nav.back")}</BackLink>
      <PageTitle caption={`${t(page.titleKey)} · ${page.ref}`}>{t("correct.title")}</PageTitle>
      <ErrorSummary errors={errors} formError={result?.formError} />
      <Notice tone="warning">
        <h2 className="font-bold">{t("correct.reviewerSays")}</h2>
        <p className="mt-2 whitespace-pre-wrap">{page.note}</p>
        <p className="mt-2 text-sm">{t("correct.restStays")}</p>
      </Notice>
      <Form method="post" encType="multipart/form-data" noValidate className="card">
        <CsrfInput />
        {page.groups.map((group) => (
          <fieldset key={group.stepId} className="mb-4">
            <legend className="mb-3 text-lg font-bold">{t(group.titleKey)}</legend>
            {group.fields.map((field) => (
              <div key={field.name} className="mb-2 rounded border-l-4 border-amber-500 pl-3" data-testid="flagged-field">
                {field.reviewerNote ? (
                  <p className="mb-2 text-sm">
                    <strong>{t("correct.note")}</strong> {field.reviewerNote}
                  </p>
                ) : null}
                <FormField field={field} value={valueAt(result?.typed?.[group.stepId] ?? group.values, field.name)} errors={errors?.[field.name]} />
              </div>
            ))}
          </fieldset>
        ))}
        {page.materials.map((material) => {
          const name = `material:${material.key}`;
          const id = `f-${fieldId(name)}`;
          const error = errors?.[name]?.[0];
          return (
            <div key={material.key} className="mb-6 rounded border-l-4 border-amber-500 pl-3" data-testid="flagged-field">
              <label htmlFor={id} className="block font-semibold">
                {t(material.labelKey)}
              </label>
              {material.note ? (
                <p className="text-sm">
                  <strong>{t("correct.note")}</strong> {material.note}
                </p>
              ) : null}
              {material.uploaded ? <p className="text-sm text-green-800">{t("materials.uploaded", { name: material.uploaded })}</p> : null}
              {error ? (
                <p id={`${id}-error`} className="font-semibold text-seal-600">
                  {t(error)}
                </p>
              ) : null}
              <input id={id} name={name} type="file" accept={UPLOAD_ACCEPT} className="mt-2 block w-full" aria-describedby={error ? `${id}-error` : undefined} />
            </div>
          );
        })}
        <div className="mt-4">
          <h2 className="text-lg font-bold">{t("review.declarationTitle")}</h2>
          <p className="mb-3 mt-1">{t("review.declarationText")}</p>
          {errors?.declaration ? (
            <p id="f-declaration-error" className="mb-2 font-semibold text-seal-600">
              {t(errors.declaration[0])}
            </p>
          ) : null}
          <label className="flex items-start gap-3">
            <input id="f-declaration" type="checkbox" name="declaration" value="yes" className="mt-1 h-5 w-5" aria-describedby={errors?.declaration ? "f-declaration-error" : undefined} />
            <span>{t("review.declarationCheckbox")}</span>
          </label>
        </div>
        <button type="submit" className="btn-primary mt-4">
          {t("correct.submit")}
        </button>
      </Form>
    </div>
  );
}
