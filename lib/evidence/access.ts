import { type Access, itemAccess } from "@/lib/auth/item-access";
import { type Actor, canVerifyEvidence } from "@/lib/auth/permissions";
import type { DbClient } from "@/lib/db/client";

/** Whether `actor` may edit or withdraw a piece of evidence: as they may the item it belongs to. */
export async function evidenceAccess(db: DbClient, actor: Actor, evidenceId: string): Promise<Access> {
  const evidence = await db.evidence.findUnique({
    where: { id: evidenceId },
    select: { recommendationId: true, actionId: true },
  });
  return evidence ? itemAccess(db, actor, evidence) : "notFound";
}

/** Whether `actor` may verify a piece of evidence (canVerifyEvidence). */
export async function evidenceVerifyAccess(db: DbClient, actor: Actor, evidenceId: string): Promise<Access> {
  const evidence = await db.evidence.findUnique({
    where: { id: evidenceId },
    select: { recommendationId: true, actionId: true },
  });
  if (!evidence) return "notFound";
  const item = await itemAccess(db, actor, evidence);
  if (item === "notFound") return "notFound";
  return canVerifyEvidence(actor, item === "allowed") ? "allowed" : "forbidden";
}
