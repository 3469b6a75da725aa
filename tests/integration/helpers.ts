// Requests for calling route loaders and actions directly, against the real test database
// prepared by global-setup.ts (migrated and seeded).
import { expect } from "vitest";
import type { Answers, ServiceDefinition } from "~/engine/define-service";
import * as step from "~/routes/apply.$id.$step";
import * as review from "~/routes/apply.$id.review";
import * as applyStart from "~/routes/services.$slug.apply";
import { csrfToken } from "~/utils/forms.server";
import { db } from "~/utils/db.server";
import { startSession } from "~/utils/session.server";

const ORIGIN = "http://localhost:3000";
const CSRF_COOKIE = "portal_csrf=integration-test-browser";

export type Session = { cookie: string };

export async function sessionFor(where: { username: string } | { phoneHash: string }): Promise<Session & { userId: string }> {
  const user = await db.user.findFirstOrThrow({ where, select: { id: true } });
  const setCookie = await startSession(user.id);
  return { cookie: setCookie.split(";")[0], userId: user.id };
}

function cookieHeader(session?: Session) {
  return [CSRF_COOKIE, session?.cookie].filter(Boolean).join("; ");
}

export function getRequest(path: string, session?: Session): Request {
  return new Request(`${ORIGIN}${path}`, { headers: { Cookie: cookieHeader(session), "Accept-Language": "zh-CN" } });
}

/** A form POST as a browser sends it, with the CSRF token unless told otherwise. */
export function postRequest(path: string, fields: Record<string, string | File | string[]>, session?: Session, options: { csrf?: boolean } = {}): Request {
  const headers = { Cookie: cookieHeader(session), "Accept-Language": "zh-CN" };
  const form = new FormData();
  if (options.csrf !== false) form.set("csrf", csrfToken(new Request(ORIGIN, { headers })));
  for (const [name, value] of Object.entries(fields)) {
    if (Array.isArray(value)) for (const item of value) form.append(name, item);
    else form.set(name, value);
  }
  return new Request(`${ORIGIN}${path}`, { method: "POST", body: form, headers });
}

/** Flattens step answers into form fields (`children[0].sex` style names). */
export function formFields(values: unknown, prefix = ""): Record<string, string> {
  const out: Record<string, string> = {};
  if (Array.isArray(values)) values.forEach((item, index) => Object.assign(out, formFields(item, `${prefix}[${index}]`)));
  else if (values && typeof values === "object") {
    for (const [key, value] of Object.entries(values)) Object.assign(out, formFields(value, prefix ? `${prefix}.${key}` : key));
  } else if (values !== undefined) out[prefix] = String(values);
  return out;
}

export const tinyPng = () =>
  new File([Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==", "base64")], "scan.png", { type: "image/png" });

/** Runs a loader or action and returns the Response, whether it was returned or thrown. */
export async function settle(run: () => Promise<unknown>): Promise<Response | { data: unknown; init: ResponseInit | null }> {
  try {
    const value = await run();
    if (value instanceof Response) return value;
    if (value && typeof value === "object" && "type" in value && (value as { type: string }).type === "DataWithResponseInit") {
      return value as unknown as { data: unknown; init: ResponseInit | null };
    }
    return { data: value, init: null };
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  }
}

export function statusOf(result: Awaited<ReturnType<typeof settle>>): number {
  return result instanceof Response ? result.status : (result.init?.status ?? 200);
}

export function locationOf(result: Awaited<ReturnType<typeof settle>>): string | null {
  return result instanceof Response ? result.headers.get("Location") : null;
}

const MATERIALS = ["womanIdCard", "manIdCard", "womanHukou", "manHukou", "marriageCert"];

/** Fills every step of a fresh birth-registration draft through the real route actions; returns the draft id. */
export async function draftToReview(session: Session & { userId: string }, answers: Record<string, unknown>) {
  // Any draft this account left in an earlier test would be resumed; start from a fresh one.
  await db.application.deleteMany({ where: { status: "draft", filerId: session.userId } });
  const started = await settle(() => applyStart.action({ request: postRequest("/services/birth-registration/apply", {}, session), params: { slug: "birth-registration" }, context: {} }));
  const id = locationOf(started)!.split("/")[2];
  for (const stepId of ["woman", "man", "marriage", "children", "childrenDetails", "application"]) {
    const result = await settle(() => step.action({ request: postRequest(`/apply/${id}/${stepId}`, formFields(answers[stepId]), session), params: { id, step: stepId }, context: {} }));
    expect(statusOf(result), `step ${stepId}`).toBe(302);
  }
  const files = Object.fromEntries(MATERIALS.map((key) => [key, tinyPng()]));
  const uploaded = await settle(() => step.action({ request: postRequest(`/apply/${id}/materials`, files, session), params: { id, step: "materials" }, context: {} }));
  expect(locationOf(uploaded)).toBe(`/apply/${id}/review`);
  return id;
}

/** Fills every applicable step and the required materials of a fresh draft of any service through the real route actions; returns the draft id. */
export async function serviceDraftToReview(session: Session & { userId: string }, service: ServiceDefinition, answers: Answers) {
  await db.application.deleteMany({ where: { status: "draft", filerId: session.userId } });
  const started = await settle(() => applyStart.action({ request: postRequest(`/services/${service.slug}/apply`, {}, session), params: { slug: service.slug }, context: {} }));
  const id = locationOf(started)!.split("/")[2];
  for (const { id: stepId } of service.steps.filter((candidate) => !candidate.when || candidate.when(answers))) {
    const result = await settle(() => step.action({ request: postRequest(`/apply/${id}/${stepId}`, formFields(answers[stepId]), session), params: { id, step: stepId }, context: {} }));
    expect(statusOf(result), `step ${stepId}`).toBe(302);
  }
  const files = Object.fromEntries(service.materials.filter((material) => material.required(answers)).map((material) => [material.key, tinyPng()]));
  const uploaded = await settle(() => step.action({ request: postRequest(`/apply/${id}/materials`, files, session), params: { id, step: "materials" }, context: {} }));
  expect(locationOf(uploaded)).toBe(`/apply/${id}/review`);
  return id;
}

/** Submits a draft from its check-your-answers page; returns the route's answer. */
export async function submitDraft(session: Session, id: string) {
  return settle(() => review.action({ request: postRequest(`/apply/${id}/review`, { declaration: "yes" }, session), params: { id }, context: {} }));
}

/** Files a complete application through the real route actions; returns its reference. */
export async function fileApplication(session: Session & { userId: string }, answers: Record<string, unknown>) {
  const id = await draftToReview(session, answers);
  const location = locationOf(await submitDraft(session, id))!;
  expect(location).toMatch(/^\/applications\/WL-SY-\d{4}-\d{6}\?submitted=1$/);
  return { id, ref: location.split("/")[2].split("?")[0] };
}
