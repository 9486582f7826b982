-- CreateTable
CREATE TABLE "DeputyVisit" (
    "userId" TEXT NOT NULL PRIMARY KEY,
    "sinceAt" DATETIME,
    "lastAt" DATETIME NOT NULL,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "DeputyVisit_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

