import { getTranslations, setRequestLocale } from "next-intl/server";
import { WebhookActiveButton, WebhookForm, WebhookTestButton } from "@/components/admin/webhooks";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { requireAdmin } from "@/lib/auth/session";
import { pageTitle } from "@/lib/i18n/page-title";
import { listWebhookAgencies, listWebhooks } from "@/lib/webhooks/queries";
import { BOT_PLATFORMS } from "@/lib/webhooks/schema";

export const generateMetadata = pageTitle("webhooks", "title");

/** Group bots: register one per agency or for the office, edit, (de)activate, send a test message. */
export default async function AdminWebhooksPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const admin = await requireAdmin(locale, `/${locale}/admin/webhooks`);
  const [webhooks, agencyRows, t] = await Promise.all([
    listWebhooks(admin),
    listWebhookAgencies(admin),
    getTranslations("webhooks"),
  ]);
  const agencyName = (agency: { nameZh: string; nameEn: string | null }) =>
    locale === "en" && agency.nameEn ? agency.nameEn : agency.nameZh;
  const agencies = agencyRows.map((agency) => ({ value: agency.id, label: agencyName(agency) }));
  const platforms = BOT_PLATFORMS.map((platform) => ({
    value: platform,
    label: t(`platformValue.${platform}`),
  }));
  return (
    <div className="space-y-4">
      <p className="max-w-3xl text-sm text-slate-700">{t("hint")}</p>
      <Card>
        <CardHeader>
          <CardTitle>{t("list")}</CardTitle>
        </CardHeader>
        {webhooks.length === 0 ? (
          <CardContent>
            <p className="text-sm text-slate-600">{t("none")}</p>
          </CardContent>
        ) : (
          <ul className="divide-y divide-slate-100">
            {webhooks.map((webhook) => (
              <li key={webhook.id} className="space-y-3 px-5 py-4" data-testid={`webhook-${webhook.id}`}>
                <div className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
                  <span className="font-medium">{webhook.name}</span>
                  <Badge tone="info">{t(`platformValue.${webhook.platform as "wecom"}`)}</Badge>
                  <Badge tone={webhook.active ? "success" : "muted"}>
                    {t(webhook.active ? "active" : "inactive")}
                  </Badge>
                </div>
                <dl className="grid gap-x-6 gap-y-1 text-sm sm:grid-cols-[auto_1fr]">
                  <dt className="text-slate-600">{t("agency")}</dt>
                  <dd>{webhook.agency ? agencyName(webhook.agency) : t("office")}</dd>
                  <dt className="text-slate-600">{t("url")}</dt>
                  <dd className="font-mono text-xs">{webhook.urlShort}</dd>
                  <dt className="text-slate-600">{t("secretStatus")}</dt>
                  <dd>{t(webhook.hasSecret ? "secretSet" : "secretNone")}</dd>
                  <dt className="text-slate-600">{t("quiet")}</dt>
                  <dd>
                    {webhook.quietStart && webhook.quietEnd
                      ? `${webhook.quietStart}–${webhook.quietEnd}`
                      : t("quietNone")}
                  </dd>
                </dl>
                <div className="flex flex-wrap items-start gap-3">
                  <WebhookTestButton id={webhook.id} name={webhook.name} />
                  <WebhookActiveButton id={webhook.id} name={webhook.name} active={webhook.active} />
                </div>
                <details className="rounded-md border border-slate-200 px-3 py-2">
                  <summary
                    className="cursor-pointer text-sm text-slate-700"
                    aria-label={t("editFor", { name: webhook.name })}
                  >
                    {t("edit")}
                  </summary>
                  <div className="pt-3">
                    <WebhookForm webhook={webhook} agencies={agencies} platforms={platforms} />
                  </div>
                </details>
              </li>
            ))}
          </ul>
        )}
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>{t("newWebhook")}</CardTitle>
        </CardHeader>
        <CardContent>
          <WebhookForm agencies={agencies} platforms={platforms} />
        </CardContent>
      </Card>
    </div>
  );
}
