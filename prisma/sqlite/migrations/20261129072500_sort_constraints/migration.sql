-- Hand-written, not generated (see 20261129040000_constraints for why such migrations stand apart).

-- The tracking table's default order (code, then id): any page, however deep, is read off the index
-- instead of sorting every item. (PostgreSQL's twin sorts by code point, as the table does there.)
CREATE INDEX "Recommendation_code_order_idx" ON "Recommendation"("code", "id");
CREATE INDEX "Action_code_order_idx" ON "Action"("code", "id");
