"use server";

import { redirect } from "next/navigation";
import { recordAudit } from "@/lib/audit/record";
import { actionAccess, recommendationAccess } from "@/lib/auth/item-access";
import { canEditRecommendation } from "@/lib/auth/permissions";
import { safeNextPath } from "@/lib/auth/safe-redirect";
import { shanghaiDate, shanghaiToday } from "@/lib/dates";
import { db } from "@/lib/db";
import type { DbClient } from "@/lib/db/client";
import { liveActions, liveRecommendations } from "@/lib/db/live";
import { ASSIGNMENTS, LIST_ORDER } from "@/lib/db/selects";
import { recordRecommendationRollUp } from "@/lib/recommendations/record-roll-up";
import { revalidateApp } from "@/lib/revalidate";
import { type FormState, formAction } from "@/lib/validation/form-action";
import { type ActionFields, actionCreateInput, actionEditInput, actionMoveInput } from "./schema";

const ARRAYS = ["coAgencyIds"] as const;

function rowOf(input: ActionFields) {
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

function agencyRows(input: ActionFields) {
  return [
    { agencyId: input.leadAgencyId, role: "lead" as const },
    ...input.coAgencyIds.map((agencyId) => ({ agencyId, role: "co_handler" as const })),
  ];
}

async function agenciesExist(tx: DbClient, input: ActionFields) {
  const ids = [input.leadAgencyId, ...input.coAgencyIds];
  return (await tx.agency.count({ where: { id: { in: ids }, active: true } })) === new Set(ids).size;
}

/** Adds an action (举措) to a recommendation the user's agency handles; the progress rolls up again. */
export const createMeasure = formAction(
  actionCreateInput,
  { allowOn: (user, input) => recommendationAccess(db, user, input.recommendationId) },
  async ({ input, user, t, form }) => {
    const result = await db.$transaction(async (tx): Promise<FormState | null> => {
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
      const action = await tx.action.create({
        data: {
          ...rowOf(input),
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
        after: { ...rowOf(input), agencies: agencyRows(input) },
      });
      await recordRecommendationRollUp(tx, {
        actorId: user.id,
        recommendationId: rec.id,
        effectiveDate: shanghaiToday(),
        cause: { kind: "action_added", actionCode: action.code },
        origin: { source: "form" },
      });
      return null;
    });
    if (result) return result;
    revalidateApp();
    redirect(safeNextPath(form.get("returnTo"), "/"));
  },
  { arrays: ARRAYS },
);

/** Changes an action's code, titles, agencies, dates or weight (optimistic versioning). */
export const editMeasure = formAction(
  actionEditInput,
  { allowOn: (user, input) => actionAccess(db, user, input.actionId) },
  async ({ input, user, t }) => {
    return db.$transaction(async (tx): Promise<FormState> => {
      const action = await tx.action.findUnique({
        where: liveActions({ id: input.actionId }),
        include: { agencies: ASSIGNMENTS },
      });
      if (!action) return { formError: t("notFound") };
      if (!(await agenciesExist(tx, input))) return { fieldErrors: { leadAgencyId: [t("invalid")] } };
      const clash = await tx.action.findFirst({
        where: { recommendationId: action.recommendationId, code: input.code, id: { not: action.id } },
      });
      if (clash) return { fieldErrors: { code: [t("codeTaken")] } };

      const { count } = await tx.action.updateMany({
        where: { id: action.id, version: input.version },
        data: { ...rowOf(input), version: { increment: 1 } },
      });
      if (count === 0) return { formError: t("conflict") };
      await tx.actionAgency.deleteMany({ where: { actionId: action.id } });
      await tx.actionAgency.createMany({
        data: agencyRows(input).map((row) => ({ ...row, actionId: action.id })),
      });
      await recordAudit(tx, {
        actorId: user.id,
        action: "action.edit",
        entityType: "Action",
        entityId: action.id,
        before: {
          code: action.code,
          titleZh: action.titleZh,
          titleEn: action.titleEn,
          descriptionZh: action.descriptionZh,
          startDate: action.startDate,
          dueDate: action.dueDate,
          weight: action.weight,
          agencies: action.agencies,
          version: action.version,
        },
        after: { ...rowOf(input), agencies: agencyRows(input), version: action.version + 1 },
      });
      if (input.weight !== action.weight) {
        await recordRecommendationRollUp(tx, {
          actorId: user.id,
          recommendationId: action.recommendationId,
          effectiveDate: shanghaiToday(),
          cause: { kind: "action_weight", actionCode: input.code },
          origin: { source: "form" },
        });
      }
      revalidateApp();
      return { notice: t("saved") };
    });
  },
  { arrays: ARRAYS },
);

/** Moves an action one place up or down among its recommendation's actions. */
export const moveMeasure = formAction(
  actionMoveInput,
  {
    // The order of a recommendation's actions is its handlers' to set, not one action's.
    allowOn: (user, input) =>
      actionAccess(db, user, input.actionId, (actor, _own, recommendation) =>
        canEditRecommendation(actor, recommendation),
      ),
  },
  async ({ input, user, t }) => {
    return db.$transaction(async (tx): Promise<FormState> => {
      const action = await tx.action.findUnique({
        where: liveActions({ id: input.actionId }),
        select: { id: true, recommendationId: true },
      });
      if (!action) return { formError: t("notFound") };
      const siblings = await tx.action.findMany({
        where: { recommendationId: action.recommendationId },
        orderBy: LIST_ORDER,
        select: { id: true },
      });
      const from = siblings.findIndex((sibling) => sibling.id === action.id);
      const to = input.direction === "up" ? from - 1 : from + 1;
      if (to < 0 || to >= siblings.length) return {};
      const order = siblings.map((sibling) => sibling.id);
      [order[from], order[to]] = [order[to] as string, order[from] as string];
      // Renumbered 1…n, so that the order is total even where sort orders were equal.
      for (const [index, id] of order.entries()) {
        await tx.action.update({ where: { id }, data: { sortOrder: index + 1 } });
      }
      await recordAudit(tx, {
        actorId: user.id,
        action: "action.move",
        entityType: "Recommendation",
        entityId: action.recommendationId,
        before: { order: siblings.map((sibling) => sibling.id) },
        after: { order },
      });
      revalidateApp();
      return {};
    });
  },
);
