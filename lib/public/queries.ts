import "server-only";
import { cache } from "react";
import { canReadProposalCode } from "@/lib/auth/deputy-scope";
import type { Actor } from "@/lib/auth/permissions";
import { shanghaiToday } from "@/lib/dates";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/db/client";
import type { EvidenceKind, ItemStatus } from "@/lib/db/enums";
import { liveProposals, liveRecommendations } from "@/lib/db/live";
import { LIST_ORDER } from "@/lib/db/selects";
import { FILE_SUMMARY } from "@/lib/files/queries";
import { proposalHeadingSelect } from "@/lib/proposals/heading";
import { isOverdue } from "@/lib/recommendations/overdue";
import { type Health, healthOn } from "@/lib/tracking/health";

// What the public progress page and its open data show of a proposal. Everything is selected by
// name and copied field by field into the types below, so that a column added to the models later
// never reaches the public by accident. Never selected: status updates (their comments and
// authors), users, reply and feedback details, evidence notes, and evidence that is withdrawn or
// not marked public.

export type PublicText = { zh: string; en: string | null };

export type PublicEvidence = {
  /** For the page's list keys; not part of the open data. */
  id: string;
  title: PublicText;
  /** None for evidence that is only a file (then `files` holds it). */
  url: string | null;
  kind: EvidenceKind;
  publisher: string | null;
  publishedAt: Date | null;
  /** 核实: when the office or the agency's reviewer verified it (never by whom); null while only claimed. */
  verifiedAt: Date | null;
  /** Its files (a scanned letter, minutes), which anyone may download as the evidence is public. */
  files: PublicFile[];
};

export type PublicFile = { id: string; name: string; size: number; sha256: string };

export type PublicItem = {
  code: string;
  title: PublicText;
  status: ItemStatus;
  progress: number;
  health: Health;
  overdue: boolean;
  startDate: Date | null;
  dueDate: Date | null;
  /** The lead handling agency (an organisation, never a person). */
  leadAgency: PublicText | null;
  evidence: PublicEvidence[];
};

export type PublicRecommendation = PublicItem & {
  description: PublicText;
  theme: PublicText | null;
  actions: PublicItem[];
  /**
   * Whether the deputy was satisfied: the summary answer of their own latest rating (never one recorded
   * on their behalf, 代录), and only when the admin ticked it when publishing; else null.
   */
  deputySatisfaction: (PublicText & { dissatisfied: boolean }) | null;
};

export type PublicProgress = {
  proposal: {
    code: string;
    title: PublicText;
    /** The deputy who submitted it: the proposal is published under their name. */
    author: PublicText;
    congressSession: PublicText;
    submittedAt: Date;
    summary: PublicText;
    sourceUrl: string | null;
    isSample: boolean;
    /** Null only in a signed-in preview of an unpublished proposal. */
    publishedAt: Date | null;
    /** The admin ticked, when publishing, that the deputy's satisfaction is shown. */
    showsSatisfaction: boolean;
  };
  today: Date;
  figures: {
    recommendations: number;
    actions: number;
    /** Σ weight·progress / Σ weight over the recommendations, rounded; null when there are none. */
    weightedProgress: number | null;
    byStatus: Record<ItemStatus, number>;
    byHealth: Record<Health, number>;
    overdue: number;
  };
  recommendations: PublicRecommendation[];
};

const text = (zh: string, en: string | null | undefined): PublicText => ({ zh, en: en ?? null });

const scheduleSelect = {
  code: true,
  titleZh: true,
  titleEn: true,
  status: true,
  progress: true,
  startDate: true,
  dueDate: true,
  agencies: {
    where: { role: "lead" as const },
    select: { agency: { select: { nameZh: true, nameEn: true } } },
  },
  evidence: {
    where: { isPublic: true, withdrawnAt: null },
    orderBy: [{ createdAt: "asc" as const }, { id: "asc" as const }],
    select: {
      id: true,
      titleZh: true,
      titleEn: true,
      url: true,
      kind: true,
      publisher: true,
      publishedAt: true,
      verifiedAt: true,
      files: { ...FILE_SUMMARY, select: { id: true, name: true, size: true, sha256: true } },
    },
  },
} satisfies Prisma.ActionSelect & Prisma.RecommendationSelect;

type ItemRow = {
  code: string;
  titleZh: string;
  titleEn: string | null;
  status: ItemStatus;
  progress: number;
  startDate: Date | null;
  dueDate: Date | null;
  agencies: { agency: { nameZh: string; nameEn: string | null } }[];
  evidence: {
    id: string;
    titleZh: string;
    titleEn: string | null;
    url: string | null;
    kind: EvidenceKind;
    publisher: string | null;
    publishedAt: Date | null;
    verifiedAt: Date | null;
    files: PublicFile[];
  }[];
};

function publicItem(row: ItemRow, today: Date): PublicItem {
  const lead = row.agencies[0]?.agency;
  return {
    code: row.code,
    title: text(row.titleZh, row.titleEn),
    status: row.status,
    progress: row.progress,
    health: healthOn(row, today),
    overdue: isOverdue(row, today),
    startDate: row.startDate,
    dueDate: row.dueDate,
    leadAgency: lead ? text(lead.nameZh, lead.nameEn) : null,
    evidence: row.evidence.map((item) => ({
      id: item.id,
      title: text(item.titleZh, item.titleEn),
      url: item.url,
      kind: item.kind,
      publisher: item.publisher,
      publishedAt: item.publishedAt,
      verifiedAt: item.verifiedAt,
      files: item.files,
    })),
  };
}

/**
 * A proposal's public progress, or null when there is no such proposal or it is not published
 * (`preview`: also when it is not published, for signed-in people checking it before publication).
 */
export const getPublicProgress = cache(
  // Plain arguments: React's cache() matches calls by their arguments' identity.
  async (code: string, preview = false): Promise<PublicProgress | null> => {
    const row = await db.proposal.findFirst({
      // An archived proposal is no longer shown, published or not.
      where: liveProposals(preview ? { code } : { code, publishedAt: { not: null } }),
      select: {
        ...proposalHeadingSelect,
        summaryZh: true,
        summaryEn: true,
        sourceUrl: true,
        publishedAt: true,
        publicSatisfaction: true,
        recommendations: {
          where: liveRecommendations(),
          orderBy: LIST_ORDER,
          select: {
            ...scheduleSelect,
            // The deputy's own ratings only (代录 is never public), the latest round first.
            ratings: {
              where: { byDeputy: true },
              orderBy: { round: "desc" as const },
              take: 1,
              select: { satisfaction: true },
            },
            descriptionZh: true,
            descriptionEn: true,
            weight: true,
            theme: { select: { nameZh: true, nameEn: true } },
            actions: { orderBy: LIST_ORDER, select: scheduleSelect },
          },
        },
      },
    });
    if (!row) return null;

    const today = shanghaiToday();
    const levels = row.publicSatisfaction
      ? await db.satisfactionLevel.findMany({
          select: { key: true, labelZh: true, labelEn: true, isDissatisfied: true },
        })
      : [];
    const satisfactionOf = (ratings: { satisfaction: string }[]) => {
      const level = levels.find((candidate) => candidate.key === ratings[0]?.satisfaction);
      return level ? { ...text(level.labelZh, level.labelEn), dissatisfied: level.isDissatisfied } : null;
    };
    const recommendations = row.recommendations.map((rec) => ({
      ...publicItem(rec, today),
      description: text(rec.descriptionZh, rec.descriptionEn),
      theme: rec.theme ? text(rec.theme.nameZh, rec.theme.nameEn) : null,
      actions: rec.actions.map((action) => publicItem(action, today)),
      deputySatisfaction: row.publicSatisfaction ? satisfactionOf(rec.ratings) : null,
    }));

    // One proposal's items are few and all of them are on the page already, so the headline
    // figures are counted from them rather than by further queries.
    const byStatus: Record<ItemStatus, number> = {
      not_started: 0,
      in_progress: 0,
      completed: 0,
      stalled: 0,
      not_adopted: 0,
    };
    const byHealth: Record<Health, number> = {
      on_track: 0,
      behind: 0,
      at_risk: 0,
      overdue: 0,
      not_applicable: 0,
    };
    for (const rec of recommendations) {
      byStatus[rec.status] += 1;
      byHealth[rec.health] += 1;
    }
    const totalWeight = row.recommendations.reduce((sum, rec) => sum + rec.weight, 0);
    const weighted = row.recommendations.reduce((sum, rec) => sum + rec.weight * rec.progress, 0);

    return {
      proposal: {
        code: row.code,
        title: text(row.titleZh, row.titleEn),
        author: text(row.authorZh, row.authorEn),
        congressSession: text(row.congressSessionZh, row.congressSessionEn),
        submittedAt: row.submittedAt,
        summary: text(row.summaryZh, row.summaryEn),
        sourceUrl: row.sourceUrl,
        isSample: row.isSample,
        publishedAt: row.publishedAt,
        showsSatisfaction: row.publicSatisfaction,
      },
      today,
      figures: {
        recommendations: recommendations.length,
        actions: recommendations.reduce((sum, rec) => sum + rec.actions.length, 0),
        weightedProgress: totalWeight > 0 ? Math.round(weighted / totalWeight) : null,
        byStatus,
        byHealth,
        overdue: recommendations.filter((rec) => rec.overdue).length,
      },
      recommendations,
    };
  },
);

/** The publication state of a proposal, for its page in the app. */
export async function getPublication(proposalCode: string) {
  const proposal = await db.proposal.findUnique({
    where: { code: proposalCode },
    select: { id: true, code: true, publishedAt: true, publicSatisfaction: true },
  });
  if (!proposal) return null;
  // What publishing shows the public, as getPublicProgress reads it: the items not archived, and
  // their evidence marked public and not withdrawn.
  const shown = liveRecommendations({ proposalId: proposal.id });
  const [recommendations, actions, evidence] = await Promise.all([
    db.recommendation.count({ where: shown }),
    db.action.count({ where: { recommendation: shown } }),
    db.evidence.count({
      where: {
        isPublic: true,
        withdrawnAt: null,
        OR: [{ recommendation: shown }, { action: { recommendation: shown } }],
      },
    }),
  ]);
  return { ...proposal, shown: { recommendations, actions, evidence } };
}

/**
 * Whether a signed-in user may preview the proposal `code` unpublished: every role but a deputy, who
 * previews only their own proposals (lib/auth/deputy-scope.ts).
 */
export function mayRead(user: Actor, code: string): Promise<boolean> {
  return canReadProposalCode(db, user, code);
}
