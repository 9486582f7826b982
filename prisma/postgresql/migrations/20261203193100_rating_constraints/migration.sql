-- Hand-written, not generated (see 20261129040000_constraints for why such migrations stand apart).

-- The default questionnaire (DOMAIN.md "评价"): admins change it on 系统管理 → 评价问卷. The satisfaction
-- scale stays its summary question.
INSERT INTO "RatingQuestion" ("id", "kind", "textZh", "textEn", "options", "sortOrder", "required", "active", "createdAt", "updatedAt") VALUES
  ('rating_question_consulted', 'yes_no', '办理前是否与您沟通', 'Were you consulted before the reply?', NULL, 1, true, true, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP),
  ('rating_question_attitude', 'scale', '办理人员态度', 'The handling staff''s attitude', '[{"zh":"满意","en":"Satisfied"},{"zh":"基本满意","en":"Basically satisfied"},{"zh":"不满意","en":"Dissatisfied"}]', 2, true, true, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP),
  ('rating_question_addresses', 'scale', '答复是否针对建议内容', 'Does the reply address the proposal?', '[{"zh":"针对","en":"Yes"},{"zh":"基本针对","en":"Mostly"},{"zh":"不针对","en":"No"}]', 3, true, true, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP),
  ('rating_question_opinion', 'text', '对办理结果的意见', 'Your view of the result', NULL, 4, false, true, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP);

ALTER TABLE "RatingQuestion" ADD CONSTRAINT "RatingQuestion_text_not_blank" CHECK (length(trim("textZh")) > 0);
ALTER TABLE "RatingQuestion" ADD CONSTRAINT "RatingQuestion_scale_has_options"
  CHECK (("kind" = 'scale') = ("options" IS NOT NULL));

-- A rating is of round 1 (the reply) or 2 (the answer after 不满意), and one recorded on the deputy's behalf
-- (代录) says why, the deputy's own does not.
ALTER TABLE "ReplyRating" ADD CONSTRAINT "ReplyRating_round" CHECK ("round" IN (1, 2));
ALTER TABLE "ReplyRating" ADD CONSTRAINT "ReplyRating_summary_not_blank" CHECK (length(trim("satisfaction")) > 0);
ALTER TABLE "ReplyRating" ADD CONSTRAINT "ReplyRating_proxy_reason"
  CHECK (("byDeputy" AND "proxyReason" IS NULL) OR (NOT "byDeputy" AND length(trim(coalesce("proxyReason", ''))) > 0));

-- Ratings and their answers are append-only.
CREATE TRIGGER "ReplyRating_append_only" BEFORE UPDATE OR DELETE ON "ReplyRating"
  FOR EACH ROW EXECUTE FUNCTION "refuse_history_change"();
CREATE TRIGGER "ReplyRating_no_truncate" BEFORE TRUNCATE ON "ReplyRating"
  FOR EACH STATEMENT EXECUTE FUNCTION "refuse_history_change"();
CREATE TRIGGER "RatingAnswer_append_only" BEFORE UPDATE OR DELETE ON "RatingAnswer"
  FOR EACH ROW EXECUTE FUNCTION "refuse_history_change"();
CREATE TRIGGER "RatingAnswer_no_truncate" BEFORE TRUNCATE ON "RatingAnswer"
  FOR EACH STATEMENT EXECUTE FUNCTION "refuse_history_change"();
