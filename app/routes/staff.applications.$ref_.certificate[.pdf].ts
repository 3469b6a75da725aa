import type { LoaderFunctionArgs } from "@remix-run/node";
import { staffApplication } from "~/engine/applications.server";
import { certificatePdf } from "~/engine/certificate-document.server";
import { notFound } from "~/engine/errors";
import { detectLanguage } from "~/i18n/detect.server";
import { requireStaff } from "~/utils/auth.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const staff = await requireStaff(request);
  const app = (await staffApplication(staff, params.ref ?? "")) ?? notFound();
  return certificatePdf(app, detectLanguage(request), request);
}
