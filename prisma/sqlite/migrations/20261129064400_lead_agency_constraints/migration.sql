-- Hand-written, not generated (see 20261129040000_constraints for why such migrations stand apart).

-- Each item's leadAgencyId follows its lead assignment, whatever writes it.
CREATE TRIGGER "RecommendationAgency_lead_insert" AFTER INSERT ON "RecommendationAgency" WHEN new."role" = 'lead' BEGIN
  UPDATE "Recommendation" SET "leadAgencyId" = new."agencyId" WHERE "id" = new."recommendationId";
END;
CREATE TRIGGER "RecommendationAgency_lead_update" AFTER UPDATE ON "RecommendationAgency" BEGIN
  UPDATE "Recommendation" SET "leadAgencyId" = (
    SELECT x."agencyId" FROM "RecommendationAgency" x WHERE x."recommendationId" = "Recommendation"."id" AND x."role" = 'lead')
  WHERE "id" IN (old."recommendationId", new."recommendationId");
END;
CREATE TRIGGER "RecommendationAgency_lead_delete" AFTER DELETE ON "RecommendationAgency" WHEN old."role" = 'lead' BEGIN
  UPDATE "Recommendation" SET "leadAgencyId" = NULL WHERE "id" = old."recommendationId" AND "leadAgencyId" = old."agencyId";
END;
CREATE TRIGGER "ActionAgency_lead_insert" AFTER INSERT ON "ActionAgency" WHEN new."role" = 'lead' BEGIN
  UPDATE "Action" SET "leadAgencyId" = new."agencyId" WHERE "id" = new."actionId";
END;
CREATE TRIGGER "ActionAgency_lead_update" AFTER UPDATE ON "ActionAgency" BEGIN
  UPDATE "Action" SET "leadAgencyId" = (
    SELECT x."agencyId" FROM "ActionAgency" x WHERE x."actionId" = "Action"."id" AND x."role" = 'lead')
  WHERE "id" IN (old."actionId", new."actionId");
END;
CREATE TRIGGER "ActionAgency_lead_delete" AFTER DELETE ON "ActionAgency" WHEN old."role" = 'lead' BEGIN
  UPDATE "Action" SET "leadAgencyId" = NULL WHERE "id" = old."actionId" AND "leadAgencyId" = old."agencyId";
END;

UPDATE "Recommendation" SET "leadAgencyId" = (
  SELECT x."agencyId" FROM "RecommendationAgency" x WHERE x."recommendationId" = "Recommendation"."id" AND x."role" = 'lead');
UPDATE "Action" SET "leadAgencyId" = (
  SELECT x."agencyId" FROM "ActionAgency" x WHERE x."actionId" = "Action"."id" AND x."role" = 'lead');
