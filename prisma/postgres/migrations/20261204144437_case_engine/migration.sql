-- DropIndex
DROP INDEX "Application_applicantId_serviceSlug_status_idx";

-- AlterTable
ALTER TABLE "Application" DROP COLUMN "applicantId",
DROP COLUMN "reviewLevel",
DROP COLUMN "subjectIdHashes",
ADD COLUMN     "applicantNameHash" TEXT,
ADD COLUMN     "applicantNameMasked" TEXT,
ADD COLUMN     "applicantPersonId" TEXT,
ADD COLUMN     "authorityId" TEXT,
ADD COLUMN     "contactPhoneHash" TEXT,
ADD COLUMN     "correctionDueAt" TIMESTAMP(3),
ADD COLUMN     "filedAtPath" TEXT,
ADD COLUMN     "filerCapacity" TEXT NOT NULL DEFAULT 'self',
ADD COLUMN     "stageDueAt" TIMESTAMP(3),
ADD COLUMN     "stageIndex" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "stageStartedAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "Certificate" ADD COLUMN     "kind" TEXT NOT NULL DEFAULT 'certificate',
ADD COLUMN     "supersededAt" TIMESTAMP(3),
ADD COLUMN     "validUntil" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "Person" (
    "id" TEXT NOT NULL,
    "idHash" TEXT NOT NULL,
    "idEnc" TEXT NOT NULL,
    "nameEnc" TEXT NOT NULL,
    "nameMasked" TEXT NOT NULL,
    "phoneEnc" TEXT,
    "phoneHash" TEXT,
    "hukouEnc" TEXT,
    "userId" TEXT,
    "verifiedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Person_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CaseSubject" (
    "id" TEXT NOT NULL,
    "applicationId" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "idHash" TEXT NOT NULL,
    "personId" TEXT,

    CONSTRAINT "CaseSubject_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CaseClaim" (
    "key" TEXT NOT NULL,
    "applicationId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CaseClaim_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "Objection" (
    "id" TEXT NOT NULL,
    "applicationId" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "bodyEnc" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'open',
    "outcomeNote" TEXT,
    "resolvedById" TEXT,
    "resolvedAt" TIMESTAMP(3),

    CONSTRAINT "Objection_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Authority" (
    "id" TEXT NOT NULL,
    "personId" TEXT NOT NULL,
    "holderId" TEXT NOT NULL,
    "capacity" TEXT NOT NULL,
    "applicationId" TEXT,
    "consent" TEXT NOT NULL,
    "consentFileKey" TEXT,
    "validFrom" TIMESTAMP(3) NOT NULL,
    "validUntil" TIMESTAMP(3) NOT NULL,
    "revokedAt" TIMESTAMP(3),
    "revokedById" TEXT,
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Authority_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Person_idHash_key" ON "Person"("idHash");

-- CreateIndex
CREATE UNIQUE INDEX "Person_userId_key" ON "Person"("userId");

-- CreateIndex
CREATE INDEX "Person_phoneHash_idx" ON "Person"("phoneHash");

-- CreateIndex
CREATE INDEX "CaseSubject_idHash_idx" ON "CaseSubject"("idHash");

-- CreateIndex
CREATE INDEX "CaseSubject_applicationId_idx" ON "CaseSubject"("applicationId");

-- CreateIndex
CREATE INDEX "CaseClaim_applicationId_idx" ON "CaseClaim"("applicationId");

-- CreateIndex
CREATE INDEX "Objection_applicationId_status_idx" ON "Objection"("applicationId", "status");

-- CreateIndex
CREATE INDEX "Authority_personId_idx" ON "Authority"("personId");

-- CreateIndex
CREATE INDEX "Authority_holderId_idx" ON "Authority"("holderId");

-- CreateIndex
CREATE INDEX "Application_filerId_serviceSlug_status_idx" ON "Application"("filerId", "serviceSlug", "status");

-- CreateIndex
CREATE INDEX "Application_applicantPersonId_idx" ON "Application"("applicantPersonId");

-- CreateIndex
CREATE INDEX "Application_status_stageDueAt_idx" ON "Application"("status", "stageDueAt");

-- CreateIndex
CREATE INDEX "Application_applicantNameHash_idx" ON "Application"("applicantNameHash");

-- CreateIndex
CREATE INDEX "Application_contactPhoneHash_idx" ON "Application"("contactPhoneHash");

-- AddForeignKey
ALTER TABLE "CaseSubject" ADD CONSTRAINT "CaseSubject_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "Application"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Objection" ADD CONSTRAINT "Objection_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "Application"("id") ON DELETE CASCADE ON UPDATE CASCADE;
