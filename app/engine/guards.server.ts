import { redirect } from "@remix-run/node";
import { getUser, requireStaff } from "~/utils/auth.server";
import { actorOf, applicantSideCase, assertMay, journeyContext, officeCase, type CaseActor, type LoadedApplication } from "./applications.server";
import { DomainError, notFound } from "./errors";
import type { JourneyContext } from "./journey";
import type { CaseAction } from "./permissions";
import { hasCapability, roleDefinition, type Capability } from "./roles";

/**
 * Guards that throw first thing in loaders and actions. A case is loaded through a query
 * that already carries who may see it; the permission module then decides the action.
 */

function signInUrl(request: Request, staff: boolean) {
  const url = new URL(request.url);
  return `${staff ? "/staff/login" : "/login"}?redirectTo=${encodeURIComponent(url.pathname + url.search)}`;
}

/**
 * Someone who may file and follow cases: a resident for themselves, or staff who file for
 * residents (window clerks, village agents) under a recorded authority.
 */
export async function requireFiler(request: Request): Promise<CaseActor> {
  const user = await getUser(request);
  if (!user) throw redirect(signInUrl(request, false));
  const role = roleDefinition(user.role);
  if (role?.kind === "citizen") return actorOf(user);
  // Staff pass the staff checks too (idle sessions, two-factor set-up) before acting for a resident.
  if (role?.kind === "staff" && hasCapability(user.role, "file_for_residents")) return actorOf(await requireStaff(request));
  throw redirect(signInUrl(request, false));
}

/** Staff of the office side (any staff role); what they may do to a case is asked per action. */
export async function requireOfficeActor(request: Request): Promise<CaseActor> {
  const user = await requireStaff(request);
  if (roleDefinition(user.role)?.kind !== "staff") throw redirect(signInUrl(request, true));
  return actorOf(user);
}

/** Staff whose role has every one of these capabilities (payment rolls, administration); others get 403. */
export async function requireCapability(request: Request, ...capabilities: Capability[]): Promise<CaseActor> {
  const actor = await requireOfficeActor(request);
  if (!capabilities.every((capability) => hasCapability(actor.role, capability))) throw new Response("Forbidden", { status: 403 });
  return actor;
}

/** Throws the response a refused action deserves: 404 for what the actor may not know exists, else the domain error. */
export async function requireAction(actor: CaseActor, action: CaseAction, app: LoadedApplication): Promise<void> {
  try {
    await assertMay(actor, action, app);
  } catch (error) {
    if (error instanceof DomainError && error.code === "not_found") notFound();
    throw error;
  }
}

/** A draft the actor files: its own, or 404. A case that is no longer a draft is shown where it now belongs. */
export async function requireDraft(request: Request, id: string | undefined): Promise<{ app: LoadedApplication; ctx: JourneyContext; actor: CaseActor }> {
  const actor = await requireFiler(request);
  const app = (await applicantSideCase(actor, { id: id ?? "" })) ?? notFound();
  if (app.status === "returned") throw redirect(`/apply/${app.id}/correct`);
  if (app.status !== "draft") throw redirect(`/applications/${app.ref}`);
  await requireAction(actor, "edit_draft", app);
  return { app, actor, ctx: await journeyContext(app) };
}

/** A submitted case on the applicant's side (its resident, or whoever files for them). */
export async function requireOwnCase(request: Request, where: { id: string } | { ref: string }): Promise<{ app: LoadedApplication; actor: CaseActor }> {
  const actor = await requireFiler(request);
  const app = (await applicantSideCase(actor, where)) ?? notFound();
  await requireAction(actor, "view_own", app);
  return { app, actor };
}

/** A case of the staff member's jurisdiction, or 404. */
export async function requireOfficeCase(request: Request, ref: string | undefined): Promise<{ app: LoadedApplication; actor: CaseActor }> {
  const actor = await requireOfficeActor(request);
  const app = (await officeCase(actor, ref ?? "")) ?? notFound();
  await requireAction(actor, "view", app);
  return { app, actor };
}
