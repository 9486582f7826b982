-- CreateEnum
CREATE TYPE "ItemStatus" AS ENUM ('not_started', 'in_progress', 'completed', 'stalled', 'not_adopted');

-- CreateEnum
CREATE TYPE "AgencyRole" AS ENUM ('lead', 'co_handler');

-- CreateEnum
CREATE TYPE "EvidenceKind" AS ENUM ('policy_document', 'news', 'dataset', 'repository', 'report', 'meeting_minutes', 'other');

-- CreateEnum
CREATE TYPE "ReplyClass" AS ENUM ('A', 'B', 'C', 'D');

-- CreateEnum
CREATE TYPE "UserRole" AS ENUM ('admin', 'staff', 'official');

-- CreateEnum
CREATE TYPE "UpdateSource" AS ENUM ('form', 'import', 'seed');

-- CreateTable
CREATE TABLE "Proposal" (
    "id" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "officialNumber" TEXT,
    "titleZh" TEXT NOT NULL,
    "titleEn" TEXT,
    "authorZh" TEXT NOT NULL,
    "authorEn" TEXT,
    "congressSessionZh" TEXT NOT NULL,
    "congressSessionEn" TEXT,
    "submittedAt" TIMESTAMP(3) NOT NULL,
    "summaryZh" TEXT NOT NULL,
    "summaryEn" TEXT,
    "sourceReferenceZh" TEXT,
    "sourceReferenceEn" TEXT,
    "sourceUrl" TEXT,
    "isSample" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Proposal_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Theme" (
    "id" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "nameZh" TEXT NOT NULL,
    "nameEn" TEXT,
    "sortOrder" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Theme_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Recommendation" (
    "id" TEXT NOT NULL,
    "proposalId" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "sortOrder" INTEGER NOT NULL DEFAULT 0,
    "titleZh" TEXT NOT NULL,
    "titleEn" TEXT,
    "descriptionZh" TEXT NOT NULL,
    "descriptionEn" TEXT,
    "sourceQuote" TEXT NOT NULL,
    "themeId" TEXT,
    "status" "ItemStatus" NOT NULL DEFAULT 'not_started',
    "progress" INTEGER NOT NULL DEFAULT 0,
    "startDate" TIMESTAMP(3),
    "dueDate" TIMESTAMP(3),
    "weight" DOUBLE PRECISION NOT NULL DEFAULT 1,
    "assignedAt" TIMESTAMP(3),
    "replyDueAt" TIMESTAMP(3),
    "replyExtensionReason" TEXT,
    "repliedAt" TIMESTAMP(3),
    "replyClass" "ReplyClass",
    "satisfaction" TEXT,
    "feedbackAt" TIMESTAMP(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Recommendation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Action" (
    "id" TEXT NOT NULL,
    "recommendationId" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "sortOrder" INTEGER NOT NULL DEFAULT 0,
    "titleZh" TEXT NOT NULL,
    "titleEn" TEXT,
    "descriptionZh" TEXT,
    "descriptionEn" TEXT,
    "status" "ItemStatus" NOT NULL DEFAULT 'not_started',
    "progress" INTEGER NOT NULL DEFAULT 0,
    "startDate" TIMESTAMP(3),
    "dueDate" TIMESTAMP(3),
    "weight" DOUBLE PRECISION NOT NULL DEFAULT 1,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Action_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Agency" (
    "id" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "nameZh" TEXT NOT NULL,
    "nameEn" TEXT,
    "shortNameZh" TEXT,
    "shortNameEn" TEXT,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Agency_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RecommendationAgency" (
    "recommendationId" TEXT NOT NULL,
    "agencyId" TEXT NOT NULL,
    "role" "AgencyRole" NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RecommendationAgency_pkey" PRIMARY KEY ("recommendationId","agencyId")
);

-- CreateTable
CREATE TABLE "ActionAgency" (
    "actionId" TEXT NOT NULL,
    "agencyId" TEXT NOT NULL,
    "role" "AgencyRole" NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ActionAgency_pkey" PRIMARY KEY ("actionId","agencyId")
);

-- CreateTable
CREATE TABLE "Evidence" (
    "id" TEXT NOT NULL,
    "recommendationId" TEXT,
    "actionId" TEXT,
    "url" TEXT NOT NULL,
    "titleZh" TEXT NOT NULL,
    "titleEn" TEXT,
    "kind" "EvidenceKind" NOT NULL DEFAULT 'other',
    "publisher" TEXT,
    "publishedAt" TIMESTAMP(3),
    "note" TEXT,
    "isPublic" BOOLEAN NOT NULL DEFAULT false,
    "withdrawnAt" TIMESTAMP(3),
    "withdrawnReason" TEXT,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Evidence_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StatusUpdate" (
    "id" TEXT NOT NULL,
    "recommendationId" TEXT,
    "actionId" TEXT,
    "statusBefore" "ItemStatus",
    "statusAfter" "ItemStatus" NOT NULL,
    "progressBefore" INTEGER,
    "progressAfter" INTEGER NOT NULL,
    "effectiveDate" TIMESTAMP(3) NOT NULL,
    "comment" TEXT,
    "source" "UpdateSource" NOT NULL DEFAULT 'form',
    "importFileName" TEXT,
    "authorId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "StatusUpdate_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StatusUpdateEvidence" (
    "statusUpdateId" TEXT NOT NULL,
    "evidenceId" TEXT NOT NULL,

    CONSTRAINT "StatusUpdateEvidence_pkey" PRIMARY KEY ("statusUpdateId","evidenceId")
);

-- CreateTable
CREATE TABLE "User" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "emailVerified" BOOLEAN NOT NULL DEFAULT false,
    "image" TEXT,
    "role" "UserRole" NOT NULL DEFAULT 'official',
    "agencyId" TEXT,
    "banned" BOOLEAN NOT NULL DEFAULT false,
    "banReason" TEXT,
    "banExpires" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Proposal_code_key" ON "Proposal"("code");

-- CreateIndex
CREATE UNIQUE INDEX "Theme_code_key" ON "Theme"("code");

-- CreateIndex
CREATE UNIQUE INDEX "Theme_nameZh_key" ON "Theme"("nameZh");

-- CreateIndex
CREATE INDEX "Recommendation_themeId_idx" ON "Recommendation"("themeId");

-- CreateIndex
CREATE INDEX "Recommendation_status_idx" ON "Recommendation"("status");

-- CreateIndex
CREATE INDEX "Recommendation_dueDate_idx" ON "Recommendation"("dueDate");

-- CreateIndex
CREATE UNIQUE INDEX "Recommendation_proposalId_code_key" ON "Recommendation"("proposalId", "code");

-- CreateIndex
CREATE INDEX "Action_status_idx" ON "Action"("status");

-- CreateIndex
CREATE INDEX "Action_dueDate_idx" ON "Action"("dueDate");

-- CreateIndex
CREATE UNIQUE INDEX "Action_recommendationId_code_key" ON "Action"("recommendationId", "code");

-- CreateIndex
CREATE UNIQUE INDEX "Agency_code_key" ON "Agency"("code");

-- CreateIndex
CREATE UNIQUE INDEX "Agency_nameZh_key" ON "Agency"("nameZh");

-- CreateIndex
CREATE INDEX "RecommendationAgency_agencyId_idx" ON "RecommendationAgency"("agencyId");

-- CreateIndex
CREATE INDEX "ActionAgency_agencyId_idx" ON "ActionAgency"("agencyId");

-- CreateIndex
CREATE INDEX "Evidence_recommendationId_idx" ON "Evidence"("recommendationId");

-- CreateIndex
CREATE INDEX "Evidence_actionId_idx" ON "Evidence"("actionId");

-- CreateIndex
CREATE INDEX "StatusUpdate_recommendationId_effectiveDate_idx" ON "StatusUpdate"("recommendationId", "effectiveDate");

-- CreateIndex
CREATE INDEX "StatusUpdate_actionId_effectiveDate_idx" ON "StatusUpdate"("actionId", "effectiveDate");

-- CreateIndex
CREATE INDEX "StatusUpdate_effectiveDate_idx" ON "StatusUpdate"("effectiveDate");

-- CreateIndex
CREATE INDEX "StatusUpdateEvidence_evidenceId_idx" ON "StatusUpdateEvidence"("evidenceId");

-- CreateIndex
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");

-- CreateIndex
CREATE INDEX "User_agencyId_idx" ON "User"("agencyId");

-- AddForeignKey
ALTER TABLE "Recommendation" ADD CONSTRAINT "Recommendation_proposalId_fkey" FOREIGN KEY ("proposalId") REFERENCES "Proposal"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Recommendation" ADD CONSTRAINT "Recommendation_themeId_fkey" FOREIGN KEY ("themeId") REFERENCES "Theme"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Action" ADD CONSTRAINT "Action_recommendationId_fkey" FOREIGN KEY ("recommendationId") REFERENCES "Recommendation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RecommendationAgency" ADD CONSTRAINT "RecommendationAgency_recommendationId_fkey" FOREIGN KEY ("recommendationId") REFERENCES "Recommendation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RecommendationAgency" ADD CONSTRAINT "RecommendationAgency_agencyId_fkey" FOREIGN KEY ("agencyId") REFERENCES "Agency"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ActionAgency" ADD CONSTRAINT "ActionAgency_actionId_fkey" FOREIGN KEY ("actionId") REFERENCES "Action"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ActionAgency" ADD CONSTRAINT "ActionAgency_agencyId_fkey" FOREIGN KEY ("agencyId") REFERENCES "Agency"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Evidence" ADD CONSTRAINT "Evidence_recommendationId_fkey" FOREIGN KEY ("recommendationId") REFERENCES "Recommendation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Evidence" ADD CONSTRAINT "Evidence_actionId_fkey" FOREIGN KEY ("actionId") REFERENCES "Action"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Evidence" ADD CONSTRAINT "Evidence_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StatusUpdate" ADD CONSTRAINT "StatusUpdate_recommendationId_fkey" FOREIGN KEY ("recommendationId") REFERENCES "Recommendation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StatusUpdate" ADD CONSTRAINT "StatusUpdate_actionId_fkey" FOREIGN KEY ("actionId") REFERENCES "Action"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StatusUpdate" ADD CONSTRAINT "StatusUpdate_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StatusUpdateEvidence" ADD CONSTRAINT "StatusUpdateEvidence_statusUpdateId_fkey" FOREIGN KEY ("statusUpdateId") REFERENCES "StatusUpdate"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StatusUpdateEvidence" ADD CONSTRAINT "StatusUpdateEvidence_evidenceId_fkey" FOREIGN KEY ("evidenceId") REFERENCES "Evidence"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "User" ADD CONSTRAINT "User_agencyId_fkey" FOREIGN KEY ("agencyId") REFERENCES "Agency"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
