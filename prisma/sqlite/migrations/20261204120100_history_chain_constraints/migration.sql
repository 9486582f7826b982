-- Hand-written, not generated (see 20261129040000_constraints for why such migrations stand apart).

-- The history chain (lib/history-chain). SQL cannot compute SHA-256 on SQLite, so this migration
-- only adds the columns: rows written before it are chained once, in (createdAt, id) order, by
-- `npm run db:migrate` (scripts/db.mjs runs scripts/chain-history.ts after the migrations), and
-- every later row is chained as it is written. So the history stays append-only with one exception:
-- a row not yet in the chain may be given its place once, its content unchanged.
DROP TRIGGER "StatusUpdate_append_only_update";
CREATE TRIGGER "StatusUpdate_append_only_update" BEFORE UPDATE ON "StatusUpdate"
WHEN OLD."chainSeq" IS NOT NULL OR NEW."chainSeq" IS NULL OR NEW."contentHash" IS NULL OR NEW."chainHash" IS NULL
  OR NEW."id" IS NOT OLD."id" OR NEW."recommendationId" IS NOT OLD."recommendationId"
  OR NEW."actionId" IS NOT OLD."actionId" OR NEW."statusBefore" IS NOT OLD."statusBefore"
  OR NEW."statusAfter" IS NOT OLD."statusAfter" OR NEW."progressBefore" IS NOT OLD."progressBefore"
  OR NEW."progressAfter" IS NOT OLD."progressAfter" OR NEW."effectiveDate" IS NOT OLD."effectiveDate"
  OR NEW."comment" IS NOT OLD."comment" OR NEW."source" IS NOT OLD."source"
  OR NEW."importFileName" IS NOT OLD."importFileName" OR NEW."authorId" IS NOT OLD."authorId"
  OR NEW."rollUpOfId" IS NOT OLD."rollUpOfId" OR NEW."rollUpCause" IS NOT OLD."rollUpCause"
  OR NEW."rollUpActionCode" IS NOT OLD."rollUpActionCode" OR NEW."createdAt" IS NOT OLD."createdAt"
BEGIN SELECT RAISE(ABORT, 'StatusUpdate is append-only'); END;

DROP TRIGGER "AuditEvent_append_only_update";
CREATE TRIGGER "AuditEvent_append_only_update" BEFORE UPDATE ON "AuditEvent"
WHEN OLD."chainSeq" IS NOT NULL OR NEW."chainSeq" IS NULL OR NEW."contentHash" IS NULL OR NEW."chainHash" IS NULL
  OR NEW."id" IS NOT OLD."id" OR NEW."actorId" IS NOT OLD."actorId" OR NEW."action" IS NOT OLD."action"
  OR NEW."entityType" IS NOT OLD."entityType" OR NEW."entityId" IS NOT OLD."entityId"
  OR NEW."before" IS NOT OLD."before" OR NEW."after" IS NOT OLD."after" OR NEW."createdAt" IS NOT OLD."createdAt"
BEGIN SELECT RAISE(ABORT, 'AuditEvent is append-only'); END;
