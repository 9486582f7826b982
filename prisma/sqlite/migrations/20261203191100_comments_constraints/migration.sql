-- Hand-written, not generated (see 20261129040000_constraints for why such migrations stand apart).
-- 讨论 (lib/comments): a comment is never deleted. An edit is a new CommentVersion, a mention a new
-- CommentMention, both append-only. Hiding is once, by someone, with a reason.

CREATE TRIGGER "Comment_never_deleted" BEFORE DELETE ON "Comment"
BEGIN SELECT RAISE(ABORT, 'Comment is never deleted'); END;
CREATE TRIGGER "Comment_insert" BEFORE INSERT ON "Comment"
WHEN NEW."version" < 1
  OR (NEW."hiddenAt" IS NULL) <> (NEW."hiddenById" IS NULL)
  OR (NEW."hiddenAt" IS NULL) <> (length(trim(coalesce(NEW."hiddenReason", ''))) = 0)
  OR (NEW."actionId" IS NOT NULL AND NOT EXISTS (
    SELECT 1 FROM "Action" WHERE "id" = NEW."actionId" AND "recommendationId" = NEW."recommendationId"))
BEGIN SELECT RAISE(ABORT, 'A comment is on an item of its recommendation, and hidden with who and why'); END;
CREATE TRIGGER "Comment_update" BEFORE UPDATE ON "Comment"
WHEN NEW."recommendationId" <> OLD."recommendationId" OR NEW."actionId" IS NOT OLD."actionId"
  OR NEW."authorId" <> OLD."authorId" OR NEW."createdAt" <> OLD."createdAt" OR NEW."version" < OLD."version"
  OR (OLD."hiddenAt" IS NOT NULL AND (NEW."hiddenAt" IS NOT OLD."hiddenAt" OR NEW."hiddenById" IS NOT OLD."hiddenById"
    OR NEW."hiddenReason" IS NOT OLD."hiddenReason"))
  OR (NEW."hiddenAt" IS NULL) <> (NEW."hiddenById" IS NULL)
  OR (NEW."hiddenAt" IS NULL) <> (length(trim(coalesce(NEW."hiddenReason", ''))) = 0)
BEGIN SELECT RAISE(ABORT, 'A comment keeps its item, author and time, and is hidden once, with who and why'); END;

CREATE TRIGGER "CommentVersion_append_only_update" BEFORE UPDATE ON "CommentVersion"
BEGIN SELECT RAISE(ABORT, 'CommentVersion is append-only'); END;
CREATE TRIGGER "CommentVersion_append_only_delete" BEFORE DELETE ON "CommentVersion"
BEGIN SELECT RAISE(ABORT, 'CommentVersion is append-only'); END;
CREATE TRIGGER "CommentVersion_insert" BEFORE INSERT ON "CommentVersion"
WHEN NEW."version" < 1 OR length(trim(NEW."text")) = 0
BEGIN SELECT RAISE(ABORT, 'A comment''s version is numbered from 1 and says something'); END;

CREATE TRIGGER "CommentMention_append_only_update" BEFORE UPDATE ON "CommentMention"
BEGIN SELECT RAISE(ABORT, 'CommentMention is append-only'); END;
CREATE TRIGGER "CommentMention_append_only_delete" BEFORE DELETE ON "CommentMention"
BEGIN SELECT RAISE(ABORT, 'CommentMention is append-only'); END;
CREATE TRIGGER "CommentMention_insert" BEFORE INSERT ON "CommentMention"
WHEN (NEW."userId" IS NULL) = (NEW."agencyId" IS NULL)
BEGIN SELECT RAISE(ABORT, 'A mention names one person or one agency'); END;
