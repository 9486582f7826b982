"use server";
// 讨论: posting, editing (the author, within 15 minutes: a new version, the earlier kept) and hiding
// (an admin, with a reason) a comment on a recommendation or an action. Each is audited on its item,
// in one transaction with what its mentions tell (notifications rule "mentioned").
import { getLocale, getTranslations } from "next-intl/server";
import { recordAudit } from "@/lib/audit/record";
import { isAdmin } from "@/lib/auth/permissions";
import type { CurrentUser } from "@/lib/auth/session";
import { inTransaction } from "@/lib/cycle/step-write";
import { shanghaiToday, toShanghaiDateString } from "@/lib/dates";
import { db } from "@/lib/db";
import type { DbClient } from "@/lib/db/client";
import { loadItemRefs } from "@/lib/notifications/items";
import { notify } from "@/lib/notifications/notify";
import { FormRefused, type FormState, formAction } from "@/lib/validation/form-action";
import {
  allowedMentions,
  type CommentItem,
  commentAccess,
  loadCommentItem,
  mentionRecipients,
} from "./items";
import { encodeMentions, type MentionRef, mentionKey, parseMentionKey, plainTextOf } from "./mentions";
import { namesOf } from "./queries";
import { EDIT_WINDOW_MS, editCommentInput, hideCommentInput, postCommentInput } from "./schema";

async function refused(key: string): Promise<never> {
  const t = await getTranslations("comments.refused");
  throw new FormRefused({ formError: t(key as "conflict") });
}

async function saved(key: "posted" | "edited" | "hidden"): Promise<FormState> {
  const t = await getTranslations("comments.notice");
  return { notice: t(key) };
}

/** The text as stored, with the mentions picked that are still in it and may be mentioned on the item. */
async function storedText(tx: DbClient, item: CommentItem, text: string, picked: readonly string[]) {
  const refs = picked.flatMap((key) => parseMentionKey(key) ?? []);
  const candidates = await allowedMentions(tx, item, refs, await getLocale());
  return encodeMentions(text, candidates);
}

async function writeVersion(
  tx: DbClient,
  commentId: string,
  version: number,
  stored: string,
  refs: readonly MentionRef[],
  now: Date,
) {
  await tx.commentVersion.create({ data: { commentId, version, text: stored, createdAt: now } });
  if (refs.length > 0)
    await tx.commentMention.createMany({
      data: refs.map((ref) => ({
        commentId,
        version,
        userId: ref.kind === "user" ? ref.id : null,
        agencyId: ref.kind === "agency" ? ref.id : null,
        createdAt: now,
      })),
    });
}

/** Tells the people and agencies a version mentions first (not those an earlier version told). */
async function notifyMentions(
  tx: DbClient,
  input: {
    user: CurrentUser;
    item: CommentItem;
    commentId: string;
    version: number;
    stored: string;
    refs: readonly MentionRef[];
    before: readonly MentionRef[];
    now: Date;
  },
) {
  const told = new Set(input.before.map(mentionKey));
  const fresh = input.refs.filter((ref) => !told.has(mentionKey(ref)));
  if (fresh.length === 0) return;
  const [recipients, refs, names] = await Promise.all([
    mentionRecipients(tx, fresh),
    loadItemRefs(tx, [
      input.item.actionId
        ? { itemType: "action", itemId: input.item.actionId }
        : { itemType: "recommendation", itemId: input.item.recommendationId },
    ]),
    namesOf(tx, input.refs, "zh-CN"),
  ]);
  const item = refs.get(input.item.actionId ?? input.item.recommendationId) ?? null;
  const excerpt = plainTextOf(
    input.stored,
    new Set(input.refs.map(mentionKey)),
    (ref) => names[mentionKey(ref)] ?? null,
  );
  await notify(
    tx,
    [
      {
        rule: "mentioned",
        dedupeKey: `mentioned:${input.commentId}:${input.version}`,
        day: toShanghaiDateString(shanghaiToday(input.now)),
        item,
        payload: {
          commentId: input.commentId,
          actorName: input.user.name,
          comment: excerpt.length > 140 ? `${excerpt.slice(0, 139)}…` : excerpt,
        },
        actorId: input.user.id,
        recipientIds: recipients,
      },
    ],
    input.now,
  );
}

function auditTarget(item: CommentItem) {
  return item.actionId
    ? ({ entityType: "Action", entityId: item.actionId } as const)
    : ({ entityType: "Recommendation", entityId: item.recommendationId } as const);
}

/** 发表评论: anyone who may read the item. */
export const postComment = formAction(
  postCommentInput,
  {
    allowOn: async (user, input) => commentAccess(db, user, await loadCommentItem(db, input)),
  },
  async ({ input, user }) =>
    inTransaction(async (tx) => {
      const item = await loadCommentItem(tx, input);
      if (!item) return refused("notFound");
      const now = new Date();
      const { stored, refs } = await storedText(tx, item, input.text, input.mentions);
      const comment = await tx.comment.create({
        data: {
          recommendationId: item.recommendationId,
          actionId: item.actionId,
          authorId: user.id,
          createdAt: now,
        },
        select: { id: true },
      });
      await writeVersion(tx, comment.id, 1, stored, refs, now);
      await recordAudit(tx, {
        actorId: user.id,
        action: "comment.post",
        ...auditTarget(item),
        after: { commentId: comment.id, text: stored, mentions: refs.map(mentionKey) },
      });
      await notifyMentions(tx, {
        user,
        item,
        commentId: comment.id,
        version: 1,
        stored,
        refs,
        before: [],
        now,
      });
      return saved("posted");
    }),
  { arrays: ["mentions"] },
);

/** The comment a form names, with the item it is on. */
async function loadComment(tx: DbClient, commentId: string) {
  return tx.comment.findUnique({
    where: { id: commentId },
    select: {
      id: true,
      recommendationId: true,
      actionId: true,
      authorId: true,
      version: true,
      createdAt: true,
      hiddenAt: true,
      versions: { orderBy: { version: "desc" }, take: 1, select: { text: true } },
      mentions: { select: { version: true, userId: true, agencyId: true } },
    },
  });
}

async function commentItemOf(tx: DbClient, commentId: string) {
  const comment = await loadComment(tx, commentId);
  const item = comment ? await loadCommentItem(tx, comment) : null;
  return { comment, item };
}

/** 编辑: its author, within 15 minutes of posting; the earlier text stays readable. */
export const editComment = formAction(
  editCommentInput,
  {
    allowOn: async (user, input) => {
      const { comment, item } = await commentItemOf(db, input.commentId);
      const access = await commentAccess(db, user, item);
      if (access !== "allowed") return access;
      return comment?.authorId === user.id ? "allowed" : "forbidden";
    },
    refusal: "comments.refused.notAuthor",
  },
  async ({ input, user }) =>
    inTransaction(async (tx) => {
      const { comment, item } = await commentItemOf(tx, input.commentId);
      if (!comment || !item) return refused("notFound");
      const now = new Date();
      if (comment.hiddenAt) return refused("hidden");
      if (comment.version !== input.version) return refused("conflict");
      if (now.getTime() - comment.createdAt.getTime() >= EDIT_WINDOW_MS) return refused("editWindow");
      const { stored, refs } = await storedText(tx, item, input.text, input.mentions);
      const previous = comment.versions[0]?.text ?? "";
      const before = comment.mentions
        .filter((m) => m.version === comment.version)
        .map(
          (m): MentionRef =>
            m.userId ? { kind: "user", id: m.userId } : { kind: "agency", id: m.agencyId ?? "" },
        );
      if (stored === previous) return refused("unchanged");
      const version = comment.version + 1;
      const moved = await tx.comment.updateMany({
        where: { id: comment.id, version: comment.version, hiddenAt: null },
        data: { version },
      });
      if (moved.count !== 1) return refused("conflict");
      await writeVersion(tx, comment.id, version, stored, refs, now);
      await recordAudit(tx, {
        actorId: user.id,
        action: "comment.edit",
        ...auditTarget(item),
        before: { commentId: comment.id, version: comment.version, text: previous },
        after: { commentId: comment.id, version, text: stored, mentions: refs.map(mentionKey) },
      });
      // Everyone every earlier version mentioned was told once already.
      const everBefore = [
        ...before,
        ...comment.mentions.map(
          (m): MentionRef =>
            m.userId ? { kind: "user", id: m.userId } : { kind: "agency", id: m.agencyId ?? "" },
        ),
      ];
      await notifyMentions(tx, {
        user,
        item,
        commentId: comment.id,
        version,
        stored,
        refs,
        before: everBefore,
        now,
      });
      return saved("edited");
    }),
  { arrays: ["mentions"] },
);

/** 隐藏: an admin, with a reason; the comment keeps its place, shown as hidden to everyone. */
export const hideComment = formAction(
  hideCommentInput,
  { allow: (user) => isAdmin(user), refusal: "comments.refused.notAdmin" },
  async ({ input, user }) =>
    inTransaction(async (tx) => {
      const { comment, item } = await commentItemOf(tx, input.commentId);
      if (!comment || !item) return refused("notFound");
      if (comment.hiddenAt) return refused("alreadyHidden");
      if (comment.version !== input.version) return refused("conflict");
      const now = new Date();
      const moved = await tx.comment.updateMany({
        where: { id: comment.id, version: comment.version, hiddenAt: null },
        data: {
          version: comment.version + 1,
          hiddenAt: now,
          hiddenById: user.id,
          hiddenReason: input.reason,
        },
      });
      if (moved.count !== 1) return refused("conflict");
      await recordAudit(tx, {
        actorId: user.id,
        action: "comment.hide",
        ...auditTarget(item),
        before: { commentId: comment.id, hidden: false },
        after: { commentId: comment.id, hidden: true, reason: input.reason },
      });
      return saved("hidden");
    }),
);
