"use server";

import { getTranslations } from "next-intl/server";
import { recordAudit } from "@/lib/audit/record";
import { recommendationAccess } from "@/lib/auth/item-access";
import { canEditReply, canRecordReplyCycle } from "@/lib/auth/permissions";
import { takeStep } from "@/lib/cycle/take-step";
import { shanghaiDate, toShanghaiDateString } from "@/lib/dates";
import { db } from "@/lib/db";
import { liveRecommendations } from "@/lib/db/live";
import { notifyReplyChange } from "@/lib/notifications/changes";
import { revalidateApp } from "@/lib/revalidate";
import { fieldErrorsFromKeys } from "@/lib/validation/form";
import { FormRefused, formAction } from "@/lib/validation/form-action";
import { replyRuleErrors } from "./rules";
import type { ReplyInput } from "./schema";
import { replyInput } from "./schema";
import { REPLY_FIELDS } from "./select";

/** The fields of the reply cycle itself, which only the office records here (补录). */
const CYCLE_FIELDS = ["assignedAt", "replyDueAt", "replyExtensionReason", "repliedAt", "replyClass"] as const;

/**
 * Records the deputy's feedback and the later answers of a recommendation (its lead agency's staff),
 * and, for the office or an admin only, a reply made outside the tracker (补录): its assignment, due
 * day, reply day and class. A reply recorded so moves the item to 已答复 (or 已评价 with its feedback), and
 * a first feedback on a replied item to 已评价, as steps of the cycle in the same transaction.
 */
export const saveReply = formAction(
  replyInput,
  { allowOn: (user, input) => recommendationAccess(db, user, input.recommendationId, canEditReply) },
  async ({ input: given, user, t }) => {
    const stored = await db.recommendation.findUnique({
      where: liveRecommendations({ id: given.recommendationId }),
      select: { id: true, ...REPLY_FIELDS },
    });
    if (!stored) return { formError: t("notFound") };
    const day = (value: Date | null) => (value ? toShanghaiDateString(value) : undefined);
    const storedCycle: Pick<ReplyInput, (typeof CYCLE_FIELDS)[number]> = {
      assignedAt: day(stored.assignedAt),
      replyDueAt: day(stored.replyDueAt),
      replyExtensionReason: stored.replyExtensionReason ?? undefined,
      repliedAt: day(stored.repliedAt),
      replyClass: stored.replyClass ?? undefined,
    };
    let input = given;
    if (!canRecordReplyCycle(user)) {
      // The staff's form shows these without sending them; one sent and changed is refused.
      const tReply = await getTranslations("cycle.reply");
      const changed = CYCLE_FIELDS.filter(
        (field) => field in given && given[field] !== undefined && given[field] !== storedCycle[field],
      );
      if (changed.length > 0)
        return { fieldErrors: Object.fromEntries(changed.map((field) => [field, [tReply("officeOnly")]])) };
      input = { ...given, ...storedCycle };
    }
    // A feedback given on the questionnaire (lib/rating) is changed nowhere else.
    if (
      (input.satisfaction !== (stored.satisfaction ?? undefined) ||
        input.feedbackAt !== day(stored.feedbackAt)) &&
      (await db.replyRating.count({ where: { recommendationId: stored.id, round: 1 } })) > 0
    ) {
      const message = (await getTranslations("rating"))("errors.replyFormRated");
      return { fieldErrors: { satisfaction: [message] } };
    }
    if (stored.repliedAt && !input.repliedAt)
      return { fieldErrors: { repliedAt: [(await getTranslations("cycle.reply"))("repliedAtKept")] } };

    const satisfaction = input.satisfaction
      ? await db.satisfactionLevel.findFirst({ where: { key: input.satisfaction, active: true } })
      : null;
    const ruleErrors = replyRuleErrors(input, toShanghaiDateString(new Date()), {
      exists: satisfaction !== null,
      isDissatisfied: satisfaction?.isDissatisfied ?? false,
    });
    if (ruleErrors) return { fieldErrors: fieldErrorsFromKeys(ruleErrors, t) };

    try {
      return await db.$transaction(async (tx) => {
        // An archived recommendation takes no more changes: as if gone.
        const rec = await tx.recommendation.findUnique({
          where: liveRecommendations({ id: input.recommendationId }),
          select: { id: true, version: true, stage: true, ...REPLY_FIELDS },
        });
        if (!rec) return { formError: t("notFound") };

        const date = (value?: string) => (value ? shanghaiDate(value) : null);
        const after = {
          assignedAt: date(input.assignedAt),
          replyDueAt: date(input.replyDueAt),
          replyExtensionReason: input.replyExtensionReason ?? null,
          repliedAt: date(input.repliedAt),
          replyClass: input.replyClass ?? null,
          satisfaction: input.satisfaction ?? null,
          feedbackAt: date(input.feedbackAt),
          rehandlingRepliedAt: date(input.rehandlingRepliedAt),
          followUpRepliedAt: date(input.followUpRepliedAt),
        };
        const newlyReplied = rec.repliedAt === null && after.repliedAt !== null;
        const newlyRated = rec.feedbackAt === null && after.feedbackAt !== null && rec.stage === "replied";
        if (newlyReplied || newlyRated) {
          // The step moves the stage with the dates (the database refuses a reply without its stage).
          const result = await takeStep(tx, {
            ...(newlyReplied
              ? { step: "recordReply" as const, outcome: after.feedbackAt ? "evaluated" : "replied" }
              : { step: "recordFeedback" as const }),
            recommendationId: rec.id,
            version: input.version,
            actor: user,
            data: newlyReplied ? { replyClass: after.replyClass } : { satisfaction: after.satisfaction },
            changes: after,
          } as Parameters<typeof takeStep>[1]);
          if (!result.ok) {
            const tRefused = await getTranslations("cycle.refused");
            throw new FormRefused({ formError: tRefused(result.reason) });
          }
        } else {
          const { count } = await tx.recommendation.updateMany({
            where: { id: rec.id, version: input.version },
            data: { ...after, version: { increment: 1 } },
          });
          if (count === 0) return { formError: t("conflict") };
        }
        const { id: _id, version, stage: _stage, ...before } = rec;
        await recordAudit(tx, {
          actorId: user.id,
          action: "recommendation.reply",
          entityType: "Recommendation",
          entityId: rec.id,
          before: { ...before, version },
          after: { ...after, version: version + 1 },
        });
        await notifyReplyChange(tx, user.id, {
          recommendationId: rec.id,
          version: version + 1,
          replyRecorded: newlyReplied,
          replyClass: after.replyClass,
          // A dissatisfied feedback newly given, or given again on another day.
          dissatisfied:
            (satisfaction?.isDissatisfied ?? false) &&
            (before.satisfaction !== after.satisfaction ||
              before.feedbackAt?.getTime() !== after.feedbackAt?.getTime()),
        });
        revalidateApp();
        return { notice: t("saved") };
      });
    } catch (error) {
      if (error instanceof FormRefused) return error.state;
      throw error;
    }
  },
);
