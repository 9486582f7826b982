import "server-only";
import { itemAccess } from "@/lib/auth/item-access";
import type { Actor } from "@/lib/auth/permissions";
import { canEditAction, canEditRecommendation } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { ASSIGNMENTS, LIST_ORDER } from "@/lib/db/selects";
import { FILE_SUMMARY } from "@/lib/files/queries";

/** A recommendation and the items (it and its actions) whose evidence `actor` may change. */
export async function getEvidenceTargets(actor: Actor, proposalCode: string, recommendationCode: string) {
  const rec = await db.recommendation.findFirst({
    where: { code: recommendationCode, proposal: { code: proposalCode } },
    select: {
      id: true,
      code: true,
      titleZh: true,
      titleEn: true,
      agencies: ASSIGNMENTS,
      actions: {
        orderBy: LIST_ORDER,
        select: { id: true, code: true, titleZh: true, titleEn: true, agencies: ASSIGNMENTS },
      },
    },
  });
  if (!rec) return null;
  return {
    recommendation: rec,
    recommendationEditable: canEditRecommendation(actor, rec.agencies),
    editableActions: rec.actions.filter((action) => canEditAction(actor, action.agencies, rec.agencies)),
  };
}

/**
 * One piece of evidence with the item it belongs to, if it is under this recommendation, and whether
 * `actor` may change it.
 */
export async function getEvidenceToEdit(
  actor: Actor,
  proposalCode: string,
  recommendationCode: string,
  evidenceId: string,
) {
  const evidence = await db.evidence.findFirst({
    where: {
      id: evidenceId,
      OR: [
        { recommendation: { code: recommendationCode, proposal: { code: proposalCode } } },
        { action: { recommendation: { code: recommendationCode, proposal: { code: proposalCode } } } },
      ],
    },
    include: { action: { select: { code: true } }, files: FILE_SUMMARY },
  });
  if (!evidence) return null;
  return { evidence, canChange: (await itemAccess(db, actor, evidence)) === "allowed" };
}
