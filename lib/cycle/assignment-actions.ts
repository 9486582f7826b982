"use server";

// 签收: each agency the office assigned a recommendation to acknowledges its own assignment. The
// lead's acknowledgement moves the item into handling (lib/cycle/machine.ts); the office sees who has
// not acknowledged in time (lib/cycle/assignment.ts).
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { db } from "@/lib/db";
import { liveRecommendations } from "@/lib/db/live";
import { revalidateApp } from "@/lib/revalidate";
import { requiredText } from "@/lib/validation/fields";
import { formAction } from "@/lib/validation/form-action";
import { partiesOf } from "./machine";
import { takeStep } from "./take-step";

const acknowledgeInput = z.object({
  recommendationId: z.string().min(1, { error: "invalid" }),
  version: z.coerce.number().int().min(0, { error: "invalid" }),
});

/** The staff of an agency the item is assigned to acknowledges the assignment (once). */
export const acknowledgeAssignment = formAction(
  acknowledgeInput,
  {
    allowOn: async (user, input) => {
      const rec = await db.recommendation.findUnique({
        where: liveRecommendations({ id: input.recommendationId }),
        select: { agencies: { select: { agencyId: true, role: true } } },
      });
      if (!rec) return "notFound";
      return partiesOf(user, rec.agencies).has("assignee") ? "allowed" : "forbidden";
    },
    refusal: "cycle.refused.party",
  },
  async ({ input, user }) => {
    const t = await getTranslations("cycle");
    const now = new Date();
    return db.$transaction(async (tx) => {
      const own = await tx.recommendationAgency.findUnique({
        where: {
          recommendationId_agencyId: {
            recommendationId: input.recommendationId,
            agencyId: user.agencyId ?? "",
          },
        },
        select: { role: true, acknowledgedAt: true },
      });
      if (!own) return { formError: t("refused.party") };
      if (own.acknowledgedAt) return { formError: t("assignment.alreadyAcknowledged") };
      const step = await takeStep(tx, {
        step: "acknowledge",
        recommendationId: input.recommendationId,
        version: input.version,
        actor: user,
        outcome: own.role === "lead" ? "lead" : "coHandler",
        data: { role: own.role },
        now,
      });
      if (!step.ok) return { formError: t(`refused.${step.reason}`) };
      // Only the row that has not been acknowledged: two people of one agency at once, one wins.
      const { count } = await tx.recommendationAgency.updateMany({
        where: {
          recommendationId: input.recommendationId,
          agencyId: user.agencyId ?? "",
          acknowledgedAt: null,
        },
        data: { acknowledgedAt: now },
      });
      if (count === 0) throw new Error("acknowledged twice");
      revalidateApp();
      return { notice: t("assignment.acknowledged") };
    });
  },
);

const viewInput = acknowledgeInput.extend({ text: requiredText(4000) });

/** 协办意见: a co-handler's staff sends the agency's written view to the lead (once). */
export const submitView = formAction(
  viewInput,
  {
    allowOn: async (user, input) => {
      const rec = await db.recommendation.findUnique({
        where: liveRecommendations({ id: input.recommendationId }),
        select: { agencies: { select: { agencyId: true, role: true } } },
      });
      if (!rec) return "notFound";
      return partiesOf(user, rec.agencies).has("coHandler") ? "allowed" : "forbidden";
    },
    refusal: "cycle.refused.party",
  },
  async ({ input, user }) => {
    const t = await getTranslations("cycle");
    const now = new Date();
    const agencyId = user.agencyId ?? "";
    return db.$transaction(async (tx) => {
      const own = await tx.recommendationAgency.findUnique({
        where: { recommendationId_agencyId: { recommendationId: input.recommendationId, agencyId } },
        select: { role: true, viewAt: true },
      });
      if (own?.role !== "co_handler") return { formError: t("refused.party") };
      if (own.viewAt) return { formError: t("assignment.viewAlreadySent") };
      const step = await takeStep(tx, {
        step: "submitView",
        recommendationId: input.recommendationId,
        version: input.version,
        actor: user,
        note: input.text,
        now,
      });
      if (!step.ok) return { formError: t(`refused.${step.reason}`) };
      // Only while none is there: two people of one agency at once, one wins.
      const { count } = await tx.recommendationAgency.updateMany({
        where: { recommendationId: input.recommendationId, agencyId, viewAt: null },
        data: { viewText: input.text, viewAt: now },
      });
      if (count === 0) throw new Error("view sent twice");
      revalidateApp();
      return { notice: t("assignment.viewSent") };
    });
  },
);
