-- CreateTable
CREATE TABLE "ImportSlot" (
    "owner" TEXT NOT NULL,
    "slot" INTEGER NOT NULL,
    "claimId" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ImportSlot_pkey" PRIMARY KEY ("owner","slot")
);

