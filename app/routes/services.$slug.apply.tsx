import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { findOrCreateDraft } from "~/engine/applications.server";
import { notFound } from "~/engine/errors";
import { requireFiler } from "~/engine/guards.server";
import { findService } from "~/services/registry";
import { readForm } from "~/utils/forms.server";

/** Starting (or resuming) an application: the draft is found or created, then the journey decides the step. */
async function start(request: Request, slug: string | undefined) {
  const actor = await requireFiler(request);
  // Staff file for a resident from the service hall, under a recorded authority.
  if (actor.kind !== "citizen") throw redirect("/staff/proxy");
  const service = findService(slug ?? "") ?? notFound();
  const id = await findOrCreateDraft(actor, service);
  return redirect(`/apply/${id}`);
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  // A GET (for example after signing in) resumes as well; only the start page links here by POST.
  return start(request, params.slug);
}

export async function action({ request, params }: ActionFunctionArgs) {
  await readForm(request);
  return start(request, params.slug);
}
