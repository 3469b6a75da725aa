import { databaseReachable } from "~/utils/db.server";

export async function loader() {
  const ok = await databaseReachable();
  return Response.json(ok ? { status: "ok", database: "ok" } : { status: "error", database: "unreachable" }, { status: ok ? 200 : 503, headers: { "Cache-Control": "no-store" } });
}
