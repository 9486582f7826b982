// A notification in words: one place that the inbox, the e-mails and the bot posts all read, so that
// a rule says the same thing on every channel. Works outside a page render (the sender has no
// next-intl request), in either language.
import { createTranslator } from "use-intl/core";
import type { Locale } from "@/lib/i18n/routing";
import en from "@/messages/en.json";
import zh from "@/messages/zh-CN.json";
import type { ItemRef } from "./items";

const MESSAGES = { "zh-CN": zh, en } as const;

export type NotificationText = {
  /** What happened or is due, in one line. */
  title: string;
  /** The item: its codes and title; null for a digest. */
  item: string | null;
  /** Further lines: the change's values, the actor, a digest's lists. */
  lines: string[];
  /** Where to read more, inside the app, with the locale: "/zh-CN/proposals/…". */
  path: string;
};

type Stored = { rule: string; payload: unknown };

/** The item a digest lists, as the scheduler wrote it. */
export type DigestEntry = { item: ItemRef; dueDay?: string };
export type DigestPayload = {
  counts: { moved: number; late: number; dueNextWeek: number };
  moved: DigestEntry[];
  late: DigestEntry[];
  dueNextWeek: DigestEntry[];
};

/**
 * The app path of an item's page, with the locale. An action is read on its recommendation's page,
 * at its row (its own page under /actions is its edit form, for its handlers only).
 */
export function itemPath(
  locale: Locale,
  item: Pick<ItemRef, "proposalCode" | "recommendationCode" | "actionCode">,
): string {
  const base = `/${locale}/proposals/${encodeURIComponent(item.proposalCode)}/${encodeURIComponent(item.recommendationCode)}`;
  return item.actionCode ? `${base}#action-${encodeURIComponent(item.actionCode)}` : base;
}

/** "LLM-2024 · R3 · A2 建设算力调度平台" */
export function itemLabel(locale: Locale, item: ItemRef): string {
  const codes = [item.proposalCode, item.recommendationCode, item.actionCode].filter(Boolean).join(" · ");
  const title = locale === "en" && item.titleEn ? item.titleEn : item.titleZh;
  return `${codes} ${title}`;
}

export function describeNotification(notification: Stored, locale: Locale): NotificationText {
  const t = createTranslator({ locale, messages: MESSAGES[locale], namespace: "notifications" });
  const tr = createTranslator({ locale, messages: MESSAGES[locale] });
  const payload = (notification.payload ?? {}) as Record<string, unknown>;
  const item = (payload.item as ItemRef | undefined) ?? null;
  const text = (key: string) => (typeof payload[key] === "string" ? (payload[key] as string) : "");
  const number = (key: string) => (typeof payload[key] === "number" ? (payload[key] as number) : 0);
  const replyClass = text("replyClass") ? tr(`replyClass.${text("replyClass")}` as "replyClass.A") : "";
  const values = {
    dueDay: text("dueDay"),
    daysLeft: number("daysLeft"),
    daysLate: number("daysLate"),
    replyClass,
    evidenceTitle: text("evidenceTitle"),
    step: text("step") ? tr(`cycle.step.${text("step")}` as "cycle.step.assign") : "",
    stage: text("stage") ? tr(`cycle.stage.${text("stage")}` as "cycle.stage.assigned") : "",
    moved: 0,
    late: 0,
    dueNextWeek: 0,
    name: text("actorName"),
  };
  const lines: string[] = [];

  if (notification.rule === "digest.weekly") {
    const digest = payload as unknown as Partial<DigestPayload>;
    // A payload is read as stored: one written by an older version may lack a part.
    const counts = { moved: 0, late: 0, dueNextWeek: 0, ...digest.counts };
    Object.assign(values, counts);
    for (const part of ["moved", "late", "dueNextWeek"] as const) {
      const entries = digest[part] ?? [];
      if (counts[part] === 0) continue;
      lines.push(`${t(`digest.${part}`)}（${counts[part]}）`);
      for (const entry of entries)
        lines.push(`- ${itemLabel(locale, entry.item)}${entry.dueDay ? ` · ${entry.dueDay}` : ""}`);
      if (counts[part] > entries.length)
        lines.push(`- ${t("digest.more", { count: counts[part] - entries.length })}`);
    }
  }

  if (notification.rule === "followed.changed" || notification.rule === "status.stalled") {
    const change = text("change");
    const status = (key: string) => tr(`status.${text(key)}` as "status.stalled");
    if (text("statusBefore") && text("statusAfter") && text("statusBefore") !== text("statusAfter"))
      lines.push(t("change.status", { before: status("statusBefore"), after: status("statusAfter") }));
    if (typeof payload.progressBefore === "number" && payload.progressBefore !== payload.progressAfter)
      lines.push(t("change.progress", { before: number("progressBefore"), after: number("progressAfter") }));
    if (change === "reply") lines.push(t("change.reply"));
    if (change === "evidence") lines.push(t("change.evidence", { evidenceTitle: values.evidenceTitle }));
    if (change === "evidenceWithdrawn")
      lines.push(t("change.evidenceWithdrawn", { evidenceTitle: values.evidenceTitle }));
  }
  if (text("comment")) lines.push(t("comment", { comment: text("comment") }));
  if (text("reason")) lines.push(t("reason", { reason: text("reason") }));
  if (text("actorName")) lines.push(t("by", { name: text("actorName") }));

  return {
    title: t(`rule.${notification.rule}` as "rule.reply.due", values),
    item: item ? itemLabel(locale, item) : null,
    lines,
    path: item
      ? notification.rule === "mentioned" && text("commentId")
        ? commentPath(locale, item, text("commentId"))
        : itemPath(locale, item)
      : `/${locale}/dashboard`,
  };
}

/**
 * Where a comment is read: on its recommendation's page, or on its action's discussion page, at the
 * comment itself.
 */
export function commentPath(
  locale: Locale,
  item: Pick<ItemRef, "proposalCode" | "recommendationCode" | "actionCode">,
  commentId: string,
): string {
  const base = itemPath(locale, { ...item, actionCode: null });
  const page = item.actionCode ? `${base}/actions/${encodeURIComponent(item.actionCode)}/comments` : base;
  return `${page}#comment-${encodeURIComponent(commentId)}`;
}
