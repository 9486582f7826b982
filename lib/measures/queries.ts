import "server-only";
import { type Actor, canEditAction, canEditRecommendation } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { ASSIGNMENTS, LIST_ORDER } from "@/lib/db/selects";

/** A recommendation's actions with their agencies, the agencies to choose from, and the user's rights. */
export async function getActionsForManagement(
  actor: Actor,
  proposalCode: string,
  recommendationCode: string,
) {
  const [rec, agencies] = await Promise.all([
    db.recommendation.findFirst({
      where: { code: recommendationCode, proposal: { code: proposalCode } },
      select: {
        id: true,
        code: true,
        titleZh: true,
        titleEn: true,
        agencies: ASSIGNMENTS,
        actions: {
          orderBy: LIST_ORDER,
          select: {
            id: true,
            code: true,
            titleZh: true,
            titleEn: true,
            descriptionZh: true,
            startDate: true,
            dueDate: true,
            weight: true,
            version: true,
            agencies: ASSIGNMENTS,
          },
        },
      },
    }),
    db.agency.findMany({
      where: { active: true },
      orderBy: { code: "asc" },
      select: { id: true, nameZh: true, nameEn: true },
    }),
  ]);
  if (!rec) return null;
  return {
    recommendation: rec,
    agencies,
    canManage: canEditRecommendation(actor, rec.agencies),
    editableActionIds: rec.actions
      .filter((a) => canEditAction(actor, a.agencies, rec.agencies))
      .map((a) => a.id),
  };
}
