import { getTranslations, setRequestLocale } from "next-intl/server";
import { PageHeader } from "@/components/layout/page-header";
import { PreferencesForm } from "@/components/notifications/preferences-form";
import { Card, CardContent } from "@/components/ui/card";
// For deputies too: a person's own inbox and choices, nothing of any item (lib/auth/deputy-scope.ts).
import { requireReader } from "@/lib/auth/session";
import { Link } from "@/lib/i18n/navigation";
import { pageTitle } from "@/lib/i18n/page-title";
import { preferencesOf } from "@/lib/notifications/preferences-view";

export const generateMetadata = pageTitle("notifications.preferences", "title");

export default async function NotificationPreferencesPage({
  params,
}: {
  params: Promise<{ locale: string }>;
}) {
  const { locale } = await params;
  setRequestLocale(locale);
  const user = await requireReader(locale, `/${locale}/notifications/preferences`);
  const [t, { mailOn, ...preferences }] = await Promise.all([
    getTranslations("notifications.preferences"),
    preferencesOf(user),
  ]);
  return (
    <div className="space-y-4">
      <PageHeader title={t("title")} intro={t("intro")} />
      <p className="text-sm">
        <Link href="/notifications" className="text-brand-700 underline underline-offset-2">
          {t("back")}
        </Link>
      </p>
      <Card>
        <CardContent className="py-4">
          <PreferencesForm preferences={preferences} mailOn={mailOn} />
        </CardContent>
      </Card>
    </div>
  );
}
