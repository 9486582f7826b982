-- AlterTable
ALTER TABLE "ExportJob" ADD COLUMN     "slotId" TEXT;

-- CreateTable
CREATE TABLE "JobSlot" (
    "id" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "owner" TEXT NOT NULL,
    "host" TEXT NOT NULL,
    "pid" INTEGER NOT NULL,
    "pidStart" TEXT NOT NULL,
    "startedAt" TIMESTAMP(3) NOT NULL,
    "heartbeatAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "JobSlot_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "JobSlot_kind_owner_idx" ON "JobSlot"("kind", "owner");

