-- Hand-written, not generated (see 20261129040000_constraints for why such migrations stand apart).

-- The default questionnaire (DOMAIN.md "评价"): admins change it on 系统管理 → 评价问卷. The satisfaction
-- scale stays its summary question.
INSERT INTO "RatingQuestion" ("id", "kind", "textZh", "textEn", "options", "sortOrder", "required", "active", "createdAt", "updatedAt") VALUES
  ('rating_question_consulted', 'yes_no', '办理前是否与您沟通', 'Were you consulted before the reply?', NULL, 1, true, true, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP),
  ('rating_question_attitude', 'scale', '办理人员态度', 'The handling staff''s attitude', '[{"zh":"满意","en":"Satisfied"},{"zh":"基本满意","en":"Basically satisfied"},{"zh":"不满意","en":"Dissatisfied"}]', 2, true, true, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP),
  ('rating_question_addresses', 'scale', '答复是否针对建议内容', 'Does the reply address the proposal?', '[{"zh":"针对","en":"Yes"},{"zh":"基本针对","en":"Mostly"},{"zh":"不针对","en":"No"}]', 3, true, true, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP),
  ('rating_question_opinion', 'text', '对办理结果的意见', 'Your view of the result', NULL, 4, false, true, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP);

-- SQLite cannot add a CHECK to a table once made: the same rules as triggers.
CREATE TRIGGER "RatingQuestion_valid_insert" BEFORE INSERT ON "RatingQuestion"
WHEN NEW."kind" NOT IN ('scale','yes_no','text') OR length(trim(NEW."textZh")) = 0
  OR (NEW."kind" = 'scale') <> (NEW."options" IS NOT NULL)
BEGIN SELECT RAISE(ABORT, 'RatingQuestion: invalid kind, text or options'); END;
CREATE TRIGGER "RatingQuestion_valid_update" BEFORE UPDATE ON "RatingQuestion"
WHEN NEW."kind" NOT IN ('scale','yes_no','text') OR length(trim(NEW."textZh")) = 0
  OR (NEW."kind" = 'scale') <> (NEW."options" IS NOT NULL)
BEGIN SELECT RAISE(ABORT, 'RatingQuestion: invalid kind, text or options'); END;

-- A rating is of round 1 (the reply) or 2 (the answer after 不满意), and one recorded on the deputy's behalf
-- (代录) says why, the deputy's own does not.
CREATE TRIGGER "ReplyRating_valid" BEFORE INSERT ON "ReplyRating"
WHEN NEW."round" NOT IN (1, 2) OR length(trim(NEW."satisfaction")) = 0
  OR (NEW."byDeputy" AND NEW."proxyReason" IS NOT NULL)
  OR (NOT NEW."byDeputy" AND length(trim(coalesce(NEW."proxyReason", ''))) = 0)
BEGIN SELECT RAISE(ABORT, 'ReplyRating: invalid round, summary or reason'); END;

-- Ratings and their answers are append-only.
CREATE TRIGGER "ReplyRating_append_only_update" BEFORE UPDATE ON "ReplyRating"
BEGIN SELECT RAISE(ABORT, 'ReplyRating is append-only'); END;
CREATE TRIGGER "ReplyRating_append_only_delete" BEFORE DELETE ON "ReplyRating"
BEGIN SELECT RAISE(ABORT, 'ReplyRating is append-only'); END;
CREATE TRIGGER "RatingAnswer_append_only_update" BEFORE UPDATE ON "RatingAnswer"
BEGIN SELECT RAISE(ABORT, 'RatingAnswer is append-only'); END;
CREATE TRIGGER "RatingAnswer_append_only_delete" BEFORE DELETE ON "RatingAnswer"
BEGIN SELECT RAISE(ABORT, 'RatingAnswer is append-only'); END;
