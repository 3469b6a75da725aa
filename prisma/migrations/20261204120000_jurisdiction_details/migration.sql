-- AlterTable
ALTER TABLE "Jurisdiction" ADD COLUMN "details" TEXT;
