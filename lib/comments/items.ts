import "server-only";
import { canReadProposal } from "@/lib/auth/deputy-scope";
// The item a comment is on (a recommendation, or one of its actions), who may read it and so comment on
// it, and who may be mentioned there: every signed-in role reads every item but a deputy, who reads
// their own proposals' items only (lib/auth/deputy-scope.ts, the one place of that rule).
import type { Access } from "@/lib/auth/item-access";
import type { Actor } from "@/lib/auth/permissions";
import type { DbClient, Prisma } from "@/lib/db/client";
import { liveActions, liveRecommendations } from "@/lib/db/live";
import type { MentionCandidate, MentionRef } from "./mentions";

export type CommentItem = {
  recommendationId: string;
  actionId: string | null;
  proposalId: string;
  /** The agencies that handle the item: an action's own and its recommendation's. */
  agencyIds: string[];
};

/** The live item a form names (an action under its recommendation), or null. */
export async function loadCommentItem(
  db: DbClient,
  ref: { recommendationId: string; actionId?: string | null },
): Promise<CommentItem | null> {
  const rec = await db.recommendation.findUnique({
    where: liveRecommendations({ id: ref.recommendationId }),
    select: { id: true, proposalId: true, agencies: { select: { agencyId: true } } },
  });
  if (!rec) return null;
  const agencyIds = rec.agencies.map((a) => a.agencyId);
  if (!ref.actionId)
    return { recommendationId: rec.id, actionId: null, proposalId: rec.proposalId, agencyIds };
  const action = await db.action.findUnique({
    where: liveActions({ id: ref.actionId, recommendationId: rec.id }),
    select: { id: true, agencies: { select: { agencyId: true } } },
  });
  if (!action) return null;
  return {
    recommendationId: rec.id,
    actionId: action.id,
    proposalId: rec.proposalId,
    agencyIds: [...new Set([...action.agencies.map((a) => a.agencyId), ...agencyIds])],
  };
}

/**
 * Whether `actor` may comment on the item: whoever may read it. A deputy of another proposal is told
 * it does not exist, as their pages tell them.
 */
export async function commentAccess(db: DbClient, actor: Actor, item: CommentItem | null): Promise<Access> {
  if (!item) return "notFound";
  return (await canReadProposal(db, actor, item.proposalId)) ? "allowed" : "notFound";
}

/** The people who may read the item's proposal: everyone signed in and active, deputies only their own. */
function readers(proposalId: string): Prisma.UserWhereInput {
  return {
    banned: false,
    OR: [
      { role: { not: "deputy" } },
      {
        role: "deputy",
        OR: [{ proposalsAuthored: { some: { id: proposalId } } }, proposalsCosignedBy(proposalId)],
      },
    ],
  };
}

function proposalsCosignedBy(proposalId: string): Prisma.UserWhereInput {
  return { proposalsCosigned: { some: { proposalId } } };
}

type AgencyNames = {
  nameZh: string;
  nameEn: string | null;
  shortNameZh: string | null;
  shortNameEn: string | null;
};

/** An agency as a mention names it: by its short name, in the reader's language. */
export function agencyName(locale: string, agency: AgencyNames): string {
  return locale === "en"
    ? (agency.shortNameEn ?? agency.nameEn ?? agency.shortNameZh ?? agency.nameZh)
    : (agency.shortNameZh ?? agency.nameZh);
}

export type NamedCandidate = MentionCandidate & { detail: string | null };

/**
 * Whom the form offers to mention: the proposal's deputies, the staff of the item's agencies, the
 * office, admins and officials, and whoever already wrote in the thread; and the item's agencies.
 */
export async function mentionCandidates(
  db: DbClient,
  item: CommentItem,
  locale: string,
): Promise<NamedCandidate[]> {
  const [people, agencies] = await Promise.all([
    db.user.findMany({
      where: {
        AND: [
          readers(item.proposalId),
          {
            OR: [
              { role: "deputy" },
              { role: "staff", agencyId: { in: item.agencyIds } },
              { role: { in: ["office", "admin", "official"] } },
              {
                commentsWritten: {
                  some: { recommendationId: item.recommendationId, actionId: item.actionId },
                },
              },
            ],
          },
        ],
      },
      select: {
        id: true,
        name: true,
        role: true,
        agency: { select: { nameZh: true, nameEn: true, shortNameZh: true, shortNameEn: true } },
      },
      orderBy: [{ name: "asc" }],
      take: 300,
    }),
    db.agency.findMany({
      where: { id: { in: item.agencyIds } },
      select: { id: true, nameZh: true, nameEn: true, shortNameZh: true, shortNameEn: true },
      orderBy: { nameZh: "asc" },
    }),
  ]);
  const en = locale === "en";
  return [
    ...agencies.map((agency) => ({
      kind: "agency" as const,
      id: agency.id,
      name: agencyName(locale, agency),
      detail: null,
    })),
    ...people.map((person) => ({
      kind: "user" as const,
      id: person.id,
      name: person.name,
      detail: person.agency
        ? ((en ? (person.agency.shortNameEn ?? person.agency.nameEn) : person.agency.shortNameZh) ??
          person.agency.nameZh)
        : null,
    })),
  ];
}

/**
 * The picked mentions that may be mentioned on the item, with the names their "@Name" is written with:
 * a person who may read it, an agency that handles it. Anything else is dropped, never trusted.
 */
export async function allowedMentions(
  db: DbClient,
  item: CommentItem,
  picked: readonly MentionRef[],
  locale: string,
): Promise<MentionCandidate[]> {
  const userIds = picked.filter((p) => p.kind === "user").map((p) => p.id);
  const agencyIds = picked
    .filter((p) => p.kind === "agency" && item.agencyIds.includes(p.id))
    .map((p) => p.id);
  const [people, agencies] = await Promise.all([
    userIds.length
      ? db.user.findMany({
          where: { AND: [{ id: { in: userIds } }, readers(item.proposalId)] },
          select: { id: true, name: true },
        })
      : [],
    agencyIds.length
      ? db.agency.findMany({
          where: { id: { in: agencyIds } },
          select: { id: true, nameZh: true, nameEn: true, shortNameZh: true, shortNameEn: true },
        })
      : [],
  ]);
  return [
    ...people.map((p) => ({ kind: "user" as const, id: p.id, name: p.name })),
    ...agencies.map((a) => ({ kind: "agency" as const, id: a.id, name: agencyName(locale, a) })),
  ];
}

/** Who a version's mentions tell: the people named, and the active staff of the agencies named. */
export async function mentionRecipients(db: DbClient, refs: readonly MentionRef[]): Promise<string[]> {
  const userIds = refs.filter((r) => r.kind === "user").map((r) => r.id);
  const agencyIds = refs.filter((r) => r.kind === "agency").map((r) => r.id);
  if (agencyIds.length === 0) return [...new Set(userIds)];
  const staff = await db.user.findMany({
    where: { banned: false, role: "staff", agencyId: { in: agencyIds } },
    select: { id: true },
  });
  return [...new Set([...userIds, ...staff.map((s) => s.id)])];
}
