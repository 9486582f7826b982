-- Hand-written, not generated (see 20261129040000_constraints for why such migrations stand apart).

-- Each new status update adds its change to its day's totals; the history is append-only, so this
-- is all it takes to keep them.
CREATE TRIGGER "StatusUpdate_history_day" AFTER INSERT ON "StatusUpdate" BEGIN
  INSERT INTO "HistoryDay" ("kind", "day", "progressChange", "completedChange")
  VALUES (
    CASE WHEN new."actionId" IS NULL THEN 'recommendation' ELSE 'action' END,
    new."effectiveDate",
    new."progressAfter" - COALESCE(new."progressBefore", 0),
    (new."statusAfter" = 'completed') - (COALESCE(new."statusBefore", '') = 'completed'))
  ON CONFLICT ("kind", "day") DO UPDATE SET
    "progressChange" = "progressChange" + excluded."progressChange",
    "completedChange" = "completedChange" + excluded."completedChange";
END;

INSERT INTO "HistoryDay" ("kind", "day", "progressChange", "completedChange")
  SELECT CASE WHEN "actionId" IS NULL THEN 'recommendation' ELSE 'action' END, "effectiveDate",
    SUM("progressAfter" - COALESCE("progressBefore", 0)),
    SUM(("statusAfter" = 'completed') - (COALESCE("statusBefore", '') = 'completed'))
  FROM "StatusUpdate" GROUP BY 1, 2;
