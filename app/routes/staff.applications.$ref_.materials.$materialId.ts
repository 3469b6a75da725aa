import type { LoaderFunctionArgs } from "@remix-run/node";
import { fileTypeFromBuffer } from "file-type";
import { notFound } from "~/engine/errors";
import { requireOfficeCase } from "~/engine/guards.server";
import { materialOf, readMaterial } from "~/engine/materials.server";
import { audit } from "~/utils/audit.server";

const SERVED_TYPES = new Map([
  ["image/jpeg", "jpg"],
  ["image/png", "png"],
  ["application/pdf", "pdf"],
]);

/**
 * Staff download an uploaded material of a case in their jurisdiction; each download is
 * audited. Always as an attachment, with the type checked again from the bytes (anything
 * else is served as opaque bytes) and nosniff, so an upload never renders as a page of
 * the portal.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { app, actor: staff } = await requireOfficeCase(request, params.ref);
  const material = (await materialOf(app.id, params.materialId ?? "")) ?? notFound();
  const bytes = await readMaterial(material.storageKey);
  const detected = (await fileTypeFromBuffer(bytes))?.mime;
  const type = detected && detected === material.mimeType && SERVED_TYPES.has(detected) ? detected : "application/octet-stream";
  await audit({ actorId: staff.id, actorRole: staff.role, action: "material.view", subjectType: "application", subjectId: app.id, request, detail: { material: material.materialKey } });
  const fallbackName = `${material.materialKey}.${SERVED_TYPES.get(type) ?? "bin"}`.replace(/[^A-Za-z0-9._-]/g, "_");
  return new Response(new Uint8Array(bytes), {
    headers: {
      "Content-Type": type,
      "Content-Disposition": `attachment; filename="${fallbackName}"; filename*=UTF-8''${encodeURIComponent(material.fileName)}`,
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "private, no-store",
      "Content-Security-Policy": "default-src 'none'; sandbox",
    },
  });
}
