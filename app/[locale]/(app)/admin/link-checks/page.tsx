import { getTranslations, setRequestLocale } from "next-intl/server";
import { AllowedHostsForm } from "@/components/link-checks/allowed-hosts-form";
import { LinkCheckList } from "@/components/link-checks/link-check-list";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { requireAdmin } from "@/lib/auth/session";
import { pageTitle } from "@/lib/i18n/page-title";
import { getLinkCheckOverview } from "@/lib/link-checks/queries";

export const generateMetadata = pageTitle("linkChecks", "title");

/** Broken links and links changed since cited, with "check again now"; the intranet hosts allowed. */
export default async function AdminLinkChecksPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const admin = await requireAdmin(locale, `/${locale}/admin/link-checks`);
  const [overview, t] = await Promise.all([getLinkCheckOverview(admin), getTranslations("linkChecks")]);
  return (
    <div className="space-y-4">
      <p className="max-w-3xl text-sm text-slate-700">{t("hint")}</p>
      <Card>
        <CardHeader>
          <CardTitle>{t("list")}</CardTitle>
        </CardHeader>
        <CardContent className="space-y-2">
          <p className="text-sm text-slate-700" role="status">
            {t("counts", overview.counts)}
          </p>
        </CardContent>
        <LinkCheckList links={overview.links} locale={locale} />
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>{t("hosts")}</CardTitle>
        </CardHeader>
        <CardContent>
          <AllowedHostsForm hosts={overview.allowedHosts} />
        </CardContent>
      </Card>
    </div>
  );
}
