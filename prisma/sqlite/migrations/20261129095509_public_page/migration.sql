-- AlterTable
ALTER TABLE "Proposal" ADD COLUMN "publishedAt" DATETIME;

