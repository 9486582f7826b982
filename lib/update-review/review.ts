// Approving or rejecting a proposed status update (lib/update-review/rule.ts), one transaction each, so
// that in a batch a refused one (the item changed since it was proposed) leaves the others to go through.
import { recordAudit } from "@/lib/audit/record";
import type { Actor } from "@/lib/auth/permissions";
import { toShanghaiDateString } from "@/lib/dates";
import type { Db, Prisma } from "@/lib/db/client";
import { recordStatusUpdateIn } from "@/lib/status-updates/record";
import type { StatusUpdateInput } from "@/lib/status-updates/schema";
import { mayReview, readProposalEvidence } from "./rule";

export type ReviewDecision = { decision: "approve" } | { decision: "reject"; reason: string };

/** How reviewing one proposal ended; anything but approved/rejected wrote nothing. */
export type ReviewOutcome =
  | "approved"
  | "rejected"
  /** The item changed since it was proposed: it stays pending (the reviewer may reject it). */
  | "conflict"
  /** It breaks a rule of status updates now (e.g. a later update of its recommendation came first). */
  | "invalid"
  /** Its author may no longer update the item (moved to another agency, the item reassigned). */
  | "authorForbidden"
  /** Reviewed already (by someone else, in the meantime), or gone with its archived item. */
  | "notPending"
  | "forbidden";

/** Thrown inside a transaction to undo what it wrote. */
class Undo extends Error {
  constructor(readonly outcome: ReviewOutcome) {
    super(outcome);
  }
}

/**
 * Approves or rejects one pending proposal as `reviewer`. Approval records it through the status form's
 * write (recordStatusUpdateIn: the same rules, version check, roll-up, history, evidence, audit and
 * notifications) with its author as the history's author, then marks it approved, by whom and when,
 * linked to the update it became, and audits the approval.
 */
export async function reviewProposedUpdate(
  db: Db,
  reviewer: Actor,
  proposedUpdateId: string,
  decision: ReviewDecision,
  now: Date = new Date(),
): Promise<ReviewOutcome> {
  try {
    return await db.$transaction((tx) => reviewIn(tx, reviewer, proposedUpdateId, decision, now));
  } catch (error) {
    if (error instanceof Undo) return error.outcome;
    throw error;
  }
}

async function reviewIn(
  tx: Prisma.TransactionClient,
  reviewer: Actor,
  id: string,
  decision: ReviewDecision,
  now: Date,
): Promise<ReviewOutcome> {
  const proposal = await tx.proposedUpdate.findUnique({
    where: { id },
    include: { author: { select: { id: true, role: true, agencyId: true, isReviewer: true } } },
  });
  if (proposal?.state !== "pending") return "notPending";
  if (!mayReview(reviewer, proposal.agencyId)) return "forbidden";
  const itemType = proposal.recommendationId ? "recommendation" : "action";
  const entity = {
    entityType: itemType === "recommendation" ? ("Recommendation" as const) : ("Action" as const),
    entityId: (proposal.recommendationId ?? proposal.actionId) as string,
  };
  const reviewed = { reviewedById: reviewer.id, reviewedAt: now };
  // Only a proposal still pending is decided: a concurrent review of the same one finds it decided.
  const decide = async (data: Prisma.ProposedUpdateUncheckedUpdateManyInput) => {
    const { count } = await tx.proposedUpdate.updateMany({ where: { id, state: "pending" }, data });
    if (count === 0) throw new Undo("notPending");
  };

  if (decision.decision === "reject") {
    await decide({ state: "rejected", reviewReason: decision.reason, ...reviewed });
    await recordAudit(tx, {
      actorId: reviewer.id,
      action: "updateReview.reject",
      ...entity,
      before: { proposedUpdateId: id, state: "pending" },
      after: {
        proposedUpdateId: id,
        state: "rejected",
        reason: decision.reason,
        authorId: proposal.authorId,
      },
    });
    return "rejected";
  }

  const evidence = readProposalEvidence(proposal.evidence);
  const input: StatusUpdateInput = {
    itemType,
    itemId: entity.entityId,
    version: proposal.baseVersion,
    status: proposal.statusAfter,
    progress: proposal.progressAfter,
    effectiveDate: toShanghaiDateString(proposal.effectiveDate),
    comment: proposal.comment ?? undefined,
    evidenceIds: evidence.evidenceIds,
    newEvidenceUrl: evidence.url,
    newEvidenceTitle: evidence.url ? evidence.titleZh : undefined,
    newEvidenceKind: evidence.url ? (evidence.kind ?? "other") : undefined,
    newEvidencePublic: evidence.url ? (evidence.isPublic ?? false) : undefined,
  };
  const result = await recordStatusUpdateIn(tx, proposal.author, input, { source: "form" }, now, {
    reviewed: true,
  });
  switch (result.kind) {
    case "recorded":
      break;
    case "conflict":
      return "conflict";
    case "invalid":
      return "invalid";
    case "notFound":
      return "notPending";
    default:
      return "authorForbidden";
  }
  await decide({ state: "approved", statusUpdateId: result.statusUpdateId, ...reviewed });
  await recordAudit(tx, {
    actorId: reviewer.id,
    action: "updateReview.approve",
    ...entity,
    before: { proposedUpdateId: id, state: "pending" },
    after: {
      proposedUpdateId: id,
      state: "approved",
      statusUpdateId: result.statusUpdateId,
      authorId: proposal.authorId,
    },
  });
  return "approved";
}
