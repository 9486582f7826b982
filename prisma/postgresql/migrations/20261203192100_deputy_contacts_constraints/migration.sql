-- Hand-written, not generated (see 20261129040000_constraints for why such migrations stand apart).
-- 沟通记录 (lib/contacts): what the database itself refuses.

-- A record says who took part and what was said, and is never changed or deleted: a correction is a
-- new record superseding it, on the same item, with its reason. (The method is an enum type.)
ALTER TABLE "DeputyContact" ADD CONSTRAINT "DeputyContact_text_not_blank"
  CHECK (length(trim("participants")) > 0 AND length(trim("summary")) > 0);
ALTER TABLE "DeputyContact" ADD CONSTRAINT "DeputyContact_correction_reason"
  CHECK (("supersedesId" IS NULL) = ("correctionReason" IS NULL) AND length(trim(coalesce("correctionReason", 'x'))) > 0);
CREATE FUNCTION "check_contact_correction"() RETURNS trigger LANGUAGE plpgsql
  AS E'BEGIN IF NEW."supersedesId" IS NOT NULL AND NOT EXISTS (SELECT 1 FROM "DeputyContact" o WHERE o."id" = NEW."supersedesId" AND o."recommendationId" = NEW."recommendationId") THEN RAISE EXCEPTION ''A correction supersedes a record of its own item''\073 END IF\073 RETURN NEW\073 END';
CREATE TRIGGER "DeputyContact_correction_same_item" BEFORE INSERT ON "DeputyContact"
  FOR EACH ROW EXECUTE FUNCTION "check_contact_correction"();
CREATE TRIGGER "DeputyContact_append_only" BEFORE UPDATE OR DELETE ON "DeputyContact"
  FOR EACH ROW EXECUTE FUNCTION "refuse_history_change"();

-- Links are http(s), kept as given.
ALTER TABLE "DeputyContactLink" ADD CONSTRAINT "DeputyContactLink_http"
  CHECK (("url" LIKE 'http://_%' OR "url" LIKE 'https://_%') AND "position" >= 1);
CREATE TRIGGER "DeputyContactLink_append_only" BEFORE UPDATE OR DELETE ON "DeputyContactLink"
  FOR EACH ROW EXECUTE FUNCTION "refuse_history_change"();

-- The deputy's answer: a dispute says why, given once and never changed.
ALTER TABLE "DeputyContactResponse" ADD CONSTRAINT "DeputyContactResponse_dispute_comment"
  CHECK ("decision" <> 'disputed' OR length(trim(coalesce("comment", ''))) > 0);
CREATE TRIGGER "DeputyContactResponse_append_only" BEFORE UPDATE OR DELETE ON "DeputyContactResponse"
  FOR EACH ROW EXECUTE FUNCTION "refuse_history_change"();

-- Contacts count in the dashboard's 面商率.
CREATE TRIGGER "DeputyContact_data_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "DeputyContact"
  FOR EACH STATEMENT EXECUTE FUNCTION "mark_data_changed"();
