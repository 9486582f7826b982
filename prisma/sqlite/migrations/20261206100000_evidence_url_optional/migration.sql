-- RedefineTables: a piece of evidence may be only a file, without a link. SQLite cannot drop a
-- column's NOT NULL, so the table is rebuilt: the same text as before but for "url" (its columns in the
-- same order, every CHECK kept: the link's hold for a NULL link as SQL's CHECKs do), then its indexes
-- and every trigger on it, which DROP TABLE took with it (the data version, the search documents,
-- never deleted). No trigger of another table names Evidence; the tables that refer to it
-- (StatusUpdateEvidence, StoredFile, LinkCheck) refer to it by name, which the rename restores.
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Evidence" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "recommendationId" TEXT,
    "actionId" TEXT,
    "url" TEXT,
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
    "updatedAt" DATETIME NOT NULL, "isInternal" BOOLEAN NOT NULL DEFAULT false
    CONSTRAINT "Evidence_internal_not_public" CHECK (NOT ("isInternal" AND "isPublic")), "verifiedAt" DATETIME, "verifiedById" TEXT REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
    CONSTRAINT "Evidence_verification_has_verifier" CHECK (("verifiedAt" IS NULL) = ("verifiedById" IS NULL)), "verifiedNote" TEXT,
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
INSERT INTO "new_Evidence" ("id", "recommendationId", "actionId", "url", "titleZh", "titleEn", "kind", "publisher", "publishedAt", "note", "isPublic", "withdrawnAt", "withdrawnReason", "createdById", "createdAt", "updatedAt", "isInternal", "verifiedAt", "verifiedById", "verifiedNote") SELECT "id", "recommendationId", "actionId", "url", "titleZh", "titleEn", "kind", "publisher", "publishedAt", "note", "isPublic", "withdrawnAt", "withdrawnReason", "createdById", "createdAt", "updatedAt", "isInternal", "verifiedAt", "verifiedById", "verifiedNote" FROM "Evidence";
DROP TABLE "Evidence";
ALTER TABLE "new_Evidence" RENAME TO "Evidence";
CREATE INDEX "Evidence_actionId_idx" ON "Evidence"("actionId");
CREATE INDEX "Evidence_recommendationId_idx" ON "Evidence"("recommendationId");
CREATE TRIGGER "Evidence_data_version_delete" AFTER DELETE ON "Evidence" BEGIN UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "Evidence_data_version_insert" AFTER INSERT ON "Evidence" BEGIN UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "Evidence_data_version_update" AFTER UPDATE ON "Evidence" BEGIN UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "Evidence_never_deleted" BEFORE DELETE ON "Evidence"
BEGIN SELECT RAISE(ABORT, 'Evidence is never deleted: withdraw it'); END;
CREATE TRIGGER "Evidence_search_insert" AFTER INSERT ON "Evidence" BEGIN
  INSERT INTO "SearchDocument" ("sourceId", "itemId", "text") VALUES (new."id",
    COALESCE(new."recommendationId", new."actionId"), new."titleZh" || ' ' || COALESCE(new."titleEn", '') || '  ');
END;
CREATE TRIGGER "Evidence_search_update" AFTER UPDATE OF "titleZh", "titleEn" ON "Evidence" BEGIN
  UPDATE "SearchDocument" SET "text" = new."titleZh" || ' ' || COALESCE(new."titleEn", '') || '  '
  WHERE "sourceId" = new."id";
END;
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
