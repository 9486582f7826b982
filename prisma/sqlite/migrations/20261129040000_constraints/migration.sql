-- Hand-written, not generated: what Prisma's schema language cannot express.
-- Prisma's migrate diff neither sees nor needs these, so the drift check (scripts/db.mjs check)
-- leaves migrations named *_constraints out. Keep every such hand-written rule in one of them,
-- only the CHECK constraints of SQLite tables sit in its init migration, since SQLite cannot add them later.

-- At most one lead agency (主办) per recommendation and per action.
CREATE UNIQUE INDEX "RecommendationAgency_one_lead" ON "RecommendationAgency"("recommendationId") WHERE "role" = 'lead';
CREATE UNIQUE INDEX "ActionAgency_one_lead" ON "ActionAgency"("actionId") WHERE "role" = 'lead';

-- The history is append-only: no code path may change or remove it.
CREATE TRIGGER "StatusUpdate_append_only_update" BEFORE UPDATE ON "StatusUpdate"
BEGIN SELECT RAISE(ABORT, 'StatusUpdate is append-only'); END;
CREATE TRIGGER "StatusUpdate_append_only_delete" BEFORE DELETE ON "StatusUpdate"
BEGIN SELECT RAISE(ABORT, 'StatusUpdate is append-only'); END;
CREATE TRIGGER "StatusUpdateEvidence_append_only_update" BEFORE UPDATE ON "StatusUpdateEvidence"
BEGIN SELECT RAISE(ABORT, 'StatusUpdateEvidence is append-only'); END;
CREATE TRIGGER "StatusUpdateEvidence_append_only_delete" BEFORE DELETE ON "StatusUpdateEvidence"
BEGIN SELECT RAISE(ABORT, 'StatusUpdateEvidence is append-only'); END;
-- Evidence is withdrawn, never deleted.
CREATE TRIGGER "Evidence_never_deleted" BEFORE DELETE ON "Evidence"
BEGIN SELECT RAISE(ABORT, 'Evidence is never deleted: withdraw it'); END;
