import { getFormatter, getTranslations } from "next-intl/server";
import { buttonVariants } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Link } from "@/lib/i18n/navigation";
import type { Locale } from "@/lib/i18n/routing";
import { describeNotification } from "@/lib/notifications/describe";
import type { listInbox } from "@/lib/notifications/inbox";
import { cn } from "@/lib/utils";
import { MarkReadButton, OpenNotificationButton } from "./notification-buttons";

type Inbox = Awaited<ReturnType<typeof listInbox>>;

/** The inbox: unread first, each with what it is about, a link to it and "mark read"; paged. */
export async function InboxList({
  inbox,
  locale,
  page,
  unreadOnly,
}: {
  inbox: Inbox;
  locale: Locale;
  page: number;
  unreadOnly: boolean;
}) {
  const t = await getTranslations("notifications");
  const format = await getFormatter();
  const href = (query: { page?: number; unread?: boolean }) => {
    const params = new URLSearchParams();
    if (query.unread ?? unreadOnly) params.set("unread", "1");
    if ((query.page ?? 1) > 1) params.set("page", String(query.page));
    const search = params.toString();
    return search ? `/notifications?${search}` : "/notifications";
  };
  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <nav aria-label={t("filter")} className="flex gap-1 text-sm">
          <Link
            href={href({ unread: false, page: 1 })}
            aria-current={!unreadOnly ? "page" : undefined}
            className={cn(buttonVariants({ variant: unreadOnly ? "ghost" : "outline", size: "sm" }))}
          >
            {t("all")}
          </Link>
          <Link
            href={href({ unread: true, page: 1 })}
            aria-current={unreadOnly ? "page" : undefined}
            className={cn(buttonVariants({ variant: unreadOnly ? "outline" : "ghost", size: "sm" }))}
          >
            {t("unread", { count: inbox.unread })}
          </Link>
        </nav>
        {inbox.unread > 0 && <MarkReadButton />}
      </div>

      {inbox.entries.length === 0 ? (
        <Card className="px-4 py-6 text-sm text-slate-600">{unreadOnly ? t("noneUnread") : t("none")}</Card>
      ) : (
        <Card>
          <ul className="divide-y divide-slate-200" data-testid="inbox">
            {inbox.entries.map((entry) => {
              const text = describeNotification(entry, locale);
              const unread = entry.readAt === null;
              return (
                <li
                  key={entry.id}
                  className={cn(
                    "flex flex-col gap-2 px-4 py-3 sm:flex-row sm:items-start",
                    unread && "bg-brand-50/60",
                  )}
                  data-unread={unread ? "true" : undefined}
                >
                  <div className="min-w-0 flex-1 space-y-1 text-sm">
                    <p className="flex items-start gap-2">
                      {unread && (
                        <span
                          className="mt-1.5 h-2 w-2 shrink-0 rounded-full bg-brand-600"
                          aria-hidden="true"
                        />
                      )}
                      <span className={cn(unread ? "font-semibold text-slate-900" : "text-slate-800")}>
                        {unread && <span className="sr-only">{t("unreadMark")}</span>}
                        {text.title}
                      </span>
                    </p>
                    {text.item ? (
                      <OpenNotificationButton notificationId={entry.id} label={text.item} />
                    ) : (
                      <OpenNotificationButton notificationId={entry.id} label={t("openDashboard")} />
                    )}
                    {text.lines.length > 0 && (
                      <ul className="space-y-0.5 text-slate-600">
                        {text.lines.map((line) => (
                          <li key={line} className="break-words">
                            {line}
                          </li>
                        ))}
                      </ul>
                    )}
                    <p className="text-xs text-slate-500">
                      <time dateTime={entry.createdAt.toISOString()}>
                        {format.dateTime(entry.createdAt, "dateTime")}
                      </time>
                    </p>
                  </div>
                  {unread && <MarkReadButton notificationId={entry.id} />}
                </li>
              );
            })}
          </ul>
        </Card>
      )}

      {inbox.pageCount > 1 && (
        <nav aria-label={t("pages")} className="flex items-center gap-3 text-sm">
          {page > 1 && (
            <Link href={href({ page: page - 1 })} className={buttonVariants({ variant: "outline" })}>
              {t("previous")}
            </Link>
          )}
          <span>{t("pageOf", { page, pages: inbox.pageCount })}</span>
          {page < inbox.pageCount && (
            <Link href={href({ page: page + 1 })} className={buttonVariants({ variant: "outline" })}>
              {t("next")}
            </Link>
          )}
        </nav>
      )}
    </div>
  );
}
