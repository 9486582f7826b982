-- AlterTable
ALTER TABLE "ExportJob" ADD COLUMN "slotId" TEXT;

-- CreateTable
CREATE TABLE "JobSlot" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "kind" TEXT NOT NULL,
    "owner" TEXT NOT NULL,
    "host" TEXT NOT NULL,
    "pid" INTEGER NOT NULL,
    "pidStart" TEXT NOT NULL,
    "startedAt" DATETIME NOT NULL,
    "heartbeatAt" DATETIME NOT NULL
);

-- CreateIndex
CREATE INDEX "JobSlot_kind_owner_idx" ON "JobSlot"("kind", "owner");

