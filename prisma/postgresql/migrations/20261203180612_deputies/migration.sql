-- AlterEnum
ALTER TYPE "UserRole" ADD VALUE 'deputy';

-- AlterTable
ALTER TABLE "Proposal" ADD COLUMN     "authorUserId" TEXT;

-- CreateTable
CREATE TABLE "ProposalCosigner" (
    "id" TEXT NOT NULL,
    "proposalId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "nameZh" TEXT NOT NULL,
    "nameEn" TEXT,
    "userId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ProposalCosigner_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ProposalCosigner_userId_idx" ON "ProposalCosigner"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "ProposalCosigner_proposalId_position_key" ON "ProposalCosigner"("proposalId", "position");

-- CreateIndex
CREATE UNIQUE INDEX "ProposalCosigner_proposalId_userId_key" ON "ProposalCosigner"("proposalId", "userId");

-- CreateIndex
CREATE INDEX "Proposal_authorUserId_idx" ON "Proposal"("authorUserId");

-- AddForeignKey
ALTER TABLE "Proposal" ADD CONSTRAINT "Proposal_authorUserId_fkey" FOREIGN KEY ("authorUserId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProposalCosigner" ADD CONSTRAINT "ProposalCosigner_proposalId_fkey" FOREIGN KEY ("proposalId") REFERENCES "Proposal"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProposalCosigner" ADD CONSTRAINT "ProposalCosigner_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

