-- AlterTable
ALTER TABLE "Proposal" ADD COLUMN     "publishedAt" TIMESTAMP(3);

