-- DropIndex
DROP INDEX "Action_overview_idx";

-- DropIndex
DROP INDEX "Recommendation_overview_idx";

-- AlterTable
ALTER TABLE "Action" ADD COLUMN     "leadAgencyId" TEXT;

-- AlterTable
ALTER TABLE "Recommendation" ADD COLUMN     "leadAgencyId" TEXT;

-- CreateIndex
CREATE INDEX "Action_overview_idx" ON "Action"("status", "progress", "startDate", "dueDate", "recommendationId", "id", "code", "titleZh", "updatedAt", "leadAgencyId");

-- CreateIndex
CREATE INDEX "Recommendation_overview_idx" ON "Recommendation"("status", "progress", "startDate", "dueDate", "themeId", "proposalId", "replyClass", "repliedAt", "assignedAt", "replyDueAt", "satisfaction", "feedbackAt", "id", "code", "titleZh", "updatedAt", "leadAgencyId");

