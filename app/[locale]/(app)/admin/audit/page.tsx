import { getTranslations, setRequestLocale } from "next-intl/server";
import { AuditLog } from "@/components/admin/audit-log";
import { Card, CardHeader, CardTitle } from "@/components/ui/card";
import { auditLogFilters, readAuditLog } from "@/lib/audit/log";
import { requireAdmin } from "@/lib/auth/session";
import type { LocalePageProps } from "@/lib/i18n/page-props";
import { pageTitle } from "@/lib/i18n/page-title";

export const generateMetadata = pageTitle("admin", "audit");

/** The audit trail: who changed what, when, field by field; filtered and paged. */
export default async function AdminAuditPage({ params, searchParams }: LocalePageProps) {
  const { locale } = await params;
  setRequestLocale(locale);
  const admin = await requireAdmin(locale, `/${locale}/admin/audit`);
  const query = Object.fromEntries(
    Object.entries(await searchParams).map(([key, value]) => [key, Array.isArray(value) ? value[0] : value]),
  );
  const filters = auditLogFilters.parse(query);
  const [log, t] = await Promise.all([readAuditLog(admin, filters, locale), getTranslations("admin")]);
  return (
    <Card>
      <CardHeader>
        <CardTitle>{t("audit")}</CardTitle>
        <p className="mt-1 text-xs text-slate-600">{t("auditHint")}</p>
      </CardHeader>
      <AuditLog log={log} filters={filters} />
    </Card>
  );
}
