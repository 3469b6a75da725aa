import type { LoaderFunctionArgs } from "@remix-run/node";
import { notFound } from "~/engine/errors";
import { requireCapability } from "~/engine/guards.server";
import { rollCsv } from "~/engine/roll-export.server";
import { loadRoll } from "~/engine/rolls.server";
import { detectLanguage } from "~/i18n/detect.server";

/** The roll as CSV (UTF-8 with a byte-order mark) for the finance bureau; the download is audited. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireCapability(request, "payment_rolls", "reveal_bank");
  const roll = (await loadRoll(actor, params.id ?? "")) ?? notFound();
  const body = await rollCsv(actor, roll, detectLanguage(request), request);
  return new Response(body, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="roll-${roll.serviceSlug}-${roll.period}.csv"`,
      "Cache-Control": "private, no-store",
    },
  });
}
