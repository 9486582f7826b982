-- Hand-written, not generated (see 20261129040000_constraints for why such migrations stand apart).
-- 沟通记录 (lib/contacts): what the database itself refuses.

-- A record names one of the methods, says who took part and what was said, and is never changed or
-- deleted: a correction is a new record superseding it, on the same item, with its reason.
CREATE TRIGGER "DeputyContact_insert" BEFORE INSERT ON "DeputyContact"
WHEN NEW."method" NOT IN ('in_person','visit','phone','forum','other')
  OR length(trim(NEW."participants")) = 0 OR length(trim(NEW."summary")) = 0
  OR (NEW."supersedesId" IS NULL) <> (NEW."correctionReason" IS NULL)
  OR length(trim(coalesce(NEW."correctionReason", 'x'))) = 0
  OR (NEW."supersedesId" IS NOT NULL AND NOT EXISTS (SELECT 1 FROM "DeputyContact" o
    WHERE o."id" = NEW."supersedesId" AND o."recommendationId" = NEW."recommendationId"))
BEGIN SELECT RAISE(ABORT, 'A contact record has a method, participants and a summary, and corrects a record of its own item with a reason'); END;
CREATE TRIGGER "DeputyContact_append_only_update" BEFORE UPDATE ON "DeputyContact"
BEGIN SELECT RAISE(ABORT, 'DeputyContact is append-only'); END;
CREATE TRIGGER "DeputyContact_append_only_delete" BEFORE DELETE ON "DeputyContact"
BEGIN SELECT RAISE(ABORT, 'DeputyContact is append-only'); END;

-- Links are http(s), kept as given.
CREATE TRIGGER "DeputyContactLink_insert" BEFORE INSERT ON "DeputyContactLink"
WHEN NOT (NEW."url" LIKE 'http://_%' OR NEW."url" LIKE 'https://_%') OR NEW."position" < 1
BEGIN SELECT RAISE(ABORT, 'A contact link is an http(s) address'); END;
CREATE TRIGGER "DeputyContactLink_append_only_update" BEFORE UPDATE ON "DeputyContactLink"
BEGIN SELECT RAISE(ABORT, 'DeputyContactLink is append-only'); END;
CREATE TRIGGER "DeputyContactLink_append_only_delete" BEFORE DELETE ON "DeputyContactLink"
BEGIN SELECT RAISE(ABORT, 'DeputyContactLink is append-only'); END;

-- The deputy's answer: confirmed or disputed (with why), once, never changed.
CREATE TRIGGER "DeputyContactResponse_insert" BEFORE INSERT ON "DeputyContactResponse"
WHEN NEW."decision" NOT IN ('confirmed','disputed')
  OR (NEW."decision" = 'disputed' AND length(trim(coalesce(NEW."comment", ''))) = 0)
BEGIN SELECT RAISE(ABORT, 'A response confirms or disputes, a dispute with a comment'); END;
CREATE TRIGGER "DeputyContactResponse_append_only_update" BEFORE UPDATE ON "DeputyContactResponse"
BEGIN SELECT RAISE(ABORT, 'DeputyContactResponse is append-only'); END;
CREATE TRIGGER "DeputyContactResponse_append_only_delete" BEFORE DELETE ON "DeputyContactResponse"
BEGIN SELECT RAISE(ABORT, 'DeputyContactResponse is append-only'); END;

-- Contacts count in the dashboard's 面商率.
CREATE TRIGGER "DeputyContact_data_version_insert" AFTER INSERT ON "DeputyContact" BEGIN UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "id" = 1; END;
