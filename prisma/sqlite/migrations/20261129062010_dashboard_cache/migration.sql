-- CreateTable
CREATE TABLE "DataVersion" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "version" BIGINT NOT NULL DEFAULT 0
);

-- CreateTable
CREATE TABLE "DashboardCache" (
    "key" TEXT NOT NULL PRIMARY KEY,
    "version" BIGINT NOT NULL,
    "payload" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateIndex
CREATE INDEX "DashboardCache_version_idx" ON "DashboardCache"("version");

-- CreateIndex
CREATE INDEX "Proposal_submittedAt_idx" ON "Proposal"("submittedAt");

