// The open deadlines of the tracked items, read set-based in a few queries: what the reminder
// scheduler warns of (./scheduler.ts) and what a person's calendar feed lists. One place for which
// clock runs when (DOMAIN.md "How such proposals are handled"):
// - reply (答复): assigned, not yet answered: due on replyDueAt (3 months, or an approved extension);
// - acknowledge (签收): each assigned agency acknowledges within N working days of its assignment
//   (lib/cycle/settings.ts, over the working calendar), while the item is being handled;
// - views (协办意见): each co-handler gives the lead its written view within N months (lib/cycle/
//   settings.ts, 1 by default) of its assignment;
// - rehandling (重新办理): a dissatisfied feedback is answered again within 1 month;
// - item: a recommendation's or action's own due date, while it is open;
// - follow-up (跟踪办理): a reply classed B or C is answered again once the matter is done (no date:
//   it is owed from the day the recommendation was recorded completed).
import "server-only";
import { loadCycleSettings } from "@/lib/cycle/settings";
import { addWorkingDays, loadWorkingCalendar } from "@/lib/cycle/working-days";
import { addMonths, toShanghaiDateString } from "@/lib/dates";
import type { Db, Prisma } from "@/lib/db/client";
import type { ItemStatus } from "@/lib/db/enums";
import { liveActions, liveProposals, liveRecommendations } from "@/lib/db/live";
import { CLOSED_STATUSES } from "@/lib/recommendations/overdue";
import { REHANDLING_MONTHS } from "@/lib/recommendations/reply-clock";
import { actionRef, type ItemRef, RECOMMENDATION_REF_SELECT, recommendationRef } from "./items";

export type DeadlineKind = "acknowledge" | "reply" | "views" | "rehandling" | "item";

export type { ItemRef };

export type Deadline = { kind: DeadlineKind; dueDay: string; item: ItemRef };

/** A B or C reply owing its follow-up answer since `owedSince` (the day completion was recorded). */
export type OwedFollowUp = { owedSince: string; replyClass: "B" | "C"; item: ItemRef };

export type DeadlineScope = {
  /** Only items one of these agencies handles (lead or co-handler). */
  agencyIds?: readonly string[];
  /** Only these recommendations (and their actions). */
  recommendationIds?: readonly string[];
};

const day = (value: Date) => toShanghaiDateString(value);
const isOpen = (status: ItemStatus) => !CLOSED_STATUSES.includes(status);

/**
 * Every open deadline in scope. A co-handler's `views` are outstanding until it sends them (协办意见,
 * lib/cycle/assignment-actions.ts) or the reply is recorded.
 */
export async function loadDeadlines(db: Db, scope: DeadlineScope = {}): Promise<Deadline[]> {
  const recommendations = await loadRecommendations(db, scope);
  const dissatisfied = new Set(
    (await db.satisfactionLevel.findMany({ where: { isDissatisfied: true }, select: { key: true } })).map(
      (level) => level.key,
    ),
  );
  const settings = await loadCycleSettings(db);
  const deadlines: Deadline[] = await acknowledgeDeadlines(db, recommendations);
  for (const rec of recommendations) {
    const item = recommendationRef(rec);
    if (rec.assignedAt && !rec.repliedAt) {
      if (rec.replyDueAt) deadlines.push({ kind: "reply", dueDay: day(rec.replyDueAt), item });
      // Each co-handler's view is due a month after it was given the item, until it sends it.
      for (const assignment of rec.agencies) {
        if (assignment.role !== "co_handler" || assignment.viewAt) continue;
        deadlines.push({
          kind: "views",
          dueDay: addMonths(day(assignment.createdAt), settings.coHandlerViewMonths),
          item: { ...item, coHandlerAgencyIds: [assignment.agencyId] },
        });
      }
    }
    if (rec.satisfaction && dissatisfied.has(rec.satisfaction) && rec.feedbackAt && !rec.rehandlingRepliedAt)
      deadlines.push({ kind: "rehandling", dueDay: addMonths(day(rec.feedbackAt), REHANDLING_MONTHS), item });
    if (rec.dueDate && isOpen(rec.status)) deadlines.push({ kind: "item", dueDay: day(rec.dueDate), item });
  }

  const byId = new Map(recommendations.map((rec) => [rec.id, rec]));
  const actions = await db.action.findMany({
    where: liveActions(
      { dueDate: { not: null }, status: { notIn: [...CLOSED_STATUSES] } },
      recommendationsIn(scope),
    ),
    select: {
      id: true,
      code: true,
      titleZh: true,
      titleEn: true,
      dueDate: true,
      recommendationId: true,
      agencies: { select: { agencyId: true, role: true } },
    },
  });
  for (const action of actions) {
    const rec = byId.get(action.recommendationId);
    if (!rec || !action.dueDate) continue;
    deadlines.push({ kind: "item", dueDay: day(action.dueDate), item: actionRef(action, rec) });
  }
  return deadlines;
}

/** The stages in which an assignment is still to be acknowledged (before the office accepted a reply). */
const ACKNOWLEDGING = ["assigned", "handling", "drafting", "cosigning", "reviewing", "submitted"];

/**
 * One 签收 deadline per item and due day, naming as its agencies only those that have not
 * acknowledged: the reminder goes to them, not to those who have.
 */
async function acknowledgeDeadlines(
  db: Db,
  recommendations: Awaited<ReturnType<typeof loadRecommendations>>,
): Promise<Deadline[]> {
  const waiting = recommendations.filter(
    (rec) => ACKNOWLEDGING.includes(rec.stage) && rec.agencies.some((row) => row.acknowledgedAt === null),
  );
  if (waiting.length === 0) return [];
  const [calendar, settings] = await Promise.all([loadWorkingCalendar(db), loadCycleSettings(db)]);
  return waiting.flatMap((rec) => {
    const item = recommendationRef(rec);
    const byDay = new Map<string, typeof rec.agencies>();
    for (const row of rec.agencies) {
      if (row.acknowledgedAt !== null) continue;
      const dueDay = addWorkingDays(calendar, day(row.createdAt), settings.acknowledgeWorkingDays);
      byDay.set(dueDay, [...(byDay.get(dueDay) ?? []), row]);
    }
    return [...byDay].map(([dueDay, rows]) => ({
      kind: "acknowledge" as const,
      dueDay,
      item: {
        ...item,
        leadAgencyId: rows.find((row) => row.role === "lead")?.agencyId ?? null,
        coHandlerAgencyIds: rows.filter((row) => row.role === "co_handler").map((row) => row.agencyId),
      },
    }));
  });
}

/** B and C replies whose recommendation is completed and whose follow-up answer is not recorded. */
export async function loadOwedFollowUps(db: Db, scope: DeadlineScope = {}): Promise<OwedFollowUp[]> {
  const owing: Prisma.RecommendationWhereInput = {
    replyClass: { in: ["B", "C"] },
    repliedAt: { not: null },
    followUpRepliedAt: null,
    status: "completed",
  };
  const recommendations = await loadRecommendations(db, scope, owing);
  if (recommendations.length === 0) return [];
  // The day the app learnt of the completion: the last update that completed it, as recorded. The
  // recommendations are named by the same filter, not by their ids: at national scale there are more
  // of them than a statement may have parameters.
  const completions = await db.statusUpdate.groupBy({
    by: ["recommendationId"],
    where: {
      recommendation: liveRecommendations({ ...owing, ...recommendationsIn(scope) }),
      statusAfter: "completed",
    },
    _max: { createdAt: true },
  });
  const completedOn = new Map(
    completions.map((row) => [row.recommendationId, row._max.createdAt ? day(row._max.createdAt) : null]),
  );
  return recommendations.flatMap((rec) => {
    const owedSince = completedOn.get(rec.id) ?? (rec.repliedAt ? day(rec.repliedAt) : null);
    return owedSince
      ? [{ owedSince, replyClass: rec.replyClass as "B" | "C", item: recommendationRef(rec) }]
      : [];
  });
}

/** The recommendations in scope, under a live proposal (the filter without its archived rule). */
function recommendationsIn(scope: DeadlineScope): Prisma.RecommendationWhereInput {
  return {
    proposal: liveProposals(),
    ...(scope.recommendationIds ? { id: { in: [...scope.recommendationIds] } } : {}),
    ...(scope.agencyIds
      ? {
          OR: [
            { agencies: { some: { agencyId: { in: [...scope.agencyIds] } } } },
            { actions: { some: { agencies: { some: { agencyId: { in: [...scope.agencyIds] } } } } } },
          ],
        }
      : {}),
  };
}

async function loadRecommendations(
  db: Db,
  scope: DeadlineScope,
  where: Prisma.RecommendationWhereInput = {},
) {
  return db.recommendation.findMany({
    where: liveRecommendations({ ...where, ...recommendationsIn(scope) }),
    select: {
      ...RECOMMENDATION_REF_SELECT,
      agencies: {
        select: { agencyId: true, role: true, createdAt: true, acknowledgedAt: true, viewAt: true },
      },
      stage: true,
      status: true,
      dueDate: true,
      assignedAt: true,
      replyDueAt: true,
      repliedAt: true,
      satisfaction: true,
      feedbackAt: true,
      rehandlingRepliedAt: true,
      replyClass: true,
    },
  });
}
