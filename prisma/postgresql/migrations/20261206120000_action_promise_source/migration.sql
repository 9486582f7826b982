-- AlterTable
ALTER TABLE "Action" ADD COLUMN     "promiseRound" INTEGER,
ADD COLUMN     "promiseSource" TEXT;

