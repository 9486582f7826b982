-- Hand-written, not generated (see 20261129040000_constraints for why such migrations stand apart).

-- Substring search in Chinese (no word boundaries) over titles, descriptions and evidence titles.
-- One search document per recommendation, action and evidence link, kept current by triggers and
-- indexed by an FTS5 trigram index; "itemId" is the recommendation or action the text belongs to.
-- The explicit INTEGER PRIMARY KEY keeps the index rowids stable through VACUUM. Every text ends in
-- two spaces, so that each occurrence of a one- or two-character query starts one of the index's
-- trigrams; "SearchTerms" lists them, and lib/tracking/item-sql.ts searches by them.
CREATE TABLE "SearchDocument" (
    "id" INTEGER NOT NULL PRIMARY KEY,
    "sourceId" TEXT NOT NULL UNIQUE,
    "itemId" TEXT NOT NULL,
    "text" TEXT NOT NULL
);
CREATE VIRTUAL TABLE "SearchIndex" USING fts5("text", content='SearchDocument', content_rowid='id', tokenize='trigram');
CREATE VIRTUAL TABLE "SearchTerms" USING fts5vocab('SearchIndex', 'row');

CREATE TRIGGER "SearchDocument_index_insert" AFTER INSERT ON "SearchDocument" BEGIN
  INSERT INTO "SearchIndex" ("rowid", "text") VALUES (new."id", new."text");
END;
CREATE TRIGGER "SearchDocument_index_update" AFTER UPDATE ON "SearchDocument" BEGIN
  INSERT INTO "SearchIndex" ("SearchIndex", "rowid", "text") VALUES ('delete', old."id", old."text");
  INSERT INTO "SearchIndex" ("rowid", "text") VALUES (new."id", new."text");
END;
CREATE TRIGGER "SearchDocument_index_delete" AFTER DELETE ON "SearchDocument" BEGIN
  INSERT INTO "SearchIndex" ("SearchIndex", "rowid", "text") VALUES ('delete', old."id", old."text");
END;

CREATE TRIGGER "Recommendation_search_insert" AFTER INSERT ON "Recommendation" BEGIN
  INSERT INTO "SearchDocument" ("sourceId", "itemId", "text") VALUES (new."id", new."id",
    new."code" || ' ' || new."titleZh" || ' ' || COALESCE(new."titleEn", '') || ' ' || new."descriptionZh" || ' ' || COALESCE(new."descriptionEn", '') || '  ');
END;
CREATE TRIGGER "Recommendation_search_update" AFTER UPDATE OF "code", "titleZh", "titleEn", "descriptionZh", "descriptionEn" ON "Recommendation" BEGIN
  UPDATE "SearchDocument" SET "text" =
    new."code" || ' ' || new."titleZh" || ' ' || COALESCE(new."titleEn", '') || ' ' || new."descriptionZh" || ' ' || COALESCE(new."descriptionEn", '') || '  '
  WHERE "sourceId" = new."id";
END;
CREATE TRIGGER "Recommendation_search_delete" AFTER DELETE ON "Recommendation" BEGIN
  DELETE FROM "SearchDocument" WHERE "sourceId" = old."id";
END;

CREATE TRIGGER "Action_search_insert" AFTER INSERT ON "Action" BEGIN
  INSERT INTO "SearchDocument" ("sourceId", "itemId", "text") VALUES (new."id", new."id",
    new."code" || ' ' || new."titleZh" || ' ' || COALESCE(new."titleEn", '') || ' ' || COALESCE(new."descriptionZh", '') || ' ' || COALESCE(new."descriptionEn", '') || '  ');
END;
CREATE TRIGGER "Action_search_update" AFTER UPDATE OF "code", "titleZh", "titleEn", "descriptionZh", "descriptionEn" ON "Action" BEGIN
  UPDATE "SearchDocument" SET "text" =
    new."code" || ' ' || new."titleZh" || ' ' || COALESCE(new."titleEn", '') || ' ' || COALESCE(new."descriptionZh", '') || ' ' || COALESCE(new."descriptionEn", '') || '  '
  WHERE "sourceId" = new."id";
END;
CREATE TRIGGER "Action_search_delete" AFTER DELETE ON "Action" BEGIN
  DELETE FROM "SearchDocument" WHERE "sourceId" = old."id";
END;

CREATE TRIGGER "Evidence_search_insert" AFTER INSERT ON "Evidence" BEGIN
  INSERT INTO "SearchDocument" ("sourceId", "itemId", "text") VALUES (new."id",
    COALESCE(new."recommendationId", new."actionId"), new."titleZh" || ' ' || COALESCE(new."titleEn", '') || '  ');
END;
CREATE TRIGGER "Evidence_search_update" AFTER UPDATE OF "titleZh", "titleEn" ON "Evidence" BEGIN
  UPDATE "SearchDocument" SET "text" = new."titleZh" || ' ' || COALESCE(new."titleEn", '') || '  '
  WHERE "sourceId" = new."id";
END;

INSERT INTO "SearchDocument" ("sourceId", "itemId", "text")
  SELECT "id", "id", "code" || ' ' || "titleZh" || ' ' || COALESCE("titleEn", '') || ' ' || "descriptionZh" || ' ' || COALESCE("descriptionEn", '') || '  '
  FROM "Recommendation";
INSERT INTO "SearchDocument" ("sourceId", "itemId", "text")
  SELECT "id", "id", "code" || ' ' || "titleZh" || ' ' || COALESCE("titleEn", '') || ' ' || COALESCE("descriptionZh", '') || ' ' || COALESCE("descriptionEn", '') || '  '
  FROM "Action";
INSERT INTO "SearchDocument" ("sourceId", "itemId", "text")
  SELECT "id", COALESCE("recommendationId", "actionId"), "titleZh" || ' ' || COALESCE("titleEn", '') || '  '
  FROM "Evidence";
