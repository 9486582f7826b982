"use server";

// The feedback questionnaire's writes: admins configure its questions (系统管理 → 评价问卷); the deputy rates
// an accepted reply of their own proposals on it, or the lead agency's staff or the office record a rating
// on their behalf (代录, with the reason). Every write audited; refusals translated and change nothing.
import { getTranslations } from "next-intl/server";
import { recordAudit } from "@/lib/audit/record";
import { canReadProposal } from "@/lib/auth/deputy-scope";
import type { Access } from "@/lib/auth/item-access";
import { canEditReply, isAdmin, isDeputy } from "@/lib/auth/permissions";
import type { CurrentUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { liveRecommendations } from "@/lib/db/live";
import { ASSIGNMENTS } from "@/lib/db/selects";
import { revalidateApp } from "@/lib/revalidate";
import { FormRefused, formAction } from "@/lib/validation/form-action";
import { activeQuestions, optionsOf, readAnswers } from "./questionnaire";
import { recordRating } from "./record";
import { questionActiveInput, questionCreateInput, questionUpdateInput, rateInput } from "./schema";

// The questionnaire -----------------------------------------------------------------------------

const questionData = (input: {
  kind: "scale" | "yes_no" | "text";
  textZh: string;
  textEn?: string;
  options: { zh: string; en: string | null }[];
  sortOrder: number;
  required: boolean;
}) => ({
  kind: input.kind,
  textZh: input.textZh,
  textEn: input.textEn ?? null,
  options: input.kind === "scale" ? input.options : undefined,
  sortOrder: input.sortOrder,
  required: input.required,
});

export const createRatingQuestion = formAction(
  questionCreateInput,
  { allow: isAdmin },
  async ({ input, user }) => {
    const tRating = await getTranslations("rating");
    await db.$transaction(async (tx) => {
      const data = questionData(input);
      const created = await tx.ratingQuestion.create({ data, select: { id: true } });
      await recordAudit(tx, {
        actorId: user.id,
        action: "ratingQuestion.create",
        entityType: "RatingQuestion",
        entityId: created.id,
        after: data,
      });
    });
    revalidateApp();
    return { notice: tRating("admin.created") };
  },
);

/**
 * Edits a question not yet answered. One that has answers keeps its text, kind and options (its past
 * answers mean what they meant): it can only be retired, and a new question added.
 */
export const updateRatingQuestion = formAction(
  questionUpdateInput,
  { allow: isAdmin },
  async ({ input, user, t }) => {
    const tRating = await getTranslations("rating");
    try {
      await db.$transaction(async (tx) => {
        const before = await tx.ratingQuestion.findUnique({
          where: { id: input.questionId },
          include: { _count: { select: { answers: true } } },
        });
        if (!before) throw new FormRefused({ formError: t("notFound") });
        if (before._count.answers > 0) throw new FormRefused({ formError: tRating("errors.answered") });
        // A question keeps its kind: another kind is another question.
        if (before.kind !== input.kind)
          throw new FormRefused({ fieldErrors: { kind: [tRating("errors.kindFixed")] } });
        const data = { ...questionData(input), active: input.active };
        await tx.ratingQuestion.update({ where: { id: before.id }, data });
        const { _count, createdAt: _c, updatedAt: _u, ...was } = before;
        await recordAudit(tx, {
          actorId: user.id,
          action: "ratingQuestion.update",
          entityType: "RatingQuestion",
          entityId: before.id,
          before: { ...was, options: optionsOf(was.options) },
          after: data,
        });
      });
    } catch (error) {
      if (error instanceof FormRefused) return error.state;
      throw error;
    }
    revalidateApp();
    return { notice: tRating("admin.saved") };
  },
);

/** Retires a question (its answers stay, shown with their ratings) or brings it back. */
export const setRatingQuestionActive = formAction(
  questionActiveInput,
  { allow: isAdmin },
  async ({ input, user, t }) => {
    const tRating = await getTranslations("rating");
    const active = input.active === "true";
    const done = await db.$transaction(async (tx) => {
      const before = await tx.ratingQuestion.findUnique({
        where: { id: input.questionId },
        select: { id: true, active: true },
      });
      if (!before) return false;
      if (before.active === active) return true;
      await tx.ratingQuestion.update({ where: { id: before.id }, data: { active } });
      await recordAudit(tx, {
        actorId: user.id,
        action: active ? "ratingQuestion.restore" : "ratingQuestion.retire",
        entityType: "RatingQuestion",
        entityId: before.id,
        before: { active: before.active },
        after: { active },
      });
      return true;
    });
    if (!done) return { formError: t("notFound") };
    revalidateApp();
    return { notice: tRating(active ? "admin.restored" : "admin.retired") };
  },
);

// Rating a reply ---------------------------------------------------------------------------------

/** Who may rate an item: a deputy of its proposal (their own), or its lead's staff and the office (代录). */
async function rateAccess(user: CurrentUser, input: { recommendationId: string }): Promise<Access> {
  const rec = await db.recommendation.findUnique({
    where: liveRecommendations({ id: input.recommendationId }),
    select: { proposalId: true, agencies: ASSIGNMENTS },
  });
  if (!rec) return "notFound";
  // Another deputy's item is not theirs to read: as if it did not exist.
  if (isDeputy(user)) return (await canReadProposal(db, user, rec.proposalId)) ? "allowed" : "notFound";
  return canEditReply(user, rec.agencies) ? "allowed" : "forbidden";
}

/**
 * Rates the reply round awaiting its rating: the deputy's own, or — by the lead agency's staff or the
 * office — on the deputy's behalf (代录), which needs the reason. The summary answer is required; the
 * questions as the questionnaire says.
 */
export const rateReply = formAction(
  rateInput,
  { allowOn: rateAccess, refusal: "rating.refused.forbidden" },
  async ({ input, user, form }) => {
    const tRating = await getTranslations("rating");
    const tValidation = await getTranslations("validation");
    const byDeputy = isDeputy(user);
    const questions = await activeQuestions(db);
    const read = readAnswers(questions, form);
    const gaps = {
      ...(input.satisfaction ? {} : { satisfaction: ["required"] }),
      ...("errors" in read ? read.errors : {}),
    };
    const missingReason = !byDeputy && !input.proxyReason;
    if (Object.keys(gaps).length > 0 || "errors" in read || missingReason)
      return {
        fieldErrors: {
          ...Object.fromEntries(
            Object.entries(gaps).map(([field, keys]) => [field, keys.map((key) => tValidation(key))]),
          ),
          ...(missingReason ? { proxyReason: [tRating("errors.reasonRequired")] } : {}),
        },
      };
    const satisfaction = input.satisfaction ?? "";
    try {
      const result = await db.$transaction((tx) =>
        recordRating(tx, {
          recommendationId: input.recommendationId,
          version: input.version,
          actor: user,
          byDeputy,
          proxyReason: byDeputy ? null : (input.proxyReason ?? null),
          satisfaction,
          answers: read.answers,
        }).then((outcome) => {
          // Undo the step and everything else when the rating was refused after it.
          if (!outcome.ok) throw new FormRefused({ formError: tRating(`refused.${outcome.reason}`) });
          return outcome;
        }),
      );
      revalidateApp();
      // 不满意 starts the re-handling clock: say so, as the form warned.
      return {
        notice: tRating(
          result.dissatisfied && result.round === 1
            ? "savedDissatisfied"
            : result.round === 2
              ? "savedRound2"
              : "saved",
        ),
      };
    } catch (error) {
      if (error instanceof FormRefused) {
        if (error.state.formError === tRating("refused.summaryInvalid"))
          return { fieldErrors: { satisfaction: [tValidation("invalid")] } };
        return error.state;
      }
      throw error;
    }
  },
);
