import type { LoaderFunctionArgs } from "@remix-run/node";
import { notFound } from "~/engine/errors";
import { requireOfficeCase } from "~/engine/guards.server";
import { materialOf, readMaterial } from "~/engine/materials.server";
import { audit } from "~/utils/audit.server";

/** Staff open an uploaded material of a case in their jurisdiction; each view is audited. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { app, actor: staff } = await requireOfficeCase(request, params.ref);
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
