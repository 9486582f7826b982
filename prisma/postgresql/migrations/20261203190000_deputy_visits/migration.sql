-- CreateTable
CREATE TABLE "DeputyVisit" (
    "userId" TEXT NOT NULL,
    "sinceAt" TIMESTAMP(3),
    "lastAt" TIMESTAMP(3) NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "DeputyVisit_pkey" PRIMARY KEY ("userId")
);

-- AddForeignKey
ALTER TABLE "DeputyVisit" ADD CONSTRAINT "DeputyVisit_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

