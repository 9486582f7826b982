// Who records, corrects and answers 沟通记录 — decided here, in one place.
// - Record: the staff of the item's handling agencies (lead or co-handler), the office and admins.
// - Correct: the agency that recorded it (its staff); a record made by the office (no agency), the
//   office; admins always. A correction is a new record superseding the old one (immutable history).
// - Confirm or dispute: a deputy of the item's proposal (lib/auth/deputy-scope.ts canReadProposal).
import { canReadProposal } from "@/lib/auth/deputy-scope";
import type { Access } from "@/lib/auth/item-access";
import { recommendationAccess } from "@/lib/auth/item-access";
import { type Actor, canEditRecommendation, isDeputy, isOffice } from "@/lib/auth/permissions";
import type { DbClient } from "@/lib/db/client";
import type { AgencyRole } from "@/lib/db/enums";
import { liveRecommendations } from "@/lib/db/live";

type Assignments = readonly { agencyId: string; role: AgencyRole }[];

/** Whether `actor` may record a contact on an item handled by `agencies`. */
export function mayRecordContact(actor: Actor, agencies: Assignments): boolean {
  return isOffice(actor) || canEditRecommendation(actor, agencies);
}

/** Whether `actor` may correct a record made for `agencyId` (null: by the office or an admin). */
export function mayCorrectContact(actor: Actor, agencyId: string | null): boolean {
  if (actor.role === "admin") return true;
  if (agencyId === null) return actor.role === "office";
  return actor.role === "staff" && actor.agencyId === agencyId;
}

/** The per-item rule of recording and correcting: a live item `actor` may record contacts on. */
export function contactWriteAccess(db: DbClient, actor: Actor, recommendationId: string): Promise<Access> {
  return recommendationAccess(db, actor, recommendationId, mayRecordContact);
}

/** The per-item rule of a deputy's answer: a live item of one of the deputy's own proposals. */
export async function contactResponseAccess(
  db: DbClient,
  actor: Actor,
  recommendationId: string,
): Promise<Access> {
  const rec = await db.recommendation.findUnique({
    where: liveRecommendations({ id: recommendationId }),
    select: { proposalId: true },
  });
  if (!rec) return "notFound";
  if (!isDeputy(actor)) return "forbidden";
  return (await canReadProposal(db, actor, rec.proposalId)) ? "allowed" : "forbidden";
}
