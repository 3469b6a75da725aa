import type { Tx } from "~/utils/db.server";
import { newId } from "~/utils/crypto.server";
import { endAwardsEndedBy, issueAwards } from "./awards.server";
import type { LoadedApplication } from "./cases.server";
import { newCertificateCode } from "./certificates.server";
import type { Answers } from "./define-service";

/**
 * What an approved case produces, as its service declares: a certificate, an approval
 * letter, or an award with payments (whose approval letter is the document); each document
 * carries one code that /verify checks. A service with output "none" produces nothing.
 */
export async function issueOutput(tx: Tx, app: Pick<LoadedApplication, "id" | "service">, answers: Answers, jurisdictionPath: string, now: Date, ref: string): Promise<void> {
  const { output } = app.service;
  // Whatever it produces, an approved case may end awards of other services (e.g. a new child).
  await endAwardsEndedBy(tx, app, ref, now);
  if (output.kind === "none") return;
  await tx.certificate.create({
    data: { id: newId(), applicationId: app.id, code: newCertificateCode(), kind: output.kind === "certificate" ? "certificate" : "letter", status: "valid", issuedAt: now },
  });
  if (output.kind === "award") await issueAwards(tx, { id: app.id, service: app.service, jurisdictionPath }, answers, now);
}
