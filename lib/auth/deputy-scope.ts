// What a deputy may read: the proposals they authored (领衔, Proposal.authorUserId) or co-signed (联名,
// ProposalCosigner.userId), and what hangs under them. Every read that a deputy can reach builds its
// filter here, so that the rule is written once.
import type { DbClient, Prisma } from "@/lib/db/client";
import { type Actor, isDeputy } from "./permissions";

/** The proposals `userId` authored or co-signed. */
export function proposalsOfDeputy(userId: string): Prisma.ProposalWhereInput {
  return { OR: [{ authorUserId: userId }, { cosigners: { some: { userId } } }] };
}

/** The recommendations `actor` may read: all for every role but a deputy's. */
export function readableRecommendations(actor: Actor): Prisma.RecommendationWhereInput {
  return isDeputy(actor) ? { proposal: proposalsOfDeputy(actor.id) } : {};
}

/** Whether `actor` may read the proposal `proposalId`. */
export async function canReadProposal(db: DbClient, actor: Actor, proposalId: string): Promise<boolean> {
  if (!isDeputy(actor)) return true;
  const own = await db.proposal.count({ where: { id: proposalId, ...proposalsOfDeputy(actor.id) } });
  return own > 0;
}
