-- DropIndex
DROP INDEX "Action_status_idx";

-- DropIndex
DROP INDEX "Recommendation_status_idx";

-- CreateTable
CREATE TABLE "HistoryDay" (
    "kind" TEXT NOT NULL,
    "day" TIMESTAMP(3) NOT NULL,
    "progressChange" INTEGER NOT NULL,
    "completedChange" INTEGER NOT NULL,

    CONSTRAINT "HistoryDay_pkey" PRIMARY KEY ("kind","day")
);

-- CreateIndex
CREATE INDEX "Action_overview_idx" ON "Action"("status", "progress", "startDate", "dueDate", "recommendationId", "id", "code", "titleZh", "updatedAt");

-- CreateIndex
CREATE INDEX "Recommendation_overview_idx" ON "Recommendation"("status", "progress", "startDate", "dueDate", "themeId", "proposalId", "replyClass", "repliedAt", "assignedAt", "replyDueAt", "satisfaction", "feedbackAt", "id", "code", "titleZh", "updatedAt");

