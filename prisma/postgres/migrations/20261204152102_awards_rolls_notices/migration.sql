-- CreateTable
CREATE TABLE "Award" (
    "id" TEXT NOT NULL,
    "applicationId" TEXT NOT NULL,
    "serviceSlug" TEXT NOT NULL,
    "personId" TEXT NOT NULL,
    "beneficiaryIdHash" TEXT NOT NULL,
    "beneficiaryNameMasked" TEXT NOT NULL,
    "jurisdictionPath" TEXT NOT NULL,
    "amountFen" INTEGER NOT NULL,
    "period" TEXT NOT NULL,
    "startsOn" TEXT NOT NULL,
    "endsOn" TEXT,
    "status" TEXT NOT NULL DEFAULT 'active',
    "endedOn" TEXT,
    "endReason" TEXT,
    "bankEnc" TEXT,
    "bankMasked" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Award_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AwardConfirmation" (
    "id" TEXT NOT NULL,
    "awardId" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "alive" BOOLEAN NOT NULL,
    "stillEligible" BOOLEAN NOT NULL,
    "note" TEXT,
    "confirmedById" TEXT NOT NULL,
    "confirmedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AwardConfirmation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PaymentRoll" (
    "id" TEXT NOT NULL,
    "serviceSlug" TEXT NOT NULL,
    "period" TEXT NOT NULL,
    "periodStart" TEXT NOT NULL,
    "periodEnd" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'issued',
    "supersedesId" TEXT,
    "totalFen" INTEGER NOT NULL,
    "lineCount" INTEGER NOT NULL,
    "contentHash" TEXT NOT NULL,
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PaymentRoll_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PaymentRollLine" (
    "id" TEXT NOT NULL,
    "rollId" TEXT NOT NULL,
    "awardId" TEXT NOT NULL,
    "applicationRef" TEXT NOT NULL,
    "beneficiaryNameMasked" TEXT NOT NULL,
    "jurisdictionPath" TEXT NOT NULL,
    "fromMonth" TEXT NOT NULL,
    "toMonth" TEXT NOT NULL,
    "units" INTEGER NOT NULL,
    "amountFen" INTEGER NOT NULL,
    "bankEnc" TEXT,
    "bankMasked" TEXT,

    CONSTRAINT "PaymentRollLine_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Setting" (
    "key" TEXT NOT NULL,
    "value" TEXT NOT NULL,

    CONSTRAINT "Setting_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "PublicNotice" (
    "applicationId" TEXT NOT NULL,
    "serviceSlug" TEXT NOT NULL,
    "nameMasked" TEXT NOT NULL,
    "jurisdictionPath" TEXT NOT NULL,
    "amountFen" INTEGER,
    "period" TEXT,
    "startsAt" TIMESTAMP(3) NOT NULL,
    "endsAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PublicNotice_pkey" PRIMARY KEY ("applicationId")
);

-- CreateIndex
CREATE INDEX "Award_serviceSlug_status_idx" ON "Award"("serviceSlug", "status");

-- CreateIndex
CREATE INDEX "Award_jurisdictionPath_idx" ON "Award"("jurisdictionPath");

-- CreateIndex
CREATE INDEX "Award_applicationId_idx" ON "Award"("applicationId");

-- CreateIndex
CREATE UNIQUE INDEX "AwardConfirmation_awardId_year_key" ON "AwardConfirmation"("awardId", "year");

-- CreateIndex
CREATE INDEX "PaymentRoll_serviceSlug_period_idx" ON "PaymentRoll"("serviceSlug", "period");

-- CreateIndex
CREATE INDEX "PaymentRollLine_rollId_idx" ON "PaymentRollLine"("rollId");

-- CreateIndex
CREATE INDEX "PaymentRollLine_awardId_idx" ON "PaymentRollLine"("awardId");

-- CreateIndex
CREATE INDEX "PublicNotice_endsAt_idx" ON "PublicNotice"("endsAt");

-- CreateIndex
CREATE INDEX "PublicNotice_jurisdictionPath_idx" ON "PublicNotice"("jurisdictionPath");

-- AddForeignKey
ALTER TABLE "AwardConfirmation" ADD CONSTRAINT "AwardConfirmation_awardId_fkey" FOREIGN KEY ("awardId") REFERENCES "Award"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PaymentRollLine" ADD CONSTRAINT "PaymentRollLine_rollId_fkey" FOREIGN KEY ("rollId") REFERENCES "PaymentRoll"("id") ON DELETE CASCADE ON UPDATE CASCADE;
