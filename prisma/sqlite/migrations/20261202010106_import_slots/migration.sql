-- CreateTable
CREATE TABLE "ImportSlot" (
    "owner" TEXT NOT NULL,
    "slot" INTEGER NOT NULL,
    "claimId" TEXT NOT NULL,
    "expiresAt" DATETIME NOT NULL,

    PRIMARY KEY ("owner", "slot")
);

