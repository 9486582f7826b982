// "Archived is gone": an archived proposal or recommendation (archiving a proposal archives its
// recommendations) and the actions under it leave every list, figure, export and report and take no
// more changes, yet keep their pages and history. Every Prisma query about what is current (a read, or
// a write's guard) builds its `where` with these, so that the rule is written once.
//
// Why where-builders rather than a Prisma client extension that filters every read: an extension's
// query hooks see only a query's top-level model, not the relations read or filtered inside it
// (`include: { recommendations }`, `_count`, an action's `recommendation: {…}`), which is where the
// filter was missed before (145309a, 978bf28); it would have to be turned off by the many reads that
// show archived rows on purpose (admin lists, an item's own page, the audit log); and its `$extends`
// client would need a second cast beside the PostgreSQL client's (client.ts). Each builder sets
// `archivedAt` last, so no filter passed in can undo it. Statements written in SQL (lib/tracking/item-sql.ts,
// with its partial index on archived rows) say `"archivedAt" IS NULL` themselves.
import type { Prisma } from "./client";

type Live = { archivedAt: null };
// A builder keeps the type of what it is given, so that the result still fits a `findUnique`.
type NoFilter = Record<never, never>;

/** Proposals not archived, among those `where` selects. */
export function liveProposals<W extends Prisma.ProposalWhereInput = NoFilter>(where?: W): W & Live {
  return { ...where, archivedAt: null } as W & Live;
}

/** Recommendations not archived, among those `where` selects. */
export function liveRecommendations<W extends Prisma.RecommendationWhereInput = NoFilter>(
  where?: W,
): W & Live {
  return { ...where, archivedAt: null } as W & Live;
}

/**
 * Actions whose recommendation is not archived (actions are not archived on their own), among those
 * `where` selects; a condition on the recommendation goes in `recommendation`, inside the same filter.
 */
export function liveActions<W extends Omit<Prisma.ActionWhereInput, "recommendation"> = NoFilter>(
  where?: W,
  recommendation?: Prisma.RecommendationWhereInput,
): W & { recommendation: Live } {
  return { ...where, recommendation: liveRecommendations(recommendation) } as W & { recommendation: Live };
}
