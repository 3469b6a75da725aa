import type { LoaderFunctionArgs } from "@remix-run/node";
import { citizenApplication } from "~/engine/applications.server";
import { certificatePdf } from "~/engine/certificate-document.server";
import { notFound } from "~/engine/errors";
import { detectLanguage } from "~/i18n/detect.server";
import { requireCitizen } from "~/utils/auth.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireCitizen(request);
  const app = (await citizenApplication(user, { ref: params.ref ?? "" })) ?? notFound();
  return certificatePdf(app, detectLanguage(request), request);
}
