import "server-only";
import { canReadProposal } from "@/lib/auth/deputy-scope";
import { type Actor, canEditReply, isDeputy } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { liveRecommendations } from "@/lib/db/live";
import { ASSIGNMENTS } from "@/lib/db/selects";
import { activeQuestions, optionsOf, type Question } from "./questionnaire";
import { roundOf } from "./record";

export type RatingView = {
  round: number;
  satisfaction: { key: string; labelZh: string; labelEn: string | null; isDissatisfied: boolean };
  byDeputy: boolean;
  proxyReason: string | null;
  recordedBy: string;
  createdAt: Date;
  answers: {
    questionId: string;
    textZh: string;
    textEn: string | null;
    kind: Question["kind"];
    value: string;
    label: { zh: string; en: string | null } | null;
    retired: boolean;
  }[];
};

export type RatingPanelData = {
  recommendationId: string;
  version: number;
  ratings: RatingView[];
  /** The form, when the viewer may rate the round awaiting its rating now. */
  form: {
    round: number;
    byDeputy: boolean;
    levels: { key: string; labelZh: string; labelEn: string | null }[];
    questions: Question[];
  } | null;
};

/** The item's ratings as shown, and the questionnaire for the viewer who may rate it now. */
export async function ratingPanelOf(
  recommendationId: string,
  viewer: Actor,
): Promise<RatingPanelData | null> {
  const rec = await db.recommendation.findUnique({
    where: { id: recommendationId },
    select: {
      id: true,
      version: true,
      stage: true,
      archivedAt: true,
      proposalId: true,
      repliedAt: true,
      satisfaction: true,
      rehandlingRepliedAt: true,
      agencies: ASSIGNMENTS,
      ratings: {
        orderBy: { round: "asc" },
        select: {
          round: true,
          satisfaction: true,
          byDeputy: true,
          proxyReason: true,
          createdAt: true,
          recordedBy: { select: { name: true } },
          answers: {
            select: {
              questionId: true,
              value: true,
              question: {
                select: {
                  textZh: true,
                  textEn: true,
                  kind: true,
                  options: true,
                  active: true,
                  sortOrder: true,
                },
              },
            },
          },
        },
      },
    },
  });
  if (!rec || !(await canReadProposal(db, viewer, rec.proposalId))) return null;
  const levels = await db.satisfactionLevel.findMany({
    orderBy: [{ sortOrder: "asc" }, { key: "asc" }],
    select: { key: true, labelZh: true, labelEn: true, isDissatisfied: true, active: true },
  });
  const levelOf = (key: string) =>
    levels.find((level) => level.key === key) ?? { key, labelZh: key, labelEn: null, isDissatisfied: false };
  const ratings: RatingView[] = rec.ratings.map((rating) => ({
    round: rating.round,
    satisfaction: levelOf(rating.satisfaction),
    byDeputy: rating.byDeputy,
    proxyReason: rating.proxyReason,
    recordedBy: rating.recordedBy.name,
    createdAt: rating.createdAt,
    answers: [...rating.answers]
      .sort((a, b) => a.question.sortOrder - b.question.sortOrder)
      .map((answer) => {
        const options = optionsOf(answer.question.options);
        return {
          questionId: answer.questionId,
          textZh: answer.question.textZh,
          textEn: answer.question.textEn,
          kind: answer.question.kind,
          value: answer.value,
          label: answer.question.kind === "scale" ? (options[Number(answer.value)] ?? null) : null,
          retired: !answer.question.active,
        };
      }),
  }));
  const round = roundOf(rec);
  const accepted =
    rec.repliedAt !== null && (rec.stage === "replied" || rec.stage === "evaluated") && !rec.archivedAt;
  const rated = ratings.some((rating) => rating.round === round);
  const byDeputy = isDeputy(viewer);
  const may = byDeputy || canEditReply(viewer, rec.agencies);
  // A first round's feedback typed on the reply form (before the questionnaire) is its rating already.
  const legacy = round === 1 && rec.satisfaction !== null;
  const form =
    accepted && !rated && may && !legacy
      ? {
          round,
          byDeputy,
          levels: levels
            .filter((level) => level.active)
            .map(({ key, labelZh, labelEn }) => ({ key, labelZh, labelEn })),
          questions: await activeQuestions(db),
        }
      : null;
  if (ratings.length === 0 && !form) return null;
  return { recommendationId: rec.id, version: rec.version, ratings, form };
}

/** The questionnaire's questions for the admin page, with how many answers each has. */
export async function listRatingQuestions() {
  const rows = await db.ratingQuestion.findMany({
    orderBy: [{ active: "desc" }, { sortOrder: "asc" }, { createdAt: "asc" }],
    include: { _count: { select: { answers: true } } },
  });
  return rows.map((row) => ({ ...row, options: optionsOf(row.options), answered: row._count.answers }));
}

/** For the public page: per recommendation code, the deputy's own summary answer of the first round. */
export async function deputySatisfactionOf(proposalId: string) {
  const rows = await db.replyRating.findMany({
    where: { byDeputy: true, round: 1, recommendation: liveRecommendations({ proposalId }) },
    select: { satisfaction: true, recommendation: { select: { code: true } } },
  });
  return rows;
}
