-- CreateTable
CREATE TABLE "LinkCheck" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "evidenceId" TEXT,
    "contactId" TEXT,
    "contactPosition" INTEGER,
    "url" TEXT NOT NULL,
    "dueAt" DATETIME NOT NULL,
    "leasedBy" TEXT,
    "leaseUntil" DATETIME,
    "baselineAt" DATETIME,
    "baselineHash" TEXT,
    "checkedAt" DATETIME,
    "outcome" TEXT,
    "failure" TEXT,
    "httpStatus" INTEGER,
    "finalUrl" TEXT,
    "title" TEXT,
    "textHash" TEXT,
    "snapshot" TEXT,
    "error" TEXT,
    "checks" INTEGER NOT NULL DEFAULT 0,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "LinkCheck_evidenceId_fkey" FOREIGN KEY ("evidenceId") REFERENCES "Evidence" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "LinkCheck_contactId_contactPosition_fkey" FOREIGN KEY ("contactId", "contactPosition") REFERENCES "DeputyContactLink" ("contactId", "position") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "LinkCheck_evidenceId_key" ON "LinkCheck"("evidenceId");

-- CreateIndex
CREATE INDEX "LinkCheck_dueAt_idx" ON "LinkCheck"("dueAt");

-- CreateIndex
CREATE INDEX "LinkCheck_outcome_idx" ON "LinkCheck"("outcome");

-- CreateIndex
CREATE UNIQUE INDEX "LinkCheck_contactId_contactPosition_key" ON "LinkCheck"("contactId", "contactPosition");

