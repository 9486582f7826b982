// Every kind of audit event the app writes, and every kind of thing one is about. Each has its name
// in the messages (admin.auditAction, admin.entityType), so that the audit log never shows a raw code.

export const AUDIT_ACTIONS = [
  "session.signIn",
  "session.signOut",
  "sample.load",
  "statusUpdate.record",
  "evidence.create",
  "evidence.edit",
  "evidence.withdraw",
  "proposal.create",
  "proposal.edit",
  "proposal.archive",
  "proposal.publish",
  "proposal.unpublish",
  "recommendation.create",
  "recommendation.edit",
  "recommendation.move",
  "recommendation.archive",
  "recommendation.reply",
  "recommendation.rollUp",
  "action.create",
  "action.edit",
  "action.move",
  "import.upload",
  "import.apply",
  "user.create",
  "user.update",
  "user.deactivate",
  "user.reactivate",
  "agency.create",
  "agency.update",
  "theme.create",
  "theme.update",
  "satisfactionLevel.create",
  "satisfactionLevel.update",
  "apiToken.create",
  "apiToken.revoke",
  "calendarFeed.create",
  "calendarFeed.revoke",
] as const;

export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export const AUDIT_ENTITY_TYPES = [
  "Proposal",
  "Recommendation",
  "Action",
  "Evidence",
  "ImportBatch",
  "User",
  "Agency",
  "Theme",
  "SatisfactionLevel",
  "ApiToken",
  "CalendarFeed",
] as const;

export type AuditEntityType = (typeof AUDIT_ENTITY_TYPES)[number];
