-- Hand-written, not generated (see 20261129040000_constraints for why such migrations stand apart).

-- A file belongs to exactly one thing (a piece of evidence, a reply draft or a contact record), is not
-- empty, is kept in a storage the app knows, and its hash is a SHA-256 in hex. SQLite cannot add a CHECK to a table once
-- made: the same rules as triggers.
CREATE TRIGGER "StoredFile_valid_insert" BEFORE INSERT ON "StoredFile"
WHEN (NEW."evidenceId" IS NOT NULL) + (NEW."replyRecommendationId" IS NOT NULL) + (NEW."contactId" IS NOT NULL) <> 1
  OR NEW."size" <= 0 OR NEW."storage" NOT IN ('database', 's3') OR length(NEW."sha256") <> 64
BEGIN SELECT RAISE(ABORT, 'StoredFile: one owner, a size, a known storage and a SHA-256'); END;

-- What a file is never changes (its owner, bytes, type, hash): only its removal is recorded.
CREATE TRIGGER "StoredFile_content_fixed" BEFORE UPDATE ON "StoredFile"
WHEN NEW."evidenceId" IS NOT OLD."evidenceId" OR NEW."replyRecommendationId" IS NOT OLD."replyRecommendationId"
  OR NEW."contactId" IS NOT OLD."contactId"
  OR NEW."name" <> OLD."name" OR NEW."mime" <> OLD."mime" OR NEW."size" <> OLD."size"
  OR NEW."sha256" <> OLD."sha256" OR NEW."storage" <> OLD."storage" OR NEW."storageKey" <> OLD."storageKey"
BEGIN SELECT RAISE(ABORT, 'StoredFile: only removedAt changes'); END;
