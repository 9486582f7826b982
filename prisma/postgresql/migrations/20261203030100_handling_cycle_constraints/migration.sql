-- Hand-written, not generated (see 20261129040000_constraints for why such migrations stand apart).
-- The handling cycle (lib/cycle/machine.ts): what the database itself refuses.

-- Recommendations handled before the cycle existed are placed where their dates say they are, and
-- their agencies counted as having acknowledged them when they were assigned.
UPDATE "Recommendation" SET "stage" = CASE
  WHEN "repliedAt" IS NOT NULL AND "feedbackAt" IS NOT NULL THEN 'evaluated'
  WHEN "repliedAt" IS NOT NULL THEN 'replied'
  WHEN EXISTS (SELECT 1 FROM "RecommendationAgency" ra WHERE ra."recommendationId" = "Recommendation"."id" AND ra."role" = 'lead') THEN 'handling'
  ELSE 'unassigned' END::"CycleStage";
UPDATE "RecommendationAgency" SET "acknowledgedAt" = "createdAt";

-- A stage agrees with the dates: a reply is recorded exactly from 已答复 on, a closing exactly when closed.
ALTER TABLE "Recommendation" ADD CONSTRAINT "Recommendation_stage_replied"
  CHECK (("stage" IN ('replied', 'evaluated', 'closed')) = ("repliedAt" IS NOT NULL));
ALTER TABLE "Recommendation" ADD CONSTRAINT "Recommendation_stage_closed"
  CHECK (("stage" = 'closed') = ("closedAt" IS NOT NULL));

-- A reviewer (单位负责人) is a staff member of an agency.
ALTER TABLE "User" ADD CONSTRAINT "User_reviewer_is_staff"
  CHECK (NOT "isReviewer" OR ("role" = 'staff' AND "agencyId" IS NOT NULL));

-- The cycle's history and the sign-offs are append-only.
CREATE TRIGGER "CycleEvent_append_only" BEFORE UPDATE OR DELETE ON "CycleEvent"
  FOR EACH ROW EXECUTE FUNCTION "refuse_history_change"();
CREATE TRIGGER "CycleEvent_no_truncate" BEFORE TRUNCATE ON "CycleEvent"
  FOR EACH STATEMENT EXECUTE FUNCTION "refuse_history_change"();
CREATE TRIGGER "ReplySignoff_append_only" BEFORE UPDATE OR DELETE ON "ReplySignoff"
  FOR EACH ROW EXECUTE FUNCTION "refuse_history_change"();
CREATE TRIGGER "ReplySignoff_no_truncate" BEFORE TRUNCATE ON "ReplySignoff"
  FOR EACH STATEMENT EXECUTE FUNCTION "refuse_history_change"();
ALTER TABLE "ReplySignoff" ADD CONSTRAINT "ReplySignoff_comment_not_blank"
  CHECK ("decision" <> 'commented' OR length(trim(coalesce("comment", ''))) > 0);

-- Requests (退回/改办, 延期) and proposed updates: never deleted, decided once, with who and when, and
-- never changed afterwards, at most one waiting per agency and item.
CREATE FUNCTION "refuse_delete"() RETURNS trigger LANGUAGE plpgsql
  AS E'BEGIN RAISE EXCEPTION ''% is never deleted'', TG_TABLE_NAME\073 END';
CREATE FUNCTION "refuse_redecision"() RETURNS trigger LANGUAGE plpgsql
  AS E'BEGIN IF OLD."state" <> ''pending'' THEN RAISE EXCEPTION ''% is decided once, and never changed afterwards'', TG_TABLE_NAME\073 END IF\073 RETURN NEW\073 END';

ALTER TABLE "HandbackRequest" ADD CONSTRAINT "HandbackRequest_reason_not_blank" CHECK (length(trim("reason")) > 0);
ALTER TABLE "HandbackRequest" ADD CONSTRAINT "HandbackRequest_decided"
  CHECK (("state" = 'pending') = ("decidedAt" IS NULL) AND ("decidedAt" IS NULL) = ("decidedById" IS NULL));
CREATE TRIGGER "HandbackRequest_never_deleted" BEFORE DELETE ON "HandbackRequest"
  FOR EACH ROW EXECUTE FUNCTION "refuse_delete"();
CREATE TRIGGER "HandbackRequest_decided_once" BEFORE UPDATE ON "HandbackRequest"
  FOR EACH ROW EXECUTE FUNCTION "refuse_redecision"();
CREATE TRIGGER "HandbackRequest_asked_as_asked" BEFORE UPDATE OF "recommendationId", "agencyId", "reason", "suggestedAgencyId", "requestedById", "createdAt" ON "HandbackRequest"
  FOR EACH ROW EXECUTE FUNCTION "refuse_history_change"();
CREATE UNIQUE INDEX "HandbackRequest_one_pending" ON "HandbackRequest"("recommendationId", "agencyId") WHERE "state" = 'pending';

ALTER TABLE "ExtensionRequest" ADD CONSTRAINT "ExtensionRequest_reason_not_blank" CHECK (length(trim("reason")) > 0);
ALTER TABLE "ExtensionRequest" ADD CONSTRAINT "ExtensionRequest_later" CHECK ("requestedDueAt" > "previousDueAt");
ALTER TABLE "ExtensionRequest" ADD CONSTRAINT "ExtensionRequest_decided"
  CHECK (("state" = 'pending') = ("decidedAt" IS NULL) AND ("decidedAt" IS NULL) = ("decidedById" IS NULL));
CREATE TRIGGER "ExtensionRequest_never_deleted" BEFORE DELETE ON "ExtensionRequest"
  FOR EACH ROW EXECUTE FUNCTION "refuse_delete"();
CREATE TRIGGER "ExtensionRequest_decided_once" BEFORE UPDATE ON "ExtensionRequest"
  FOR EACH ROW EXECUTE FUNCTION "refuse_redecision"();
CREATE TRIGGER "ExtensionRequest_asked_as_asked" BEFORE UPDATE OF "recommendationId", "previousDueAt", "requestedDueAt", "reason", "requestedById", "createdAt" ON "ExtensionRequest"
  FOR EACH ROW EXECUTE FUNCTION "refuse_history_change"();
CREATE UNIQUE INDEX "ExtensionRequest_one_pending" ON "ExtensionRequest"("recommendationId") WHERE "state" = 'pending';

ALTER TABLE "ProposedUpdate" ADD CONSTRAINT "ProposedUpdate_one_item" CHECK (("recommendationId" IS NULL) <> ("actionId" IS NULL));
ALTER TABLE "ProposedUpdate" ADD CONSTRAINT "ProposedUpdate_progress_range" CHECK ("progressAfter" BETWEEN 0 AND 100);
ALTER TABLE "ProposedUpdate" ADD CONSTRAINT "ProposedUpdate_reviewed"
  CHECK (("state" = 'pending') = ("reviewedAt" IS NULL) AND ("reviewedAt" IS NULL) = ("reviewedById" IS NULL)
    AND ("state" = 'approved') = ("statusUpdateId" IS NOT NULL)
    AND ("state" <> 'rejected' OR length(trim(coalesce("reviewReason", ''))) > 0));
CREATE TRIGGER "ProposedUpdate_never_deleted" BEFORE DELETE ON "ProposedUpdate"
  FOR EACH ROW EXECUTE FUNCTION "refuse_delete"();
CREATE TRIGGER "ProposedUpdate_decided_once" BEFORE UPDATE ON "ProposedUpdate"
  FOR EACH ROW EXECUTE FUNCTION "refuse_redecision"();
CREATE TRIGGER "ProposedUpdate_proposed_as_proposed" BEFORE UPDATE OF "recommendationId", "actionId", "agencyId", "baseVersion", "statusAfter", "progressAfter", "effectiveDate", "comment", "evidence", "authorId", "createdAt" ON "ProposedUpdate"
  FOR EACH ROW EXECUTE FUNCTION "refuse_history_change"();
CREATE UNIQUE INDEX "ProposedUpdate_one_pending_recommendation" ON "ProposedUpdate"("recommendationId") WHERE "state" = 'pending' AND "recommendationId" IS NOT NULL;
CREATE UNIQUE INDEX "ProposedUpdate_one_pending_action" ON "ProposedUpdate"("actionId") WHERE "state" = 'pending' AND "actionId" IS NOT NULL;

-- A 督办单 keeps what the office wrote, the agency acknowledges it once and answers it once.
ALTER TABLE "SupervisionNotice" ADD CONSTRAINT "SupervisionNotice_text_not_blank" CHECK (length(trim("text")) > 0);
ALTER TABLE "SupervisionNotice" ADD CONSTRAINT "SupervisionNotice_acknowledged"
  CHECK (("acknowledgedAt" IS NULL) = ("acknowledgedById" IS NULL));
ALTER TABLE "SupervisionNotice" ADD CONSTRAINT "SupervisionNotice_answered"
  CHECK (("answeredAt" IS NULL) = ("answeredById" IS NULL) AND ("answeredAt" IS NULL) = ("answer" IS NULL)
    AND ("answeredAt" IS NULL OR ("acknowledgedAt" IS NOT NULL AND length(trim("answer")) > 0)));
CREATE FUNCTION "keep_notice"() RETURNS trigger LANGUAGE plpgsql
  AS E'BEGIN IF (OLD."acknowledgedAt" IS NOT NULL AND (NEW."acknowledgedAt", NEW."acknowledgedById") IS DISTINCT FROM (OLD."acknowledgedAt", OLD."acknowledgedById")) OR (OLD."answeredAt" IS NOT NULL AND (NEW."answer", NEW."answeredAt", NEW."answeredById") IS DISTINCT FROM (OLD."answer", OLD."answeredAt", OLD."answeredById")) THEN RAISE EXCEPTION ''A supervision notice is acknowledged once and answered once''\073 END IF\073 RETURN NEW\073 END';
CREATE TRIGGER "SupervisionNotice_never_deleted" BEFORE DELETE ON "SupervisionNotice"
  FOR EACH ROW EXECUTE FUNCTION "refuse_delete"();
CREATE TRIGGER "SupervisionNotice_kept" BEFORE UPDATE ON "SupervisionNotice"
  FOR EACH ROW EXECUTE FUNCTION "keep_notice"();
CREATE TRIGGER "SupervisionNotice_as_issued" BEFORE UPDATE OF "recommendationId", "agencyId", "level", "text", "answerDueAt", "issuedById", "createdAt" ON "SupervisionNotice"
  FOR EACH ROW EXECUTE FUNCTION "refuse_history_change"();

-- The working-day calendar and the cycle's settings change clocks the dashboard counts.
CREATE TRIGGER "CalendarDay_data_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "CalendarDay"
  FOR EACH STATEMENT EXECUTE FUNCTION "mark_data_changed"();
CREATE TRIGGER "AppSetting_data_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "AppSetting"
  FOR EACH STATEMENT EXECUTE FUNCTION "mark_data_changed"();
CREATE TRIGGER "SupervisionNotice_data_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "SupervisionNotice"
  FOR EACH STATEMENT EXECUTE FUNCTION "mark_data_changed"();
