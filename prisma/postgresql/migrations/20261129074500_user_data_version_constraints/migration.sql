-- Hand-written, not generated (see 20261129040000_constraints for why such migrations stand apart).

-- Cached dashboard figures name the authors of recent changes: a renamed user moves the data version on.
CREATE TRIGGER "User_data_version" AFTER UPDATE OF "name" ON "User"
  FOR EACH STATEMENT EXECUTE FUNCTION "next_data_version"();
