-- CreateIndex
CREATE INDEX "ExportJob_state_updatedAt_idx" ON "ExportJob"("state", "updatedAt");

