import "server-only";
import { shanghaiToday } from "@/lib/dates";
import { db } from "@/lib/db";
import type { ItemStatus } from "@/lib/db/enums";
import { liveProposals, liveRecommendations } from "@/lib/db/live";
import { join, sql } from "@/lib/db/sql";
import { proposalHeadingSelect } from "@/lib/proposals/heading";
import { overdueWhere } from "@/lib/recommendations/overdue";

/** Proposals per portfolio page. */
export const PORTFOLIO_PAGE_SIZE = 24;

/**
 * The home page's portfolio: the proposals not archived, newest first, each with its weighted progress,
 * its status mix and its overdue recommendations, aggregated in the database for the page's proposals only.
 */
export async function getProposalPortfolio(page = 1) {
  const where = liveProposals();
  const [total, proposals] = await Promise.all([
    db.proposal.count({ where }),
    db.proposal.findMany({
      where,
      orderBy: [{ submittedAt: "desc" }, { code: "asc" }],
      skip: (page - 1) * PORTFOLIO_PAGE_SIZE,
      take: PORTFOLIO_PAGE_SIZE,
      select: {
        id: true,
        ...proposalHeadingSelect,
      },
    }),
  ]);
  const ids = proposals.map((proposal) => proposal.id);
  const today = shanghaiToday();
  const current = liveRecommendations({ proposalId: { in: ids } });
  const [statusRows, overdueRows, progressRows] = await Promise.all([
    db.recommendation.groupBy({ by: ["proposalId", "status"], where: current, _count: { _all: true } }),
    db.recommendation.groupBy({
      by: ["proposalId"],
      where: { ...current, ...overdueWhere(today) },
      _count: { _all: true },
    }),
    ids.length === 0
      ? []
      : db.$queryRaw<{ proposalId: string; weighted: number | null }[]>(sql`
          SELECT "proposalId", SUM("weight" * "progress") / NULLIF(SUM("weight"), 0) AS weighted
          FROM "Recommendation"
          WHERE "archivedAt" IS NULL AND "proposalId" IN (${join(ids)})
          GROUP BY "proposalId"`),
  ]);
  return {
    total,
    page,
    pageCount: Math.max(1, Math.ceil(total / PORTFOLIO_PAGE_SIZE)),
    proposals: proposals.map((proposal) => {
      const statuses = statusRows.filter((row) => row.proposalId === proposal.id);
      const weighted = progressRows.find((row) => row.proposalId === proposal.id)?.weighted;
      return {
        ...proposal,
        recommendations: statuses.reduce((sum, row) => sum + row._count._all, 0),
        countByStatus: Object.fromEntries(statuses.map((row) => [row.status, row._count._all])) as Partial<
          Record<ItemStatus, number>
        >,
        overdue: overdueRows.find((row) => row.proposalId === proposal.id)?._count._all ?? 0,
        progress: weighted === null || weighted === undefined ? null : Math.round(Number(weighted)),
      };
    }),
  };
}

export type ProposalPortfolio = Awaited<ReturnType<typeof getProposalPortfolio>>;
