"use server";

import { recordAudit } from "@/lib/audit/record";
import { recommendationAccess } from "@/lib/auth/item-access";
import { canEditReply } from "@/lib/auth/permissions";
import { shanghaiDate, toShanghaiDateString } from "@/lib/dates";
import { db } from "@/lib/db";
import { liveRecommendations } from "@/lib/db/live";
import { notifyReplyChange } from "@/lib/notifications/changes";
import { revalidateApp } from "@/lib/revalidate";
import { fieldErrorsFromKeys } from "@/lib/validation/form";
import { formAction } from "@/lib/validation/form-action";
import { replyRuleErrors } from "./rules";
import { replyInput } from "./schema";
import { REPLY_FIELDS } from "./select";

/** Records the formal reply of a recommendation and the deputy's feedback (lead agency or admin). */
export const saveReply = formAction(
  replyInput,
  { allowOn: (user, input) => recommendationAccess(db, user, input.recommendationId, canEditReply) },
  async ({ input, user, t }) => {
    const satisfaction = input.satisfaction
      ? await db.satisfactionLevel.findFirst({ where: { key: input.satisfaction, active: true } })
      : null;
    const ruleErrors = replyRuleErrors(input, toShanghaiDateString(new Date()), {
      exists: satisfaction !== null,
      isDissatisfied: satisfaction?.isDissatisfied ?? false,
    });
    if (ruleErrors) return { fieldErrors: fieldErrorsFromKeys(ruleErrors, t) };

    return db.$transaction(async (tx) => {
      // An archived recommendation takes no more changes: as if gone.
      const rec = await tx.recommendation.findUnique({
        where: liveRecommendations({ id: input.recommendationId }),
        select: {
          id: true,
          version: true,
          ...REPLY_FIELDS,
        },
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
      const { count } = await tx.recommendation.updateMany({
        where: { id: rec.id, version: input.version },
        data: { ...after, version: { increment: 1 } },
      });
      if (count === 0) return { formError: t("conflict") };
      const { id: _id, version, ...before } = rec;
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
        replyRecorded: after.repliedAt !== null && before.repliedAt === null,
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
  },
);
