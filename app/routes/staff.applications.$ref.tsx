import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ErrorSummary } from "~/components/error-summary";
import { BackLink, Notice, PageTitle } from "~/components/page";
import { StatusTag, Timeline } from "~/components/status";
import { canReview, certificateOf, revokeCertificate, reviewApplication, staffApplication, timeline } from "~/engine/applications.server";
import { parseDecision } from "~/engine/review-form";
import { ComparisonTable } from "~/components/staff/comparison-table";
import { DecisionForm } from "~/components/staff/decision-form";
import { RevokeForm } from "~/components/staff/revoke-form";
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

export async function action({ request, params }: ActionFunctionArgs) {
  const staff = await requireStaff(request);
  const app = (await staffApplication(staff, params.ref ?? "")) ?? notFound();
  const form = await readForm(request);
  const echo = { note: String(form.get("note") ?? ""), fix: form.getAll("fix").map(String) };
  const parsed = parseDecision(form, app.service, app.answers);
  if (!parsed.ok) return data({ errors: parsed.errors, formError: null, ...echo }, { status: 400 });
  const { decision } = parsed;
  try {
    if (decision.action === "revoke") await revokeCertificate(staff, app, decision.note, request);
    else await reviewApplication(staff, app, decision, request);
  } catch (error) {
    if (error instanceof DomainError) return data({ errors: null, formError: error.messageKey, ...echo }, { status: error.status });
    throw error;
  }
  return redirect(`/staff/applications/${app.ref}?done=${decision.action}`);
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
        <ComparisonTable comparison={page.comparison} />
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
            <DecisionForm sections={page.sections} materialDefs={page.materialDefs} errors={errors} note={result?.note ?? ""} chosen={chosen} />
          ) : page.canRevoke ? (
            <RevokeForm errors={errors} />
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
