import "server-only";
import { cache } from "react";
import { mayReadEvidence } from "@/lib/auth/deputy-scope";
import type { Actor } from "@/lib/auth/permissions";
import { shanghaiToday } from "@/lib/dates";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/db/client";
import { LIST_ORDER } from "@/lib/db/selects";
import { FILE_SUMMARY } from "@/lib/files/queries";
import { linkCheckViewSelect } from "@/lib/link-checks/state";
import { REPLY_FIELDS } from "@/lib/replies/select";

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
      ...REPLY_FIELDS,
      version: true,
      archivedAt: true,
      archivedReason: true,
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
        orderBy: LIST_ORDER,
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
          promiseSource: true,
          agencies: agencySelect,
        },
      },
    },
  });
  if (!recommendation) return null;

  // By the actions' ids rather than through the action relation, so that both sides of the OR use
  // their own index instead of scanning every row of every proposal.
  const ofThisRecommendation = {
    OR: [
      { recommendationId: recommendation.id },
      { actionId: { in: recommendation.actions.map((action) => action.id) } },
    ],
  };
  const [evidence, history, satisfaction, edits, latestRating] = await Promise.all([
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
        isInternal: true,
        verifiedAt: true,
        verifiedNote: true,
        verifiedBy: { select: { name: true } },
        createdAt: true,
        withdrawnAt: true,
        withdrawnReason: true,
        actionId: true,
        action: { select: { code: true } },
        linkCheck: { select: linkCheckViewSelect },
        files: FILE_SUMMARY,
      },
    }),
    db.statusUpdate.findMany({
      // Roll-ups are left out below, not here: a condition on rollUpOfId leads SQLite's planner to its
      // unique index, which every row but the roll-ups shares as NULL, instead of the items' indexes.
      where: ofThisRecommendation,
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
        rollUpOfId: true,
        author: { select: { name: true } },
        action: { select: { code: true, titleZh: true, titleEn: true } },
        rolledUpInto: {
          select: { statusBefore: true, statusAfter: true, progressBefore: true, progressAfter: true },
        },
        evidence: {
          select: {
            evidence: {
              select: {
                id: true,
                url: true,
                titleZh: true,
                titleEn: true,
                withdrawnAt: true,
                isInternal: true,
              },
            },
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
    db.auditEvent.findMany({
      where: {
        entityType: "Recommendation",
        entityId: recommendation.id,
        action: { in: ["recommendation.edit", "recommendation.archive"] },
      },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      select: {
        id: true,
        action: true,
        before: true,
        after: true,
        createdAt: true,
        actor: { select: { name: true } },
      },
    }),
    db.replyRating.findFirst({
      where: { recommendationId: recommendation.id },
      orderBy: { round: "desc" },
      select: { satisfaction: true, byDeputy: true, proxyReason: true },
    }),
  ]);

  return {
    recommendation,
    evidence,
    // A roll-up is shown inside the action update that caused it, not as an entry of its own.
    history: history.filter((update) => update.rollUpOfId === null),
    satisfaction,
    // How the satisfaction shown was given: by the deputy on the questionnaire, recorded for them (代录)
    // with a reason, or — no rating behind it — typed in by the agency on the reply form.
    satisfactionSource: !recommendation.satisfaction
      ? null
      : latestRating?.satisfaction === recommendation.satisfaction
        ? latestRating.byDeputy
          ? ({ kind: "deputy" } as const)
          : ({ kind: "proxy", reason: latestRating.proxyReason ?? "" } as const)
        : ({ kind: "agency" } as const),
    edits: await withNames(edits.map(editOf)),
    today: shanghaiToday(),
  };
}

type Edit = ReturnType<typeof editOf>;
/** A name in both languages, for the history to show instead of an agency's or theme's code. */
export type NamedValue = { zh: string; en: string | null };

/** The agencies' and themes' codes of the edits, as their names (a code no longer known stays a code). */
async function withNames(edits: Edit[]) {
  const codesOf = (fields: string[]) =>
    edits
      .filter((edit) => fields.includes(edit.field))
      .flatMap((edit) => [edit.before, edit.after].flat())
      .filter((value): value is string => typeof value === "string");
  const agencyCodes = codesOf(["leadAgency", "coAgencies"]);
  const themeCodes = codesOf(["theme"]);
  if (agencyCodes.length + themeCodes.length === 0) return edits;
  const [agencies, themes] = await Promise.all([
    db.agency.findMany({
      where: { code: { in: agencyCodes } },
      select: { code: true, nameZh: true, nameEn: true },
    }),
    db.theme.findMany({
      where: { code: { in: themeCodes } },
      select: { code: true, nameZh: true, nameEn: true },
    }),
  ]);
  const agencyName = new Map(agencies.map((a) => [a.code, { zh: a.nameZh, en: a.nameEn }]));
  const themeName = new Map(themes.map((theme) => [theme.code, { zh: theme.nameZh, en: theme.nameEn }]));
  return edits.map((edit) => {
    const names =
      edit.field === "theme"
        ? themeName
        : ["leadAgency", "coAgencies"].includes(edit.field)
          ? agencyName
          : null;
    if (!names) return edit;
    const name = (value: unknown): unknown =>
      Array.isArray(value)
        ? value.map(name)
        : typeof value === "string"
          ? (names.get(value) ?? value)
          : value;
    return { ...edit, before: name(edit.before), after: name(edit.after) };
  });
}

/**
 * An audited change of a recommendation's own fields, as its history shows it: one field, before →
 * after (written one field per event by lib/proposals/actions.ts).
 */
function editOf(event: {
  id: string;
  action: string;
  before: unknown;
  after: unknown;
  createdAt: Date;
  actor: { name: string } | null;
}) {
  const after = (event.after ?? {}) as Record<string, unknown>;
  const before = (event.before ?? {}) as Record<string, unknown>;
  const field = event.action === "recommendation.archive" ? "archivedReason" : (Object.keys(after)[0] ?? "");
  return {
    id: event.id,
    field,
    before: before[field] ?? null,
    after: after[field] ?? null,
    createdAt: event.createdAt,
    author: event.actor?.name ?? null,
  };
}

export type RecommendationPage = NonNullable<Awaited<ReturnType<typeof getRecommendationPage>>>;

/** The page as `viewer` may read it: without the evidence kept from them (a deputy, internal evidence). */
export function recommendationPageFor(page: RecommendationPage, viewer: Actor): RecommendationPage {
  const readable = (evidence: { isInternal: boolean }) => mayReadEvidence(viewer, evidence);
  return {
    ...page,
    evidence: page.evidence.filter(readable),
    history: page.history.map((update) => ({
      ...update,
      evidence: update.evidence.filter((cited) => readable(cited.evidence)),
    })),
  };
}
