-- Hand-written, not generated (see 20261129040000_constraints for why such migrations stand apart).

-- Every change to the tracked data moves the data version on, in the same transaction, so that
-- cached dashboard figures (DashboardCache) are never served once the data behind them has changed.
-- Once per statement, so that a bulk load costs one increment, not one per row.
INSERT INTO "DataVersion" ("id", "version") VALUES (1, 0);
CREATE FUNCTION "next_data_version"() RETURNS trigger LANGUAGE plpgsql
  AS E'BEGIN UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "id" = 1\073 RETURN NULL\073 END';
CREATE TRIGGER "Proposal_data_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Proposal"
  FOR EACH STATEMENT EXECUTE FUNCTION "next_data_version"();
CREATE TRIGGER "Recommendation_data_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Recommendation"
  FOR EACH STATEMENT EXECUTE FUNCTION "next_data_version"();
CREATE TRIGGER "Action_data_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Action"
  FOR EACH STATEMENT EXECUTE FUNCTION "next_data_version"();
CREATE TRIGGER "StatusUpdate_data_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "StatusUpdate"
  FOR EACH STATEMENT EXECUTE FUNCTION "next_data_version"();
CREATE TRIGGER "StatusUpdateEvidence_data_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "StatusUpdateEvidence"
  FOR EACH STATEMENT EXECUTE FUNCTION "next_data_version"();
CREATE TRIGGER "Evidence_data_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Evidence"
  FOR EACH STATEMENT EXECUTE FUNCTION "next_data_version"();
CREATE TRIGGER "RecommendationAgency_data_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "RecommendationAgency"
  FOR EACH STATEMENT EXECUTE FUNCTION "next_data_version"();
CREATE TRIGGER "ActionAgency_data_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "ActionAgency"
  FOR EACH STATEMENT EXECUTE FUNCTION "next_data_version"();
CREATE TRIGGER "Theme_data_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Theme"
  FOR EACH STATEMENT EXECUTE FUNCTION "next_data_version"();
CREATE TRIGGER "Agency_data_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Agency"
  FOR EACH STATEMENT EXECUTE FUNCTION "next_data_version"();
CREATE TRIGGER "SatisfactionLevel_data_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "SatisfactionLevel"
  FOR EACH STATEMENT EXECUTE FUNCTION "next_data_version"();
