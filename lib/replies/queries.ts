import "server-only";
import { type Actor, canEditReply } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { ASSIGNMENTS } from "@/lib/db/selects";
import { REPLY_FIELDS } from "@/lib/replies/select";

/** The reply fields of a recommendation, the feedback scale, and whether `actor` may record them. */
export async function getReplyForm(actor: Actor, proposalCode: string, recommendationCode: string) {
  const [rec, levels] = await Promise.all([
    db.recommendation.findFirst({
      where: { code: recommendationCode, proposal: { code: proposalCode } },
      select: {
        id: true,
        code: true,
        titleZh: true,
        titleEn: true,
        version: true,
        ...REPLY_FIELDS,
        agencies: ASSIGNMENTS,
      },
    }),
    db.satisfactionLevel.findMany({
      where: { active: true },
      orderBy: [{ sortOrder: "asc" }, { key: "asc" }],
      select: { key: true, labelZh: true, labelEn: true },
    }),
  ]);
  if (!rec) return null;
  return { recommendation: rec, levels, canEdit: canEditReply(actor, rec.agencies) };
}
