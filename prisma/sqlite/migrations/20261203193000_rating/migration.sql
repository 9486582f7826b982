-- CreateTable
CREATE TABLE "RatingQuestion" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "kind" TEXT NOT NULL,
    "textZh" TEXT NOT NULL,
    "textEn" TEXT,
    "options" JSONB,
    "sortOrder" INTEGER NOT NULL DEFAULT 0,
    "required" BOOLEAN NOT NULL DEFAULT false,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "ReplyRating" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "recommendationId" TEXT NOT NULL,
    "round" INTEGER NOT NULL,
    "satisfaction" TEXT NOT NULL,
    "byDeputy" BOOLEAN NOT NULL,
    "proxyReason" TEXT,
    "recordedById" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ReplyRating_recommendationId_fkey" FOREIGN KEY ("recommendationId") REFERENCES "Recommendation" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "ReplyRating_recordedById_fkey" FOREIGN KEY ("recordedById") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "RatingAnswer" (
    "ratingId" TEXT NOT NULL,
    "questionId" TEXT NOT NULL,
    "value" TEXT NOT NULL,

    PRIMARY KEY ("ratingId", "questionId"),
    CONSTRAINT "RatingAnswer_ratingId_fkey" FOREIGN KEY ("ratingId") REFERENCES "ReplyRating" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "RatingAnswer_questionId_fkey" FOREIGN KEY ("questionId") REFERENCES "RatingQuestion" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- AlterTable (added in place: rebuilding Proposal would drop its CHECKs and triggers)
ALTER TABLE "Proposal" ADD COLUMN "publicSatisfaction" BOOLEAN NOT NULL DEFAULT false;

-- CreateIndex
CREATE INDEX "RatingQuestion_active_sortOrder_idx" ON "RatingQuestion"("active", "sortOrder");

-- CreateIndex
CREATE INDEX "ReplyRating_recordedById_idx" ON "ReplyRating"("recordedById");

-- CreateIndex
CREATE UNIQUE INDEX "ReplyRating_recommendationId_round_key" ON "ReplyRating"("recommendationId", "round");

-- CreateIndex
CREATE INDEX "RatingAnswer_questionId_idx" ON "RatingAnswer"("questionId");

