import { getFormatter, getTranslations, setRequestLocale } from "next-intl/server";
import { CalendarFeedCreateForm, RevokeCalendarFeedButton } from "@/components/calendar/calendar-feed";
import { PageHeader } from "@/components/layout/page-header";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { requireUser } from "@/lib/auth/session";
import { getActiveCalendarFeed } from "@/lib/calendar/queries";
import { pageTitle } from "@/lib/i18n/page-title";

export const generateMetadata = pageTitle("calendar", "metaTitle");

/** The signed-in user's calendar feed: make one (its URL shown once), see that it works, revoke it. */
export default async function CalendarFeedPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const user = await requireUser(locale, `/${locale}/notifications/calendar`);
  const [feed, t, format] = await Promise.all([
    getActiveCalendarFeed(user),
    getTranslations("calendar"),
    getFormatter(),
  ]);
  const holds = [
    ...(user.role === "staff" && user.agencyId ? [t("whatIsIn.staff")] : []),
    ...(user.role === "admin" ? [t("whatIsIn.admin")] : []),
    t("whatIsIn.following"),
  ];
  return (
    <div className="max-w-3xl space-y-4">
      <PageHeader title={t("title")} intro={t("intro")} />
      <Card>
        <CardHeader>
          <CardTitle>{t("status.title")}</CardTitle>
        </CardHeader>
        <CardContent className="space-y-3">
          <p className="text-sm" data-testid="calendar-feed-status">
            {feed
              ? t("status.active", { date: format.dateTime(feed.createdAt, "dateTime") })
              : t("status.none")}
          </p>
          <CalendarFeedCreateForm hasFeed={feed !== null} />
          {feed && <RevokeCalendarFeedButton />}
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>{t("whatIsIn.title")}</CardTitle>
        </CardHeader>
        <CardContent>
          <ul className="list-disc space-y-1 pl-5 text-sm text-slate-700">
            {holds.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>{t("howTo.title")}</CardTitle>
        </CardHeader>
        <CardContent className="space-y-2 text-sm text-slate-700">
          <p>{t("howTo.outlook")}</p>
          <p>{t("howTo.wps")}</p>
          <p>{t("howTo.phone")}</p>
          <p className="text-slate-600">{t("howTo.refresh")}</p>
        </CardContent>
      </Card>
    </div>
  );
}
