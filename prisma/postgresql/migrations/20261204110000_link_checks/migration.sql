-- CreateTable
CREATE TABLE "LinkCheck" (
    "id" TEXT NOT NULL,
    "evidenceId" TEXT,
    "contactId" TEXT,
    "contactPosition" INTEGER,
    "url" TEXT NOT NULL,
    "dueAt" TIMESTAMP(3) NOT NULL,
    "leasedBy" TEXT,
    "leaseUntil" TIMESTAMP(3),
    "baselineAt" TIMESTAMP(3),
    "baselineHash" TEXT,
    "checkedAt" TIMESTAMP(3),
    "outcome" TEXT,
    "failure" TEXT,
    "httpStatus" INTEGER,
    "finalUrl" TEXT,
    "title" TEXT,
    "textHash" TEXT,
    "snapshot" TEXT,
    "error" TEXT,
    "checks" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "LinkCheck_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "LinkCheck_evidenceId_key" ON "LinkCheck"("evidenceId");

-- CreateIndex
CREATE INDEX "LinkCheck_dueAt_idx" ON "LinkCheck"("dueAt");

-- CreateIndex
CREATE INDEX "LinkCheck_outcome_idx" ON "LinkCheck"("outcome");

-- CreateIndex
CREATE UNIQUE INDEX "LinkCheck_contactId_contactPosition_key" ON "LinkCheck"("contactId", "contactPosition");

-- AddForeignKey
ALTER TABLE "LinkCheck" ADD CONSTRAINT "LinkCheck_evidenceId_fkey" FOREIGN KEY ("evidenceId") REFERENCES "Evidence"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LinkCheck" ADD CONSTRAINT "LinkCheck_contactId_contactPosition_fkey" FOREIGN KEY ("contactId", "contactPosition") REFERENCES "DeputyContactLink"("contactId", "position") ON DELETE RESTRICT ON UPDATE CASCADE;

