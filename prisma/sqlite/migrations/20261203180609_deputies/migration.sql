-- CreateTable
CREATE TABLE "ProposalCosigner" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "proposalId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "nameZh" TEXT NOT NULL,
    "nameEn" TEXT,
    "userId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ProposalCosigner_proposalId_fkey" FOREIGN KEY ("proposalId") REFERENCES "Proposal" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ProposalCosigner_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    -- Hand-added (SQLite cannot add a CHECK later): listed from 1, each with a name.
    CONSTRAINT "ProposalCosigner_position_positive" CHECK ("position" >= 1),
    CONSTRAINT "ProposalCosigner_name_not_blank" CHECK (length(trim("nameZh")) > 0)
);

-- AlterTable (an added column, not a rebuild: Proposal keeps its CHECKs and triggers)
ALTER TABLE "Proposal" ADD COLUMN "authorUserId" TEXT REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- CreateIndex
CREATE INDEX "Proposal_authorUserId_idx" ON "Proposal"("authorUserId");

-- CreateIndex
CREATE INDEX "ProposalCosigner_userId_idx" ON "ProposalCosigner"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "ProposalCosigner_proposalId_position_key" ON "ProposalCosigner"("proposalId", "position");

-- CreateIndex
CREATE UNIQUE INDEX "ProposalCosigner_proposalId_userId_key" ON "ProposalCosigner"("proposalId", "userId");

