import type { Tx } from "~/utils/db.server";
import { newId } from "~/utils/crypto.server";
import type { LoadedApplication } from "./cases.server";
import { newCertificateCode } from "./certificates.server";

/**
 * What an approved case produces, as its service declares: a verifiable certificate or
 * letter (one code, checked at /verify), an award with payments, or nothing.
 */
export async function issueOutput(tx: Tx, app: Pick<LoadedApplication, "id" | "service" | "answers">, now: Date): Promise<void> {
  const { output } = app.service;
  if (output.kind === "none") return;
  await tx.certificate.create({
    data: { id: newId(), applicationId: app.id, code: newCertificateCode(), kind: output.kind === "certificate" ? "certificate" : "letter", status: "valid", issuedAt: now },
  });
}
