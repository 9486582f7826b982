-- CreateEnum
CREATE TYPE "RatingQuestionKind" AS ENUM ('scale', 'yes_no', 'text');

-- AlterTable
ALTER TABLE "Proposal" ADD COLUMN     "publicSatisfaction" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "RatingQuestion" (
    "id" TEXT NOT NULL,
    "kind" "RatingQuestionKind" NOT NULL,
    "textZh" TEXT NOT NULL,
    "textEn" TEXT,
    "options" JSONB,
    "sortOrder" INTEGER NOT NULL DEFAULT 0,
    "required" BOOLEAN NOT NULL DEFAULT false,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "RatingQuestion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReplyRating" (
    "id" TEXT NOT NULL,
    "recommendationId" TEXT NOT NULL,
    "round" INTEGER NOT NULL,
    "satisfaction" TEXT NOT NULL,
    "byDeputy" BOOLEAN NOT NULL,
    "proxyReason" TEXT,
    "recordedById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ReplyRating_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RatingAnswer" (
    "ratingId" TEXT NOT NULL,
    "questionId" TEXT NOT NULL,
    "value" TEXT NOT NULL,

    CONSTRAINT "RatingAnswer_pkey" PRIMARY KEY ("ratingId","questionId")
);

-- CreateIndex
CREATE INDEX "RatingQuestion_active_sortOrder_idx" ON "RatingQuestion"("active", "sortOrder");

-- CreateIndex
CREATE INDEX "ReplyRating_recordedById_idx" ON "ReplyRating"("recordedById");

-- CreateIndex
CREATE UNIQUE INDEX "ReplyRating_recommendationId_round_key" ON "ReplyRating"("recommendationId", "round");

-- CreateIndex
CREATE INDEX "RatingAnswer_questionId_idx" ON "RatingAnswer"("questionId");

-- AddForeignKey
ALTER TABLE "ReplyRating" ADD CONSTRAINT "ReplyRating_recommendationId_fkey" FOREIGN KEY ("recommendationId") REFERENCES "Recommendation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReplyRating" ADD CONSTRAINT "ReplyRating_recordedById_fkey" FOREIGN KEY ("recordedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RatingAnswer" ADD CONSTRAINT "RatingAnswer_ratingId_fkey" FOREIGN KEY ("ratingId") REFERENCES "ReplyRating"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RatingAnswer" ADD CONSTRAINT "RatingAnswer_questionId_fkey" FOREIGN KEY ("questionId") REFERENCES "RatingQuestion"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

