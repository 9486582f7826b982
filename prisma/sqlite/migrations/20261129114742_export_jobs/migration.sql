-- CreateTable
CREATE TABLE "ExportJob" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "apiTokenId" TEXT,
    "format" TEXT NOT NULL,
    "query" TEXT NOT NULL,
    "items" INTEGER NOT NULL,
    "batches" INTEGER NOT NULL,
    "batchesDone" INTEGER NOT NULL DEFAULT 0,
    "rows" INTEGER NOT NULL DEFAULT 0,
    "state" TEXT NOT NULL DEFAULT 'running',
    "startedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "finishedAt" DATETIME,
    CONSTRAINT "ExportJob_state_enum" CHECK ("state" IN ('running','done','failed','cancelled')),
    CONSTRAINT "ExportJob_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "ExportJob_userId_startedAt_idx" ON "ExportJob"("userId", "startedAt");

