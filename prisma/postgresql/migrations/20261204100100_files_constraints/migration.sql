-- Hand-written, not generated (see 20261129040000_constraints for why such migrations stand apart).

-- A file belongs to exactly one thing (a piece of evidence, a reply draft or a contact record), is not
-- empty, is kept in a storage the app knows, and its hash is a SHA-256 in hex.
ALTER TABLE "StoredFile" ADD CONSTRAINT "StoredFile_one_owner"
  CHECK (num_nonnulls("evidenceId", "replyRecommendationId", "contactId") = 1);
ALTER TABLE "StoredFile" ADD CONSTRAINT "StoredFile_not_empty" CHECK ("size" > 0);
ALTER TABLE "StoredFile" ADD CONSTRAINT "StoredFile_storage" CHECK ("storage" IN ('database', 's3'));
ALTER TABLE "StoredFile" ADD CONSTRAINT "StoredFile_sha256" CHECK (length("sha256") = 64);

-- What a file is never changes (its owner, bytes, type, hash): only its removal is recorded. The
-- function's body is an E-string with \073 for the semicolon (see 20261129040000_constraints).
CREATE FUNCTION "StoredFile_refuse_change"() RETURNS trigger LANGUAGE plpgsql
  AS E'BEGIN RAISE EXCEPTION ''StoredFile: only removedAt changes''\073 END';
CREATE TRIGGER "StoredFile_content_fixed" BEFORE UPDATE ON "StoredFile"
  FOR EACH ROW WHEN (NEW."evidenceId" IS DISTINCT FROM OLD."evidenceId"
    OR NEW."replyRecommendationId" IS DISTINCT FROM OLD."replyRecommendationId"
    OR NEW."contactId" IS DISTINCT FROM OLD."contactId"
    OR NEW."name" <> OLD."name" OR NEW."mime" <> OLD."mime" OR NEW."size" <> OLD."size"
    OR NEW."sha256" <> OLD."sha256" OR NEW."storage" <> OLD."storage"
    OR NEW."storageKey" <> OLD."storageKey")
  EXECUTE FUNCTION "StoredFile_refuse_change"();
