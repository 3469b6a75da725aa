-- AlterTable
ALTER TABLE "AuditLog" ADD COLUMN     "hash" TEXT,
ADD COLUMN     "jurisdiction" TEXT,
ADD COLUMN     "prevHash" TEXT,
ADD COLUMN     "seq" INTEGER;

-- AlterTable
ALTER TABLE "PopulationRecord" ADD COLUMN     "marriageCertNoEnc" TEXT,
ADD COLUMN     "nameEnc" TEXT,
ALTER COLUMN "name" DROP NOT NULL;

-- CreateTable
CREATE TABLE "AuditChainHead" (
    "id" TEXT NOT NULL,
    "seq" INTEGER NOT NULL,
    "hash" TEXT NOT NULL,

    CONSTRAINT "AuditChainHead_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CryptoKey" (
    "id" TEXT NOT NULL,
    "purpose" TEXT NOT NULL,
    "algorithm" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "publicKey" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "retiredAt" TIMESTAMP(3),

    CONSTRAINT "CryptoKey_pkey" PRIMARY KEY ("id")
);

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
