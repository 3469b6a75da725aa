import { redirect, type LoaderFunctionArgs } from "@remix-run/node";
import { requireDraft } from "~/engine/guards.server";
import { firstIncomplete } from "~/engine/journey";

/** Resuming a draft lands on the first step that still needs an answer. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { app, ctx } = await requireDraft(request, params.id);
  return redirect(`/apply/${app.id}/${firstIncomplete(app.service, ctx)}`);
}
