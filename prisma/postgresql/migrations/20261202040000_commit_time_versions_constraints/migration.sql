-- Hand-written, not generated (see 20261129040000_constraints for why such migrations stand apart).

-- The data version (DataVersion) and the history's daily totals (HistoryDay) are rows that nearly
-- every write touches. Moved as each statement ran, they stayed locked from then until the end of its
-- transaction: a long import held them for all its length, and every other save waited behind it and
-- failed. They now move at commit (deferred constraint triggers, the version once per transaction),
-- so that their lock lasts only the moment of a commit. The figures stay exact, the move commits
-- with the change, as before.
CREATE FUNCTION "next_data_version_at_commit"() RETURNS trigger LANGUAGE plpgsql
  AS E'BEGIN IF current_setting(''tracker.data_version_moved'', true) IS DISTINCT FROM txid_current()::text THEN PERFORM set_config(''tracker.data_version_moved'', txid_current()::text, true)\073 UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "id" = 1\073 END IF\073 RETURN NULL\073 END';

DROP TRIGGER "Proposal_data_version" ON "Proposal";
CREATE CONSTRAINT TRIGGER "Proposal_data_version" AFTER INSERT OR UPDATE OR DELETE ON "Proposal"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "next_data_version_at_commit"();
CREATE TRIGGER "Proposal_data_version_truncate" AFTER TRUNCATE ON "Proposal"
  FOR EACH STATEMENT EXECUTE FUNCTION "next_data_version"();
DROP TRIGGER "Recommendation_data_version" ON "Recommendation";
CREATE CONSTRAINT TRIGGER "Recommendation_data_version" AFTER INSERT OR UPDATE OR DELETE ON "Recommendation"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "next_data_version_at_commit"();
CREATE TRIGGER "Recommendation_data_version_truncate" AFTER TRUNCATE ON "Recommendation"
  FOR EACH STATEMENT EXECUTE FUNCTION "next_data_version"();
DROP TRIGGER "Action_data_version" ON "Action";
CREATE CONSTRAINT TRIGGER "Action_data_version" AFTER INSERT OR UPDATE OR DELETE ON "Action"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "next_data_version_at_commit"();
CREATE TRIGGER "Action_data_version_truncate" AFTER TRUNCATE ON "Action"
  FOR EACH STATEMENT EXECUTE FUNCTION "next_data_version"();
DROP TRIGGER "StatusUpdate_data_version" ON "StatusUpdate";
CREATE CONSTRAINT TRIGGER "StatusUpdate_data_version" AFTER INSERT OR UPDATE OR DELETE ON "StatusUpdate"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "next_data_version_at_commit"();
CREATE TRIGGER "StatusUpdate_data_version_truncate" AFTER TRUNCATE ON "StatusUpdate"
  FOR EACH STATEMENT EXECUTE FUNCTION "next_data_version"();
DROP TRIGGER "StatusUpdateEvidence_data_version" ON "StatusUpdateEvidence";
CREATE CONSTRAINT TRIGGER "StatusUpdateEvidence_data_version" AFTER INSERT OR UPDATE OR DELETE ON "StatusUpdateEvidence"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "next_data_version_at_commit"();
CREATE TRIGGER "StatusUpdateEvidence_data_version_truncate" AFTER TRUNCATE ON "StatusUpdateEvidence"
  FOR EACH STATEMENT EXECUTE FUNCTION "next_data_version"();
DROP TRIGGER "Evidence_data_version" ON "Evidence";
CREATE CONSTRAINT TRIGGER "Evidence_data_version" AFTER INSERT OR UPDATE OR DELETE ON "Evidence"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "next_data_version_at_commit"();
CREATE TRIGGER "Evidence_data_version_truncate" AFTER TRUNCATE ON "Evidence"
  FOR EACH STATEMENT EXECUTE FUNCTION "next_data_version"();
DROP TRIGGER "RecommendationAgency_data_version" ON "RecommendationAgency";
CREATE CONSTRAINT TRIGGER "RecommendationAgency_data_version" AFTER INSERT OR UPDATE OR DELETE ON "RecommendationAgency"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "next_data_version_at_commit"();
CREATE TRIGGER "RecommendationAgency_data_version_truncate" AFTER TRUNCATE ON "RecommendationAgency"
  FOR EACH STATEMENT EXECUTE FUNCTION "next_data_version"();
DROP TRIGGER "ActionAgency_data_version" ON "ActionAgency";
CREATE CONSTRAINT TRIGGER "ActionAgency_data_version" AFTER INSERT OR UPDATE OR DELETE ON "ActionAgency"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "next_data_version_at_commit"();
CREATE TRIGGER "ActionAgency_data_version_truncate" AFTER TRUNCATE ON "ActionAgency"
  FOR EACH STATEMENT EXECUTE FUNCTION "next_data_version"();
DROP TRIGGER "Theme_data_version" ON "Theme";
CREATE CONSTRAINT TRIGGER "Theme_data_version" AFTER INSERT OR UPDATE OR DELETE ON "Theme"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "next_data_version_at_commit"();
CREATE TRIGGER "Theme_data_version_truncate" AFTER TRUNCATE ON "Theme"
  FOR EACH STATEMENT EXECUTE FUNCTION "next_data_version"();
DROP TRIGGER "Agency_data_version" ON "Agency";
CREATE CONSTRAINT TRIGGER "Agency_data_version" AFTER INSERT OR UPDATE OR DELETE ON "Agency"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "next_data_version_at_commit"();
CREATE TRIGGER "Agency_data_version_truncate" AFTER TRUNCATE ON "Agency"
  FOR EACH STATEMENT EXECUTE FUNCTION "next_data_version"();
DROP TRIGGER "SatisfactionLevel_data_version" ON "SatisfactionLevel";
CREATE CONSTRAINT TRIGGER "SatisfactionLevel_data_version" AFTER INSERT OR UPDATE OR DELETE ON "SatisfactionLevel"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "next_data_version_at_commit"();
CREATE TRIGGER "SatisfactionLevel_data_version_truncate" AFTER TRUNCATE ON "SatisfactionLevel"
  FOR EACH STATEMENT EXECUTE FUNCTION "next_data_version"();
DROP TRIGGER "User_data_version" ON "User";
CREATE CONSTRAINT TRIGGER "User_data_version" AFTER UPDATE OF "name" ON "User"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "next_data_version_at_commit"();

DROP TRIGGER "StatusUpdate_history_day" ON "StatusUpdate";
CREATE CONSTRAINT TRIGGER "StatusUpdate_history_day" AFTER INSERT ON "StatusUpdate"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "add_to_history_day"();
