-- Hand-written, not generated (see 20261129040000_constraints for why such migrations stand apart).
-- The handling cycle (lib/cycle/machine.ts): what the database itself refuses.

-- Recommendations handled before the cycle existed are placed where their dates say they are, and
-- their agencies counted as having acknowledged them when they were assigned.
UPDATE "Recommendation" SET "stage" = CASE
  WHEN "repliedAt" IS NOT NULL AND "feedbackAt" IS NOT NULL THEN 'evaluated'
  WHEN "repliedAt" IS NOT NULL THEN 'replied'
  WHEN EXISTS (SELECT 1 FROM "RecommendationAgency" ra WHERE ra."recommendationId" = "Recommendation"."id" AND ra."role" = 'lead') THEN 'handling'
  ELSE 'unassigned' END;
UPDATE "RecommendationAgency" SET "acknowledgedAt" = "createdAt";

-- A stage is one of the cycle's (PostgreSQL's enum type says so itself).
CREATE TRIGGER "Recommendation_stage_enum_insert" BEFORE INSERT ON "Recommendation"
WHEN NEW."stage" NOT IN ('unassigned','assigned','handling','drafting','cosigning','reviewing','submitted','replied','evaluated','closed')
BEGIN SELECT RAISE(ABORT, 'Recommendation stage is not one of the cycle''s'); END;
CREATE TRIGGER "Recommendation_stage_enum_update" BEFORE UPDATE OF "stage" ON "Recommendation"
WHEN NEW."stage" NOT IN ('unassigned','assigned','handling','drafting','cosigning','reviewing','submitted','replied','evaluated','closed')
BEGIN SELECT RAISE(ABORT, 'Recommendation stage is not one of the cycle''s'); END;

-- A stage agrees with the dates: a reply is recorded exactly from 已答复 on, a closing exactly when closed.
CREATE TRIGGER "Recommendation_stage_insert" BEFORE INSERT ON "Recommendation"
WHEN (NEW."stage" IN ('replied', 'evaluated', 'closed')) <> (NEW."repliedAt" IS NOT NULL)
  OR (NEW."stage" = 'closed') <> (NEW."closedAt" IS NOT NULL)
BEGIN SELECT RAISE(ABORT, 'Recommendation stage disagrees with repliedAt or closedAt'); END;
CREATE TRIGGER "Recommendation_stage_update" BEFORE UPDATE OF "stage", "repliedAt", "closedAt" ON "Recommendation"
WHEN (NEW."stage" IN ('replied', 'evaluated', 'closed')) <> (NEW."repliedAt" IS NOT NULL)
  OR (NEW."stage" = 'closed') <> (NEW."closedAt" IS NOT NULL)
BEGIN SELECT RAISE(ABORT, 'Recommendation stage disagrees with repliedAt or closedAt'); END;

-- A reviewer (单位负责人) is a staff member of an agency: the CHECK of the User table (20261203030000).

-- The cycle's history and the sign-offs are append-only.
CREATE TRIGGER "CycleEvent_append_only_update" BEFORE UPDATE ON "CycleEvent"
BEGIN SELECT RAISE(ABORT, 'CycleEvent is append-only'); END;
CREATE TRIGGER "CycleEvent_append_only_delete" BEFORE DELETE ON "CycleEvent"
BEGIN SELECT RAISE(ABORT, 'CycleEvent is append-only'); END;
CREATE TRIGGER "ReplySignoff_append_only_update" BEFORE UPDATE ON "ReplySignoff"
BEGIN SELECT RAISE(ABORT, 'ReplySignoff is append-only'); END;
CREATE TRIGGER "ReplySignoff_append_only_delete" BEFORE DELETE ON "ReplySignoff"
BEGIN SELECT RAISE(ABORT, 'ReplySignoff is append-only'); END;
CREATE TRIGGER "ReplySignoff_not_blank" BEFORE INSERT ON "ReplySignoff"
WHEN NEW."decision" = 'commented' AND length(trim(coalesce(NEW."comment", ''))) = 0
BEGIN SELECT RAISE(ABORT, 'A comment on a draft reply says something'); END;

-- Requests (退回/改办, 延期) and proposed updates: never deleted, decided once, with who and when, and
-- never changed afterwards, at most one waiting per agency and item.
CREATE TRIGGER "HandbackRequest_never_deleted" BEFORE DELETE ON "HandbackRequest"
BEGIN SELECT RAISE(ABORT, 'HandbackRequest is never deleted'); END;
CREATE TRIGGER "HandbackRequest_decided_once" BEFORE UPDATE ON "HandbackRequest"
WHEN OLD."state" <> 'pending' OR NEW."state" = 'pending' OR NEW."decidedById" IS NULL OR NEW."decidedAt" IS NULL
  OR NEW."recommendationId" <> OLD."recommendationId" OR NEW."agencyId" <> OLD."agencyId" OR NEW."reason" <> OLD."reason"
  OR NEW."suggestedAgencyId" IS NOT OLD."suggestedAgencyId" OR NEW."requestedById" <> OLD."requestedById" OR NEW."createdAt" <> OLD."createdAt"
BEGIN SELECT RAISE(ABORT, 'A request is decided once, and never changed afterwards'); END;
CREATE TRIGGER "HandbackRequest_insert" BEFORE INSERT ON "HandbackRequest"
WHEN length(trim(NEW."reason")) = 0 OR (NEW."state" = 'pending') <> (NEW."decidedAt" IS NULL)
  OR (NEW."decidedAt" IS NULL) <> (NEW."decidedById" IS NULL)
BEGIN SELECT RAISE(ABORT, 'A request has a reason, and is decided with who and when'); END;
CREATE UNIQUE INDEX "HandbackRequest_one_pending" ON "HandbackRequest"("recommendationId", "agencyId") WHERE "state" = 'pending';

CREATE TRIGGER "ExtensionRequest_never_deleted" BEFORE DELETE ON "ExtensionRequest"
BEGIN SELECT RAISE(ABORT, 'ExtensionRequest is never deleted'); END;
CREATE TRIGGER "ExtensionRequest_decided_once" BEFORE UPDATE ON "ExtensionRequest"
WHEN OLD."state" <> 'pending' OR NEW."state" = 'pending' OR NEW."decidedById" IS NULL OR NEW."decidedAt" IS NULL
  OR NEW."recommendationId" <> OLD."recommendationId" OR NEW."requestedDueAt" <> OLD."requestedDueAt" OR NEW."previousDueAt" <> OLD."previousDueAt"
  OR NEW."reason" <> OLD."reason" OR NEW."requestedById" <> OLD."requestedById" OR NEW."createdAt" <> OLD."createdAt"
BEGIN SELECT RAISE(ABORT, 'A request is decided once, and never changed afterwards'); END;
CREATE TRIGGER "ExtensionRequest_insert" BEFORE INSERT ON "ExtensionRequest"
WHEN length(trim(NEW."reason")) = 0 OR NEW."requestedDueAt" <= NEW."previousDueAt"
  OR (NEW."state" = 'pending') <> (NEW."decidedAt" IS NULL) OR (NEW."decidedAt" IS NULL) <> (NEW."decidedById" IS NULL)
BEGIN SELECT RAISE(ABORT, 'A request has a reason and a later deadline, and is decided with who and when'); END;
CREATE UNIQUE INDEX "ExtensionRequest_one_pending" ON "ExtensionRequest"("recommendationId") WHERE "state" = 'pending';

CREATE TRIGGER "ProposedUpdate_never_deleted" BEFORE DELETE ON "ProposedUpdate"
BEGIN SELECT RAISE(ABORT, 'ProposedUpdate is never deleted'); END;
CREATE TRIGGER "ProposedUpdate_insert" BEFORE INSERT ON "ProposedUpdate"
WHEN (NEW."recommendationId" IS NULL) = (NEW."actionId" IS NULL) OR NEW."progressAfter" NOT BETWEEN 0 AND 100
  OR (NEW."state" = 'pending') <> (NEW."reviewedAt" IS NULL) OR (NEW."reviewedAt" IS NULL) <> (NEW."reviewedById" IS NULL)
  OR (NEW."state" = 'approved') <> (NEW."statusUpdateId" IS NOT NULL)
  OR (NEW."state" = 'rejected' AND length(trim(coalesce(NEW."reviewReason", ''))) = 0)
BEGIN SELECT RAISE(ABORT, 'A proposed update is about exactly one item, with progress 0-100, and reviewed with who, when and (rejected) why'); END;
CREATE TRIGGER "ProposedUpdate_decided_once" BEFORE UPDATE ON "ProposedUpdate"
WHEN OLD."state" <> 'pending' OR NEW."state" = 'pending' OR NEW."reviewedById" IS NULL OR NEW."reviewedAt" IS NULL
  OR (NEW."state" = 'approved') <> (NEW."statusUpdateId" IS NOT NULL)
  OR (NEW."state" = 'rejected' AND length(trim(coalesce(NEW."reviewReason", ''))) = 0)
  OR NEW."recommendationId" IS NOT OLD."recommendationId" OR NEW."actionId" IS NOT OLD."actionId"
  OR NEW."statusAfter" <> OLD."statusAfter" OR NEW."progressAfter" <> OLD."progressAfter" OR NEW."effectiveDate" <> OLD."effectiveDate"
  OR NEW."comment" IS NOT OLD."comment" OR NEW."authorId" <> OLD."authorId" OR NEW."baseVersion" <> OLD."baseVersion" OR NEW."createdAt" <> OLD."createdAt"
BEGIN SELECT RAISE(ABORT, 'A proposed update is reviewed once (a rejection with its reason), and never changed afterwards'); END;
CREATE UNIQUE INDEX "ProposedUpdate_one_pending_recommendation" ON "ProposedUpdate"("recommendationId") WHERE "state" = 'pending' AND "recommendationId" IS NOT NULL;
CREATE UNIQUE INDEX "ProposedUpdate_one_pending_action" ON "ProposedUpdate"("actionId") WHERE "state" = 'pending' AND "actionId" IS NOT NULL;

-- A 督办单 keeps what the office wrote, the agency acknowledges it once and answers it once.
CREATE TRIGGER "SupervisionNotice_never_deleted" BEFORE DELETE ON "SupervisionNotice"
BEGIN SELECT RAISE(ABORT, 'SupervisionNotice is never deleted'); END;
CREATE TRIGGER "SupervisionNotice_insert" BEFORE INSERT ON "SupervisionNotice"
WHEN length(trim(NEW."text")) = 0 OR (NEW."acknowledgedAt" IS NULL) <> (NEW."acknowledgedById" IS NULL)
  OR (NEW."answeredAt" IS NULL) <> (NEW."answeredById" IS NULL) OR (NEW."answeredAt" IS NULL) <> (NEW."answer" IS NULL)
  OR (NEW."answeredAt" IS NOT NULL AND (NEW."acknowledgedAt" IS NULL OR length(trim(NEW."answer")) = 0))
BEGIN SELECT RAISE(ABORT, 'A supervision notice says something, and is answered only once acknowledged'); END;
CREATE TRIGGER "SupervisionNotice_update" BEFORE UPDATE ON "SupervisionNotice"
WHEN NEW."recommendationId" <> OLD."recommendationId" OR NEW."agencyId" <> OLD."agencyId" OR NEW."level" <> OLD."level"
  OR NEW."text" <> OLD."text" OR NEW."answerDueAt" <> OLD."answerDueAt" OR NEW."issuedById" <> OLD."issuedById" OR NEW."createdAt" <> OLD."createdAt"
  OR (OLD."acknowledgedAt" IS NOT NULL AND (NEW."acknowledgedAt" IS NOT OLD."acknowledgedAt" OR NEW."acknowledgedById" IS NOT OLD."acknowledgedById"))
  OR (OLD."answeredAt" IS NOT NULL AND (NEW."answer" IS NOT OLD."answer" OR NEW."answeredAt" IS NOT OLD."answeredAt" OR NEW."answeredById" IS NOT OLD."answeredById"))
  OR (NEW."acknowledgedAt" IS NULL) <> (NEW."acknowledgedById" IS NULL)
  OR (NEW."answeredAt" IS NULL) <> (NEW."answeredById" IS NULL) OR (NEW."answeredAt" IS NULL) <> (NEW."answer" IS NULL)
  OR (NEW."answeredAt" IS NOT NULL AND (NEW."acknowledgedAt" IS NULL OR length(trim(NEW."answer")) = 0))
BEGIN SELECT RAISE(ABORT, 'A supervision notice is acknowledged once and answered once, and never changed afterwards'); END;

-- The working-day calendar and the cycle's settings change clocks the dashboard counts.
CREATE TRIGGER "CalendarDay_data_version_insert" AFTER INSERT ON "CalendarDay" BEGIN UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "CalendarDay_data_version_update" AFTER UPDATE ON "CalendarDay" BEGIN UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "CalendarDay_data_version_delete" AFTER DELETE ON "CalendarDay" BEGIN UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "AppSetting_data_version_insert" AFTER INSERT ON "AppSetting" BEGIN UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "AppSetting_data_version_update" AFTER UPDATE ON "AppSetting" BEGIN UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "AppSetting_data_version_delete" AFTER DELETE ON "AppSetting" BEGIN UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "SupervisionNotice_data_version_insert" AFTER INSERT ON "SupervisionNotice" BEGIN UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "SupervisionNotice_data_version_update" AFTER UPDATE ON "SupervisionNotice" BEGIN UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "id" = 1; END;
