-- AlterTable
ALTER TABLE "AuditEvent" ADD COLUMN "chainHash" TEXT;
ALTER TABLE "AuditEvent" ADD COLUMN "chainSeq" INTEGER;
ALTER TABLE "AuditEvent" ADD COLUMN "contentHash" TEXT;

-- AlterTable
ALTER TABLE "StatusUpdate" ADD COLUMN "chainHash" TEXT;
ALTER TABLE "StatusUpdate" ADD COLUMN "chainSeq" INTEGER;
ALTER TABLE "StatusUpdate" ADD COLUMN "contentHash" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "AuditEvent_chainSeq_key" ON "AuditEvent"("chainSeq");

-- CreateIndex
CREATE INDEX "AuditEvent_chainHash_idx" ON "AuditEvent"("chainHash");

-- CreateIndex
CREATE UNIQUE INDEX "StatusUpdate_chainSeq_key" ON "StatusUpdate"("chainSeq");

-- CreateIndex
CREATE INDEX "StatusUpdate_chainHash_idx" ON "StatusUpdate"("chainHash");

