-- AlterTable
ALTER TABLE "Recommendation" ADD COLUMN "followUpRepliedAt" DATETIME;

-- AlterTable
ALTER TABLE "StatusUpdate" ADD COLUMN "rollUpActionCode" TEXT;
ALTER TABLE "StatusUpdate" ADD COLUMN "rollUpCause" TEXT CONSTRAINT "StatusUpdate_rollUpCause_enum" CHECK ("rollUpCause" IS NULL OR "rollUpCause" IN ('action_update', 'action_added', 'action_weight'));

