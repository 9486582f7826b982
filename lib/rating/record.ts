import "server-only";
// The one path that records a rating of a reply (评价), whoever records it: the deputy themself, or the
// lead agency's staff or the office on their behalf (代录, with the reason). It takes the cycle's 评价 step
// (recordFeedback: 已答复 → 已评价), writes the rating with its answers, keeps the summary answer where
// every figure reads the feedback (Recommendation.satisfaction/feedbackAt, for the reply's first round),
// audits it, and tells the lead agency of a dissatisfied rating, whose re-handling clock (1 month) then runs.
import { recordAudit } from "@/lib/audit/record";
import { deputiesOfRecommendation } from "@/lib/auth/deputy-scope";
import type { Actor } from "@/lib/auth/permissions";
import { takeStep } from "@/lib/cycle/take-step";
import { shanghaiDate, toShanghaiDateString } from "@/lib/dates";
import type { DbClient } from "@/lib/db/client";
import { liveRecommendations } from "@/lib/db/live";
import { notifyNamed, notifyReplyChange } from "@/lib/notifications/changes";

/** Why a rating was not recorded: each has its message (rating.refused.*). */
export type RatingRefusal =
  | "notFound"
  | "notAccepted"
  | "alreadyRated"
  | "deputyRated"
  | "summaryInvalid"
  | "stage"
  | "party"
  | "conflict";

export type RatingResult =
  | { ok: true; round: number; ratingId: string; dissatisfied: boolean }
  | { ok: false; reason: RatingRefusal };

/** The reply round a rating is of now: 2 once the agency answered again after 不满意 (重新办理), else 1. */
export const roundOf = (rec: { rehandlingRepliedAt: Date | null }) => (rec.rehandlingRepliedAt ? 2 : 1);

/** Stages at which a reply is accepted by the office and not closed: what may be rated. */
const RATEABLE = new Set(["replied", "evaluated"]);

export async function recordRating(
  tx: DbClient,
  input: {
    recommendationId: string;
    version: number;
    actor: Actor;
    /** The deputy's own rating (true), or 代录 with its reason. */
    byDeputy: boolean;
    proxyReason: string | null;
    satisfaction: string;
    answers: ReadonlyMap<string, string>;
    now?: Date;
  },
): Promise<RatingResult> {
  const now = input.now ?? new Date();
  const rec = await tx.recommendation.findUnique({
    where: liveRecommendations({ id: input.recommendationId }),
    select: {
      id: true,
      stage: true,
      version: true,
      repliedAt: true,
      satisfaction: true,
      feedbackAt: true,
      rehandlingRepliedAt: true,
      ratings: { select: { round: true, byDeputy: true } },
    },
  });
  if (!rec) return { ok: false, reason: "notFound" };
  if (!rec.repliedAt || !RATEABLE.has(rec.stage)) return { ok: false, reason: "notAccepted" };
  const round = roundOf(rec);
  const existing = rec.ratings.find((rating) => rating.round === round);
  if (existing)
    return { ok: false, reason: existing.byDeputy && !input.byDeputy ? "deputyRated" : "alreadyRated" };
  // A first round's feedback typed on the reply form (before the questionnaire) is its rating already.
  if (round === 1 && rec.satisfaction !== null) return { ok: false, reason: "alreadyRated" };

  const level = await tx.satisfactionLevel.findFirst({
    where: { key: input.satisfaction, active: true },
    select: { key: true, isDissatisfied: true },
  });
  if (!level) return { ok: false, reason: "summaryInvalid" };

  const day = shanghaiDate(toShanghaiDateString(now));
  const step = await takeStep(tx, {
    step: "recordFeedback",
    recommendationId: rec.id,
    version: input.version,
    actor: input.actor,
    agencyId: input.actor.agencyId,
    note: input.byDeputy ? null : input.proxyReason,
    data: { round, satisfaction: level.key, byDeputy: input.byDeputy },
    // The summary of the reply's first round is the item's feedback; a later round's is its own.
    changes: round === 1 ? { satisfaction: level.key, feedbackAt: day } : {},
    now,
  });
  if (!step.ok) return { ok: false, reason: step.reason };

  const rating = await tx.replyRating.create({
    data: {
      recommendationId: rec.id,
      round,
      satisfaction: level.key,
      byDeputy: input.byDeputy,
      proxyReason: input.byDeputy ? null : input.proxyReason,
      recordedById: input.actor.id,
      createdAt: now,
    },
    select: { id: true },
  });
  if (input.answers.size > 0)
    await tx.ratingAnswer.createMany({
      data: [...input.answers].map(([questionId, value]) => ({ ratingId: rating.id, questionId, value })),
    });
  await recordAudit(tx, {
    actorId: input.actor.id,
    action: "rating.record",
    entityType: "Recommendation",
    entityId: rec.id,
    before:
      round === 1
        ? { satisfaction: rec.satisfaction, feedbackAt: rec.feedbackAt, version: rec.version }
        : { version: rec.version },
    after: {
      round,
      satisfaction: level.key,
      ...(round === 1 ? { feedbackAt: day } : {}),
      byDeputy: input.byDeputy,
      ...(input.byDeputy ? {} : { proxyReason: input.proxyReason }),
      answers: Object.fromEntries(input.answers),
      version: step.version,
    },
  });
  // 代录: the proposal's deputies are told that a rating was recorded for them, and why.
  if (!input.byDeputy)
    await notifyNamed(
      tx,
      input.actor.id,
      {
        rule: "rating.proxy",
        id: rating.id,
        recommendationId: rec.id,
        recipientIds: await deputiesOfRecommendation(tx, rec.id),
        payload: { reason: input.proxyReason ?? "", satisfaction: level.key },
      },
      now,
    );
  // 不满意: the lead agency handles it again (the clock runs from feedbackAt) and is told now.
  if (level.isDissatisfied)
    await notifyReplyChange(
      tx,
      input.actor.id,
      {
        recommendationId: rec.id,
        version: step.version,
        replyRecorded: false,
        replyClass: null,
        dissatisfied: true,
      },
      now,
    );
  return { ok: true, round, ratingId: rating.id, dissatisfied: level.isDissatisfied };
}
