import { createHash } from "node:crypto";
import { newId } from "./crypto.server";
import { db, type Tx } from "./db.server";

export type AuditEntry = {
  actorId?: string | null;
  actorRole?: string | null;
  action: string;
  subjectType?: string;
  subjectId?: string;
  request?: Request;
  /** Never personal data: ids, outcomes and reasons only. */
  detail?: Record<string, string | number | boolean | null>;
};

export function clientAddress(request: Request): string {
  // Set by server.mjs from the socket (or the proxy when TRUST_PROXY=1).
  return request.headers.get("x-portal-client-ip") ?? "unknown";
}

function addressHash(request: Request): string {
  return createHash("sha256").update(clientAddress(request)).digest("base64url").slice(0, 16);
}

export async function audit(entry: AuditEntry, tx: Tx = db): Promise<void> {
  await tx.auditLog.create({
    data: {
      id: newId(),
      actorId: entry.actorId ?? null,
      actorRole: entry.actorRole ?? null,
      action: entry.action,
      subjectType: entry.subjectType ?? null,
      subjectId: entry.subjectId ?? null,
      ipHash: entry.request ? addressHash(entry.request) : null,
      detail: entry.detail ? JSON.stringify(entry.detail) : null,
    },
  });
}
