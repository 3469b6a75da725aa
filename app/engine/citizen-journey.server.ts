import { redirect } from "@remix-run/node";
import { requireCitizen } from "~/utils/auth.server";
import { citizenApplication, journeyContext, type LoadedApplication } from "./applications.server";
import { notFound } from "./errors";
import type { JourneyContext } from "./journey";

/**
 * Guard for every step of a draft: the signed-in citizen's own draft, or 404. A case that
 * is no longer a draft is shown on its status page instead.
 */
export async function requireDraft(request: Request, id: string | undefined): Promise<{ app: LoadedApplication; ctx: JourneyContext; user: Awaited<ReturnType<typeof requireCitizen>> }> {
  const user = await requireCitizen(request);
  const app = (await citizenApplication(user, { id: id ?? "" })) ?? notFound();
  if (app.status === "returned") throw redirect(`/apply/${app.id}/correct`);
  if (app.status !== "draft") throw redirect(`/applications/${app.ref}`);
  return { app, user, ctx: await journeyContext(app) };
}
