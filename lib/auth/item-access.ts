import type { DbClient } from "@/lib/db/client";
import type { AgencyRole } from "@/lib/db/enums";
import { liveActions, liveRecommendations } from "@/lib/db/live";
import { ASSIGNMENTS } from "@/lib/db/selects";
import { type Actor, canEditAction, canEditRecommendation } from "./permissions";

/** Whether a user may change an item: the answer of a server action's per-item rule (formAction). */
export type Access = "allowed" | "forbidden" | "notFound";

type Assignments = readonly { agencyId: string; role: AgencyRole }[];

const accessOf = (found: boolean, allowed: () => boolean): Access =>
  !found ? "notFound" : allowed() ? "allowed" : "forbidden";

/**
 * A live recommendation and whether `actor` may change it, by `rule` (by default the staff of the
 * agencies that handle it). An archived recommendation takes no more changes: as if gone.
 */
export async function recommendationAccess(
  db: DbClient,
  actor: Actor,
  recommendationId: string,
  rule: (actor: Actor, agencies: Assignments) => boolean = canEditRecommendation,
): Promise<Access> {
  const rec = await db.recommendation.findUnique({
    where: liveRecommendations({ id: recommendationId }),
    select: { agencies: ASSIGNMENTS },
  });
  return accessOf(rec !== null, () => rule(actor, rec?.agencies ?? []));
}

/**
 * A live action and whether `actor` may change it, by `rule` (by default the staff of its agencies and
 * of its recommendation's lead agency), which sees the action's agencies and its recommendation's.
 */
export async function actionAccess(
  db: DbClient,
  actor: Actor,
  actionId: string,
  rule: (actor: Actor, own: Assignments, recommendation: Assignments) => boolean = canEditAction,
): Promise<Access> {
  const action = await db.action.findUnique({
    where: liveActions({ id: actionId }),
    select: { agencies: ASSIGNMENTS, recommendation: { select: { agencies: ASSIGNMENTS } } },
  });
  return accessOf(action !== null, () =>
    rule(actor, action?.agencies ?? [], action?.recommendation.agencies ?? []),
  );
}

/** The recommendation or the action an update, a piece of evidence or a form names. */
export type ItemRef = { recommendationId: string | null; actionId: string | null };

/** Whether `actor` may record progress and evidence on an item, by the default rule of its kind. */
export function itemAccess(db: DbClient, actor: Actor, item: ItemRef): Promise<Access> {
  if (item.actionId) return actionAccess(db, actor, item.actionId);
  if (item.recommendationId) return recommendationAccess(db, actor, item.recommendationId);
  return Promise.resolve("notFound");
}
