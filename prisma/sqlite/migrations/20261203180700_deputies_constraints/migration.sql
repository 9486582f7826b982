-- Hand-written, not generated (see 20261129040000_constraints for why such migrations stand apart).

-- RedefineTables: User, for its role CHECK to take 'deputy' (SQLite cannot change a CHECK); a deputy
-- belongs to no agency. Its other CHECKs, indexes and trigger as in 20261203030000_handling_cycle.
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
    CONSTRAINT "User_role_enum" CHECK ("role" IN ('admin','staff','official','office','deputy')),
    CONSTRAINT "User_deputy_has_no_agency" CHECK ("role" <> 'deputy' OR "agencyId" IS NULL),
    CONSTRAINT "User_reviewer_is_staff" CHECK (NOT "isReviewer" OR ("role" = 'staff' AND "agencyId" IS NOT NULL))
);
INSERT INTO "new_User" ("agencyId", "banExpires", "banReason", "banned", "createdAt", "email", "emailVerified", "id", "image", "isReviewer", "name", "role", "updatedAt") SELECT "agencyId", "banExpires", "banReason", "banned", "createdAt", "email", "emailVerified", "id", "image", "isReviewer", "name", "role", "updatedAt" FROM "User";
DROP TABLE "User";
ALTER TABLE "new_User" RENAME TO "User";
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");
CREATE INDEX "User_agencyId_idx" ON "User"("agencyId");
CREATE TRIGGER "User_data_version_update" AFTER UPDATE OF "name" ON "User" BEGIN
  UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "id" = 1;
END;
PRAGMA foreign_keys=ON;
