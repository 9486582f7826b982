import { getTranslations, setRequestLocale } from "next-intl/server";
import { DeliveryLog } from "@/components/admin/delivery-log";
import { MailStatus } from "@/components/admin/mail-status";
import { Card, CardHeader, CardTitle } from "@/components/ui/card";
import { requireAdmin } from "@/lib/auth/session";
import type { LocalePageProps } from "@/lib/i18n/page-props";
import { pageTitle } from "@/lib/i18n/page-title";
import type { Locale } from "@/lib/i18n/routing";
import { deliveryLogFilters, readDeliveryLog } from "@/lib/notifications/delivery-log";

export const generateMetadata = pageTitle("deliveries", "title");

/** The delivery log: every e-mail and bot post, whether it went, and "send again" for a failed one. */
export default async function AdminDeliveriesPage({ params, searchParams }: LocalePageProps) {
  const { locale } = await params;
  setRequestLocale(locale);
  const admin = await requireAdmin(locale, `/${locale}/admin/deliveries`);
  const query = Object.fromEntries(
    Object.entries(await searchParams).map(([key, value]) => [key, Array.isArray(value) ? value[0] : value]),
  );
  const filters = deliveryLogFilters.parse(query);
  const [log, t] = await Promise.all([
    readDeliveryLog(admin, filters, locale as Locale),
    getTranslations("deliveries"),
  ]);
  return (
    <div className="space-y-4">
      <MailStatus />
      <Card>
        <CardHeader>
          <CardTitle>{t("title")}</CardTitle>
          <p className="mt-1 max-w-3xl text-xs text-slate-600">{t("hint")}</p>
        </CardHeader>
        <DeliveryLog log={log} filters={filters} />
      </Card>
    </div>
  );
}
