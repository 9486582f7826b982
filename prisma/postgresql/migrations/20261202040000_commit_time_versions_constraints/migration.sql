-- Hand-written, not generated (see 20261129040000_constraints for why such migrations stand apart).

-- The data version (DataVersion) and the history's daily totals (HistoryDay) are rows that nearly
-- every write touches. Moved as each statement ran, they stayed locked from then until the end of its
-- transaction: a long import held them for all its length, and every other save waited behind it and
-- failed. They now move at commit (deferred constraint triggers), so that their lock lasts only the
-- moment of a commit. The figures stay exact, the move commits with the change, as before.

-- The version: the first statement of a transaction that changes tracked data marks it with a row of
-- its own (a negative id from its transaction id, never another's), and at commit that row moves the
-- version on, once, and goes. Nobody ever sees such a row.
CREATE FUNCTION "mark_data_changed"() RETURNS trigger LANGUAGE plpgsql
  AS E'BEGIN IF current_setting(''tracker.data_changed'', true) IS DISTINCT FROM txid_current()::text THEN PERFORM set_config(''tracker.data_changed'', txid_current()::text, true)\073 INSERT INTO "DataVersion" ("id", "version") VALUES (-1 - (txid_current() % 2147483646)::integer, 0)\073 END IF\073 RETURN NULL\073 END';
CREATE FUNCTION "next_data_version_at_commit"() RETURNS trigger LANGUAGE plpgsql
  AS E'BEGIN UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "id" = 1\073 DELETE FROM "DataVersion" WHERE "id" = NEW."id"\073 RETURN NULL\073 END';
CREATE CONSTRAINT TRIGGER "DataVersion_at_commit" AFTER INSERT ON "DataVersion"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW WHEN (NEW."id" < 0) EXECUTE FUNCTION "next_data_version_at_commit"();

DROP TRIGGER "Proposal_data_version" ON "Proposal";
CREATE TRIGGER "Proposal_data_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Proposal"
  FOR EACH STATEMENT EXECUTE FUNCTION "mark_data_changed"();
DROP TRIGGER "Recommendation_data_version" ON "Recommendation";
CREATE TRIGGER "Recommendation_data_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Recommendation"
  FOR EACH STATEMENT EXECUTE FUNCTION "mark_data_changed"();
DROP TRIGGER "Action_data_version" ON "Action";
CREATE TRIGGER "Action_data_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Action"
  FOR EACH STATEMENT EXECUTE FUNCTION "mark_data_changed"();
DROP TRIGGER "StatusUpdate_data_version" ON "StatusUpdate";
CREATE TRIGGER "StatusUpdate_data_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "StatusUpdate"
  FOR EACH STATEMENT EXECUTE FUNCTION "mark_data_changed"();
DROP TRIGGER "StatusUpdateEvidence_data_version" ON "StatusUpdateEvidence";
CREATE TRIGGER "StatusUpdateEvidence_data_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "StatusUpdateEvidence"
  FOR EACH STATEMENT EXECUTE FUNCTION "mark_data_changed"();
DROP TRIGGER "Evidence_data_version" ON "Evidence";
CREATE TRIGGER "Evidence_data_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Evidence"
  FOR EACH STATEMENT EXECUTE FUNCTION "mark_data_changed"();
DROP TRIGGER "RecommendationAgency_data_version" ON "RecommendationAgency";
CREATE TRIGGER "RecommendationAgency_data_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "RecommendationAgency"
  FOR EACH STATEMENT EXECUTE FUNCTION "mark_data_changed"();
DROP TRIGGER "ActionAgency_data_version" ON "ActionAgency";
CREATE TRIGGER "ActionAgency_data_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "ActionAgency"
  FOR EACH STATEMENT EXECUTE FUNCTION "mark_data_changed"();
DROP TRIGGER "Theme_data_version" ON "Theme";
CREATE TRIGGER "Theme_data_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Theme"
  FOR EACH STATEMENT EXECUTE FUNCTION "mark_data_changed"();
DROP TRIGGER "Agency_data_version" ON "Agency";
CREATE TRIGGER "Agency_data_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Agency"
  FOR EACH STATEMENT EXECUTE FUNCTION "mark_data_changed"();
DROP TRIGGER "SatisfactionLevel_data_version" ON "SatisfactionLevel";
CREATE TRIGGER "SatisfactionLevel_data_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "SatisfactionLevel"
  FOR EACH STATEMENT EXECUTE FUNCTION "mark_data_changed"();
DROP TRIGGER "User_data_version" ON "User";
CREATE TRIGGER "User_data_version" AFTER UPDATE OF "name" ON "User"
  FOR EACH STATEMENT EXECUTE FUNCTION "mark_data_changed"();

-- The daily totals: each new status update adds to its day's at commit.
DROP TRIGGER "StatusUpdate_history_day" ON "StatusUpdate";
CREATE CONSTRAINT TRIGGER "StatusUpdate_history_day" AFTER INSERT ON "StatusUpdate"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "add_to_history_day"();
