import type { DbClient } from "@/lib/db/client";
import { createAuditEvent } from "@/lib/history-chain/append";
import type { AuditAction, AuditEntityType } from "./actions";

export type AuditInput = {
  actorId: string | null;
  /** What happened, as "<entity>.<verb>", e.g. "statusUpdate.record" (one of lib/audit/actions.ts). */
  action: AuditAction;
  entityType: AuditEntityType;
  entityId: string;
  before?: unknown;
  after?: unknown;
};

/**
 * Appends one audit event to the audit chain (lib/history-chain); call it inside the transaction of
 * the write it describes.
 */
export async function recordAudit(db: DbClient, event: AuditInput) {
  await createAuditEvent(db, {
    actorId: event.actorId,
    action: event.action,
    entityType: event.entityType,
    entityId: event.entityId,
    before: toJson(event.before),
    after: toJson(event.after),
  });
}

// Dates become ISO strings; undefined becomes absent.
function toJson(value: unknown) {
  return value === undefined ? undefined : (JSON.parse(JSON.stringify(value)) as object);
}
