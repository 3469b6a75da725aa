import type { LoaderFunctionArgs } from "@remix-run/node";
import { certificatePdf } from "~/engine/certificate-document.server";
import { requireOfficeCase } from "~/engine/guards.server";
import { detectLanguage } from "~/i18n/detect.server";
import { audit } from "~/utils/audit.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { app, actor } = await requireOfficeCase(request, params.ref);
  const response = await certificatePdf(app, detectLanguage(request), request);
  await audit({ actorId: actor.id, actorRole: actor.role, action: "certificate.download", subjectType: "application", subjectId: app.id, request });
  return response;
}
