import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ErrorSummary } from "~/components/error-summary";
import { BackLink, Notice, PageTitle } from "~/components/page";
import { StatusTag, Timeline } from "~/components/status";
import { ComparisonTable } from "~/components/staff/comparison-table";
import { DecisionForm } from "~/components/staff/decision-form";
import { Awards, Objections } from "~/components/staff/objections";
import { RevealButton } from "~/components/staff/reveal-button";
import { CloseForm, RevokeForm } from "~/components/staff/revoke-form";
import { caseFacts, certificateOf, closeApplication, endLapsedNotices, relatedCases, revokeCertificate, reviewApplication, timeline } from "~/engine/applications.server";
import { formatCode } from "~/engine/certificates.server";
import { DomainError } from "~/engine/errors";
import { requireOfficeCase } from "~/engine/guards.server";
import type { PersonalKind } from "~/engine/define-service";
import { applicableSteps } from "~/engine/journey";
import { MASKED, maskValue } from "~/engine/masking";
import { allowedActions } from "~/engine/permissions";
import { answerSections } from "~/engine/presenters.server";
import { awardsOfCase, presentAward } from "~/engine/awards.server";
import { OBJECTION_OUTCOMES, objectionsOf, resolveObjection, type ObjectionOutcome } from "~/engine/notices.server";
import { revealValue } from "~/engine/reveal.server";
import { parseDecision } from "~/engine/review-form";
import { detectLanguage } from "~/i18n/detect.server";
import { serverT } from "~/i18n/resources.server";
import { formatDate, formatDateTime } from "~/lib/dates";
import { findService } from "~/services/registry";
import { audit } from "~/utils/audit.server";
import { readForm } from "~/utils/forms.server";
import { jurisdictions, localName } from "~/utils/jurisdictions.server";
import { titled } from "~/utils/meta";

export const meta = titled("titles.case");

const DECISIONS = ["approve", "return", "reject", "close", "revoke", "resolve_objection", "reveal_personal", "reveal_bank"] as const;

export async function loader({ request, params }: LoaderFunctionArgs) {
  await endLapsedNotices();
  // The jurisdiction is in the query: a case outside it is simply not found.
  const { app, actor } = await requireOfficeCase(request, params.ref);
  const lng = detectLanguage(request);
  const t = serverT(lng);
  const steps = applicableSteps(app.service, app.answers);
  // Personal values arrive masked; revealing one is an explicit, audited action.
  const sections = await answerSections(app.answers, lng, t, steps, MASKED);
  const events = await timeline(app.id);
  const index = await jurisdictions();
  const facts = await caseFacts(app);
  const stage = app.service.workflow.stages[app.stageIndex];
  const certificate = app.status === "approved" ? await certificateOf(app.id) : null;
  const related = await relatedCases(app, actor.jurisdictionPath!);
  const objections = await objectionsOf(app);
  const awards = (await awardsOfCase(app.id)).map(presentAward);
  await audit({ actorId: actor.id, actorRole: actor.role, action: "application.view", subjectType: "application", subjectId: app.id, request });
  const labels = new Map<string, string>(sections.flatMap((section) => section.rows.map((row) => [`${row.stepId}.${row.field}`, t(row.labelKey, row.labelValues)] as const)));
  const personal = new Map<string, PersonalKind>(sections.flatMap((section) => section.rows.flatMap((row) => (row.personal ? [[`${row.stepId}.${row.field}`, row.personal] as const] : []))));
  // Values in the history are masked like the answers they came from.
  const shown = (key: string, value: unknown) => {
    const kind = personal.get(key);
    const text = String(value ?? "");
    return kind ? maskValue(kind, text) : text;
  };
  const open = app.status === "in_review" || app.status === "notice";
  return {
    ref: app.ref!,
    titleKey: app.service.titleKey,
    status: app.status,
    applicant: app.applicantNameMasked ?? "",
    place: localName(index.byCode.get(app.jurisdictionPath?.split("/").filter(Boolean).at(-1) ?? ""), lng),
    submitted: formatDateTime(app.submittedAt, lng),
    due: formatDate(app.dueAt, lng),
    stage: open && stage ? { id: stage.id, due: formatDate(app.stageDueAt, lng), overdue: !!app.stageDueAt && app.stageDueAt.getTime() < Date.now() } : null,
    actions: allowedActions(actor, facts, DECISIONS),
    objectionsOpen: facts.openObjections,
    levelRole: stage?.kind === "review" ? stage.role : null,
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
      subjects: app.comparison.subjects.map((subject) => ({
        ...subject,
        fields: subject.fields.map((field) => {
          // Township codes are shown by name, in the reviewer's language; names masked like the answers.
          if (field.key === "hukouTownship") return { ...field, declared: localName(index.byCode.get(String(field.declared)), lng) || field.declared, recorded: localName(index.byCode.get(String(field.recorded)), lng) || field.recorded };
          if (field.key === "name") return { ...field, declared: field.declared && maskValue("name", String(field.declared)), recorded: field.recorded && maskValue("name", String(field.recorded)) };
          return field;
        }),
      })),
    },
    related: related.map((row) => ({ ref: row.ref!, titleKey: findService(row.serviceSlug)?.titleKey ?? row.serviceSlug, status: row.status, submitted: formatDate(row.submittedAt, lng) })),
    timeline: events.map((event) => ({
      id: event.id,
      at: event.at,
      atText: formatDateTime(event.at, lng),
      type: event.type,
      who: event.actorName ? t("common:actorWithRole", { name: event.actorName, role: t(`common:roles.${event.actorRole}`) }) : t(`common:roles.${event.actorRole}`),
      note: event.note,
      changed: (event.detail?.changed ?? []).map((change) => {
        const key = `${change.stepId}.${change.field}`;
        return { label: labels.get(key) ?? change.field, before: shown(key, change.before), after: shown(key, change.after) };
      }),
      asked: (event.detail?.correction?.fields ?? []).map((field) => ({ label: labels.get(`${field.stepId}.${field.field}`) ?? field.field, note: field.note })),
    })),
    certificateCode: certificate ? formatCode(certificate.code) : null,
    objections: objections.map((objection) => ({ ...objection, at: formatDateTime(objection.at, lng), resolvedAt: formatDateTime(objection.resolvedAt, lng) })),
    awards,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { app, actor } = await requireOfficeCase(request, params.ref);
  const form = await readForm(request);
  const echo = { note: String(form.get("note") ?? ""), fix: form.getAll("fix").map(String) };
  if (form.get("intent") === "resolve_objection") {
    const outcome = String(form.get("outcome") ?? "");
    const note = String(form.get("note") ?? "").trim().slice(0, 500);
    const errors: Record<string, string[]> = {};
    if (!OBJECTION_OUTCOMES.includes(outcome as ObjectionOutcome)) errors.outcome = ["common:errors.choose"];
    if (!note) errors.objectionNote = ["common:errors.noteRequired_objection"];
    if (Object.keys(errors).length > 0) return data({ errors, formError: null, ...echo, revealed: null }, { status: 400 });
    try {
      await resolveObjection(actor, app, String(form.get("objection") ?? ""), outcome as ObjectionOutcome, note, request);
    } catch (error) {
      if (error instanceof DomainError) return data({ errors: null, formError: error.messageKey, ...echo, revealed: null }, { status: error.status });
      throw error;
    }
    return redirect(`/staff/applications/${app.ref}?done=resolve_objection`);
  }
  if (form.get("intent") === "reveal") {
    const revealed = await revealValue(actor, app, String(form.get("field") ?? ""), request);
    if (!revealed) throw new Response("Forbidden", { status: 403 });
    return data({ errors: null, formError: null, ...echo, revealed });
  }
  const parsed = parseDecision(form, app.service, app.answers);
  if (!parsed.ok) return data({ errors: parsed.errors, formError: null, ...echo, revealed: null }, { status: 400 });
  const { decision } = parsed;
  try {
    if (decision.action === "revoke") await revokeCertificate(actor, app, decision.note, request);
    else if (decision.action === "close") await closeApplication(actor, app, decision.note, request);
    else await reviewApplication(actor, app, decision, request);
  } catch (error) {
    if (error instanceof DomainError) return data({ errors: null, formError: error.messageKey, ...echo, revealed: null }, { status: error.status });
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
  const revealed = (result?.revealed ?? {}) as Record<string, string>;
  const canReveal = (kind: string | undefined) => page.actions.includes(kind === "bankAccount" ? "reveal_bank" : "reveal_personal");
  const decisions = page.actions.filter((action): action is "approve" | "return" | "reject" => action === "approve" || action === "return" || action === "reject");
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
        {page.stage ? (
          <p className="mt-4" data-testid="stage">
            {t("review.currentStage", { stage: t(`stages.${page.stage.id}`), date: page.stage.due })}
            {page.stage.overdue ? <strong className="ml-2 text-seal-600">{t("queue.overdue")}</strong> : null}
          </p>
        ) : null}
        {page.certificateCode ? (
          <p className="mt-4">
            <a href={`/staff/applications/${page.ref}/certificate.pdf`}>{t("status.downloadCertificate")}</a> · {t("certificateCode", { code: page.certificateCode })}
          </p>
        ) : null}
      </section>

      {page.comparison ? <ComparisonTable comparison={page.comparison} /> : null}

      <div className="grid gap-6 lg:grid-cols-3">
        <div className="lg:col-span-2">
          {page.sections.map((section) => (
            <section key={section.stepId} className="card mb-4">
              <h2 className="mb-3 text-lg font-bold">{t(section.titleKey)}</h2>
              <dl className="divide-y divide-slate-200">
                {section.rows.map((row) => {
                  const key = `${row.stepId}.${row.field}`;
                  return (
                    <div key={row.field} className="grid gap-1 py-2 sm:grid-cols-3">
                      <dt className="font-semibold text-slate-700">{t(row.labelKey, row.labelValues)}</dt>
                      <dd className="flex flex-wrap items-center gap-3 sm:col-span-2">
                        <span data-testid={row.masked ? "masked-value" : undefined}>{revealed[key] ?? (row.value || "—")}</span>
                        {row.masked && !revealed[key] && canReveal(row.personal) ? <RevealButton field={key} label={t(row.labelKey, row.labelValues)} /> : null}
                      </dd>
                    </div>
                  );
                })}
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
          {page.related.length > 0 ? (
            <section className="card mb-4" aria-labelledby="related-title">
              <h2 id="related-title" className="mb-3 text-lg font-bold">
                {t("review.relatedTitle")}
              </h2>
              <ul className="divide-y divide-slate-200" data-testid="related-cases">
                {page.related.map((row) => (
                  <li key={row.ref} className="flex flex-wrap items-center gap-3 py-2">
                    <Link to={`/staff/applications/${row.ref}`} className="font-mono">
                      {row.ref}
                    </Link>
                    <span>{t(row.titleKey)}</span>
                    <StatusTag status={row.status} />
                    <span className="text-sm text-slate-600">{row.submitted}</span>
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
        </div>
        <div>
          {page.objectionsOpen > 0 ? (
            <Notice tone="warning">{t("review.objectionsOpen", { count: page.objectionsOpen })}</Notice>
          ) : null}
          {page.objections.length > 0 ? <Objections objections={page.objections} canResolve={page.actions.includes("resolve_objection")} errors={errors} /> : null}
          {page.awards.length > 0 ? <Awards awards={page.awards} /> : null}
          {decisions.length > 0 ? (
            <DecisionForm actions={decisions} sections={page.sections} materialDefs={page.materialDefs} errors={errors} note={result?.note ?? ""} chosen={chosen} />
          ) : page.actions.includes("close") ? (
            <CloseForm errors={errors} />
          ) : page.actions.includes("revoke") ? (
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
