// The item a notification is about, as its message names it and links to it (ItemRef), read for
// recommendations and actions alike, with the agencies that handle it.
import "server-only";
import type { DbClient } from "@/lib/db/client";
import type { AgencyRole } from "@/lib/db/enums";

/** The item a deadline or notification is about, with what a message needs to name it and link to it. */
export type ItemRef = {
  itemType: "recommendation" | "action";
  itemId: string;
  proposalId: string;
  proposalCode: string;
  recommendationId: string;
  recommendationCode: string;
  actionCode: string | null;
  titleZh: string;
  titleEn: string | null;
  /** The item's handling agencies: an action without its own takes its recommendation's. */
  leadAgencyId: string | null;
  coHandlerAgencyIds: string[];
};

type Assignment = { agencyId: string; role: AgencyRole };

/** What a recommendation's ItemRef reads (add it to a recommendation's select). */
export const RECOMMENDATION_REF_SELECT = {
  id: true,
  code: true,
  titleZh: true,
  titleEn: true,
  proposal: { select: { id: true, code: true } },
  agencies: { select: { agencyId: true, role: true } },
} as const;

type RecommendationForRef = {
  id: string;
  code: string;
  titleZh: string;
  titleEn: string | null;
  proposal: { id: string; code: string };
  agencies: readonly Assignment[];
};

type ActionForRef = {
  id: string;
  code: string;
  titleZh: string;
  titleEn: string | null;
  agencies: readonly Assignment[];
};

function handlers(assignments: readonly Assignment[]) {
  return {
    leadAgencyId: assignments.find((a) => a.role === "lead")?.agencyId ?? null,
    coHandlerAgencyIds: assignments.filter((a) => a.role === "co_handler").map((a) => a.agencyId),
  };
}

export function recommendationRef(rec: RecommendationForRef): ItemRef {
  return {
    itemType: "recommendation",
    itemId: rec.id,
    proposalId: rec.proposal.id,
    proposalCode: rec.proposal.code,
    recommendationId: rec.id,
    recommendationCode: rec.code,
    actionCode: null,
    titleZh: rec.titleZh,
    titleEn: rec.titleEn,
    ...handlers(rec.agencies),
  };
}

export function actionRef(action: ActionForRef, rec: RecommendationForRef): ItemRef {
  return {
    ...recommendationRef(rec),
    itemType: "action",
    itemId: action.id,
    actionCode: action.code,
    titleZh: action.titleZh,
    titleEn: action.titleEn,
    ...handlers(action.agencies.length > 0 ? action.agencies : rec.agencies),
  };
}

/** The refs of the given items, in two queries; an id that names nothing is left out. */
export async function loadItemRefs(
  tx: DbClient,
  items: readonly { itemType: "recommendation" | "action"; itemId: string }[],
): Promise<Map<string, ItemRef>> {
  const ids = (type: string) => [...new Set(items.filter((i) => i.itemType === type).map((i) => i.itemId))];
  const [recommendations, actions] = await Promise.all([
    tx.recommendation.findMany({
      where: { id: { in: ids("recommendation") } },
      select: RECOMMENDATION_REF_SELECT,
    }),
    tx.action.findMany({
      where: { id: { in: ids("action") } },
      select: {
        id: true,
        code: true,
        titleZh: true,
        titleEn: true,
        agencies: { select: { agencyId: true, role: true } },
        recommendation: { select: RECOMMENDATION_REF_SELECT },
      },
    }),
  ]);
  const refs = new Map<string, ItemRef>();
  for (const rec of recommendations) refs.set(rec.id, recommendationRef(rec));
  for (const action of actions) refs.set(action.id, actionRef(action, action.recommendation));
  return refs;
}
