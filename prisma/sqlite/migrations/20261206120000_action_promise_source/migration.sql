-- AlterTable
ALTER TABLE "Action" ADD COLUMN "promiseRound" INTEGER;
ALTER TABLE "Action" ADD COLUMN "promiseSource" TEXT;

