-- CreateEnum
CREATE TYPE "ContactMethod" AS ENUM ('in_person', 'visit', 'phone', 'forum', 'other');

-- CreateEnum
CREATE TYPE "ContactResponseDecision" AS ENUM ('confirmed', 'disputed');

-- CreateTable
CREATE TABLE "DeputyContact" (
    "id" TEXT NOT NULL,
    "recommendationId" TEXT NOT NULL,
    "agencyId" TEXT,
    "contactDate" TIMESTAMP(3) NOT NULL,
    "method" "ContactMethod" NOT NULL,
    "participants" TEXT NOT NULL,
    "summary" TEXT NOT NULL,
    "recordedById" TEXT NOT NULL,
    "supersedesId" TEXT,
    "correctionReason" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DeputyContact_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DeputyContactLink" (
    "contactId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "url" TEXT NOT NULL,

    CONSTRAINT "DeputyContactLink_pkey" PRIMARY KEY ("contactId","position")
);

-- CreateTable
CREATE TABLE "DeputyContactResponse" (
    "id" TEXT NOT NULL,
    "contactId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "decision" "ContactResponseDecision" NOT NULL,
    "comment" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DeputyContactResponse_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "DeputyContact_supersedesId_key" ON "DeputyContact"("supersedesId");

-- CreateIndex
CREATE INDEX "DeputyContact_recommendationId_contactDate_idx" ON "DeputyContact"("recommendationId", "contactDate");

-- CreateIndex
CREATE UNIQUE INDEX "DeputyContactResponse_contactId_userId_key" ON "DeputyContactResponse"("contactId", "userId");

-- AddForeignKey
ALTER TABLE "DeputyContact" ADD CONSTRAINT "DeputyContact_recommendationId_fkey" FOREIGN KEY ("recommendationId") REFERENCES "Recommendation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DeputyContact" ADD CONSTRAINT "DeputyContact_agencyId_fkey" FOREIGN KEY ("agencyId") REFERENCES "Agency"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DeputyContact" ADD CONSTRAINT "DeputyContact_recordedById_fkey" FOREIGN KEY ("recordedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DeputyContact" ADD CONSTRAINT "DeputyContact_supersedesId_fkey" FOREIGN KEY ("supersedesId") REFERENCES "DeputyContact"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DeputyContactLink" ADD CONSTRAINT "DeputyContactLink_contactId_fkey" FOREIGN KEY ("contactId") REFERENCES "DeputyContact"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DeputyContactResponse" ADD CONSTRAINT "DeputyContactResponse_contactId_fkey" FOREIGN KEY ("contactId") REFERENCES "DeputyContact"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DeputyContactResponse" ADD CONSTRAINT "DeputyContactResponse_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

