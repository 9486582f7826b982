import "server-only";
// The one way an action is added to a recommendation: by its form (createMeasure) or from the promises of
// its reply (lib/promises/actions.ts). The caller holds the transaction and has checked the rule.
import { recordAudit } from "@/lib/audit/record";
import type { CurrentUser } from "@/lib/auth/session";
import { shanghaiDate, shanghaiToday } from "@/lib/dates";
import type { DbClient } from "@/lib/db/client";
import { liveRecommendations } from "@/lib/db/live";
import { recordRecommendationRollUp } from "@/lib/recommendations/record-roll-up";
import type { FormState } from "@/lib/validation/form-action";
import type { ActionFields } from "./schema";

export function rowOf(input: ActionFields) {
  return {
    code: input.code,
    titleZh: input.titleZh,
    titleEn: input.titleEn ?? null,
    descriptionZh: input.descriptionZh ?? null,
    startDate: input.startDate ? shanghaiDate(input.startDate) : null,
    dueDate: input.dueDate ? shanghaiDate(input.dueDate) : null,
    weight: input.weight,
  };
}

export function agencyRows(input: ActionFields) {
  return [
    { agencyId: input.leadAgencyId, role: "lead" as const },
    ...input.coAgencyIds.map((agencyId) => ({ agencyId, role: "co_handler" as const })),
  ];
}

export async function agenciesExist(tx: DbClient, input: ActionFields) {
  const ids = [input.leadAgencyId, ...input.coAgencyIds];
  return (await tx.agency.count({ where: { id: { in: ids }, active: true } })) === new Set(ids).size;
}

/** The reply sentence an action comes from (来自答复的承诺), and the draft's round. */
export type PromiseOrigin = { source: string; round: number };

/**
 * Adds an action to a live recommendation, audits it and rolls the progress up again. Answers a
 * FormState when refused (nothing written by it), or the new action's id and code.
 */
export async function insertMeasure(
  tx: DbClient,
  user: Pick<CurrentUser, "id">,
  t: (key: string) => string,
  input: ActionFields & { recommendationId: string },
  promise?: PromiseOrigin,
): Promise<FormState | { id: string; code: string }> {
  // An archived recommendation, and the actions under it, take no more changes: as if gone.
  const rec = await tx.recommendation.findUnique({
    where: liveRecommendations({ id: input.recommendationId }),
    select: { id: true, _count: { select: { actions: true } } },
  });
  if (!rec) return { formError: t("notFound") };
  if (!(await agenciesExist(tx, input))) return { fieldErrors: { leadAgencyId: [t("invalid")] } };
  if (await tx.action.findFirst({ where: { recommendationId: rec.id, code: input.code } })) {
    return { fieldErrors: { code: [t("codeTaken")] } };
  }
  const origin = promise ? { promiseSource: promise.source, promiseRound: promise.round } : {};
  const action = await tx.action.create({
    data: {
      ...rowOf(input),
      ...origin,
      recommendationId: rec.id,
      sortOrder: rec._count.actions + 1,
      agencies: { create: agencyRows(input) },
    },
  });
  await recordAudit(tx, {
    actorId: user.id,
    action: "action.create",
    entityType: "Action",
    entityId: action.id,
    after: { ...rowOf(input), ...origin, agencies: agencyRows(input) },
  });
  await recordRecommendationRollUp(tx, {
    actorId: user.id,
    recommendationId: rec.id,
    effectiveDate: shanghaiToday(),
    cause: { kind: "action_added", actionCode: action.code },
    origin: { source: "form" },
  });
  return { id: action.id, code: action.code };
}
