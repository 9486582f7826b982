import "server-only";
import { cache } from "react";
import { shanghaiToday } from "@/lib/dates";
import { db } from "@/lib/db";
import type { ItemStatus } from "@/lib/db/enums";
import { liveActions, liveProposals, liveRecommendations } from "@/lib/db/live";
import { LIST_ORDER } from "@/lib/db/selects";
import { proposalHeadingSelect } from "@/lib/proposals/heading";
import { overdueWhere } from "@/lib/recommendations/overdue";
import { replyClock } from "@/lib/recommendations/reply-clock";

const agencyName = { select: { nameZh: true, nameEn: true, shortNameZh: true, shortNameEn: true } } as const;

/**
 * The proposal overview: the proposal, its recommendations with their lead agency and last update,
 * and the headline figures. `code` picks a proposal; without it, the earliest submitted one.
 */
export const getProposalOverview = cache(async (code?: string) => {
  const proposal = await db.proposal.findFirst({
    // Without a code, the first proposal not archived; an archived one stays readable by its code.
    where: code ? { code } : liveProposals(),
    orderBy: [{ submittedAt: "asc" }, { code: "asc" }],
    select: {
      id: true,
      ...proposalHeadingSelect,
      officialNumber: true,
      summaryZh: true,
      summaryEn: true,
      sourceReferenceZh: true,
      sourceReferenceEn: true,
      sourceUrl: true,
      archivedAt: true,
      archivedReason: true,
      // 联名代表, by name, in the proposal's order (issue 19).
      cosigners: { orderBy: { position: "asc" }, select: { nameZh: true, nameEn: true } },
    },
  });
  if (!proposal) return null;

  const today = shanghaiToday();
  const [recommendations, statusCounts, overdueCount, overdueActions, progress, lastUpdates, dissatisfied] =
    await Promise.all([
      db.recommendation.findMany({
        where: liveRecommendations({ proposalId: proposal.id }),
        orderBy: LIST_ORDER,
        select: {
          id: true,
          code: true,
          titleZh: true,
          titleEn: true,
          status: true,
          progress: true,
          dueDate: true,
          replyClass: true,
          assignedAt: true,
          replyDueAt: true,
          repliedAt: true,
          satisfaction: true,
          feedbackAt: true,
          rehandlingRepliedAt: true,
          theme: { select: { nameZh: true, nameEn: true } },
          agencies: { where: { role: "lead" }, select: { agency: agencyName } },
          _count: { select: { actions: true } },
        },
      }),
      db.recommendation.groupBy({
        by: ["status"],
        where: liveRecommendations({ proposalId: proposal.id }),
        _count: { _all: true },
      }),
      db.recommendation.count({
        where: liveRecommendations({ proposalId: proposal.id, ...overdueWhere(today) }),
      }),
      db.action.groupBy({
        by: ["recommendationId"],
        where: liveActions(overdueWhere(today), { proposalId: proposal.id }),
        _count: { _all: true },
      }),
      weightedProgress(proposal.id),
      lastUpdateByRecommendation(proposal.id),
      db.satisfactionLevel.findMany({ where: { isDissatisfied: true }, select: { key: true } }),
    ]);
  const dissatisfiedKeys = new Set(dissatisfied.map((level) => level.key));

  const countByStatus = Object.fromEntries(
    statusCounts.map((row) => [row.status, row._count._all]),
  ) as Partial<Record<ItemStatus, number>>;

  return {
    proposal,
    today,
    recommendations: recommendations.map((rec) => ({
      ...rec,
      leadAgency: rec.agencies[0]?.agency ?? null,
      lastUpdateAt: lastUpdates.get(rec.id) ?? null,
      overdueActions: overdueActions.find((row) => row.recommendationId === rec.id)?._count._all ?? 0,
      replyClock: replyClock(rec, rec.satisfaction !== null && dissatisfiedKeys.has(rec.satisfaction), today),
    })),
    figures: {
      total: recommendations.length,
      countByStatus,
      overdue: overdueCount,
      weightedProgress: progress,
    },
  };
});

/** Σ weight·progress / Σ weight over the proposal's recommendations, rounded; null when there are none. */
async function weightedProgress(proposalId: string): Promise<number | null> {
  const rows = await db.$queryRaw<{ weighted: number | null }[]>`
    SELECT SUM("weight" * "progress") / NULLIF(SUM("weight"), 0) AS weighted
    FROM "Recommendation" WHERE "proposalId" = ${proposalId} AND "archivedAt" IS NULL`;
  const weighted = rows[0]?.weighted;
  return weighted === null || weighted === undefined ? null : Math.round(Number(weighted));
}

/** When each recommendation, or any of its actions, was last updated (latest status update recorded). */
async function lastUpdateByRecommendation(proposalId: string): Promise<Map<string, Date>> {
  // From the proposal's items through each one's history index: joining the whole history to the
  // items instead reads every update of every proposal.
  const rows = await db.$queryRaw<{ recommendationId: string; lastAt: Date | string | number }[]>`
    SELECT "recommendationId", MAX("lastAt") AS "lastAt" FROM (
      SELECT su."recommendationId" AS "recommendationId", su."createdAt" AS "lastAt"
      FROM "Recommendation" r JOIN "StatusUpdate" su ON su."recommendationId" = r."id"
      WHERE r."proposalId" = ${proposalId}
      UNION ALL
      SELECT a."recommendationId", su."createdAt"
      FROM "Recommendation" r
      JOIN "Action" a ON a."recommendationId" = r."id"
      JOIN "StatusUpdate" su ON su."actionId" = a."id"
      WHERE r."proposalId" = ${proposalId}
    ) updates
    GROUP BY "recommendationId"`;
  return new Map(rows.map((row) => [row.recommendationId, new Date(row.lastAt)]));
}

export type ProposalOverview = NonNullable<Awaited<ReturnType<typeof getProposalOverview>>>;

/** Whether the database holds the sample data (the sign-in page then offers its demo accounts). */
export async function holdsSampleData(): Promise<boolean> {
  return (await db.proposal.count({ where: { isSample: true } })) > 0;
}
