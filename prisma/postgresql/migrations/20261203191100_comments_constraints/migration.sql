-- Hand-written, not generated (see 20261129040000_constraints for why such migrations stand apart).
-- 讨论 (lib/comments): a comment is never deleted. An edit is a new CommentVersion, a mention a new
-- CommentMention, both append-only. Hiding is once, by someone, with a reason.

ALTER TABLE "Comment" ADD CONSTRAINT "Comment_version_positive" CHECK ("version" >= 1);
ALTER TABLE "Comment" ADD CONSTRAINT "Comment_hidden"
  CHECK (("hiddenAt" IS NULL) = ("hiddenById" IS NULL)
    AND ("hiddenAt" IS NULL) = (length(trim(coalesce("hiddenReason", ''))) = 0));
CREATE TRIGGER "Comment_never_deleted" BEFORE DELETE ON "Comment"
  FOR EACH ROW EXECUTE FUNCTION "refuse_delete"();
CREATE TRIGGER "Comment_no_truncate" BEFORE TRUNCATE ON "Comment"
  FOR EACH STATEMENT EXECUTE FUNCTION "refuse_history_change"();
CREATE TRIGGER "Comment_kept_as_posted" BEFORE UPDATE OF "recommendationId", "actionId", "authorId", "createdAt" ON "Comment"
  FOR EACH ROW EXECUTE FUNCTION "refuse_history_change"();
CREATE FUNCTION "comment_update_rules"() RETURNS trigger LANGUAGE plpgsql
  AS E'BEGIN IF NEW."version" < OLD."version" OR (OLD."hiddenAt" IS NOT NULL AND (NEW."hiddenAt" IS DISTINCT FROM OLD."hiddenAt" OR NEW."hiddenById" IS DISTINCT FROM OLD."hiddenById" OR NEW."hiddenReason" IS DISTINCT FROM OLD."hiddenReason")) THEN RAISE EXCEPTION ''A comment is hidden once, and its versions only grow''\073 END IF\073 RETURN NEW\073 END';
CREATE TRIGGER "Comment_update" BEFORE UPDATE ON "Comment"
  FOR EACH ROW EXECUTE FUNCTION "comment_update_rules"();
CREATE FUNCTION "comment_on_its_recommendation"() RETURNS trigger LANGUAGE plpgsql
  AS E'BEGIN IF NEW."actionId" IS NOT NULL AND NOT EXISTS (SELECT 1 FROM "Action" WHERE "id" = NEW."actionId" AND "recommendationId" = NEW."recommendationId") THEN RAISE EXCEPTION ''A comment on an action is on its recommendation''\073 END IF\073 RETURN NEW\073 END';
CREATE TRIGGER "Comment_insert" BEFORE INSERT ON "Comment"
  FOR EACH ROW EXECUTE FUNCTION "comment_on_its_recommendation"();

ALTER TABLE "CommentVersion" ADD CONSTRAINT "CommentVersion_version_positive" CHECK ("version" >= 1);
ALTER TABLE "CommentVersion" ADD CONSTRAINT "CommentVersion_text_not_blank" CHECK (length(trim("text")) > 0);
CREATE TRIGGER "CommentVersion_append_only" BEFORE UPDATE OR DELETE ON "CommentVersion"
  FOR EACH ROW EXECUTE FUNCTION "refuse_history_change"();
CREATE TRIGGER "CommentVersion_no_truncate" BEFORE TRUNCATE ON "CommentVersion"
  FOR EACH STATEMENT EXECUTE FUNCTION "refuse_history_change"();

ALTER TABLE "CommentMention" ADD CONSTRAINT "CommentMention_one_target" CHECK (("userId" IS NULL) <> ("agencyId" IS NULL));
CREATE TRIGGER "CommentMention_append_only" BEFORE UPDATE OR DELETE ON "CommentMention"
  FOR EACH ROW EXECUTE FUNCTION "refuse_history_change"();
CREATE TRIGGER "CommentMention_no_truncate" BEFORE TRUNCATE ON "CommentMention"
  FOR EACH STATEMENT EXECUTE FUNCTION "refuse_history_change"();
