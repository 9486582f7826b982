-- Hand-written, not generated: what Prisma's schema language cannot express.
-- Prisma's migrate diff neither sees nor needs these, so the drift check (scripts/db.mjs check)
-- leaves migrations named *_constraints out. Keep every such hand-written rule in one of them.
ALTER TABLE "Proposal" ADD CONSTRAINT "Proposal_code_not_blank" CHECK (length(trim("code")) > 0);
ALTER TABLE "Proposal" ADD CONSTRAINT "Proposal_title_not_blank" CHECK (length(trim("titleZh")) > 0);
ALTER TABLE "Theme" ADD CONSTRAINT "Theme_code_not_blank" CHECK (length(trim("code")) > 0);
ALTER TABLE "Theme" ADD CONSTRAINT "Theme_name_not_blank" CHECK (length(trim("nameZh")) > 0);
ALTER TABLE "Agency" ADD CONSTRAINT "Agency_code_not_blank" CHECK (length(trim("code")) > 0);
ALTER TABLE "Agency" ADD CONSTRAINT "Agency_name_not_blank" CHECK (length(trim("nameZh")) > 0);
ALTER TABLE "Recommendation" ADD CONSTRAINT "Recommendation_code_not_blank" CHECK (length(trim("code")) > 0);
ALTER TABLE "Recommendation" ADD CONSTRAINT "Recommendation_title_not_blank" CHECK (length(trim("titleZh")) > 0);
ALTER TABLE "Recommendation" ADD CONSTRAINT "Recommendation_progress_range" CHECK ("progress" BETWEEN 0 AND 100);
ALTER TABLE "Recommendation" ADD CONSTRAINT "Recommendation_weight_nonnegative" CHECK ("weight" >= 0);
ALTER TABLE "Recommendation" ADD CONSTRAINT "Recommendation_version_positive" CHECK ("version" >= 1);
ALTER TABLE "Recommendation" ADD CONSTRAINT "Recommendation_due_after_start" CHECK ("dueDate" IS NULL OR "startDate" IS NULL OR "dueDate" >= "startDate");
ALTER TABLE "Recommendation" ADD CONSTRAINT "Recommendation_quote_not_blank" CHECK (length(trim("sourceQuote")) > 0);
ALTER TABLE "Action" ADD CONSTRAINT "Action_code_not_blank" CHECK (length(trim("code")) > 0);
ALTER TABLE "Action" ADD CONSTRAINT "Action_title_not_blank" CHECK (length(trim("titleZh")) > 0);
ALTER TABLE "Action" ADD CONSTRAINT "Action_progress_range" CHECK ("progress" BETWEEN 0 AND 100);
ALTER TABLE "Action" ADD CONSTRAINT "Action_weight_nonnegative" CHECK ("weight" >= 0);
ALTER TABLE "Action" ADD CONSTRAINT "Action_version_positive" CHECK ("version" >= 1);
ALTER TABLE "Action" ADD CONSTRAINT "Action_due_after_start" CHECK ("dueDate" IS NULL OR "startDate" IS NULL OR "dueDate" >= "startDate");
ALTER TABLE "Evidence" ADD CONSTRAINT "Evidence_one_parent" CHECK (("recommendationId" IS NULL) <> ("actionId" IS NULL));
ALTER TABLE "Evidence" ADD CONSTRAINT "Evidence_url_http" CHECK ("url" LIKE 'http://%' OR "url" LIKE 'https://%');
ALTER TABLE "Evidence" ADD CONSTRAINT "Evidence_url_length" CHECK (length("url") <= 2000);
ALTER TABLE "Evidence" ADD CONSTRAINT "Evidence_title_not_blank" CHECK (length(trim("titleZh")) > 0);
ALTER TABLE "Evidence" ADD CONSTRAINT "Evidence_withdrawal_has_reason" CHECK (("withdrawnAt" IS NULL) = ("withdrawnReason" IS NULL));
ALTER TABLE "StatusUpdate" ADD CONSTRAINT "StatusUpdate_one_parent" CHECK (("recommendationId" IS NULL) <> ("actionId" IS NULL));
ALTER TABLE "StatusUpdate" ADD CONSTRAINT "StatusUpdate_progress_after_range" CHECK ("progressAfter" BETWEEN 0 AND 100);
ALTER TABLE "StatusUpdate" ADD CONSTRAINT "StatusUpdate_progress_before_range" CHECK ("progressBefore" IS NULL OR "progressBefore" BETWEEN 0 AND 100);
ALTER TABLE "User" ADD CONSTRAINT "User_email_not_blank" CHECK (length(trim("email")) > 0);

-- At most one lead agency (主办) per recommendation and per action.
CREATE UNIQUE INDEX "RecommendationAgency_one_lead" ON "RecommendationAgency"("recommendationId") WHERE "role" = 'lead';
CREATE UNIQUE INDEX "ActionAgency_one_lead" ON "ActionAgency"("actionId") WHERE "role" = 'lead';

-- The history is append-only: no code path may change or remove it.
-- Function bodies are E-strings with \073 for the semicolon: Prisma's pg driver adapter splits
-- migration scripts on every semicolon, even inside a dollar-quoted body.
CREATE FUNCTION "refuse_history_change"() RETURNS trigger LANGUAGE plpgsql
  AS E'BEGIN RAISE EXCEPTION ''% is append-only'', TG_TABLE_NAME\073 END';
CREATE TRIGGER "StatusUpdate_append_only" BEFORE UPDATE OR DELETE ON "StatusUpdate"
  FOR EACH ROW EXECUTE FUNCTION "refuse_history_change"();
CREATE TRIGGER "StatusUpdateEvidence_append_only" BEFORE UPDATE OR DELETE ON "StatusUpdateEvidence"
  FOR EACH ROW EXECUTE FUNCTION "refuse_history_change"();
CREATE TRIGGER "StatusUpdate_no_truncate" BEFORE TRUNCATE ON "StatusUpdate"
  FOR EACH STATEMENT EXECUTE FUNCTION "refuse_history_change"();

-- Evidence is withdrawn, never deleted.
CREATE FUNCTION "refuse_evidence_delete"() RETURNS trigger LANGUAGE plpgsql
  AS E'BEGIN RAISE EXCEPTION ''Evidence is never deleted: withdraw it''\073 END';
CREATE TRIGGER "Evidence_never_deleted" BEFORE DELETE ON "Evidence"
  FOR EACH ROW EXECUTE FUNCTION "refuse_evidence_delete"();
