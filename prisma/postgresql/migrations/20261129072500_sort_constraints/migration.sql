-- Hand-written, not generated (see 20261129040000_constraints for why such migrations stand apart).

-- The tracking table's default order (code, then id, by code point: lib/tracking/queries.ts): any
-- page, however deep, is read off the index instead of sorting every item.
CREATE INDEX "Recommendation_code_order_idx" ON "Recommendation"("code" COLLATE "C", "id" COLLATE "C");
CREATE INDEX "Action_code_order_idx" ON "Action"("code" COLLATE "C", "id" COLLATE "C");
