import "server-only";
// Reads of proposed status updates: the review queue, its count in the navigation, and an item's
// pending and rejected ones on its page. Nothing else reads ProposedUpdate: an update waiting for review
// counts nowhere (dashboard, table, exports, reports, public pages, API read StatusUpdate only).
import type { Actor } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/db/client";
import { liveActions, liveProposals, liveRecommendations } from "@/lib/db/live";
import { canReviewUpdates, readProposalEvidence } from "./rule";
import type { QueueFilters } from "./schema";

/** Proposals of live items only: an archived item's pending update waits with it, out of the queue. */
const LIVE_ITEM: Prisma.ProposedUpdateWhereInput = {
  OR: [{ recommendation: liveRecommendations() }, { action: liveActions() }],
};

/** The proposals `actor` reviews: their agency's for a reviewer, all for the office and admins. */
function reviewable(actor: Actor): Prisma.ProposedUpdateWhereInput {
  if (actor.role === "office" || actor.role === "admin") return {};
  return { agencyId: actor.agencyId ?? "" };
}

/** How many updates wait for `actor`'s review (the navigation's count); 0 for who reviews nothing. */
export async function pendingReviewCount(actor: Actor | null): Promise<number> {
  if (!canReviewUpdates(actor)) return 0;
  return db.proposedUpdate.count({ where: { AND: [reviewable(actor), LIVE_ITEM], state: "pending" } });
}

const ITEM = {
  select: { id: true, code: true, titleZh: true, titleEn: true, version: true, status: true, progress: true },
} as const;

const QUEUE_SELECT = {
  id: true,
  baseVersion: true,
  statusAfter: true,
  progressAfter: true,
  effectiveDate: true,
  comment: true,
  evidence: true,
  createdAt: true,
  agency: {
    select: { id: true, code: true, nameZh: true, nameEn: true, shortNameZh: true, shortNameEn: true },
  },
  author: { select: { name: true } },
  recommendation: {
    select: { ...ITEM.select, proposal: { select: { code: true, titleZh: true, titleEn: true } } },
  },
  action: {
    select: {
      ...ITEM.select,
      recommendation: {
        select: {
          code: true,
          titleZh: true,
          titleEn: true,
          proposal: { select: { code: true, titleZh: true, titleEn: true } },
        },
      },
    },
  },
} satisfies Prisma.ProposedUpdateSelect;

/**
 * The review queue: the pending proposals `actor` reviews, oldest first, filtered by agency, proposal
 * (code) and kind of item; with the choices of the filters. The caller has checked canReviewUpdates.
 */
export async function getReviewQueue(actor: Actor, filters: QueueFilters) {
  const mine = reviewable(actor);
  const proposalFilter: Prisma.ProposedUpdateWhereInput = filters.proposal
    ? {
        OR: [
          { recommendation: { proposal: { code: filters.proposal } } },
          { action: { recommendation: { proposal: { code: filters.proposal } } } },
        ],
      }
    : {};
  const where: Prisma.ProposedUpdateWhereInput = {
    AND: [mine, LIVE_ITEM, proposalFilter],
    state: "pending",
    ...(filters.agency ? { agency: { code: filters.agency } } : {}),
    ...(filters.kind === "recommendation" ? { recommendationId: { not: null } } : {}),
    ...(filters.kind === "action" ? { actionId: { not: null } } : {}),
  };
  const [rows, agencies, proposals] = await Promise.all([
    db.proposedUpdate.findMany({
      where,
      select: QUEUE_SELECT,
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      take: 200,
    }),
    db.agency.findMany({
      where: {
        ...(mine.agencyId ? { id: mine.agencyId as string } : {}),
        proposedUpdates: { some: { state: "pending" } },
      },
      select: { code: true, nameZh: true, nameEn: true },
      orderBy: { code: "asc" },
    }),
    db.proposal.findMany({
      where: liveProposals({
        recommendations: {
          some: liveRecommendations({
            OR: [
              { proposedUpdates: { some: { AND: [mine], state: "pending" } } },
              { actions: { some: { proposedUpdates: { some: { AND: [mine], state: "pending" } } } } },
            ],
          }),
        },
      }),
      select: { code: true, titleZh: true, titleEn: true },
      orderBy: { code: "asc" },
    }),
  ]);
  return {
    rows: rows.map(({ recommendation, action, evidence, ...row }) => {
      const item = (action ?? recommendation) as NonNullable<typeof recommendation | typeof action>;
      const rec = action ? action.recommendation : (recommendation as NonNullable<typeof recommendation>);
      const link = readProposalEvidence(evidence);
      return {
        ...row,
        kind: action ? ("action" as const) : ("recommendation" as const),
        item: {
          code: item.code,
          titleZh: item.titleZh,
          titleEn: item.titleEn,
          status: item.status,
          progress: item.progress,
        },
        /** The item changed since: approving it would be refused. */
        stale: item.version !== row.baseVersion,
        recommendation: { code: rec.code, titleZh: rec.titleZh, titleEn: rec.titleEn },
        proposal: rec.proposal,
        newLink: link.url ? { url: link.url, title: link.titleZh ?? link.url } : null,
        citedCount: link.evidenceIds.length,
      };
    }),
    agencies,
    proposals,
  };
}
export type ReviewQueue = Awaited<ReturnType<typeof getReviewQueue>>;

/**
 * The pending and rejected proposals of a recommendation and its actions that `actor` may see (their
 * agency's, or all for the office and admins), newest first; none for anyone else (officials, other
 * agencies' staff).
 */
export async function getItemProposals(actor: Actor, recommendationId: string) {
  const visible: Prisma.ProposedUpdateWhereInput =
    actor.role === "office" || actor.role === "admin"
      ? {}
      : actor.role === "staff" && actor.agencyId
        ? { agencyId: actor.agencyId }
        : { id: "" };
  const rows = await db.proposedUpdate.findMany({
    where: {
      AND: [visible, { OR: [{ recommendationId }, { action: { recommendationId } }] }],
      state: { in: ["pending", "rejected"] },
    },
    select: {
      id: true,
      state: true,
      statusAfter: true,
      progressAfter: true,
      effectiveDate: true,
      comment: true,
      evidence: true,
      createdAt: true,
      reviewedAt: true,
      reviewReason: true,
      author: { select: { name: true } },
      reviewedBy: { select: { name: true } },
      agency: { select: { nameZh: true, nameEn: true, shortNameZh: true, shortNameEn: true } },
      action: { select: { code: true, titleZh: true, titleEn: true } },
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: 100,
  });
  return rows.map(({ evidence, ...row }) => {
    const link = readProposalEvidence(evidence);
    return { ...row, newLink: link.url ? { url: link.url, title: link.titleZh ?? link.url } : null };
  });
}
export type ItemProposals = Awaited<ReturnType<typeof getItemProposals>>;
