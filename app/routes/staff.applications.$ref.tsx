import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CsrfInput } from "~/components/csrf";
import { ErrorSummary } from "~/components/error-summary";
import { BackLink, Notice, PageTitle } from "~/components/page";
import { StatusTag, Timeline } from "~/components/status";
import { canReview, certificateOf, revokeCertificate, reviewApplication, staffApplication, timeline, type ReviewInput } from "~/engine/applications.server";
import { formatCode } from "~/engine/certificates.server";
import { DomainError, notFound } from "~/engine/errors";
import { applicableSteps } from "~/engine/journey";
import { answerSections } from "~/engine/presenters.server";
import { detectLanguage } from "~/i18n/detect.server";
import { serverT } from "~/i18n/resources.server";
import { formatDate, formatDateTime } from "~/lib/dates";
import { audit } from "~/utils/audit.server";
import { requireStaff } from "~/utils/auth.server";
import { readForm } from "~/utils/forms.server";
import { jurisdictions, localName } from "~/utils/jurisdictions.server";
import { titled } from "~/utils/meta";

export const meta = titled("titles.case");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const staff = await requireStaff(request);
  // The jurisdiction is in the query: a case outside it is simply not found.
  const app = (await staffApplication(staff, params.ref ?? "")) ?? notFound();
  const lng = detectLanguage(request);
  const t = serverT(lng);
  const steps = applicableSteps(app.service, app.answers);
  const sections = await answerSections(app.answers, lng, t, steps);
  const events = await timeline(app.id);
  const index = await jurisdictions();
  const level = app.service.workflow.levels[app.reviewLevel];
  const certificate = app.status === "approved" ? await certificateOf(app.id) : null;
  await audit({ actorId: staff.id, actorRole: staff.role, action: "application.view", subjectType: "application", subjectId: app.id, request });
  const labels = new Map(sections.flatMap((section) => section.rows.map((row) => [`${row.stepId}.${row.field}`, t(row.labelKey, row.labelValues)] as const)));
  return {
    ref: app.ref!,
    titleKey: app.service.titleKey,
    status: app.status,
    applicant: app.service.applicantNameOf(app.answers),
    place: localName(index.byCode.get(app.jurisdictionPath?.split("/").filter(Boolean).at(-1) ?? ""), lng),
    submitted: formatDateTime(app.submittedAt, lng),
    due: formatDate(app.dueAt, lng),
    canAct: canReview(staff, app),
    levelRole: level?.role ?? null,
    sections,
    materials: app.materials.map((material) => ({
      id: material.id,
      key: material.materialKey,
      labelKey: app.service.materials.find((candidate) => candidate.key === material.materialKey)?.labelKey ?? material.materialKey,
      fileName: material.fileName,
      sizeKb: Math.ceil(material.size / 1024),
    })),
    materialDefs: app.service.materials.map((material) => ({ key: material.key, labelKey: material.labelKey })),
    comparison: app.comparison && {
      ...app.comparison,
      // Township codes are shown by name, in the reviewer's language.
      subjects: app.comparison.subjects.map((subject) => ({
        ...subject,
        fields: subject.fields.map((field) =>
          field.key === "hukouTownship"
            ? { ...field, declared: localName(index.byCode.get(String(field.declared)), lng) || field.declared, recorded: localName(index.byCode.get(String(field.recorded)), lng) || field.recorded }
            : field,
        ),
      })),
    },
    timeline: events.map((event) => ({
      id: event.id,
      at: event.at,
      atText: formatDateTime(event.at, lng),
      type: event.type,
      who: event.actorName ? t("common:actorWithRole", { name: event.actorName, role: t(`common:roles.${event.actorRole}`) }) : t(`common:roles.${event.actorRole}`),
      note: event.note,
      changed: (event.detail?.changed ?? []).map((change) => ({ label: labels.get(`${change.stepId}.${change.field}`) ?? change.field, before: String(change.before ?? ""), after: String(change.after ?? "") })),
      asked: (event.detail?.correction?.fields ?? []).map((field) => ({ label: labels.get(`${field.stepId}.${field.field}`) ?? field.field, note: field.note })),
    })),
    certificateCode: certificate ? formatCode(certificate.code) : null,
    canRevoke: !!certificate && staff.role !== "window_staff",
  };
}

const NOTE_MAX = 500;

export async function action({ request, params }: ActionFunctionArgs) {
  const staff = await requireStaff(request);
  const app = (await staffApplication(staff, params.ref ?? "")) ?? notFound();
  const form = await readForm(request);
  const intent = String(form.get("intent") ?? "");
  const note = String(form.get("note") ?? "").trim();
  const errors: Record<string, string[]> = {};
  if (intent === "revoke") {
    if (!note) return data({ errors: { revokeNote: ["common:errors.noteRequired_revoke"] }, formError: null, note, fix: [] as string[] }, { status: 400 });
    try {
      await revokeCertificate(staff, app, note.slice(0, NOTE_MAX), request);
    } catch (error) {
      if (error instanceof DomainError) return data({ errors: null, formError: error.messageKey, note, fix: [] as string[] }, { status: error.status });
      throw error;
    }
    return redirect(`/staff/applications/${app.ref}?done=revoke`);
  }
  if (note.length > NOTE_MAX) errors.note = ["common:errors.tooLong"];
  if ((intent === "reject" || intent === "return") && !note) errors.note = [`common:errors.noteRequired_${intent}`];
  const fix = form.getAll("fix").map(String);
  const fieldKeys = new Set(applicableSteps(app.service, app.answers).flatMap((step) => (typeof step.fields === "function" ? step.fields(app.answers) : step.fields).map((field) => `${step.id}.${field.name}`)));
  const fields = fix
    .filter((key) => fieldKeys.has(key))
    .map((key) => {
      const dot = key.indexOf(".");
      return { stepId: key.slice(0, dot), field: key.slice(dot + 1), note: String(form.get(`fixNote:${key}`) ?? "").trim().slice(0, NOTE_MAX) };
    });
  const materials = fix
    .filter((key) => key.startsWith("material:") && app.service.materials.some((material) => `material:${material.key}` === key))
    .map((key) => ({ key: key.slice("material:".length), note: String(form.get(`fixNote:${key}`) ?? "").trim().slice(0, NOTE_MAX) }));
  if (intent === "return" && fields.length + materials.length === 0) errors.fix = ["common:errors.fixRequired"];
  if (!["approve", "reject", "return"].includes(intent)) errors.intent = ["common:errors.choose"];
  if (Object.keys(errors).length > 0) return data({ errors, formError: null, note, fix }, { status: 400 });
  const input: ReviewInput = intent === "return" ? { action: "return", note, fields, materials } : { action: intent as "approve" | "reject", note };
  try {
    await reviewApplication(staff, app, input, request);
  } catch (error) {
    if (error instanceof DomainError) return data({ errors: null, formError: error.messageKey, note, fix }, { status: error.status });
    throw error;
  }
  return redirect(`/staff/applications/${app.ref}?done=${intent}`);
}

export default function StaffApplication() {
  const { t } = useTranslation();
  const page = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [params] = useSearchParams();
  const done = params.get("done");
  const errors = (result?.errors ?? undefined) as Record<string, string[]> | undefined;
  const chosen = new Set(result?.fix ?? []);
  return (
    <div>
      <BackLink to="/staff/queue">{t("queue.title")}</BackLink>
      <PageTitle caption={t(page.titleKey)}>{page.ref}</PageTitle>
      {done ? (
        <Notice tone="success" role="status">
          {t(`review.done_${done}`)}
        </Notice>
      ) : null}
      <ErrorSummary errors={errors} formError={result?.formError} />
      <section className="card mb-6">
        <dl className="grid gap-3 sm:grid-cols-4">
          <div>
            <dt className="text-sm text-slate-700">{t("status.label")}</dt>
            <dd className="mt-1" data-testid="status">
              <StatusTag status={page.status} />
            </dd>
          </div>
          <div>
            <dt className="text-sm text-slate-700">{t("queue.applicant")}</dt>
            <dd className="mt-1">{page.applicant}</dd>
          </div>
          <div>
            <dt className="text-sm text-slate-700">{t("queue.place")}</dt>
            <dd className="mt-1">{page.place}</dd>
          </div>
          <div>
            <dt className="text-sm text-slate-700">{t("queue.due")}</dt>
            <dd className="mt-1">{page.due}</dd>
          </div>
        </dl>
        {page.certificateCode ? (
          <p className="mt-4">
            <a href={`/staff/applications/${page.ref}/certificate.pdf`}>{t("status.downloadCertificate")}</a> · {t("certificateCode", { code: page.certificateCode })}
          </p>
        ) : null}
      </section>

      {page.comparison ? (
        <section className="card mb-6" aria-labelledby="comparison-title">
          <h2 id="comparison-title" className="text-lg font-bold">
            {t("comparison.title")}
          </h2>
          <p className={`mt-2 font-semibold ${page.comparison.match ? "text-green-800" : "text-seal-600"}`} data-testid="comparison-result">
            {page.comparison.match ? t("comparison.match") : t("comparison.mismatch")}
          </p>
          {page.comparison.subjects.map((subject) => (
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
      ) : null}

      <div className="grid gap-6 lg:grid-cols-3">
        <div className="lg:col-span-2">
          {page.sections.map((section) => (
            <section key={section.stepId} className="card mb-4">
              <h2 className="mb-3 text-lg font-bold">{t(section.titleKey)}</h2>
              <dl className="divide-y divide-slate-200">
                {section.rows.map((row) => (
                  <div key={row.field} className="grid gap-1 py-2 sm:grid-cols-3">
                    <dt className="font-semibold text-slate-700">{t(row.labelKey, row.labelValues)}</dt>
                    <dd className="sm:col-span-2">{row.value || "—"}</dd>
                  </div>
                ))}
              </dl>
            </section>
          ))}
          <section className="card mb-4">
            <h2 className="mb-3 text-lg font-bold">{t("materials.title")}</h2>
            <dl className="divide-y divide-slate-200">
              {page.materials.map((material) => (
                <div key={material.id} className="grid gap-1 py-2 sm:grid-cols-3">
                  <dt className="font-semibold text-slate-700">{t(material.labelKey)}</dt>
                  <dd className="break-all sm:col-span-2">
                    <a href={`/staff/applications/${page.ref}/materials/${material.id}`} target="_blank" rel="noreferrer">
                      {material.fileName}
                    </a>{" "}
                    <span className="text-sm text-slate-600">({material.sizeKb} KB)</span>
                  </dd>
                </div>
              ))}
            </dl>
          </section>
        </div>
        <div>
          {page.canAct ? (
            <Form method="post" noValidate className="card mb-6" aria-labelledby="decision-title">
              <CsrfInput />
              <h2 id="decision-title" className="text-lg font-bold">
                {t("review.decisionTitle")}
              </h2>
              <label htmlFor="f-note" className="mt-3 block font-semibold">
                {t("review.note")}
              </label>
              <p id="f-note-hint" className="text-sm text-slate-600">
                {t("review.noteHint")}
              </p>
              {errors?.note ? (
                <p id="f-note-error" className="font-semibold text-seal-600">
                  {t(errors.note[0])}
                </p>
              ) : null}
              <textarea id="f-note" name="note" rows={3} maxLength={NOTE_MAX} defaultValue={result?.note ?? ""} className={`input mt-1 ${errors?.note ? "input-error" : ""}`} aria-describedby={`f-note-hint${errors?.note ? " f-note-error" : ""}`} />
              <fieldset id="f-fix" className="mt-4" aria-describedby={errors?.fix ? "f-fix-error" : undefined}>
                <legend className="font-semibold">{t("review.fixLegend")}</legend>
                <p className="text-sm text-slate-600">{t("review.fixHint")}</p>
                {errors?.fix ? (
                  <p id="f-fix-error" className="font-semibold text-seal-600">
                    {t(errors.fix[0])}
                  </p>
                ) : null}
                {page.sections.map((section) => (
                  <details key={section.stepId} open={section.rows.some((row) => chosen.has(`${row.stepId}.${row.field}`))} className="mt-2 rounded border border-slate-200 p-2">
                    <summary className="cursor-pointer font-semibold">{t(section.titleKey)}</summary>
                    {section.rows.map((row) => {
                      const key = `${row.stepId}.${row.field}`;
                      return <FixOption key={key} value={key} label={t(row.labelKey, row.labelValues)} checked={chosen.has(key)} />;
                    })}
                  </details>
                ))}
                <details open={page.materialDefs.some((material) => chosen.has(`material:${material.key}`))} className="mt-2 rounded border border-slate-200 p-2">
                  <summary className="cursor-pointer font-semibold">{t("materials.title")}</summary>
                  {page.materialDefs.map((material) => (
                    <FixOption key={material.key} value={`material:${material.key}`} label={t(material.labelKey)} checked={chosen.has(`material:${material.key}`)} />
                  ))}
                </details>
              </fieldset>
              <div className="mt-5 flex flex-wrap gap-3">
                <button type="submit" name="intent" value="approve" className="btn-primary">
                  {t("review.approve")}
                </button>
                <button type="submit" name="intent" value="return" className="btn-secondary">
                  {t("review.return")}
                </button>
                <button type="submit" name="intent" value="reject" className="btn-danger">
                  {t("review.reject")}
                </button>
              </div>
            </Form>
          ) : page.canRevoke ? (
            <Form method="post" noValidate className="card mb-6" aria-labelledby="revoke-title">
              <CsrfInput />
              <h2 id="revoke-title" className="text-lg font-bold">
                {t("revoke.title")}
              </h2>
              <p className="mt-2 text-sm text-slate-700">{t("revoke.explain")}</p>
              <label htmlFor="f-revokeNote" className="mt-3 block font-semibold">
                {t("revoke.reason")}
              </label>
              {errors?.revokeNote ? (
                <p id="f-revokeNote-error" className="font-semibold text-seal-600">
                  {t(errors.revokeNote[0])}
                </p>
              ) : null}
              <textarea id="f-revokeNote" name="note" rows={3} maxLength={NOTE_MAX} className={`input mt-1 ${errors?.revokeNote ? "input-error" : ""}`} aria-describedby={errors?.revokeNote ? "f-revokeNote-error" : undefined} />
              <button type="submit" name="intent" value="revoke" className="btn-danger mt-4">
                {t("revoke.submit")}
              </button>
            </Form>
          ) : page.status === "in_review" ? (
            <Notice>{t("review.notYourLevel", { role: page.levelRole ? t(`roles.${page.levelRole}`) : "" })}</Notice>
          ) : null}
          <section className="card">
            <h2 className="mb-4 text-lg font-bold">{t("status.timeline")}</h2>
            <Timeline
              entries={page.timeline.map((entry) => ({
                ...entry,
                extra:
                  entry.changed.length + entry.asked.length > 0 ? (
                    <ul className="mt-1 list-disc pl-5 text-sm" data-testid="changes">
                      {entry.asked.map((item) => (
                        <li key={`a-${item.label}`}>{item.note ? t("labelled", { label: item.label, value: item.note }) : item.label}</li>
                      ))}
                      {entry.changed.map((item) => (
                        <li key={`c-${item.label}`}>{t("review.changedFrom", { field: item.label, before: item.before || "—", after: item.after || "—" })}</li>
                      ))}
                    </ul>
                  ) : null,
              }))}
            />
          </section>
          <p className="mt-4">
            <Link to="/staff/queue">{t("queue.back")}</Link>
          </p>
        </div>
      </div>
    </div>
  );
}

function FixOption({ value, label, checked }: { value: string; label: string; checked: boolean }) {
  const { t } = useTranslation();
  const id = `fix-${value.replace(/[^A-Za-z0-9]/g, "_")}`;
  return (
    <div className="mt-2">
      <label className="flex items-center gap-2" htmlFor={id}>
        <input id={id} type="checkbox" name="fix" value={value} defaultChecked={checked} className="h-5 w-5" />
        {label}
      </label>
      <label className="sr-only" htmlFor={`${id}-note`}>
        {t("review.fixNote", { field: label })}
      </label>
      <input id={`${id}-note`} name={`fixNote:${value}`} className="input mt-1 text-sm" placeholder={t("review.fixNote", { field: label })} maxLength={NOTE_MAX} />
    </div>
  );
}
