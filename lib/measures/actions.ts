"use server";

import { redirect } from "next/navigation";
import { recordAudit } from "@/lib/audit/record";
import { actionAccess, recommendationAccess } from "@/lib/auth/item-access";
import { canEditRecommendation } from "@/lib/auth/permissions";
import { safeNextPath } from "@/lib/auth/safe-redirect";
import { shanghaiToday } from "@/lib/dates";
import { db } from "@/lib/db";
import { liveActions } from "@/lib/db/live";
import { ASSIGNMENTS, LIST_ORDER } from "@/lib/db/selects";
import { recordRecommendationRollUp } from "@/lib/recommendations/record-roll-up";
import { revalidateApp } from "@/lib/revalidate";
import { type FormState, formAction } from "@/lib/validation/form-action";
import { agenciesExist, agencyRows, insertMeasure, rowOf } from "./create";
import { actionCreateInput, actionEditInput, actionMoveInput } from "./schema";

const ARRAYS = ["coAgencyIds"] as const;

/** Adds an action (举措) to a recommendation the user's agency handles; the progress rolls up again. */
export const createMeasure = formAction(
  actionCreateInput,
  { allowOn: (user, input) => recommendationAccess(db, user, input.recommendationId) },
  async ({ input, user, t, form }) => {
    const result = await db.$transaction(async (tx): Promise<FormState | null> => {
      const made = await insertMeasure(tx, user, t, input);
      return "id" in made ? null : made;
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
