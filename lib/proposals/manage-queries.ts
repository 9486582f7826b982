import "server-only";
import { cache } from "react";
import type { CheckedAdmin, CheckedOffice } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { liveRecommendations } from "@/lib/db/live";
import { ASSIGNMENTS, LIST_ORDER } from "@/lib/db/selects";
import { localized } from "@/lib/i18n/localized";

/** Every proposal for the admin list, archived ones last, with how many recommendations each has. */
export function listProposalsForAdmin(_admin: CheckedAdmin) {
  return db.proposal.findMany({
    orderBy: [{ archivedAt: { sort: "desc", nulls: "first" } }, { submittedAt: "desc" }, { code: "asc" }],
    select: {
      id: true,
      code: true,
      titleZh: true,
      titleEn: true,
      authorZh: true,
      submittedAt: true,
      archivedAt: true,
      archivedReason: true,
      isSample: true,
      _count: { select: { recommendations: { where: liveRecommendations() } } },
    },
  });
}

/** A proposal with its recommendations (current ones in order, then archived ones), for its admin page. */
export const getProposalForAdmin = cache(async (_admin: CheckedAdmin, code: string) => {
  const proposal = await db.proposal.findUnique({
    where: { code },
    include: {
      authorUser: { select: { email: true } },
      cosigners: {
        orderBy: { position: "asc" },
        select: { nameZh: true, nameEn: true, user: { select: { email: true } } },
      },
      recommendations: {
        orderBy: LIST_ORDER,
        select: {
          id: true,
          code: true,
          titleZh: true,
          titleEn: true,
          dueDate: true,
          archivedAt: true,
          archivedReason: true,
          agencies: {
            select: {
              role: true,
              agency: { select: { nameZh: true, nameEn: true, shortNameZh: true, shortNameEn: true } },
            },
          },
        },
      },
    },
  });
  return proposal;
});

/** One recommendation with everything its edit form shows. */
export const getRecommendationForAdmin = cache((_admin: CheckedAdmin, proposalCode: string, code: string) =>
  db.recommendation.findFirst({
    where: { code, proposal: { code: proposalCode } },
    include: {
      agencies: ASSIGNMENTS,
      proposal: { select: { id: true, code: true, titleZh: true, titleEn: true } },
    },
  }),
);

/** The choices of the recommendation form: active agencies and the themes. */
/** The agencies and themes a recommendation may be given, each with its name in the page's language. */
export async function getRecommendationChoices(_admin: CheckedAdmin | CheckedOffice, locale: string) {
  const [agencies, themes] = await Promise.all([
    db.agency.findMany({
      where: { active: true },
      orderBy: { code: "asc" },
      select: { id: true, nameZh: true, nameEn: true },
    }),
    db.theme.findMany({
      orderBy: LIST_ORDER,
      select: { id: true, nameZh: true, nameEn: true },
    }),
  ]);
  const named = (row: { id: string; nameZh: string; nameEn: string | null }) => ({
    id: row.id,
    name: localized(locale, row.nameZh, row.nameEn),
  });
  return { agencies: agencies.map(named), themes: themes.map(named) };
}

/** A proposal's current recommendations with what the assignment grid sets (交办), in order. */
export const getAssignmentGrid = cache((_admin: CheckedAdmin | CheckedOffice, code: string) =>
  db.proposal.findUnique({
    where: { code },
    select: {
      id: true,
      code: true,
      titleZh: true,
      titleEn: true,
      archivedAt: true,
      recommendations: {
        where: liveRecommendations(),
        orderBy: LIST_ORDER,
        select: {
          id: true,
          code: true,
          titleZh: true,
          version: true,
          themeId: true,
          startDate: true,
          dueDate: true,
          weight: true,
          agencies: ASSIGNMENTS,
        },
      },
    },
  }),
);
