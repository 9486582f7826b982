import "server-only";
// A thread as its page shows it: every comment of the item, oldest first (newest last), each with its
// versions (the latest shown, the earlier ones readable), and the names its mentions have today. A
// hidden comment keeps its place but brings no text at all: nobody reads it any more.
import type { Actor } from "@/lib/auth/permissions";
import { isAdmin } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import type { DbClient } from "@/lib/db/client";
import { agencyName, commentAccess, loadCommentItem, mentionCandidates, type NamedCandidate } from "./items";
import { type MentionRef, mentionKey } from "./mentions";
import { EDIT_WINDOW_MS } from "./schema";

export type ThreadVersion = { version: number; text: string; at: Date; mentions: string[] };

export type ThreadComment = {
  id: string;
  version: number;
  at: Date;
  author: { id: string; name: string; role: string; agency: string | null };
  /** Newest first; empty when hidden. */
  versions: ThreadVersion[];
  hidden: { at: Date; reason: string; by: string | null } | null;
  /** Whether the person reading may still edit it (the author, within 15 minutes). */
  editable: boolean;
};

export type CommentThread = {
  recommendationId: string;
  actionId: string | null;
  comments: ThreadComment[];
  /** Today's names of everything the shown versions mention, by mentionKey. */
  names: Record<string, string>;
  candidates: NamedCandidate[];
  canHide: boolean;
  /** When the page was read: the edit window is measured from it. */
  now: Date;
};

export async function loadCommentThread(
  client: DbClient,
  actor: Actor,
  ref: { recommendationId: string; actionId: string | null },
  locale: string,
  now: Date = new Date(),
): Promise<CommentThread | null> {
  const item = await loadCommentItem(client, ref);
  if ((await commentAccess(client, actor, item)) !== "allowed" || !item) return null;
  const [rows, candidates] = await Promise.all([
    client.comment.findMany({
      where: { recommendationId: item.recommendationId, actionId: item.actionId },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      select: {
        id: true,
        version: true,
        createdAt: true,
        hiddenAt: true,
        hiddenReason: true,
        hiddenBy: { select: { name: true } },
        author: {
          select: {
            id: true,
            name: true,
            role: true,
            agency: { select: { nameZh: true, nameEn: true, shortNameZh: true, shortNameEn: true } },
          },
        },
        versions: { orderBy: { version: "desc" }, select: { version: true, text: true, createdAt: true } },
        mentions: { select: { version: true, userId: true, agencyId: true } },
      },
    }),
    mentionCandidates(client, item, locale),
  ]);
  const refs: MentionRef[] = [];
  const comments = rows.map((row): ThreadComment => {
    const hidden = row.hiddenAt
      ? { at: row.hiddenAt, reason: row.hiddenReason ?? "", by: row.hiddenBy?.name ?? null }
      : null;
    const versions = hidden
      ? []
      : row.versions.map((v) => {
          const mentions = row.mentions
            .filter((m) => m.version === v.version)
            .map(
              (m): MentionRef =>
                m.userId ? { kind: "user", id: m.userId } : { kind: "agency", id: m.agencyId ?? "" },
            );
          refs.push(...mentions);
          return { version: v.version, text: v.text, at: v.createdAt, mentions: mentions.map(mentionKey) };
        });
    const agency = row.author.agency;
    return {
      id: row.id,
      version: row.version,
      at: row.createdAt,
      author: {
        id: row.author.id,
        name: row.author.name,
        role: row.author.role,
        agency: agency
          ? locale === "en"
            ? (agency.shortNameEn ?? agency.nameEn ?? agency.nameZh)
            : (agency.shortNameZh ?? agency.nameZh)
          : null,
      },
      versions,
      hidden,
      editable:
        !hidden && row.author.id === actor.id && now.getTime() - row.createdAt.getTime() < EDIT_WINDOW_MS,
    };
  });
  return {
    recommendationId: item.recommendationId,
    actionId: item.actionId,
    comments,
    names: await namesOf(client, refs, locale),
    candidates,
    canHide: isAdmin(actor),
    now,
  };
}

/** Today's names of the people and agencies mentioned. */
export async function namesOf(client: DbClient, refs: readonly MentionRef[], locale: string) {
  const ids = (kind: string) => [...new Set(refs.filter((r) => r.kind === kind).map((r) => r.id))];
  const [users, agencies] = await Promise.all([
    client.user.findMany({ where: { id: { in: ids("user") } }, select: { id: true, name: true } }),
    client.agency.findMany({
      where: { id: { in: ids("agency") } },
      select: { id: true, nameZh: true, nameEn: true, shortNameZh: true, shortNameEn: true },
    }),
  ]);
  const names: Record<string, string> = {};
  for (const user of users) names[`user:${user.id}`] = user.name;
  for (const agency of agencies) names[`agency:${agency.id}`] = agencyName(locale, agency);
  return names;
}

/** The page's read (pages read through their features). */
export function commentThreadOf(
  actor: Actor,
  ref: { recommendationId: string; actionId: string | null },
  locale: string,
) {
  return loadCommentThread(db, actor, ref, locale);
}

export type HiddenCommentEntry = {
  id: string;
  postedAt: Date;
  author: string;
  hiddenAt: Date;
  hiddenBy: string | null;
  reason: string;
  actionCode: string | null;
};

/**
 * For an item's history: that a comment existed and was hidden, when and why (its text is gone).
 * A recommendation's history lists those on its actions too.
 */
export async function hiddenCommentsOf(
  recommendationId: string,
  actionId?: string,
): Promise<HiddenCommentEntry[]> {
  const rows = await db.comment.findMany({
    where: { recommendationId, hiddenAt: { not: null }, ...(actionId ? { actionId } : {}) },
    orderBy: [{ hiddenAt: "desc" }, { id: "desc" }],
    select: {
      id: true,
      createdAt: true,
      hiddenAt: true,
      hiddenReason: true,
      author: { select: { name: true } },
      hiddenBy: { select: { name: true } },
      action: { select: { code: true } },
    },
  });
  return rows.map((row) => ({
    id: row.id,
    postedAt: row.createdAt,
    author: row.author.name,
    hiddenAt: row.hiddenAt ?? row.createdAt,
    hiddenBy: row.hiddenBy?.name ?? null,
    reason: row.hiddenReason ?? "",
    actionCode: row.action?.code ?? null,
  }));
}

/** How many comments each action of a recommendation has (hidden ones too: they keep their place). */
export async function actionCommentCounts(recommendationId: string): Promise<Record<string, number>> {
  const groups = await db.comment.groupBy({
    by: ["actionId"],
    where: { recommendationId, actionId: { not: null } },
    _count: { _all: true },
  });
  return Object.fromEntries(groups.map((g) => [g.actionId ?? "", g._count._all]));
}
