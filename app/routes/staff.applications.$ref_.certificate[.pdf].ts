import type { LoaderFunctionArgs } from "@remix-run/node";
import { staffApplication } from "~/engine/applications.server";
import { certificatePdf } from "~/engine/certificate-document.server";
import { notFound } from "~/engine/errors";
import { detectLanguage } from "~/i18n/detect.server";
import { audit } from "~/utils/audit.server";
import { requireStaff } from "~/utils/auth.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const staff = await requireStaff(request);
  const app = (await staffApplication(staff, params.ref ?? "")) ?? notFound();
  const response = await certificatePdf(app, detectLanguage(request), request);
  await audit({ actorId: staff.id, actorRole: staff.role, action: "certificate.download", subjectType: "application", subjectId: app.id, request });
  return response;
}
