-- Hand-written, not generated (see 20261129040000_constraints for why such migrations stand apart).

-- The history chain (lib/history-chain). SQL cannot compute SHA-256 on SQLite, and both databases
-- chain alike, so this migration only adds the columns: rows written before it are chained once, in
-- (createdAt, id) order, by `npm run db:migrate` (scripts/db.mjs runs scripts/chain-history.ts after
-- the migrations), and every later row is chained as it is written. So the history stays
-- append-only with one exception: a row not yet in the chain may be given its place once, its
-- content unchanged.
CREATE FUNCTION "refuse_history_change_but_chaining"() RETURNS trigger LANGUAGE plpgsql
  AS E'BEGIN IF TG_OP = ''UPDATE'' AND OLD."chainSeq" IS NULL AND NEW."chainSeq" IS NOT NULL AND NEW."contentHash" IS NOT NULL AND NEW."chainHash" IS NOT NULL AND (to_jsonb(NEW) - ''chainSeq'' - ''contentHash'' - ''chainHash'') = (to_jsonb(OLD) - ''chainSeq'' - ''contentHash'' - ''chainHash'') THEN RETURN NEW\073 END IF\073 RAISE EXCEPTION ''% is append-only'', TG_TABLE_NAME\073 END';

DROP TRIGGER "StatusUpdate_append_only" ON "StatusUpdate";
CREATE TRIGGER "StatusUpdate_append_only" BEFORE UPDATE OR DELETE ON "StatusUpdate"
  FOR EACH ROW EXECUTE FUNCTION "refuse_history_change_but_chaining"();
DROP TRIGGER "AuditEvent_append_only" ON "AuditEvent";
CREATE TRIGGER "AuditEvent_append_only" BEFORE UPDATE OR DELETE ON "AuditEvent"
  FOR EACH ROW EXECUTE FUNCTION "refuse_history_change_but_chaining"();
