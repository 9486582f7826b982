-- DropIndex
DROP INDEX "Recommendation_overview_idx";

-- AlterTable
ALTER TABLE "Proposal" ADD COLUMN     "archivedAt" TIMESTAMP(3),
ADD COLUMN     "archivedReason" TEXT,
ADD COLUMN     "sourceText" TEXT;

-- AlterTable
ALTER TABLE "Recommendation" ADD COLUMN     "archivedAt" TIMESTAMP(3),
ADD COLUMN     "archivedReason" TEXT;

-- CreateIndex
CREATE INDEX "Recommendation_overview_idx" ON "Recommendation"("status", "progress", "startDate", "dueDate", "themeId", "proposalId", "replyClass", "repliedAt", "assignedAt", "replyDueAt", "satisfaction", "feedbackAt", "id", "code", "titleZh", "updatedAt", "leadAgencyId", "archivedAt");

