-- Hand-written, not generated (see 20261129040000_constraints for why such migrations stand apart).

-- The daily totals moved at commit one status update at a time: an import of 10,000 rows made its
-- commit run 15,000 upserts (most of a second). Each statement now sums its new rows by day into
-- rows of its transaction's own (kind "action@" and the transaction id, which no reader asks for and
-- no other transaction sees), and at commit each such row is added to its day, once, and goes. The
-- real day rows are still locked only for the moment of a commit, and the totals stay exact.
CREATE FUNCTION "add_new_rows_to_history_day"() RETURNS trigger LANGUAGE plpgsql
  AS E'BEGIN INSERT INTO "HistoryDay" ("kind", "day", "progressChange", "completedChange") SELECT (CASE WHEN "actionId" IS NULL THEN ''recommendation'' ELSE ''action'' END) || ''@'' || txid_current()::text, "effectiveDate", SUM("progressAfter" - COALESCE("progressBefore", 0)), SUM((CASE WHEN "statusAfter" = ''completed'' THEN 1 ELSE 0 END) - (CASE WHEN "statusBefore" = ''completed'' THEN 1 ELSE 0 END)) FROM new_rows GROUP BY 1, 2 ON CONFLICT ("kind", "day") DO UPDATE SET "progressChange" = "HistoryDay"."progressChange" + EXCLUDED."progressChange", "completedChange" = "HistoryDay"."completedChange" + EXCLUDED."completedChange"\073 RETURN NULL\073 END';

-- Fired once for each of a transaction's own rows (later statements only update it), at commit: it
-- reads the row as it is then, not as first inserted.
CREATE FUNCTION "add_to_history_day_at_commit"() RETURNS trigger LANGUAGE plpgsql
  AS E'BEGIN WITH own AS (DELETE FROM "HistoryDay" WHERE "kind" = NEW."kind" AND "day" = NEW."day" RETURNING *) INSERT INTO "HistoryDay" ("kind", "day", "progressChange", "completedChange") SELECT split_part("kind", ''@'', 1), "day", "progressChange", "completedChange" FROM own ON CONFLICT ("kind", "day") DO UPDATE SET "progressChange" = "HistoryDay"."progressChange" + EXCLUDED."progressChange", "completedChange" = "HistoryDay"."completedChange" + EXCLUDED."completedChange"\073 RETURN NULL\073 END';

DROP TRIGGER "StatusUpdate_history_day" ON "StatusUpdate";
DROP FUNCTION "add_to_history_day"();
CREATE TRIGGER "StatusUpdate_history_day" AFTER INSERT ON "StatusUpdate"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "add_new_rows_to_history_day"();
CREATE CONSTRAINT TRIGGER "HistoryDay_at_commit" AFTER INSERT ON "HistoryDay"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW WHEN (NEW."kind" LIKE '%@%')
  EXECUTE FUNCTION "add_to_history_day_at_commit"();
