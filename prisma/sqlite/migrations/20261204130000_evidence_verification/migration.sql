-- AlterTable (added columns, not a rebuild: Evidence keeps its CHECKs and triggers). The CHECKs ride
-- on the columns, as SQLite can add no table constraint later: internal evidence is never public, and
-- a verification names who made it.
ALTER TABLE "Evidence" ADD COLUMN "isInternal" BOOLEAN NOT NULL DEFAULT false
    CONSTRAINT "Evidence_internal_not_public" CHECK (NOT ("isInternal" AND "isPublic"));
ALTER TABLE "Evidence" ADD COLUMN "verifiedAt" DATETIME;
ALTER TABLE "Evidence" ADD COLUMN "verifiedById" TEXT REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
    CONSTRAINT "Evidence_verification_has_verifier" CHECK (("verifiedAt" IS NULL) = ("verifiedById" IS NULL));
ALTER TABLE "Evidence" ADD COLUMN "verifiedNote" TEXT;
