-- Hand-written, not generated (see 20261129040000_constraints for why such migrations stand apart).

-- Whether any recommendation is archived, without reading them all: item queries leave archived
-- recommendations out only when there are some (lib/tracking/item-sql.ts).
CREATE INDEX "Recommendation_archived_idx" ON "Recommendation"("archivedAt") WHERE "archivedAt" IS NOT NULL;

-- The archivedAt columns are new: without statistics the planner takes every row for archived and
-- scans them all (the dashboard page's p95 went from 90 ms to 550 ms until these ran).
ANALYZE "Recommendation";
ANALYZE "Proposal";
