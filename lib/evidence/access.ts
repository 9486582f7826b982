import { type Actor, canEditAction, canEditRecommendation } from "@/lib/auth/permissions";
import type { DbClient } from "@/lib/db/client";
import { liveActions, liveRecommendations } from "@/lib/db/live";

const assignments = { select: { agencyId: true, role: true } } as const;

/**
 * Whether `actor` may attach, edit or withdraw evidence of this recommendation or action. An archived
 * recommendation, and the actions under it, take no more changes.
 */
export async function canChangeEvidenceOf(
  db: DbClient,
  actor: Actor,
  target: { recommendationId: string | null; actionId: string | null },
): Promise<boolean> {
  if (target.actionId) {
    const action = await db.action.findUnique({
      where: liveActions({ id: target.actionId }),
      select: { agencies: assignments, recommendation: { select: { agencies: assignments } } },
    });
    return action !== null && canEditAction(actor, action.agencies, action.recommendation.agencies);
  }
  if (target.recommendationId) {
    const rec = await db.recommendation.findUnique({
      where: liveRecommendations({ id: target.recommendationId }),
      select: { agencies: assignments },
    });
    return rec !== null && canEditRecommendation(actor, rec.agencies);
  }
  return false;
}
