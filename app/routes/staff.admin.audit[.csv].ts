import type { LoaderFunctionArgs } from "@remix-run/node";
import { audit, auditCsv, parseAuditFilter } from "~/utils/audit.server";
import { requireStaff } from "~/utils/auth.server";

/** The audit viewer's entries as CSV, with the same filters; each export is itself audited. */
export async function loader({ request }: LoaderFunctionArgs) {
  const staff = await requireStaff(request, ["county_admin"]);
  const { filter, errors } = parseAuditFilter(new URL(request.url).searchParams);
  if (Object.keys(errors).length) throw new Response("Bad filter", { status: 400 });
  await audit({ actorId: staff.id, actorRole: staff.role, action: "audit.export", request, detail: { action: filter.action ?? null, actor: filter.actor ?? null } });
  const day = new Date().toISOString().slice(0, 10);
  return new Response(await auditCsv(filter), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="audit-${day}.csv"`,
      "Cache-Control": "no-store",
    },
  });
}
