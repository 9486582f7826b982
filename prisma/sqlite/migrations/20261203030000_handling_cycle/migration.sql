-- AlterTable
ALTER TABLE "RecommendationAgency" ADD COLUMN "acknowledgedAt" DATETIME;
ALTER TABLE "RecommendationAgency" ADD COLUMN "viewAt" DATETIME;
ALTER TABLE "RecommendationAgency" ADD COLUMN "viewText" TEXT;

-- CreateTable
CREATE TABLE "CalendarDay" (
    "day" DATETIME NOT NULL PRIMARY KEY,
    "workday" BOOLEAN NOT NULL,
    "nameZh" TEXT NOT NULL,
    "nameEn" TEXT,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "CycleEvent" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "recommendationId" TEXT NOT NULL,
    "step" TEXT NOT NULL,
    "fromStage" TEXT NOT NULL,
    "toStage" TEXT NOT NULL,
    "agencyId" TEXT,
    "actorId" TEXT,
    "note" TEXT,
    "data" JSONB,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "CycleEvent_recommendationId_fkey" FOREIGN KEY ("recommendationId") REFERENCES "Recommendation" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "CycleEvent_agencyId_fkey" FOREIGN KEY ("agencyId") REFERENCES "Agency" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "CycleEvent_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "CycleEvent_check_0" CHECK ("fromStage" IN ('unassigned','assigned','handling','drafting','cosigning','reviewing','submitted','replied','evaluated','closed')),
    CONSTRAINT "CycleEvent_check_1" CHECK ("toStage" IN ('unassigned','assigned','handling','drafting','cosigning','reviewing','submitted','replied','evaluated','closed')),
    CONSTRAINT "CycleEvent_check_2" CHECK (length(trim("step")) > 0)
);

-- CreateTable
CREATE TABLE "HandbackRequest" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "recommendationId" TEXT NOT NULL,
    "agencyId" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "suggestedAgencyId" TEXT,
    "requestedById" TEXT NOT NULL,
    "state" TEXT NOT NULL DEFAULT 'pending',
    "decidedById" TEXT,
    "decidedAt" DATETIME,
    "decisionReason" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "HandbackRequest_recommendationId_fkey" FOREIGN KEY ("recommendationId") REFERENCES "Recommendation" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "HandbackRequest_agencyId_fkey" FOREIGN KEY ("agencyId") REFERENCES "Agency" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "HandbackRequest_suggestedAgencyId_fkey" FOREIGN KEY ("suggestedAgencyId") REFERENCES "Agency" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "HandbackRequest_requestedById_fkey" FOREIGN KEY ("requestedById") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "HandbackRequest_decidedById_fkey" FOREIGN KEY ("decidedById") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "HandbackRequest_check_0" CHECK ("state" IN ('pending','approved','rejected'))
);

-- CreateTable
CREATE TABLE "ExtensionRequest" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "recommendationId" TEXT NOT NULL,
    "previousDueAt" DATETIME NOT NULL,
    "requestedDueAt" DATETIME NOT NULL,
    "reason" TEXT NOT NULL,
    "requestedById" TEXT NOT NULL,
    "state" TEXT NOT NULL DEFAULT 'pending',
    "decidedById" TEXT,
    "decidedAt" DATETIME,
    "decisionReason" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ExtensionRequest_recommendationId_fkey" FOREIGN KEY ("recommendationId") REFERENCES "Recommendation" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "ExtensionRequest_requestedById_fkey" FOREIGN KEY ("requestedById") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "ExtensionRequest_decidedById_fkey" FOREIGN KEY ("decidedById") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "ExtensionRequest_check_0" CHECK ("state" IN ('pending','approved','rejected'))
);

-- CreateTable
CREATE TABLE "ReplyDraft" (
    "recommendationId" TEXT NOT NULL PRIMARY KEY,
    "round" INTEGER NOT NULL DEFAULT 1,
    "replyClass" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "letterUrl" TEXT,
    "draftedById" TEXT NOT NULL,
    "acceptedClass" TEXT,
    "acceptedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "ReplyDraft_recommendationId_fkey" FOREIGN KEY ("recommendationId") REFERENCES "Recommendation" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "ReplyDraft_draftedById_fkey" FOREIGN KEY ("draftedById") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "ReplyDraft_check_0" CHECK ("replyClass" IN ('A','B','C','D')),
    CONSTRAINT "ReplyDraft_check_1" CHECK ("acceptedClass" IS NULL OR "acceptedClass" IN ('A','B','C','D')),
    CONSTRAINT "ReplyDraft_check_2" CHECK ("round" >= 1)
);

-- CreateTable
CREATE TABLE "ReplySignoff" (
    "recommendationId" TEXT NOT NULL,
    "round" INTEGER NOT NULL,
    "agencyId" TEXT NOT NULL,
    "decision" TEXT NOT NULL,
    "comment" TEXT,
    "userId" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,

    PRIMARY KEY ("recommendationId", "round", "agencyId"),
    CONSTRAINT "ReplySignoff_recommendationId_fkey" FOREIGN KEY ("recommendationId") REFERENCES "Recommendation" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "ReplySignoff_agencyId_fkey" FOREIGN KEY ("agencyId") REFERENCES "Agency" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "ReplySignoff_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "ReplySignoff_check_0" CHECK ("decision" IN ('signed','commented')),
    CONSTRAINT "ReplySignoff_check_1" CHECK ("round" >= 1)
);

-- CreateTable
CREATE TABLE "SupervisionNotice" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "recommendationId" TEXT NOT NULL,
    "agencyId" TEXT NOT NULL,
    "level" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "answerDueAt" DATETIME NOT NULL,
    "issuedById" TEXT NOT NULL,
    "acknowledgedAt" DATETIME,
    "acknowledgedById" TEXT,
    "answer" TEXT,
    "answeredAt" DATETIME,
    "answeredById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "SupervisionNotice_recommendationId_fkey" FOREIGN KEY ("recommendationId") REFERENCES "Recommendation" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "SupervisionNotice_agencyId_fkey" FOREIGN KEY ("agencyId") REFERENCES "Agency" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "SupervisionNotice_issuedById_fkey" FOREIGN KEY ("issuedById") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "SupervisionNotice_acknowledgedById_fkey" FOREIGN KEY ("acknowledgedById") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "SupervisionNotice_answeredById_fkey" FOREIGN KEY ("answeredById") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "SupervisionNotice_check_0" CHECK ("level" IN ('blue','yellow','red'))
);

-- CreateTable
CREATE TABLE "ProposedUpdate" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "recommendationId" TEXT,
    "actionId" TEXT,
    "agencyId" TEXT NOT NULL,
    "baseVersion" INTEGER NOT NULL,
    "statusAfter" TEXT NOT NULL,
    "progressAfter" INTEGER NOT NULL,
    "effectiveDate" DATETIME NOT NULL,
    "comment" TEXT,
    "evidence" JSONB,
    "authorId" TEXT NOT NULL,
    "state" TEXT NOT NULL DEFAULT 'pending',
    "reviewedById" TEXT,
    "reviewedAt" DATETIME,
    "reviewReason" TEXT,
    "statusUpdateId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ProposedUpdate_recommendationId_fkey" FOREIGN KEY ("recommendationId") REFERENCES "Recommendation" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "ProposedUpdate_actionId_fkey" FOREIGN KEY ("actionId") REFERENCES "Action" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "ProposedUpdate_agencyId_fkey" FOREIGN KEY ("agencyId") REFERENCES "Agency" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "ProposedUpdate_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "ProposedUpdate_reviewedById_fkey" FOREIGN KEY ("reviewedById") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "ProposedUpdate_statusUpdateId_fkey" FOREIGN KEY ("statusUpdateId") REFERENCES "StatusUpdate" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "ProposedUpdate_check_0" CHECK ("state" IN ('pending','approved','rejected')),
    CONSTRAINT "ProposedUpdate_check_1" CHECK ("statusAfter" IN ('not_started','in_progress','completed','stalled','not_adopted'))
);

-- AlterTable (columns added, not the tables rebuilt: a rebuild would drop their CHECKs and triggers)
ALTER TABLE "Recommendation" ADD COLUMN "stage" TEXT NOT NULL DEFAULT 'unassigned';
ALTER TABLE "Recommendation" ADD COLUMN "priority" BOOLEAN NOT NULL DEFAULT false;
ALTER TABLE "Recommendation" ADD COLUMN "closedAt" DATETIME;
ALTER TABLE "Agency" ADD COLUMN "updatesNeedReview" BOOLEAN NOT NULL DEFAULT false;

-- RedefineTables: User, for its role CHECK to take 'office' (SQLite cannot change a CHECK), with the
-- init migration's other CHECKs, its indexes and its trigger (20261129074500_user_data_version_constraints).
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_User" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "emailVerified" BOOLEAN NOT NULL DEFAULT false,
    "image" TEXT,
    "role" TEXT NOT NULL DEFAULT 'official',
    "isReviewer" BOOLEAN NOT NULL DEFAULT false,
    "agencyId" TEXT,
    "banned" BOOLEAN NOT NULL DEFAULT false,
    "banReason" TEXT,
    "banExpires" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "User_agencyId_fkey" FOREIGN KEY ("agencyId") REFERENCES "Agency" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "User_email_not_blank" CHECK (length(trim("email")) > 0),
    CONSTRAINT "User_role_enum" CHECK ("role" IN ('admin','staff','official','office')),
    CONSTRAINT "User_reviewer_is_staff" CHECK (NOT "isReviewer" OR ("role" = 'staff' AND "agencyId" IS NOT NULL))
);
INSERT INTO "new_User" ("agencyId", "banExpires", "banReason", "banned", "createdAt", "email", "emailVerified", "id", "image", "name", "role", "updatedAt") SELECT "agencyId", "banExpires", "banReason", "banned", "createdAt", "email", "emailVerified", "id", "image", "name", "role", "updatedAt" FROM "User";
DROP TABLE "User";
ALTER TABLE "new_User" RENAME TO "User";
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");
CREATE INDEX "User_agencyId_idx" ON "User"("agencyId");
CREATE TRIGGER "User_data_version_update" AFTER UPDATE OF "name" ON "User" BEGIN
  UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "id" = 1;
END;
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "Recommendation_stage_idx" ON "Recommendation"("stage");

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
