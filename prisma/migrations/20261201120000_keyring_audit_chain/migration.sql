-- AlterTable
ALTER TABLE "AuditLog" ADD COLUMN "hash" TEXT;
ALTER TABLE "AuditLog" ADD COLUMN "jurisdiction" TEXT;
ALTER TABLE "AuditLog" ADD COLUMN "prevHash" TEXT;
ALTER TABLE "AuditLog" ADD COLUMN "seq" INTEGER;

-- CreateTable
CREATE TABLE "AuditChainHead" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "seq" INTEGER NOT NULL,
    "hash" TEXT NOT NULL
);

-- CreateTable
CREATE TABLE "CryptoKey" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "purpose" TEXT NOT NULL,
    "algorithm" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "publicKey" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "retiredAt" DATETIME
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_PopulationRecord" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "idHash" TEXT NOT NULL,
    "idEnc" TEXT NOT NULL,
    "nameEnc" TEXT,
    "name" TEXT,
    "sex" TEXT NOT NULL,
    "birthDate" TEXT NOT NULL,
    "hukouTownship" TEXT,
    "marriageDate" TEXT,
    "marriageCertNoEnc" TEXT,
    "marriageCertNo" TEXT,
    "spouseIdHash" TEXT,
    "childrenCount" INTEGER NOT NULL DEFAULT 0,
    "source" TEXT NOT NULL,
    "updatedAt" DATETIME NOT NULL
);
INSERT INTO "new_PopulationRecord" ("birthDate", "childrenCount", "hukouTownship", "id", "idEnc", "idHash", "marriageCertNo", "marriageDate", "name", "sex", "source", "spouseIdHash", "updatedAt") SELECT "birthDate", "childrenCount", "hukouTownship", "id", "idEnc", "idHash", "marriageCertNo", "marriageDate", "name", "sex", "source", "spouseIdHash", "updatedAt" FROM "PopulationRecord";
DROP TABLE "PopulationRecord";
ALTER TABLE "new_PopulationRecord" RENAME TO "PopulationRecord";
CREATE UNIQUE INDEX "PopulationRecord_idHash_key" ON "PopulationRecord"("idHash");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE UNIQUE INDEX "AuditLog_seq_key" ON "AuditLog"("seq");

-- CreateIndex
CREATE INDEX "AuditLog_action_at_idx" ON "AuditLog"("action", "at");

-- CreateIndex
CREATE INDEX "AuditLog_actorId_at_idx" ON "AuditLog"("actorId", "at");


-- Number the entries written before the chain (in time order) and start the chain head
-- after them. The first append seals them into the chain (app/utils/audit.server.ts).
UPDATE "AuditLog" SET "seq" = (SELECT COUNT(*) FROM "AuditLog" AS "earlier" WHERE "earlier"."at" < "AuditLog"."at" OR ("earlier"."at" = "AuditLog"."at" AND "earlier"."id" <= "AuditLog"."id"));
INSERT INTO "AuditChainHead" ("id", "seq", "hash") SELECT 'head', COUNT(*), '' FROM "AuditLog";
