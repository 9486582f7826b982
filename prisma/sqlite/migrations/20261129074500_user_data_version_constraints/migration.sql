-- Hand-written, not generated (see 20261129040000_constraints for why such migrations stand apart).

-- Cached dashboard figures name the authors of recent changes: a renamed user moves the data version on.
CREATE TRIGGER "User_data_version_update" AFTER UPDATE OF "name" ON "User" BEGIN
  UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "id" = 1;
END;
