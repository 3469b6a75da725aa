import type { LoaderFunctionArgs } from "@remix-run/node";
import { notFound } from "~/engine/errors";
import { requireCapability } from "~/engine/guards.server";
import { rollXlsx } from "~/engine/roll-export.server";
import { loadRoll } from "~/engine/rolls.server";
import { detectLanguage } from "~/i18n/detect.server";

/** The roll as a workbook for the finance bureau: full names and accounts, so the download is audited. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireCapability(request, "payment_rolls", "reveal_bank");
  const roll = (await loadRoll(actor, params.id ?? "")) ?? notFound();
  const body = await rollXlsx(actor, roll, detectLanguage(request), request);
  return new Response(new Uint8Array(body), {
    headers: {
      "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "Content-Disposition": `attachment; filename="roll-${roll.serviceSlug}-${roll.period}.xlsx"`,
      "Cache-Control": "private, no-store",
    },
  });
}
