// npm run audit:verify: walks the audit log's hash chain (docs/decisions/009-audit-chain.md)
// and names every edited, inserted or deleted entry. Exit code 1 when the chain is broken.
// Note the printed head somewhere outside this database (a paper log, a ticket) to detect
// a later rewrite of the tail too.
import { verifyAuditChain } from "~/utils/audit.server";
import { db } from "~/utils/db.server";

try {
  const report = await verifyAuditChain();
  for (const problem of report.problems) console.log(`audit: ${problem.kind} at seq ${problem.seq ?? "-"}${problem.id ? ` (id ${problem.id})` : ""}`);
  console.log(`audit: ${report.entries} entries${report.unsealed ? ` (${report.unsealed} from before the chain, sealed by the next entry)` : ""}; head seq ${report.head.seq} ${report.head.hash || "(empty)"}`);
  console.log(report.ok ? "audit: chain intact" : `audit: CHAIN BROKEN: ${report.problems.length} problem(s)`);
  if (!report.ok) process.exitCode = 1;
} catch (error) {
  console.error("audit:", error instanceof Error ? error.message : error);
  process.exitCode = 2;
} finally {
  await db.$disconnect();
}
