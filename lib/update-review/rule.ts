// Review of status updates (issue 18, step 5): when an agency's updates need review, a status update by
// one of its staff is kept as a ProposedUpdate until that agency's reviewer (or the office) approves it.
// Who proposes, who reviews and what a proposal carries are decided here, in one place.
//
// Which writes the rule covers: the status form (lib/status-updates/actions.ts → record.ts). An
// admin's import stays direct: admins are not staff of an agency, and an import is the office's way of
// loading what was agreed elsewhere. A staff member of a reviewing agency may not import (the dry run
// names every row, lib/import/plan.ts), so that an import is no way around the review. The API
// (app/api/v1) only reads: no token writes status updates, so there is nothing to review there.
import { z } from "zod";
import type { Actor } from "@/lib/auth/permissions";
import type { DbClient } from "@/lib/db/client";
import { EvidenceKind } from "@/lib/db/enums";

/**
 * The agency whose reviewer must approve `actor`'s status updates, or null when they are recorded at
 * once: a staff member (not a reviewer) of an agency that has "updates need review" on.
 */
export async function reviewingAgencyOf(db: DbClient, actor: Actor): Promise<string | null> {
  if (actor.role !== "staff" || actor.agencyId === null || actor.isReviewer) return null;
  const agency = await db.agency.findUnique({
    where: { id: actor.agencyId },
    select: { updatesNeedReview: true },
  });
  return agency?.updatesNeedReview ? actor.agencyId : null;
}

/** Who may open the review queue: an agency's reviewer (their agency's), the office and admins (all). */
export function canReviewUpdates(actor: Actor | null): actor is Actor {
  if (!actor) return false;
  if (actor.role === "office" || actor.role === "admin") return true;
  return actor.role === "staff" && actor.agencyId !== null && actor.isReviewer === true;
}

/** Whether `actor` may approve or reject a proposed update of `agencyId`'s staff. */
export function mayReview(actor: Actor, agencyId: string): boolean {
  if (actor.role === "office" || actor.role === "admin") return true;
  return canReviewUpdates(actor) && actor.agencyId === agencyId;
}

/**
 * Who sees an item's pending and rejected updates: the agency whose staff proposed them, and the office
 * (and admins). They count nowhere else: not the dashboard, the table, the exports, the public pages or
 * the API, which read StatusUpdate only.
 */
export function maySeeProposals(actor: Actor, agencyId: string): boolean {
  return actor.role === "office" || actor.role === "admin" || actor.agencyId === agencyId;
}

/**
 * A proposal's evidence (ProposedUpdate.evidence): the item's links it cites, and the new link it adds
 * ({url, titleZh, kind, isPublic}, created on approval, not before: an unapproved update adds nothing).
 */
export const proposalEvidence = z.object({
  evidenceIds: z.array(z.string()).default([]),
  url: z.string().optional(),
  titleZh: z.string().optional(),
  kind: z.enum(EvidenceKind).optional(),
  isPublic: z.boolean().optional(),
});
export type ProposalEvidence = z.infer<typeof proposalEvidence>;

export function readProposalEvidence(value: unknown): ProposalEvidence {
  const parsed = proposalEvidence.safeParse(value ?? {});
  return parsed.success ? parsed.data : { evidenceIds: [] };
}
