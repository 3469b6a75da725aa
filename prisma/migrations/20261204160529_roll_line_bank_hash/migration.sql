-- AlterTable
ALTER TABLE "PaymentRollLine" ADD COLUMN "bankHash" TEXT;
