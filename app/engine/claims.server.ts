import { lookupHash } from "~/utils/crypto.server";
import { db, type Tx } from "~/utils/db.server";
import type { Answers, ServiceDefinition } from "./define-service";
import { idHashOf } from "./persons.server";

/**
 * Claims: what a person may hold only once while it is live (one registration per couple
 * and child order, one award per person and scheme, one subsidy per child). A claim's key
 * is a keyed hash over the service, the scope and the people's ID hashes, so it says
 * nothing by itself; its primary key makes a second live claim fail on every instance.
 */

export function claimKeys(service: ServiceDefinition, answers: Answers): string[] {
  return service.claims(answers).map((claim) => {
    const people = claim.idNumbers.map(idHashOf).sort().join("+");
    return lookupHash(`claim\u0000${service.slug}\u0000${claim.scope}\u0000${people}`);
  });
}

/** The other live case holding any of these claims, if there is one. */
export async function existingClaimant(keys: string[], exceptApplicationId: string) {
  if (keys.length === 0) return null;
  const claim = await db.caseClaim.findFirst({ where: { key: { in: keys }, applicationId: { not: exceptApplicationId } }, select: { applicationId: true } });
  if (!claim) return null;
  return db.application.findUnique({ where: { id: claim.applicationId }, select: { id: true, ref: true, filerId: true, applicantPersonId: true } });
}

/** Takes the claims inside the transaction that makes the case live; a duplicate throws P2002. */
export async function takeClaims(tx: Tx, applicationId: string, keys: string[]) {
  for (const key of keys) await tx.caseClaim.create({ data: { key, applicationId } });
}

/** A case that ended without a live outcome (withdrawn, refused, closed, revoked) frees its claims. */
export async function releaseClaims(tx: Tx, applicationId: string) {
  await tx.caseClaim.deleteMany({ where: { applicationId } });
}

export function isUniqueViolation(error: unknown): boolean {
  return (error as { code?: string }).code === "P2002";
}
