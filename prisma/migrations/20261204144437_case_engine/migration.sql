-- CreateTable
CREATE TABLE "Person" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "idHash" TEXT NOT NULL,
    "idEnc" TEXT NOT NULL,
    "nameEnc" TEXT NOT NULL,
    "nameMasked" TEXT NOT NULL,
    "phoneEnc" TEXT,
    "phoneHash" TEXT,
    "hukouEnc" TEXT,
    "userId" TEXT,
    "verifiedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "CaseSubject" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "applicationId" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "idHash" TEXT NOT NULL,
    "personId" TEXT,
    CONSTRAINT "CaseSubject_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "Application" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "CaseClaim" (
    "key" TEXT NOT NULL PRIMARY KEY,
    "applicationId" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "Objection" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "applicationId" TEXT NOT NULL,
    "at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "bodyEnc" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'open',
    "outcomeNote" TEXT,
    "resolvedById" TEXT,
    "resolvedAt" DATETIME,
    CONSTRAINT "Objection_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "Application" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Authority" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "personId" TEXT NOT NULL,
    "holderId" TEXT NOT NULL,
    "capacity" TEXT NOT NULL,
    "applicationId" TEXT,
    "consent" TEXT NOT NULL,
    "consentFileKey" TEXT,
    "validFrom" DATETIME NOT NULL,
    "validUntil" DATETIME NOT NULL,
    "revokedAt" DATETIME,
    "revokedById" TEXT,
    "createdById" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Application" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "ref" TEXT,
    "serviceSlug" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "filerId" TEXT NOT NULL,
    "filerCapacity" TEXT NOT NULL DEFAULT 'self',
    "authorityId" TEXT,
    "applicantPersonId" TEXT,
    "applicantNameMasked" TEXT,
    "applicantNameHash" TEXT,
    "contactPhoneHash" TEXT,
    "jurisdictionPath" TEXT,
    "filedAtPath" TEXT,
    "answersEnc" TEXT NOT NULL,
    "stageIndex" INTEGER NOT NULL DEFAULT 0,
    "stageStartedAt" DATETIME,
    "stageDueAt" DATETIME,
    "comparisonEnc" TEXT,
    "correctionEnc" TEXT,
    "correctionDueAt" DATETIME,
    "submittedAt" DATETIME,
    "dueAt" DATETIME,
    "decidedAt" DATETIME,
    "version" INTEGER NOT NULL DEFAULT 0,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);
INSERT INTO "new_Application" ("answersEnc", "comparisonEnc", "correctionEnc", "createdAt", "decidedAt", "dueAt", "filerId", "id", "jurisdictionPath", "ref", "serviceSlug", "status", "submittedAt", "updatedAt", "version") SELECT "answersEnc", "comparisonEnc", "correctionEnc", "createdAt", "decidedAt", "dueAt", "filerId", "id", "jurisdictionPath", "ref", "serviceSlug", "status", "submittedAt", "updatedAt", "version" FROM "Application";
DROP TABLE "Application";
ALTER TABLE "new_Application" RENAME TO "Application";
CREATE UNIQUE INDEX "Application_ref_key" ON "Application"("ref");
CREATE INDEX "Application_filerId_serviceSlug_status_idx" ON "Application"("filerId", "serviceSlug", "status");
CREATE INDEX "Application_applicantPersonId_idx" ON "Application"("applicantPersonId");
CREATE INDEX "Application_jurisdictionPath_status_idx" ON "Application"("jurisdictionPath", "status");
CREATE INDEX "Application_status_stageDueAt_idx" ON "Application"("status", "stageDueAt");
CREATE INDEX "Application_applicantNameHash_idx" ON "Application"("applicantNameHash");
CREATE INDEX "Application_contactPhoneHash_idx" ON "Application"("contactPhoneHash");
CREATE TABLE "new_Certificate" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "applicationId" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "kind" TEXT NOT NULL DEFAULT 'certificate',
    "status" TEXT NOT NULL,
    "issuedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "validUntil" DATETIME,
    "revokedAt" DATETIME,
    "supersededAt" DATETIME,
    CONSTRAINT "Certificate_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "Application" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_Certificate" ("applicationId", "code", "id", "issuedAt", "revokedAt", "status") SELECT "applicationId", "code", "id", "issuedAt", "revokedAt", "status" FROM "Certificate";
DROP TABLE "Certificate";
ALTER TABLE "new_Certificate" RENAME TO "Certificate";
CREATE UNIQUE INDEX "Certificate_code_key" ON "Certificate"("code");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

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
