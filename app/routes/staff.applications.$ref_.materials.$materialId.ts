import type { LoaderFunctionArgs } from "@remix-run/node";
import { staffApplication } from "~/engine/applications.server";
import { notFound } from "~/engine/errors";
import { materialOf, readMaterial } from "~/engine/materials.server";
import { audit } from "~/utils/audit.server";
import { requireStaff } from "~/utils/auth.server";

/** Staff open an uploaded material of a case in their jurisdiction; each view is audited. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const staff = await requireStaff(request);
  const app = (await staffApplication(staff, params.ref ?? "")) ?? notFound();
  const material = (await materialOf(app.id, params.materialId ?? "")) ?? notFound();
  const bytes = await readMaterial(material.storageKey);
  await audit({ actorId: staff.id, actorRole: staff.role, action: "material.view", subjectType: "application", subjectId: app.id, request, detail: { material: material.materialKey } });
  return new Response(new Uint8Array(bytes), {
    headers: {
      "Content-Type": material.mimeType,
      "Content-Disposition": `inline; filename*=UTF-8''${encodeURIComponent(material.fileName)}`,
      "Cache-Control": "private, no-store",
      "Content-Security-Policy": "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox",
    },
  });
}
