-- Hand-written, not generated (see 20261129040000_constraints for why such migrations stand apart).

-- Substring search in Chinese (no word boundaries) over titles, descriptions and evidence titles.
-- One search document per recommendation, action and evidence link, kept current by triggers and
-- indexed by a pg_trgm GIN index (which serves ILIKE patterns). "itemId" is the recommendation or
-- action the text belongs to.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE TABLE "SearchDocument" (
    "id" BIGSERIAL PRIMARY KEY,
    "sourceId" TEXT NOT NULL UNIQUE,
    "itemId" TEXT NOT NULL,
    "text" TEXT NOT NULL
);
CREATE INDEX "SearchDocument_text_trgm" ON "SearchDocument" USING gin ("text" gin_trgm_ops);

CREATE FUNCTION "search_text"(VARIADIC parts TEXT[]) RETURNS TEXT LANGUAGE sql IMMUTABLE
  AS E'SELECT array_to_string(parts, '' '', '''')';

CREATE FUNCTION "index_item_for_search"() RETURNS trigger LANGUAGE plpgsql
  AS E'BEGIN IF TG_OP = ''DELETE'' THEN DELETE FROM "SearchDocument" WHERE "sourceId" = OLD."id"\073 RETURN OLD\073 END IF\073 INSERT INTO "SearchDocument" ("sourceId", "itemId", "text") VALUES (NEW."id", NEW."id", "search_text"(NEW."code", NEW."titleZh", NEW."titleEn", NEW."descriptionZh", NEW."descriptionEn")) ON CONFLICT ("sourceId") DO UPDATE SET "text" = EXCLUDED."text"\073 RETURN NEW\073 END';
CREATE TRIGGER "Recommendation_search" AFTER INSERT OR DELETE OR UPDATE OF "code", "titleZh", "titleEn", "descriptionZh", "descriptionEn" ON "Recommendation"
  FOR EACH ROW EXECUTE FUNCTION "index_item_for_search"();
CREATE TRIGGER "Action_search" AFTER INSERT OR DELETE OR UPDATE OF "code", "titleZh", "titleEn", "descriptionZh", "descriptionEn" ON "Action"
  FOR EACH ROW EXECUTE FUNCTION "index_item_for_search"();

CREATE FUNCTION "index_evidence_for_search"() RETURNS trigger LANGUAGE plpgsql
  AS E'BEGIN INSERT INTO "SearchDocument" ("sourceId", "itemId", "text") VALUES (NEW."id", COALESCE(NEW."recommendationId", NEW."actionId"), "search_text"(NEW."titleZh", NEW."titleEn")) ON CONFLICT ("sourceId") DO UPDATE SET "text" = EXCLUDED."text"\073 RETURN NEW\073 END';
CREATE TRIGGER "Evidence_search" AFTER INSERT OR UPDATE OF "titleZh", "titleEn" ON "Evidence"
  FOR EACH ROW EXECUTE FUNCTION "index_evidence_for_search"();

INSERT INTO "SearchDocument" ("sourceId", "itemId", "text")
  SELECT "id", "id", "search_text"("code", "titleZh", "titleEn", "descriptionZh", "descriptionEn") FROM "Recommendation";
INSERT INTO "SearchDocument" ("sourceId", "itemId", "text")
  SELECT "id", "id", "search_text"("code", "titleZh", "titleEn", "descriptionZh", "descriptionEn") FROM "Action";
INSERT INTO "SearchDocument" ("sourceId", "itemId", "text")
  SELECT "id", COALESCE("recommendationId", "actionId"), "search_text"("titleZh", "titleEn") FROM "Evidence";
