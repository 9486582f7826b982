-- Hand-written, not generated (see 20261129040000_constraints for why such migrations stand apart).

-- Each item's leadAgencyId follows its lead assignment, whatever writes it.
CREATE FUNCTION "copy_recommendation_lead"() RETURNS trigger LANGUAGE plpgsql
  AS E'BEGIN UPDATE "Recommendation" r SET "leadAgencyId" = (SELECT x."agencyId" FROM "RecommendationAgency" x WHERE x."recommendationId" = r."id" AND x."role" = ''lead'') WHERE r."id" IN (SELECT "recommendationId" FROM changed)\073 RETURN NULL\073 END';
CREATE FUNCTION "copy_action_lead"() RETURNS trigger LANGUAGE plpgsql
  AS E'BEGIN UPDATE "Action" a SET "leadAgencyId" = (SELECT x."agencyId" FROM "ActionAgency" x WHERE x."actionId" = a."id" AND x."role" = ''lead'') WHERE a."id" IN (SELECT "actionId" FROM changed)\073 RETURN NULL\073 END';
-- Once per statement, over the rows it changed, so that a bulk load costs one update per table.
CREATE TRIGGER "RecommendationAgency_lead_insert" AFTER INSERT ON "RecommendationAgency"
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION "copy_recommendation_lead"();
CREATE TRIGGER "RecommendationAgency_lead_update_new" AFTER UPDATE ON "RecommendationAgency"
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION "copy_recommendation_lead"();
CREATE TRIGGER "RecommendationAgency_lead_update_old" AFTER UPDATE ON "RecommendationAgency"
  REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION "copy_recommendation_lead"();
CREATE TRIGGER "RecommendationAgency_lead_delete" AFTER DELETE ON "RecommendationAgency"
  REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION "copy_recommendation_lead"();
CREATE TRIGGER "ActionAgency_lead_insert" AFTER INSERT ON "ActionAgency"
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION "copy_action_lead"();
CREATE TRIGGER "ActionAgency_lead_update_new" AFTER UPDATE ON "ActionAgency"
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION "copy_action_lead"();
CREATE TRIGGER "ActionAgency_lead_update_old" AFTER UPDATE ON "ActionAgency"
  REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION "copy_action_lead"();
CREATE TRIGGER "ActionAgency_lead_delete" AFTER DELETE ON "ActionAgency"
  REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION "copy_action_lead"();

UPDATE "Recommendation" r SET "leadAgencyId" = (
  SELECT x."agencyId" FROM "RecommendationAgency" x WHERE x."recommendationId" = r."id" AND x."role" = 'lead');
UPDATE "Action" a SET "leadAgencyId" = (
  SELECT x."agencyId" FROM "ActionAgency" x WHERE x."actionId" = a."id" AND x."role" = 'lead');
