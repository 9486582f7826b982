import { useFormatter, useLocale, useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { type MentionRef, mentionKey, plainTextOf } from "@/lib/comments/mentions";
import type { HiddenCommentEntry, CommentThread as Thread, ThreadComment } from "@/lib/comments/queries";
import { Link } from "@/lib/i18n/navigation";
import { EditCommentForm, HideCommentForm, PostCommentForm } from "./comment-forms";
import { CommentText } from "./comment-text";

/** 讨论: the item's comments, oldest first and the newest last, then the form to add one. */
export function CommentThread({
  thread,
  title,
  children,
}: {
  thread: Thread;
  title?: string;
  /** Shown before the comments (a recommendation's links to its actions' threads). */
  children?: ReactNode;
}) {
  const t = useTranslations("comments");
  const nameOf = (ref: MentionRef) => thread.names[mentionKey(ref)] ?? null;
  return (
    <Card aria-labelledby="comments-heading" id="comments">
      <CardHeader>
        <CardTitle id="comments-heading">{title ?? t("title")}</CardTitle>
        <p className="mt-1 text-xs text-slate-600">{t("intro")}</p>
      </CardHeader>
      <CardContent className="space-y-4">
        {children}
        {thread.comments.length === 0 ? (
          <p className="text-sm text-slate-600">{t("empty")}</p>
        ) : (
          <ol
            className="space-y-3"
            data-testid="comment-thread"
            aria-label={t("count", { count: thread.comments.length })}
          >
            {thread.comments.map((comment) => (
              <CommentEntry key={comment.id} comment={comment} thread={thread} nameOf={nameOf} />
            ))}
          </ol>
        )}
        <PostCommentForm
          recommendationId={thread.recommendationId}
          actionId={thread.actionId}
          candidates={thread.candidates}
        />
      </CardContent>
    </Card>
  );
}

function CommentEntry({
  comment,
  thread,
  nameOf,
}: {
  comment: ThreadComment;
  thread: Thread;
  nameOf: (ref: MentionRef) => string | null;
}) {
  const t = useTranslations("comments");
  const format = useFormatter();
  const when = (date: Date) => format.dateTime(date, "dateTime");
  const [latest, ...earlier] = comment.versions;
  return (
    <li
      id={`comment-${comment.id}`}
      className="scroll-mt-20 rounded-md border border-slate-200 bg-white px-3 py-2 text-sm"
      data-testid="comment"
      data-hidden={comment.hidden ? "true" : undefined}
    >
      <div className="flex flex-wrap items-baseline gap-x-2 gap-y-0.5">
        <span className="font-medium text-slate-900">{comment.author.name}</span>
        <span className="text-xs text-slate-600">
          {[t(`role.${comment.author.role as "staff"}`), comment.author.agency].filter(Boolean).join(" · ")}
        </span>
        <time dateTime={comment.at.toISOString()} className="text-xs text-slate-600 tabular-nums">
          {when(comment.at)}
        </time>
        {earlier.length > 0 && <span className="text-xs text-slate-600">{t("edited")}</span>}
      </div>
      {comment.hidden ? (
        <p className="mt-1 italic text-slate-600" data-testid="comment-hidden">
          {t("hidden", { reason: comment.hidden.reason })}
        </p>
      ) : (
        latest && (
          <p
            className="mt-1 max-w-prose whitespace-pre-wrap break-words text-slate-900"
            data-testid="comment-text"
          >
            <CommentText text={latest.text} mentions={latest.mentions} nameOf={nameOf} />
          </p>
        )
      )}
      {earlier.length > 0 && (
        <details className="mt-1 text-xs text-slate-700">
          <summary className="cursor-pointer text-brand-700 underline">
            {t("versions", { count: comment.versions.length })}
          </summary>
          <ol className="mt-1 space-y-1 border-l-2 border-slate-200 pl-2">
            {earlier.map((version) => (
              <li key={version.version}>
                <p className="text-slate-600">
                  {t("version", { version: version.version, time: when(version.at) })}
                </p>
                <p className="whitespace-pre-wrap break-words text-slate-800">
                  <CommentText text={version.text} mentions={version.mentions} nameOf={nameOf} />
                </p>
              </li>
            ))}
          </ol>
        </details>
      )}
      {(comment.editable || (thread.canHide && !comment.hidden)) && (
        <div className="mt-2 flex flex-col gap-2">
          {comment.editable && latest && (
            <EditCommentForm
              commentId={comment.id}
              version={comment.version}
              text={plainTextOf(latest.text, new Set(latest.mentions), nameOf)}
              mentions={latest.mentions}
              candidates={thread.candidates}
            />
          )}
          {thread.canHide && !comment.hidden && (
            <HideCommentForm commentId={comment.id} version={comment.version} />
          )}
        </div>
      )}
    </li>
  );
}

/** In an item's history: that a comment existed and was hidden, by whom and why. */
export function HiddenCommentHistory({ entries }: { entries: HiddenCommentEntry[] }) {
  const t = useTranslations("comments.history");
  const format = useFormatter();
  if (entries.length === 0) return null;
  return (
    <section
      aria-labelledby="comment-history-heading"
      className="border-b border-slate-100 px-4 py-3 sm:px-5"
    >
      <h3 id="comment-history-heading" className="text-sm font-semibold text-slate-900">
        {t("title")}
      </h3>
      <ol className="mt-2 space-y-2 text-sm" data-testid="comment-history">
        {entries.map((entry) => (
          <li key={entry.id} className="space-y-0.5">
            <div className="flex flex-wrap items-center gap-x-2">
              <time dateTime={entry.hiddenAt.toISOString()} className="text-slate-600 tabular-nums">
                {format.dateTime(entry.hiddenAt, "dateTime")}
              </time>
              {entry.actionCode && (
                <span className="text-slate-700">{t("onAction", { code: entry.actionCode })}</span>
              )}
              <span className="font-medium text-slate-900">
                {t("hidden", { author: entry.author, postedAt: format.dateTime(entry.postedAt, "dateTime") })}
              </span>
            </div>
            <p className="max-w-prose break-words text-slate-800">{t("reason", { reason: entry.reason })}</p>
            {entry.hiddenBy && <p className="text-xs text-slate-500">{t("by", { name: entry.hiddenBy })}</p>}
          </li>
        ))}
      </ol>
    </section>
  );
}

/** On a recommendation's page: each action's thread, with how many comments it has. */
export function ActionThreadLinks({
  actions,
  counts,
  itemPath,
}: {
  actions: { id: string; code: string; titleZh: string; titleEn: string | null }[];
  counts: Record<string, number>;
  itemPath: string;
}) {
  const t = useTranslations("comments");
  const locale = useLocale();
  if (actions.length === 0) return null;
  return (
    <div className="space-y-1">
      <h3 className="text-sm font-semibold text-slate-900">{t("actionThreads")}</h3>
      <ul className="space-y-1 text-sm" data-testid="action-threads">
        {actions.map((action) => (
          <li key={action.id} className="flex flex-wrap items-baseline gap-x-2">
            <Link
              href={`${itemPath}/actions/${encodeURIComponent(action.code)}/comments`}
              className="text-brand-700 underline"
            >
              {action.code} {locale === "en" && action.titleEn ? action.titleEn : action.titleZh}
            </Link>
            <span className="text-xs text-slate-600">
              {t("actionThreadCount", { count: counts[action.id] ?? 0 })}
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}
