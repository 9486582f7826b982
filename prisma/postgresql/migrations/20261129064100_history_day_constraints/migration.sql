-- Hand-written, not generated (see 20261129040000_constraints for why such migrations stand apart).

-- Each new status update adds its change to its day's totals. The history is append-only, so this
-- is all it takes to keep them.
CREATE FUNCTION "add_to_history_day"() RETURNS trigger LANGUAGE plpgsql
  AS E'BEGIN INSERT INTO "HistoryDay" ("kind", "day", "progressChange", "completedChange") VALUES (CASE WHEN NEW."actionId" IS NULL THEN ''recommendation'' ELSE ''action'' END, NEW."effectiveDate", NEW."progressAfter" - COALESCE(NEW."progressBefore", 0), (CASE WHEN NEW."statusAfter" = ''completed'' THEN 1 ELSE 0 END) - (CASE WHEN NEW."statusBefore" = ''completed'' THEN 1 ELSE 0 END)) ON CONFLICT ("kind", "day") DO UPDATE SET "progressChange" = "HistoryDay"."progressChange" + EXCLUDED."progressChange", "completedChange" = "HistoryDay"."completedChange" + EXCLUDED."completedChange"\073 RETURN NULL\073 END';
CREATE TRIGGER "StatusUpdate_history_day" AFTER INSERT ON "StatusUpdate"
  FOR EACH ROW EXECUTE FUNCTION "add_to_history_day"();

INSERT INTO "HistoryDay" ("kind", "day", "progressChange", "completedChange")
  SELECT CASE WHEN "actionId" IS NULL THEN 'recommendation' ELSE 'action' END, "effectiveDate",
    SUM("progressAfter" - COALESCE("progressBefore", 0)),
    SUM((CASE WHEN "statusAfter" = 'completed' THEN 1 ELSE 0 END) - (CASE WHEN "statusBefore" = 'completed' THEN 1 ELSE 0 END))
  FROM "StatusUpdate" GROUP BY 1, 2;
