-- DropIndex
DROP INDEX "Recommendation_overview_idx";

-- AlterTable
ALTER TABLE "Proposal" ADD COLUMN "archivedAt" DATETIME;
ALTER TABLE "Proposal" ADD COLUMN "archivedReason" TEXT;
ALTER TABLE "Proposal" ADD COLUMN "sourceText" TEXT;

-- AlterTable
ALTER TABLE "Recommendation" ADD COLUMN "archivedAt" DATETIME;
ALTER TABLE "Recommendation" ADD COLUMN "archivedReason" TEXT;

-- CreateIndex
CREATE INDEX "Recommendation_overview_idx" ON "Recommendation"("status", "progress", "startDate", "dueDate", "themeId", "proposalId", "replyClass", "repliedAt", "assignedAt", "replyDueAt", "satisfaction", "feedbackAt", "id", "code", "titleZh", "updatedAt", "leadAgencyId", "archivedAt");

