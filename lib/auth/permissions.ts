import type { AgencyRole, UserRole } from "@/lib/db/enums";

/** The signed-in user, as authorization sees them. */
export type Actor = {
  id: string;
  role: UserRole;
  agencyId: string | null;
  /** 单位负责人/审核人: approves their agency's replies and pending updates (staff only). */
  isReviewer?: boolean;
};

type Assignment = { agencyId: string; role: AgencyRole };

/** Admins manage users, agencies, themes and the feedback scale. */
export function isAdmin(actor: Actor | null): actor is Actor {
  return actor?.role === "admin";
}

/** Staff may change a recommendation when their agency handles it (lead or co-handler); admins always. */
export function canEditRecommendation(actor: Actor | null, agencies: readonly Assignment[]): boolean {
  if (!actor) return false;
  if (actor.role === "admin") return true;
  return (
    actor.role === "staff" && actor.agencyId !== null && agencies.some((a) => a.agencyId === actor.agencyId)
  );
}

/**
 * Staff may change an action when their agency handles it, or leads (主办) its recommendation: the
 * lead agency coordinates all of a recommendation's actions.
 */
export function canEditAction(
  actor: Actor | null,
  actionAgencies: readonly Assignment[],
  recommendationAgencies: readonly Assignment[],
): boolean {
  if (!actor) return false;
  if (actor.role === "admin") return true;
  if (actor.role !== "staff" || actor.agencyId === null) return false;
  return (
    actionAgencies.some((a) => a.agencyId === actor.agencyId) ||
    recommendationAgencies.some((a) => a.role === "lead" && a.agencyId === actor.agencyId)
  );
}

/**
 * The reply form: the lead agency's (主办) staff record the deputy's feedback and the later answers
 * there; the office (or an admin) records there a reply made outside the tracker (补录, see
 * canRecordReplyCycle). A reply made in the tracker goes through the cycle (lib/cycle/reply-actions.ts).
 */
export function canEditReply(actor: Actor | null, agencies: readonly Assignment[]): boolean {
  if (!actor) return false;
  if (actor.role === "admin" || actor.role === "office") return true;
  return (
    actor.role === "staff" &&
    actor.agencyId !== null &&
    agencies.some((a) => a.role === "lead" && a.agencyId === actor.agencyId)
  );
}

/**
 * Importing status updates from a spreadsheet: admins, and staff for the items their agency handles
 * (the dry run names the rows that are not theirs).
 */
export function canImport(actor: Actor | null): actor is Actor {
  return actor !== null && (actor.role === "admin" || (actor.role === "staff" && actor.agencyId !== null));
}

/** Progress reports (PDF, Word) are for every signed-in role but deputies, who read their own proposals only. */
export function canMakeReports(actor: Actor | null): actor is Actor {
  return actor !== null && actor.role !== "deputy";
}

/** Who may change the reply form's cycle fields (assignedAt, replyDueAt, repliedAt, replyClass): the office. */
export function canRecordReplyCycle(actor: Actor | null): boolean {
  return isOffice(actor);
}

/**
 * 核实: the office (or an admin) verifies any evidence; a reviewer (单位负责人) the evidence of the items
 * their agency may change (`mayChangeItem`, the item's own rule).
 */
export function canVerifyEvidence(actor: Actor | null, mayChangeItem: boolean): boolean {
  if (actor?.role === "staff") return actor.isReviewer === true && mayChangeItem;
  return isOffice(actor);
}

/** The office (交办/督办部门) assigns, approves, supervises and closes; an admin may act as office. */
export function isOffice(actor: Actor | null): actor is Actor {
  return actor?.role === "office" || actor?.role === "admin";
}

/**
 * A deputy (代表) reads only the proposals they authored or co-signed (lib/auth/deputy-scope.ts) and
 * writes only their own ratings, confirmations and comments; every other role reads everything.
 */
export function isDeputy(actor: Actor | null): actor is Actor {
  return actor?.role === "deputy";
}
