import "server-only";
// What the review list of a reply's promises needs: the current draft's promises not yet made actions,
// the reply's day, and the agencies a promised action may be led by.
import { type Actor, canEditRecommendation } from "@/lib/auth/permissions";
import { toShanghaiDateString } from "@/lib/dates";
import { db } from "@/lib/db";
import { type ExtractedPromise, extractPromises } from "./extract";

export type PromiseReview = {
  recommendationId: string;
  round: number;
  /** The reply's day: the day the office accepted it, or, before that, the draft's last save. */
  replyDate: string;
  promises: ExtractedPromise[];
  leadAgencyId: string | null;
  agencies: { id: string; nameZh: string; nameEn: string | null }[];
};

export async function promiseReviewOf(recommendationId: string, actor: Actor): Promise<PromiseReview | null> {
  const rec = await db.recommendation.findUnique({
    where: { id: recommendationId },
    select: {
      id: true,
      archivedAt: true,
      repliedAt: true,
      reply: { select: { round: true, text: true, updatedAt: true } },
      agencies: {
        select: {
          agencyId: true,
          role: true,
          agency: { select: { id: true, nameZh: true, nameEn: true, active: true } },
        },
        orderBy: { createdAt: "asc" },
      },
      actions: { where: { promiseSource: { not: null } }, select: { promiseSource: true } },
    },
  });
  if (!rec?.reply || rec.archivedAt || !canEditRecommendation(actor, rec.agencies)) return null;
  const replyDate = toShanghaiDateString(rec.repliedAt ?? rec.reply.updatedAt);
  const made = new Set(rec.actions.map((a) => a.promiseSource));
  const promises = extractPromises(rec.reply.text, replyDate).filter((p) => !made.has(p.sentence));
  const agencies = rec.agencies.filter((a) => a.agency.active);
  return {
    recommendationId: rec.id,
    round: rec.reply.round,
    replyDate,
    promises,
    leadAgencyId: agencies.find((a) => a.role === "lead")?.agencyId ?? agencies[0]?.agencyId ?? null,
    agencies: agencies.map((a) => ({ id: a.agency.id, nameZh: a.agency.nameZh, nameEn: a.agency.nameEn })),
  };
}
