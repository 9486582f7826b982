-- Hand-written, not generated (see 20261129040000_constraints for why such migrations stand apart).

-- The audit trail is append-only, like the history.
CREATE TRIGGER "AuditEvent_append_only" BEFORE UPDATE OR DELETE ON "AuditEvent"
  FOR EACH ROW EXECUTE FUNCTION "refuse_history_change"();
CREATE TRIGGER "AuditEvent_no_truncate" BEFORE TRUNCATE ON "AuditEvent"
  FOR EACH STATEMENT EXECUTE FUNCTION "refuse_history_change"();

-- The default deputy-feedback scale: 满意 / 基本满意 / 不满意.
INSERT INTO "SatisfactionLevel" ("id", "key", "labelZh", "labelEn", "sortOrder", "isDissatisfied", "active", "createdAt", "updatedAt") VALUES
  ('satisfaction_satisfied', 'satisfied', '满意', 'Satisfied', 1, false, true, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP),
  ('satisfaction_basically_satisfied', 'basically_satisfied', '基本满意', 'Basically satisfied', 2, false, true, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP),
  ('satisfaction_dissatisfied', 'dissatisfied', '不满意', 'Dissatisfied', 3, true, true, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP);
