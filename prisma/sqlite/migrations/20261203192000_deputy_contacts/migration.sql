-- CreateTable
CREATE TABLE "DeputyContact" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "recommendationId" TEXT NOT NULL,
    "agencyId" TEXT,
    "contactDate" DATETIME NOT NULL,
    "method" TEXT NOT NULL,
    "participants" TEXT NOT NULL,
    "summary" TEXT NOT NULL,
    "recordedById" TEXT NOT NULL,
    "supersedesId" TEXT,
    "correctionReason" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "DeputyContact_recommendationId_fkey" FOREIGN KEY ("recommendationId") REFERENCES "Recommendation" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "DeputyContact_agencyId_fkey" FOREIGN KEY ("agencyId") REFERENCES "Agency" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "DeputyContact_recordedById_fkey" FOREIGN KEY ("recordedById") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "DeputyContact_supersedesId_fkey" FOREIGN KEY ("supersedesId") REFERENCES "DeputyContact" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "DeputyContactLink" (
    "contactId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "url" TEXT NOT NULL,

    PRIMARY KEY ("contactId", "position"),
    CONSTRAINT "DeputyContactLink_contactId_fkey" FOREIGN KEY ("contactId") REFERENCES "DeputyContact" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "DeputyContactResponse" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "contactId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "decision" TEXT NOT NULL,
    "comment" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "DeputyContactResponse_contactId_fkey" FOREIGN KEY ("contactId") REFERENCES "DeputyContact" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "DeputyContactResponse_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "DeputyContact_supersedesId_key" ON "DeputyContact"("supersedesId");

-- CreateIndex
CREATE INDEX "DeputyContact_recommendationId_contactDate_idx" ON "DeputyContact"("recommendationId", "contactDate");

-- CreateIndex
CREATE UNIQUE INDEX "DeputyContactResponse_contactId_userId_key" ON "DeputyContactResponse"("contactId", "userId");

