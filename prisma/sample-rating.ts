// The deputy's ratings as the sample shows them (issue 19, part 2): R3's reply rated by the demo deputy
// (王延峰（示例）) on the feedback questionnaire, and R8's reply accepted but not rated yet — it awaits the
// deputy's rating. Sample data, labelled as such where it is shown; the answers fit R3's summary
// (满意, given on 2024-05-10, its feedbackAt in prisma/sample-data.ts).
import type { Prisma } from "../generated/sqlite/client";
import { shanghaiDate } from "../lib/dates";
import type { IsoDate } from "./sample-data";

type Tx = Prisma.TransactionClient;

export const SAMPLE_RATING = {
  /** Accepted replies the deputy has not rated: the seed gives them no feedback (stage 已答复). */
  unrated: ["R8"] as readonly string[],
  /** Rated by the deputy on the questionnaire: recommendation code → the day and the answers. */
  rated: [
    {
      recommendation: "R3",
      on: "2024-05-10" as IsoDate,
      answers: {
        rating_question_consulted: "yes",
        // 满意 on the attitude scale, 针对 on "does the reply address the proposal".
        rating_question_attitude: "0",
        rating_question_addresses: "0",
        rating_question_opinion: "开源托管平台和社区建设的安排具体，希望按期推进并公开进展。（示例数据）",
      } as Record<string, string>,
    },
  ],
};

/** Writes the sample's ratings; `recommendationIds` by code. The summary is the item's feedback already. */
export async function createSampleRatings(tx: Tx, recommendationIds: ReadonlyMap<string, string>) {
  const deputy = await tx.user.findFirst({ where: { role: "deputy" }, select: { id: true } });
  if (!deputy) return;
  for (const story of SAMPLE_RATING.rated) {
    const recommendationId = recommendationIds.get(story.recommendation);
    if (!recommendationId) throw new Error(`sample rating: no recommendation ${story.recommendation}`);
    const rec = await tx.recommendation.findUniqueOrThrow({
      where: { id: recommendationId },
      select: { satisfaction: true },
    });
    if (!rec.satisfaction) throw new Error(`sample rating: ${story.recommendation} has no feedback`);
    const { id } = await tx.replyRating.create({
      data: {
        recommendationId,
        round: 1,
        satisfaction: rec.satisfaction,
        byDeputy: true,
        recordedById: deputy.id,
        // At 20:00 Shanghai time on the day of the feedback.
        createdAt: new Date(shanghaiDate(story.on).getTime() + 20 * 3_600_000),
      },
      select: { id: true },
    });
    await tx.ratingAnswer.createMany({
      data: Object.entries(story.answers).map(([questionId, value]) => ({ ratingId: id, questionId, value })),
    });
  }
}
