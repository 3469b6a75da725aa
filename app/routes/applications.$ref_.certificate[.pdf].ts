import type { LoaderFunctionArgs } from "@remix-run/node";
import { certificatePdf } from "~/engine/certificate-document.server";
import { requireAction, requireOwnCase } from "~/engine/guards.server";
import { detectLanguage } from "~/i18n/detect.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { app, actor } = await requireOwnCase(request, { ref: params.ref ?? "" });
  await requireAction(actor, "download_output", app);
  return certificatePdf(app, detectLanguage(request), request);
}
