import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { BackLink, Notice, PageTitle } from "~/components/page";
import { StatusTag, Timeline } from "~/components/status";
import { caseFacts, certificateOf, filerRole, timeline, withdrawApplication } from "~/engine/applications.server";
import { requireOwnCase } from "~/engine/guards.server";
import { may } from "~/engine/permissions";
import { formatCode } from "~/engine/certificates.server";
import { CsrfInput } from "~/components/csrf";
import { DomainError } from "~/engine/errors";
import { detectLanguage } from "~/i18n/detect.server";
import { formatDate, formatDateTime } from "~/lib/dates";
import { readForm } from "~/utils/forms.server";
import { titled } from "~/utils/meta";

export const meta = titled("titles.status");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { app, actor } = await requireOwnCase(request, { ref: params.ref ?? "" });
  const lng = detectLanguage(request);
  const events = await timeline(app.id);
  const certificate = app.status === "approved" ? await certificateOf(app.id) : null;
  const facts = await caseFacts(app);
  return {
    id: app.id,
    ref: app.ref!,
    titleKey: app.service.titleKey,
    status: app.status,
    submitted: formatDate(app.submittedAt, lng),
    due: formatDate(app.dueAt, lng),
    decided: formatDate(app.decidedAt, lng),
    justSubmitted: new URL(request.url).searchParams.get("submitted") === "1",
    // Citizens see the office's role, not the name of the person who acted.
    timeline: events.map((event) => ({ id: event.id, at: event.at, atText: formatDateTime(event.at, lng), type: event.type, whoKey: `roles.${event.actorRole}`, note: event.note })),
    correctionNote: app.status === "returned" ? (app.correction?.note ?? null) : null,
    certificateCode: certificate ? formatCode(certificate.code) : null,
    certificateRevoked: app.status === "approved" && !certificate,
    canWithdraw: may(actor, "withdraw", facts).ok,
    canCorrect: may(actor, "correct", facts).ok,
    // A case filed for this resident by someone else says so.
    filedOnBehalfBy: app.filerId !== actor.id ? `roles.${(await filerRole(app.filerId)) ?? "citizen"}` : null,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { app, actor } = await requireOwnCase(request, { ref: params.ref ?? "" });
  const form = await readForm(request);
  if (form.get("intent") !== "withdraw") throw new Response("Bad intent", { status: 400 });
  try {
    await withdrawApplication(actor, app, request);
  } catch (error) {
    // Decided meanwhile: the page shows the decision.
    if (!(error instanceof DomainError)) throw error;
  }
  return redirect(`/applications/${app.ref}`);
}

export default function ApplicationStatus() {
  const { t } = useTranslation();
  const app = useLoaderData<typeof loader>();
  return (
    <div className="max-w-3xl">
      <BackLink to="/applications">{t("nav.myApplications")}</BackLink>
      {app.justSubmitted ? (
        <div role="status" className="mb-6 rounded-lg bg-green-800 p-6 text-center text-white">
          <h1 className="text-2xl font-bold">{app.status === "approved" ? t("confirmation.approvedTitle") : t("confirmation.submittedTitle")}</h1>
          <p className="mt-3">{t("confirmation.refLabel")}</p>
          <p className="mt-1 font-mono text-2xl font-bold tracking-wider" data-testid="reference">
            {app.ref}
          </p>
        </div>
      ) : (
        <PageTitle caption={t(app.titleKey)}>{t("status.pageTitle", { ref: app.ref })}</PageTitle>
      )}
      <section className="card mb-6">
        <dl className="grid gap-3 sm:grid-cols-2">
          <div>
            <dt className="text-sm text-slate-700">{t("status.label")}</dt>
            <dd className="mt-1" data-testid="status">
              <StatusTag status={app.status} />
            </dd>
          </div>
          <div>
            <dt className="text-sm text-slate-700">{t("status.ref")}</dt>
            <dd className="mt-1 font-mono">{app.ref}</dd>
          </div>
          <div>
            <dt className="text-sm text-slate-700">{t("status.submitted")}</dt>
            <dd className="mt-1">{app.submitted}</dd>
          </div>
          <div>
            <dt className="text-sm text-slate-700">{app.decided ? t("status.decided") : t("status.due")}</dt>
            <dd className="mt-1">{app.decided || app.due}</dd>
          </div>
        </dl>
      </section>
      {app.filedOnBehalfBy ? <Notice>{t("status.filedOnBehalf", { role: t(app.filedOnBehalfBy) })}</Notice> : null}
      {app.status === "in_review" || app.status === "notice" ? <Notice>{t("status.inReviewExplained", { date: app.due })}</Notice> : null}
      {app.status === "returned" ? (
        <Notice tone="warning" role="alert">
          <h2 className="font-bold">{t("status.returnedTitle")}</h2>
          {app.correctionNote ? <p className="mt-2 whitespace-pre-wrap">{app.correctionNote}</p> : null}
          {app.canCorrect ? (
            <p className="mt-3">
              <Link to={`/apply/${app.id}/correct`} className="btn-primary">
                {t("status.correctNow")}
              </Link>
            </p>
          ) : null}
        </Notice>
      ) : null}
      {app.certificateCode ? (
        <Notice tone="success">
          <h2 className="font-bold">{t("status.certificateTitle")}</h2>
          <p className="mt-2">{t("status.certificateBody", { code: app.certificateCode })}</p>
          <p className="mt-3">
            <a href={`/applications/${app.ref}/certificate.pdf`} className="btn-primary" download>
              {t("status.downloadCertificate")}
            </a>
          </p>
        </Notice>
      ) : null}
      {app.certificateRevoked ? (
        <Notice tone="warning">
          <h2 className="font-bold">{t("status.certificateRevoked")}</h2>
        </Notice>
      ) : null}
      <section className="card">
        <h2 className="mb-4 text-lg font-bold">{t("status.timeline")}</h2>
        <Timeline entries={app.timeline.map((entry) => ({ ...entry, who: t(entry.whoKey) }))} />
      </section>
      {app.canWithdraw ? (
        <details className="card mt-6">
          <summary className="cursor-pointer font-semibold">{t("status.withdrawTitle")}</summary>
          <p className="mt-3">{t("status.withdrawExplain")}</p>
          <Form method="post" className="mt-3">
            <CsrfInput />
            <button type="submit" name="intent" value="withdraw" className="btn-danger">
              {t("status.withdrawSubmit")}
            </button>
          </Form>
        </details>
      ) : null}
    </div>
  );
}
