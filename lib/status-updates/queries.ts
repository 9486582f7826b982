import "server-only";
import { cache } from "react";
import { type Actor, canEditAction, canEditRecommendation } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { ASSIGNMENTS } from "@/lib/db/selects";

const evidenceOfItem = {
  where: { withdrawnAt: null },
  orderBy: { createdAt: "desc" },
  select: { id: true, titleZh: true, titleEn: true, url: true },
} as const;

// What the form shows and checks of either kind of item.
const formItem = {
  id: true,
  code: true,
  titleZh: true,
  titleEn: true,
  version: true,
  status: true,
  progress: true,
  agencies: ASSIGNMENTS,
  evidence: evidenceOfItem,
} as const;

/**
 * What the status form needs about a recommendation, or one of its actions when `actionCode` is
 * given: its current state and version, the evidence it can cite, and whether `actor` may change it.
 */
export const getStatusFormItem = cache(
  async (actor: Actor, proposalCode: string, recommendationCode: string, actionCode?: string) => {
    const rec = await db.recommendation.findFirst({
      where: { code: recommendationCode, proposal: { code: proposalCode } },
      select: { ...formItem, _count: { select: { actions: true } } },
    });
    if (!rec) return null;
    if (actionCode === undefined) {
      return {
        type: "recommendation" as const,
        ...rec,
        recommendation: rec,
        progressIsRolledUp: rec._count.actions > 0,
        canEdit: canEditRecommendation(actor, rec.agencies),
      };
    }
    const action = await db.action.findFirst({
      where: { code: actionCode, recommendationId: rec.id },
      select: formItem,
    });
    if (!action) return null;
    return {
      type: "action" as const,
      ...action,
      recommendation: rec,
      progressIsRolledUp: false,
      canEdit: canEditAction(actor, action.agencies, rec.agencies),
    };
  },
);

export type StatusFormItem = NonNullable<Awaited<ReturnType<typeof getStatusFormItem>>>;
