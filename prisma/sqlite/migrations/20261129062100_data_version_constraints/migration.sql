-- Hand-written, not generated (see 20261129040000_constraints for why such migrations stand apart).

-- Every change to the tracked data moves the data version on, in the same transaction, so that
-- cached dashboard figures (DashboardCache) are never served once the data behind them has changed.
INSERT INTO "DataVersion" ("id", "version") VALUES (1, 0);
CREATE TRIGGER "Proposal_data_version_insert" AFTER INSERT ON "Proposal" BEGIN UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "Proposal_data_version_update" AFTER UPDATE ON "Proposal" BEGIN UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "Proposal_data_version_delete" AFTER DELETE ON "Proposal" BEGIN UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "Recommendation_data_version_insert" AFTER INSERT ON "Recommendation" BEGIN UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "Recommendation_data_version_update" AFTER UPDATE ON "Recommendation" BEGIN UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "Recommendation_data_version_delete" AFTER DELETE ON "Recommendation" BEGIN UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "Action_data_version_insert" AFTER INSERT ON "Action" BEGIN UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "Action_data_version_update" AFTER UPDATE ON "Action" BEGIN UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "Action_data_version_delete" AFTER DELETE ON "Action" BEGIN UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "StatusUpdate_data_version_insert" AFTER INSERT ON "StatusUpdate" BEGIN UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "StatusUpdate_data_version_update" AFTER UPDATE ON "StatusUpdate" BEGIN UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "StatusUpdate_data_version_delete" AFTER DELETE ON "StatusUpdate" BEGIN UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "StatusUpdateEvidence_data_version_insert" AFTER INSERT ON "StatusUpdateEvidence" BEGIN UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "StatusUpdateEvidence_data_version_update" AFTER UPDATE ON "StatusUpdateEvidence" BEGIN UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "StatusUpdateEvidence_data_version_delete" AFTER DELETE ON "StatusUpdateEvidence" BEGIN UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "Evidence_data_version_insert" AFTER INSERT ON "Evidence" BEGIN UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "Evidence_data_version_update" AFTER UPDATE ON "Evidence" BEGIN UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "Evidence_data_version_delete" AFTER DELETE ON "Evidence" BEGIN UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "RecommendationAgency_data_version_insert" AFTER INSERT ON "RecommendationAgency" BEGIN UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "RecommendationAgency_data_version_update" AFTER UPDATE ON "RecommendationAgency" BEGIN UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "RecommendationAgency_data_version_delete" AFTER DELETE ON "RecommendationAgency" BEGIN UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "ActionAgency_data_version_insert" AFTER INSERT ON "ActionAgency" BEGIN UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "ActionAgency_data_version_update" AFTER UPDATE ON "ActionAgency" BEGIN UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "ActionAgency_data_version_delete" AFTER DELETE ON "ActionAgency" BEGIN UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "Theme_data_version_insert" AFTER INSERT ON "Theme" BEGIN UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "Theme_data_version_update" AFTER UPDATE ON "Theme" BEGIN UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "Theme_data_version_delete" AFTER DELETE ON "Theme" BEGIN UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "Agency_data_version_insert" AFTER INSERT ON "Agency" BEGIN UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "Agency_data_version_update" AFTER UPDATE ON "Agency" BEGIN UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "Agency_data_version_delete" AFTER DELETE ON "Agency" BEGIN UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "SatisfactionLevel_data_version_insert" AFTER INSERT ON "SatisfactionLevel" BEGIN UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "SatisfactionLevel_data_version_update" AFTER UPDATE ON "SatisfactionLevel" BEGIN UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "SatisfactionLevel_data_version_delete" AFTER DELETE ON "SatisfactionLevel" BEGIN UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "id" = 1; END;
