-- CreateTable
CREATE TABLE "DataVersion" (
    "id" INTEGER NOT NULL,
    "version" BIGINT NOT NULL DEFAULT 0,

    CONSTRAINT "DataVersion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DashboardCache" (
    "key" TEXT NOT NULL,
    "version" BIGINT NOT NULL,
    "payload" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DashboardCache_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE INDEX "DashboardCache_version_idx" ON "DashboardCache"("version");

-- CreateIndex
CREATE INDEX "Proposal_submittedAt_idx" ON "Proposal"("submittedAt");

