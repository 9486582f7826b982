import { getTranslations, setRequestLocale } from "next-intl/server";
import { MailStatus } from "@/components/admin/mail-status";
import { AgencyDefaultsForm, ThresholdsForm } from "@/components/admin/notification-settings";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Label, Select } from "@/components/ui/input";
import { listAgencies } from "@/lib/admin/queries";
import { requireAdmin } from "@/lib/auth/session";
import { agencyShortName } from "@/lib/i18n/localized";
import { Link } from "@/lib/i18n/navigation";
import type { LocalePageProps } from "@/lib/i18n/page-props";
import { pageTitle } from "@/lib/i18n/page-title";
import { agencyNotificationDefaults, notificationThresholds } from "@/lib/notifications/settings-view";

export const generateMetadata = pageTitle("notificationSettings", "title");

/** The admins' notification settings: whether e-mail is on, the reminder days, each agency's defaults. */
export default async function AdminNotificationsPage({ params, searchParams }: LocalePageProps) {
  const { locale } = await params;
  setRequestLocale(locale);
  const admin = await requireAdmin(locale, `/${locale}/admin/notifications`);
  const { agency: chosen } = await searchParams;
  const [t, thresholds, agencies] = await Promise.all([
    getTranslations("notificationSettings"),
    notificationThresholds(admin),
    listAgencies(admin),
  ]);
  // The chosen agency is looked up in the list, never in the database: the address may hold anything.
  const code = (typeof chosen === "string" && chosen) || agencies.find((agency) => agency.active)?.code;
  const agency = agencies.find((candidate) => candidate.code === code);
  const defaults = agency ? await agencyNotificationDefaults(admin, agency) : null;
  return (
    <div className="space-y-4">
      <MailStatus />

      <Card>
        <CardHeader>
          <CardTitle>{t("thresholds.title")}</CardTitle>
          <p className="mt-1 max-w-3xl text-xs text-slate-600">{t("thresholds.intro")}</p>
        </CardHeader>
        <CardContent>
          <ThresholdsForm thresholds={thresholds} />
        </CardContent>
      </Card>

      <Card>
        <CardHeader>
          <CardTitle>{t("defaults.title")}</CardTitle>
          <p className="mt-1 max-w-3xl text-xs text-slate-600">{t("defaults.intro")}</p>
        </CardHeader>
        <CardContent className="space-y-4">
          {/* A GET form: the chosen agency is in the address, so a view can be linked. */}
          <form method="get" className="flex flex-wrap items-end gap-3">
            <div className="min-w-0 flex-1 space-y-1 sm:max-w-md">
              <Label htmlFor="defaults-agency">{t("defaults.agency")}</Label>
              <Select id="defaults-agency" name="agency" defaultValue={defaults?.agency.code ?? ""}>
                {agencies.map((agency) => (
                  <option key={agency.id} value={agency.code}>
                    {agency.code} · {agencyShortName(locale, agency)}
                  </option>
                ))}
              </Select>
            </div>
            <Button type="submit" variant="outline">
              {t("defaults.open")}
            </Button>
          </form>
          {defaults ? (
            <>
              <p className="text-sm text-slate-700" data-testid="defaults-state">
                {t(defaults.set ? "defaults.set" : "defaults.unset", { code: defaults.agency.code })}
              </p>
              <AgencyDefaultsForm agencyId={defaults.agency.id} choices={defaults.choices} />
            </>
          ) : (
            <p className="text-sm text-slate-600">
              {code ? t("defaults.notFound", { code }) : t("defaults.none")}{" "}
              {agencies.length === 0 && (
                <Link href="/admin/agencies" className="text-brand-700 underline underline-offset-2">
                  {t("defaults.addAgency")}
                </Link>
              )}
            </p>
          )}
        </CardContent>
      </Card>
    </div>
  );
}
