-- CreateTable
CREATE TABLE "Proposal" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "code" TEXT NOT NULL,
    "officialNumber" TEXT,
    "titleZh" TEXT NOT NULL,
    "titleEn" TEXT,
    "authorZh" TEXT NOT NULL,
    "authorEn" TEXT,
    "congressSessionZh" TEXT NOT NULL,
    "congressSessionEn" TEXT,
    "submittedAt" DATETIME NOT NULL,
    "summaryZh" TEXT NOT NULL,
    "summaryEn" TEXT,
    "sourceReferenceZh" TEXT,
    "sourceReferenceEn" TEXT,
    "sourceUrl" TEXT,
    "isSample" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Proposal_code_not_blank" CHECK (length(trim("code")) > 0),
    CONSTRAINT "Proposal_title_not_blank" CHECK (length(trim("titleZh")) > 0)
);

-- CreateTable
CREATE TABLE "Theme" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "code" TEXT NOT NULL,
    "nameZh" TEXT NOT NULL,
    "nameEn" TEXT,
    "sortOrder" INTEGER NOT NULL DEFAULT 0,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Theme_code_not_blank" CHECK (length(trim("code")) > 0),
    CONSTRAINT "Theme_name_not_blank" CHECK (length(trim("nameZh")) > 0)
);

-- CreateTable
CREATE TABLE "Recommendation" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "proposalId" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "sortOrder" INTEGER NOT NULL DEFAULT 0,
    "titleZh" TEXT NOT NULL,
    "titleEn" TEXT,
    "descriptionZh" TEXT NOT NULL,
    "descriptionEn" TEXT,
    "sourceQuote" TEXT NOT NULL,
    "themeId" TEXT,
    "status" TEXT NOT NULL DEFAULT 'not_started',
    "progress" INTEGER NOT NULL DEFAULT 0,
    "startDate" DATETIME,
    "dueDate" DATETIME,
    "weight" REAL NOT NULL DEFAULT 1,
    "assignedAt" DATETIME,
    "replyDueAt" DATETIME,
    "replyExtensionReason" TEXT,
    "repliedAt" DATETIME,
    "replyClass" TEXT,
    "satisfaction" TEXT,
    "feedbackAt" DATETIME,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Recommendation_proposalId_fkey" FOREIGN KEY ("proposalId") REFERENCES "Proposal" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Recommendation_themeId_fkey" FOREIGN KEY ("themeId") REFERENCES "Theme" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Recommendation_code_not_blank" CHECK (length(trim("code")) > 0),
    CONSTRAINT "Recommendation_title_not_blank" CHECK (length(trim("titleZh")) > 0),
    CONSTRAINT "Recommendation_progress_range" CHECK ("progress" BETWEEN 0 AND 100),
    CONSTRAINT "Recommendation_weight_nonnegative" CHECK ("weight" >= 0),
    CONSTRAINT "Recommendation_version_positive" CHECK ("version" >= 1),
    CONSTRAINT "Recommendation_due_after_start" CHECK ("dueDate" IS NULL OR "startDate" IS NULL OR "dueDate" >= "startDate"),
    CONSTRAINT "Recommendation_quote_not_blank" CHECK (length(trim("sourceQuote")) > 0),
    CONSTRAINT "Recommendation_status_enum" CHECK ("status" IN ('not_started','in_progress','completed','stalled','not_adopted')),
    CONSTRAINT "Recommendation_replyClass_enum" CHECK ("replyClass" IS NULL OR "replyClass" IN ('A','B','C','D'))
);

-- CreateTable
CREATE TABLE "Action" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "recommendationId" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "sortOrder" INTEGER NOT NULL DEFAULT 0,
    "titleZh" TEXT NOT NULL,
    "titleEn" TEXT,
    "descriptionZh" TEXT,
    "descriptionEn" TEXT,
    "status" TEXT NOT NULL DEFAULT 'not_started',
    "progress" INTEGER NOT NULL DEFAULT 0,
    "startDate" DATETIME,
    "dueDate" DATETIME,
    "weight" REAL NOT NULL DEFAULT 1,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Action_recommendationId_fkey" FOREIGN KEY ("recommendationId") REFERENCES "Recommendation" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Action_code_not_blank" CHECK (length(trim("code")) > 0),
    CONSTRAINT "Action_title_not_blank" CHECK (length(trim("titleZh")) > 0),
    CONSTRAINT "Action_progress_range" CHECK ("progress" BETWEEN 0 AND 100),
    CONSTRAINT "Action_weight_nonnegative" CHECK ("weight" >= 0),
    CONSTRAINT "Action_version_positive" CHECK ("version" >= 1),
    CONSTRAINT "Action_due_after_start" CHECK ("dueDate" IS NULL OR "startDate" IS NULL OR "dueDate" >= "startDate"),
    CONSTRAINT "Action_status_enum" CHECK ("status" IN ('not_started','in_progress','completed','stalled','not_adopted'))
);

-- CreateTable
CREATE TABLE "Agency" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "code" TEXT NOT NULL,
    "nameZh" TEXT NOT NULL,
    "nameEn" TEXT,
    "shortNameZh" TEXT,
    "shortNameEn" TEXT,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Agency_code_not_blank" CHECK (length(trim("code")) > 0),
    CONSTRAINT "Agency_name_not_blank" CHECK (length(trim("nameZh")) > 0)
);

-- CreateTable
CREATE TABLE "RecommendationAgency" (
    "recommendationId" TEXT NOT NULL,
    "agencyId" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,

    PRIMARY KEY ("recommendationId", "agencyId"),
    CONSTRAINT "RecommendationAgency_recommendationId_fkey" FOREIGN KEY ("recommendationId") REFERENCES "Recommendation" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "RecommendationAgency_agencyId_fkey" FOREIGN KEY ("agencyId") REFERENCES "Agency" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "RecommendationAgency_role_enum" CHECK ("role" IN ('lead','co_handler'))
);

-- CreateTable
CREATE TABLE "ActionAgency" (
    "actionId" TEXT NOT NULL,
    "agencyId" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,

    PRIMARY KEY ("actionId", "agencyId"),
    CONSTRAINT "ActionAgency_actionId_fkey" FOREIGN KEY ("actionId") REFERENCES "Action" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "ActionAgency_agencyId_fkey" FOREIGN KEY ("agencyId") REFERENCES "Agency" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "ActionAgency_role_enum" CHECK ("role" IN ('lead','co_handler'))
);

-- CreateTable
CREATE TABLE "Evidence" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "recommendationId" TEXT,
    "actionId" TEXT,
    "url" TEXT NOT NULL,
    "titleZh" TEXT NOT NULL,
    "titleEn" TEXT,
    "kind" TEXT NOT NULL DEFAULT 'other',
    "publisher" TEXT,
    "publishedAt" DATETIME,
    "note" TEXT,
    "isPublic" BOOLEAN NOT NULL DEFAULT false,
    "withdrawnAt" DATETIME,
    "withdrawnReason" TEXT,
    "createdById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Evidence_recommendationId_fkey" FOREIGN KEY ("recommendationId") REFERENCES "Recommendation" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Evidence_actionId_fkey" FOREIGN KEY ("actionId") REFERENCES "Action" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Evidence_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Evidence_one_parent" CHECK (("recommendationId" IS NULL) <> ("actionId" IS NULL)),
    CONSTRAINT "Evidence_url_http" CHECK ("url" LIKE 'http://%' OR "url" LIKE 'https://%'),
    CONSTRAINT "Evidence_url_length" CHECK (length("url") <= 2000),
    CONSTRAINT "Evidence_title_not_blank" CHECK (length(trim("titleZh")) > 0),
    CONSTRAINT "Evidence_withdrawal_has_reason" CHECK (("withdrawnAt" IS NULL) = ("withdrawnReason" IS NULL)),
    CONSTRAINT "Evidence_kind_enum" CHECK ("kind" IN ('policy_document','news','dataset','repository','report','meeting_minutes','other'))
);

-- CreateTable
CREATE TABLE "StatusUpdate" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "recommendationId" TEXT,
    "actionId" TEXT,
    "statusBefore" TEXT,
    "statusAfter" TEXT NOT NULL,
    "progressBefore" INTEGER,
    "progressAfter" INTEGER NOT NULL,
    "effectiveDate" DATETIME NOT NULL,
    "comment" TEXT,
    "source" TEXT NOT NULL DEFAULT 'form',
    "importFileName" TEXT,
    "authorId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "StatusUpdate_recommendationId_fkey" FOREIGN KEY ("recommendationId") REFERENCES "Recommendation" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "StatusUpdate_actionId_fkey" FOREIGN KEY ("actionId") REFERENCES "Action" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "StatusUpdate_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "StatusUpdate_one_parent" CHECK (("recommendationId" IS NULL) <> ("actionId" IS NULL)),
    CONSTRAINT "StatusUpdate_progress_after_range" CHECK ("progressAfter" BETWEEN 0 AND 100),
    CONSTRAINT "StatusUpdate_progress_before_range" CHECK ("progressBefore" IS NULL OR "progressBefore" BETWEEN 0 AND 100),
    CONSTRAINT "StatusUpdate_statusAfter_enum" CHECK ("statusAfter" IN ('not_started','in_progress','completed','stalled','not_adopted')),
    CONSTRAINT "StatusUpdate_statusBefore_enum" CHECK ("statusBefore" IS NULL OR "statusBefore" IN ('not_started','in_progress','completed','stalled','not_adopted')),
    CONSTRAINT "StatusUpdate_source_enum" CHECK ("source" IN ('form','import','seed'))
);

-- CreateTable
CREATE TABLE "StatusUpdateEvidence" (
    "statusUpdateId" TEXT NOT NULL,
    "evidenceId" TEXT NOT NULL,

    PRIMARY KEY ("statusUpdateId", "evidenceId"),
    CONSTRAINT "StatusUpdateEvidence_statusUpdateId_fkey" FOREIGN KEY ("statusUpdateId") REFERENCES "StatusUpdate" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "StatusUpdateEvidence_evidenceId_fkey" FOREIGN KEY ("evidenceId") REFERENCES "Evidence" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "User" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "emailVerified" BOOLEAN NOT NULL DEFAULT false,
    "image" TEXT,
    "role" TEXT NOT NULL DEFAULT 'official',
    "agencyId" TEXT,
    "banned" BOOLEAN NOT NULL DEFAULT false,
    "banReason" TEXT,
    "banExpires" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "User_agencyId_fkey" FOREIGN KEY ("agencyId") REFERENCES "Agency" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "User_email_not_blank" CHECK (length(trim("email")) > 0),
    CONSTRAINT "User_role_enum" CHECK ("role" IN ('admin','staff','official'))
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
