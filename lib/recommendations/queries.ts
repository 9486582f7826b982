import "server-only";
import { cache } from "react";
import { shanghaiToday } from "@/lib/dates";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/db/client";

const agencySelect = {
  select: {
    agencyId: true,
    role: true,
    agency: { select: { code: true, nameZh: true, nameEn: true, shortNameZh: true, shortNameEn: true } },
  },
} as const;

/**
 * Everything the recommendation page shows: the item, its actions, the evidence attached to it or
 * to any of its actions, and the full history of both, newest first.
 */
export const getRecommendationPage = cache((proposalCode: string, recommendationCode: string) =>
  loadRecommendationPage({ code: recommendationCode, proposal: { code: proposalCode } }),
);

/** The same, found by the recommendation's id (the API's address for it). */
export const getRecommendationPageById = cache((id: string) => loadRecommendationPage({ id }));

async function loadRecommendationPage(where: Prisma.RecommendationWhereInput) {
  const recommendation = await db.recommendation.findFirst({
    where,
    select: {
      id: true,
      code: true,
      titleZh: true,
      titleEn: true,
      descriptionZh: true,
      descriptionEn: true,
      sourceQuote: true,
      status: true,
      progress: true,
      startDate: true,
      dueDate: true,
      weight: true,
      updatedAt: true,
      assignedAt: true,
      replyDueAt: true,
      replyExtensionReason: true,
      repliedAt: true,
      replyClass: true,
      satisfaction: true,
      feedbackAt: true,
      rehandlingRepliedAt: true,
      followUpRepliedAt: true,
      proposal: {
        select: {
          id: true,
          code: true,
          titleZh: true,
          titleEn: true,
          isSample: true,
          sourceReferenceZh: true,
          sourceReferenceEn: true,
        },
      },
      theme: { select: { code: true, nameZh: true, nameEn: true } },
      agencies: agencySelect,
      actions: {
        orderBy: [{ sortOrder: "asc" }, { code: "asc" }],
        select: {
          id: true,
          code: true,
          titleZh: true,
          titleEn: true,
          descriptionZh: true,
          descriptionEn: true,
          status: true,
          progress: true,
          startDate: true,
          dueDate: true,
          weight: true,
          updatedAt: true,
          agencies: agencySelect,
        },
      },
    },
  });
  if (!recommendation) return null;

  const ofThisRecommendation = {
    OR: [{ recommendationId: recommendation.id }, { action: { recommendationId: recommendation.id } }],
  };
  const [evidence, history, satisfaction] = await Promise.all([
    db.evidence.findMany({
      where: ofThisRecommendation,
      orderBy: [{ createdAt: "desc" }, { id: "asc" }],
      select: {
        id: true,
        url: true,
        titleZh: true,
        titleEn: true,
        kind: true,
        publisher: true,
        publishedAt: true,
        note: true,
        isPublic: true,
        createdAt: true,
        withdrawnAt: true,
        withdrawnReason: true,
        actionId: true,
        action: { select: { code: true } },
      },
    }),
    // A roll-up is shown inside the action update that caused it, not as an entry of its own.
    db.statusUpdate.findMany({
      where: { ...ofThisRecommendation, rollUpOfId: null },
      orderBy: [{ effectiveDate: "desc" }, { createdAt: "desc" }, { id: "desc" }],
      select: {
        id: true,
        statusBefore: true,
        statusAfter: true,
        progressBefore: true,
        progressAfter: true,
        effectiveDate: true,
        comment: true,
        source: true,
        importFileName: true,
        createdAt: true,
        rollUpCause: true,
        rollUpActionCode: true,
        author: { select: { name: true } },
        action: { select: { code: true, titleZh: true, titleEn: true } },
        rolledUpInto: {
          select: { statusBefore: true, statusAfter: true, progressBefore: true, progressAfter: true },
        },
        evidence: {
          select: {
            evidence: { select: { id: true, url: true, titleZh: true, titleEn: true, withdrawnAt: true } },
          },
        },
      },
    }),
    recommendation.satisfaction
      ? db.satisfactionLevel.findUnique({
          where: { key: recommendation.satisfaction },
          select: { labelZh: true, labelEn: true, isDissatisfied: true },
        })
      : null,
  ]);

  return { recommendation, evidence, history, satisfaction, today: shanghaiToday() };
}

export type RecommendationPage = NonNullable<Awaited<ReturnType<typeof getRecommendationPage>>>;
