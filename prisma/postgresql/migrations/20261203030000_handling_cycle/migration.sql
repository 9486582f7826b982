-- CreateEnum
CREATE TYPE "CycleStage" AS ENUM ('unassigned', 'assigned', 'handling', 'drafting', 'cosigning', 'reviewing', 'submitted', 'replied', 'evaluated', 'closed');

-- CreateEnum
CREATE TYPE "RequestState" AS ENUM ('pending', 'approved', 'rejected');

-- CreateEnum
CREATE TYPE "SignoffDecision" AS ENUM ('signed', 'commented');

-- CreateEnum
CREATE TYPE "WarningLevel" AS ENUM ('blue', 'yellow', 'red');

-- AlterEnum
ALTER TYPE "UserRole" ADD VALUE 'office';

-- AlterTable
ALTER TABLE "Recommendation" ADD COLUMN     "closedAt" TIMESTAMP(3),
ADD COLUMN     "priority" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "stage" "CycleStage" NOT NULL DEFAULT 'unassigned';

-- AlterTable
ALTER TABLE "Agency" ADD COLUMN     "updatesNeedReview" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "RecommendationAgency" ADD COLUMN     "acknowledgedAt" TIMESTAMP(3),
ADD COLUMN     "viewAt" TIMESTAMP(3),
ADD COLUMN     "viewText" TEXT;

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "isReviewer" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "CalendarDay" (
    "day" TIMESTAMP(3) NOT NULL,
    "workday" BOOLEAN NOT NULL,
    "nameZh" TEXT NOT NULL,
    "nameEn" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CalendarDay_pkey" PRIMARY KEY ("day")
);

-- CreateTable
CREATE TABLE "CycleEvent" (
    "id" TEXT NOT NULL,
    "recommendationId" TEXT NOT NULL,
    "step" TEXT NOT NULL,
    "fromStage" "CycleStage" NOT NULL,
    "toStage" "CycleStage" NOT NULL,
    "agencyId" TEXT,
    "actorId" TEXT,
    "note" TEXT,
    "data" JSONB,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CycleEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "HandbackRequest" (
    "id" TEXT NOT NULL,
    "recommendationId" TEXT NOT NULL,
    "agencyId" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "suggestedAgencyId" TEXT,
    "requestedById" TEXT NOT NULL,
    "state" "RequestState" NOT NULL DEFAULT 'pending',
    "decidedById" TEXT,
    "decidedAt" TIMESTAMP(3),
    "decisionReason" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "HandbackRequest_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ExtensionRequest" (
    "id" TEXT NOT NULL,
    "recommendationId" TEXT NOT NULL,
    "previousDueAt" TIMESTAMP(3) NOT NULL,
    "requestedDueAt" TIMESTAMP(3) NOT NULL,
    "reason" TEXT NOT NULL,
    "requestedById" TEXT NOT NULL,
    "state" "RequestState" NOT NULL DEFAULT 'pending',
    "decidedById" TEXT,
    "decidedAt" TIMESTAMP(3),
    "decisionReason" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ExtensionRequest_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReplyDraft" (
    "recommendationId" TEXT NOT NULL,
    "round" INTEGER NOT NULL DEFAULT 1,
    "replyClass" "ReplyClass" NOT NULL,
    "text" TEXT NOT NULL,
    "letterUrl" TEXT,
    "draftedById" TEXT NOT NULL,
    "acceptedClass" "ReplyClass",
    "acceptedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ReplyDraft_pkey" PRIMARY KEY ("recommendationId")
);

-- CreateTable
CREATE TABLE "ReplySignoff" (
    "recommendationId" TEXT NOT NULL,
    "round" INTEGER NOT NULL,
    "agencyId" TEXT NOT NULL,
    "decision" "SignoffDecision" NOT NULL,
    "comment" TEXT,
    "userId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ReplySignoff_pkey" PRIMARY KEY ("recommendationId","round","agencyId")
);

-- CreateTable
CREATE TABLE "SupervisionNotice" (
    "id" TEXT NOT NULL,
    "recommendationId" TEXT NOT NULL,
    "agencyId" TEXT NOT NULL,
    "level" "WarningLevel" NOT NULL,
    "text" TEXT NOT NULL,
    "answerDueAt" TIMESTAMP(3) NOT NULL,
    "issuedById" TEXT NOT NULL,
    "acknowledgedAt" TIMESTAMP(3),
    "acknowledgedById" TEXT,
    "answer" TEXT,
    "answeredAt" TIMESTAMP(3),
    "answeredById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SupervisionNotice_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProposedUpdate" (
    "id" TEXT NOT NULL,
    "recommendationId" TEXT,
    "actionId" TEXT,
    "agencyId" TEXT NOT NULL,
    "baseVersion" INTEGER NOT NULL,
    "statusAfter" "ItemStatus" NOT NULL,
    "progressAfter" INTEGER NOT NULL,
    "effectiveDate" TIMESTAMP(3) NOT NULL,
    "comment" TEXT,
    "evidence" JSONB,
    "authorId" TEXT NOT NULL,
    "state" "RequestState" NOT NULL DEFAULT 'pending',
    "reviewedById" TEXT,
    "reviewedAt" TIMESTAMP(3),
    "reviewReason" TEXT,
    "statusUpdateId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ProposedUpdate_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "CycleEvent_recommendationId_createdAt_idx" ON "CycleEvent"("recommendationId", "createdAt");

-- CreateIndex
CREATE INDEX "CycleEvent_createdAt_idx" ON "CycleEvent"("createdAt");

-- CreateIndex
CREATE INDEX "HandbackRequest_recommendationId_idx" ON "HandbackRequest"("recommendationId");

-- CreateIndex
CREATE INDEX "HandbackRequest_state_createdAt_idx" ON "HandbackRequest"("state", "createdAt");

-- CreateIndex
CREATE INDEX "ExtensionRequest_recommendationId_idx" ON "ExtensionRequest"("recommendationId");

-- CreateIndex
CREATE INDEX "ExtensionRequest_state_createdAt_idx" ON "ExtensionRequest"("state", "createdAt");

-- CreateIndex
CREATE INDEX "SupervisionNotice_recommendationId_idx" ON "SupervisionNotice"("recommendationId");

-- CreateIndex
CREATE INDEX "SupervisionNotice_agencyId_answeredAt_idx" ON "SupervisionNotice"("agencyId", "answeredAt");

-- CreateIndex
CREATE UNIQUE INDEX "ProposedUpdate_statusUpdateId_key" ON "ProposedUpdate"("statusUpdateId");

-- CreateIndex
CREATE INDEX "ProposedUpdate_agencyId_state_createdAt_idx" ON "ProposedUpdate"("agencyId", "state", "createdAt");

-- CreateIndex
CREATE INDEX "ProposedUpdate_recommendationId_idx" ON "ProposedUpdate"("recommendationId");

-- CreateIndex
CREATE INDEX "ProposedUpdate_actionId_idx" ON "ProposedUpdate"("actionId");

-- CreateIndex
CREATE INDEX "Recommendation_stage_idx" ON "Recommendation"("stage");

-- AddForeignKey
ALTER TABLE "CycleEvent" ADD CONSTRAINT "CycleEvent_recommendationId_fkey" FOREIGN KEY ("recommendationId") REFERENCES "Recommendation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CycleEvent" ADD CONSTRAINT "CycleEvent_agencyId_fkey" FOREIGN KEY ("agencyId") REFERENCES "Agency"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CycleEvent" ADD CONSTRAINT "CycleEvent_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HandbackRequest" ADD CONSTRAINT "HandbackRequest_recommendationId_fkey" FOREIGN KEY ("recommendationId") REFERENCES "Recommendation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HandbackRequest" ADD CONSTRAINT "HandbackRequest_agencyId_fkey" FOREIGN KEY ("agencyId") REFERENCES "Agency"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HandbackRequest" ADD CONSTRAINT "HandbackRequest_suggestedAgencyId_fkey" FOREIGN KEY ("suggestedAgencyId") REFERENCES "Agency"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HandbackRequest" ADD CONSTRAINT "HandbackRequest_requestedById_fkey" FOREIGN KEY ("requestedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HandbackRequest" ADD CONSTRAINT "HandbackRequest_decidedById_fkey" FOREIGN KEY ("decidedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ExtensionRequest" ADD CONSTRAINT "ExtensionRequest_recommendationId_fkey" FOREIGN KEY ("recommendationId") REFERENCES "Recommendation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ExtensionRequest" ADD CONSTRAINT "ExtensionRequest_requestedById_fkey" FOREIGN KEY ("requestedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ExtensionRequest" ADD CONSTRAINT "ExtensionRequest_decidedById_fkey" FOREIGN KEY ("decidedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReplyDraft" ADD CONSTRAINT "ReplyDraft_recommendationId_fkey" FOREIGN KEY ("recommendationId") REFERENCES "Recommendation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReplyDraft" ADD CONSTRAINT "ReplyDraft_draftedById_fkey" FOREIGN KEY ("draftedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReplySignoff" ADD CONSTRAINT "ReplySignoff_recommendationId_fkey" FOREIGN KEY ("recommendationId") REFERENCES "Recommendation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReplySignoff" ADD CONSTRAINT "ReplySignoff_agencyId_fkey" FOREIGN KEY ("agencyId") REFERENCES "Agency"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReplySignoff" ADD CONSTRAINT "ReplySignoff_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SupervisionNotice" ADD CONSTRAINT "SupervisionNotice_recommendationId_fkey" FOREIGN KEY ("recommendationId") REFERENCES "Recommendation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SupervisionNotice" ADD CONSTRAINT "SupervisionNotice_agencyId_fkey" FOREIGN KEY ("agencyId") REFERENCES "Agency"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SupervisionNotice" ADD CONSTRAINT "SupervisionNotice_issuedById_fkey" FOREIGN KEY ("issuedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SupervisionNotice" ADD CONSTRAINT "SupervisionNotice_acknowledgedById_fkey" FOREIGN KEY ("acknowledgedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SupervisionNotice" ADD CONSTRAINT "SupervisionNotice_answeredById_fkey" FOREIGN KEY ("answeredById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProposedUpdate" ADD CONSTRAINT "ProposedUpdate_recommendationId_fkey" FOREIGN KEY ("recommendationId") REFERENCES "Recommendation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProposedUpdate" ADD CONSTRAINT "ProposedUpdate_actionId_fkey" FOREIGN KEY ("actionId") REFERENCES "Action"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProposedUpdate" ADD CONSTRAINT "ProposedUpdate_agencyId_fkey" FOREIGN KEY ("agencyId") REFERENCES "Agency"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProposedUpdate" ADD CONSTRAINT "ProposedUpdate_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProposedUpdate" ADD CONSTRAINT "ProposedUpdate_reviewedById_fkey" FOREIGN KEY ("reviewedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProposedUpdate" ADD CONSTRAINT "ProposedUpdate_statusUpdateId_fkey" FOREIGN KEY ("statusUpdateId") REFERENCES "StatusUpdate"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
