import "server-only";
import { cache } from "react";
import { type Actor, canEditAction, canEditRecommendation } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { ASSIGNMENTS } from "@/lib/db/selects";
import { reviewingAgencyOf } from "@/lib/update-review/rule";

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
 * given: its current state and version, the evidence it can cite, whether `actor` may change it, and
 * whether their update will wait for review — and cannot be sent yet, one being pending already.
 */
export const getStatusFormItem = cache(
  async (actor: Actor, proposalCode: string, recommendationCode: string, actionCode?: string) => {
    const rec = await db.recommendation.findFirst({
      where: { code: recommendationCode, proposal: { code: proposalCode } },
      select: { ...formItem, _count: { select: { actions: true } } },
    });
    if (!rec) return null;
    const action =
      actionCode === undefined
        ? null
        : await db.action.findFirst({
            where: { code: actionCode, recommendationId: rec.id },
            select: formItem,
          });
    if (actionCode !== undefined && !action) return null;
    const reviewed = (await reviewingAgencyOf(db, actor)) !== null;
    const review = {
      reviewed,
      pending:
        reviewed &&
        (await db.proposedUpdate.count({
          where: action
            ? { actionId: action.id, state: "pending" }
            : { recommendationId: rec.id, state: "pending" },
        })) > 0,
    };
    if (!action) {
      return {
        type: "recommendation" as const,
        ...rec,
        recommendation: rec,
        progressIsRolledUp: rec._count.actions > 0,
        canEdit: canEditRecommendation(actor, rec.agencies),
        review,
      };
    }
    return {
      type: "action" as const,
      ...action,
      recommendation: rec,
      progressIsRolledUp: false,
      canEdit: canEditAction(actor, action.agencies, rec.agencies),
      review,
    };
  },
);

export type StatusFormItem = NonNullable<Awaited<ReturnType<typeof getStatusFormItem>>>;
