// What a deputy may read: the proposals they authored (领衔, Proposal.authorUserId) or co-signed (联名,
// ProposalCosigner.userId), and what hangs under them (recommendations, actions, replies, history,
// evidence — the non-public evidence too, but not what is marked internal, 内部材料). Not the office's
// internal handling either: its 督办单 and the agencies' hand-back and extension requests. Every read
// that a deputy can reach builds its filter here, so that the rule is written once.
//
// Where it is applied (issue 19, part 1), deny by default:
// - pages: requireUser (lib/auth/session.ts) refuses a deputy with the 404 that keeps staff out of
//   admin; only the pages that call requireReader admit one (DEPUTY_PAGES below lists them), and
//   every proposal page of them goes through loadProposalPage, which checks canReadProposalCode;
// - route handlers (API, exports): authenticateRequest (lib/http/caller.ts) refuses a deputy's
//   session with a 403; reports (canMakeReports) and imports (canImport) refuse deputies too;
// - server actions: following needs canReadProposal; the calendar feed keeps to readable items.
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

/** The actions `actor` may read: those of the recommendations they may read. */
export function readableActions(actor: Actor): Prisma.ActionWhereInput {
  return isDeputy(actor) ? { recommendation: readableRecommendations(actor) } : {};
}

/**
 * The evidence `actor` may read: a deputy, their proposals' evidence, public or not, on a
 * recommendation or on one of its actions, but for what is marked internal.
 */
export function readableEvidence(actor: Actor): Prisma.EvidenceWhereInput {
  if (!isDeputy(actor)) return {};
  return {
    isInternal: false,
    OR: [{ recommendation: readableRecommendations(actor) }, { action: readableActions(actor) }],
  };
}

/** Whether `actor` may read a piece of evidence of an item they may read: all but a deputy, internal. */
export function mayReadEvidence(actor: Actor, evidence: { isInternal: boolean }): boolean {
  return !(isDeputy(actor) && evidence.isInternal);
}

/** Whether `actor` sees the office's and the agencies' internal handling: 督办单, hand-back and extension requests. */
export function seesInternalHandling(actor: Actor): boolean {
  return !isDeputy(actor);
}

/**
 * The cycle's steps that are internal handling (lib/cycle/machine.ts): requests and their decisions,
 * co-handlers' views, the drafting, 会签 and 审核 of the reply before the office accepts it, and 督办.
 * A deputy's history shows the rest: 交办, 签收, the reply, the ratings, 办结.
 */
export const INTERNAL_CYCLE_STEPS = [
  "requestHandback",
  "decideHandback",
  "submitView",
  "requestExtension",
  "decideExtension",
  "draftReply",
  "submitDraft",
  "signoff",
  "reviewReply",
  "returnReply",
  "setPriority",
  "issueNotice",
  "acknowledgeNotice",
  "answerNotice",
];
const INTERNAL_STEPS = new Set(INTERNAL_CYCLE_STEPS);

/** Whether `actor` may see a step of the cycle's history. */
export function mayReadCycleStep(actor: Actor, step: string): boolean {
  return seesInternalHandling(actor) || !INTERNAL_STEPS.has(step);
}

/** The deputies (accounts, not banned) of a recommendation's proposal: its first author and co-signers. */
export async function deputiesOfRecommendation(db: DbClient, recommendationId: string): Promise<string[]> {
  const rec = await db.recommendation.findUnique({
    where: { id: recommendationId },
    select: {
      proposal: {
        select: {
          authorUser: { select: { id: true, role: true, banned: true } },
          cosigners: { select: { user: { select: { id: true, role: true, banned: true } } } },
        },
      },
    },
  });
  if (!rec) return [];
  const people = [rec.proposal.authorUser, ...rec.proposal.cosigners.map((c) => c.user)];
  return [
    ...new Set(
      people.flatMap((person) => (person && person.role === "deputy" && !person.banned ? [person.id] : [])),
    ),
  ];
}

/** Whether `actor` may read the proposal `proposalId`. */
export async function canReadProposal(db: DbClient, actor: Actor, proposalId: string): Promise<boolean> {
  if (!isDeputy(actor)) return true;
  const own = await db.proposal.count({ where: { id: proposalId, ...proposalsOfDeputy(actor.id) } });
  return own > 0;
}

/** Whether `actor` may read the proposal whose code is `code` (an address's segment, decoded). */
export async function canReadProposalCode(db: DbClient, actor: Actor, code: string): Promise<boolean> {
  if (!isDeputy(actor)) return true;
  const own = await db.proposal.count({ where: { code, ...proposalsOfDeputy(actor.id) } });
  return own > 0;
}

/** Whether `actor` may read the item (proposal, recommendation or action) a follow would name. */
export async function canReadItem(
  db: DbClient,
  actor: Actor,
  itemType: "proposal" | "recommendation" | "action",
  itemId: string,
): Promise<boolean> {
  if (!isDeputy(actor)) return true;
  if (itemType === "proposal") return canReadProposal(db, actor, itemId);
  if (itemType === "recommendation")
    return (await db.recommendation.count({ where: { id: itemId, ...readableRecommendations(actor) } })) > 0;
  return (await db.action.count({ where: { id: itemId, ...readableActions(actor) } })) > 0;
}

/**
 * The pages a deputy may open, as app/[locale]/(app) spells them (documentation and tests: the pages
 * themselves admit a deputy by calling requireReader). The proposal pages among them show only the
 * deputy's own proposals (loadProposalPage). Everything else — dashboard, table, reports, import,
 * review, office, admin, the calendar feed, the pages that manage actions and the forms that record
 * progress, evidence or replies — is not for deputies. A recommendation's page shows its actions,
 * reply, history and evidence.
 */
export const DEPUTY_PAGES = [
  "/[locale]",
  "/[locale]/deputy",
  "/[locale]/notifications",
  "/[locale]/notifications/preferences",
  "/[locale]/proposals/[proposalCode]",
  "/[locale]/proposals/[proposalCode]/[recommendationCode]",
  // An action's comment thread (讨论): loadProposalPage and the thread's own canReadProposal.
  "/[locale]/proposals/[proposalCode]/[recommendationCode]/actions/[actionCode]/comments",
  "/[locale]/public/[code]",
  "/[locale]/sign-in",
] as const;
