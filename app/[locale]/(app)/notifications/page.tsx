import { getTranslations, setRequestLocale } from "next-intl/server";
import { PageHeader } from "@/components/layout/page-header";
import { InboxList } from "@/components/notifications/inbox";
// For deputies too: a person's own inbox and choices, nothing of any item (lib/auth/deputy-scope.ts).
import { requireReader } from "@/lib/auth/session";
import { Link } from "@/lib/i18n/navigation";
import type { LocalePageProps } from "@/lib/i18n/page-props";
import { pageTitle } from "@/lib/i18n/page-title";
import type { Locale } from "@/lib/i18n/routing";
import { listInbox } from "@/lib/notifications/inbox";

export const generateMetadata = pageTitle("notifications", "title");

export default async function NotificationsPage({ params, searchParams }: LocalePageProps) {
  const { locale } = await params;
  setRequestLocale(locale);
  const user = await requireReader(locale, `/${locale}/notifications`);
  const query = await searchParams;
  const unreadOnly = query.unread === "1";
  const requested = Number(query.page);
  const page = Number.isInteger(requested) && requested > 0 && requested < 100_000 ? requested : 1;
  const [t, inbox] = await Promise.all([
    getTranslations("notifications"),
    listInbox(user.id, { page, unreadOnly }),
  ]);
  return (
    <div className="space-y-4">
      <PageHeader title={t("title")} intro={t("intro")} />
      <p className="flex flex-wrap gap-4 text-sm">
        <Link href="/notifications/preferences" className="text-brand-700 underline underline-offset-2">
          {t("preferencesLink")}
        </Link>
        {/* The calendar feed is not for deputies (lib/auth/deputy-scope.ts). */}
        {user.role !== "deputy" && (
          <Link href="/notifications/calendar" className="text-brand-700 underline underline-offset-2">
            {t("calendarLink")}
          </Link>
        )}
      </p>
      <InboxList
        inbox={inbox}
        locale={locale as Locale}
        page={Math.min(page, inbox.pageCount)}
        unreadOnly={unreadOnly}
      />
    </div>
  );
}
