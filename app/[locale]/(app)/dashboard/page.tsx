import { getTranslations, setRequestLocale } from "next-intl/server";
import { DashboardView } from "@/components/dashboard/dashboard-view";
import { PageHeader } from "@/components/layout/page-header";
import { AsOfNotice } from "@/components/tracking/as-of-notice";
import { ItemFilterForm } from "@/components/tracking/item-filters";
import { RecommendationFilter } from "@/components/tracking/recommendation-filter";
import { Input, Label } from "@/components/ui/input";
import { requireUser } from "@/lib/auth/session";
import { getDashboardPage } from "@/lib/dashboard/page-queries";
import { parseDashboardParams } from "@/lib/dashboard/params";
import type { LocalePageProps } from "@/lib/i18n/page-props";
import { pageTitle } from "@/lib/i18n/page-title";
import { trackingQuery } from "@/lib/tracking/search-params";

export const generateMetadata = pageTitle("dashboard", "metaTitle");

export default async function DashboardPage({ params, searchParams }: LocalePageProps) {
  const { locale } = await params;
  setRequestLocale(locale);
  const raw = await searchParams;
  const state = parseDashboardParams(raw);
  // How the figures are drawn is the page's own choice: the figures, their cache and the API ignore it.
  const display = raw.show === "tables" ? "tables" : "charts";
  const query = new URLSearchParams(
    Object.entries(raw).flatMap(([key, value]) => (typeof value === "string" ? [[key, value]] : [])),
  ).toString();
  await requireUser(locale, `/${locale}/dashboard${query ? `?${query}` : ""}`);
  const [{ dashboard, options, satisfactionLevels, filterLabel }, t] = await Promise.all([
    getDashboardPage(state, locale),
    getTranslations("dashboard"),
  ]);
  const keep: Record<string, string> = {};
  if (state.recommendation) keep.recommendation = state.recommendation;
  return (
    <div className="space-y-4">
      <PageHeader title={t("title")} intro={t("intro")} />
      <ItemFilterForm filters={state} options={options} keep={keep} resetHref="/dashboard">
        <div className="grid grid-cols-2 gap-2 md:col-span-2">
          <div className="space-y-1">
            <Label htmlFor="from">{t("periodFrom")}</Label>
            <Input id="from" name="from" type="date" defaultValue={state.from} />
          </div>
          <div className="space-y-1">
            <Label htmlFor="to">{t("periodTo")}</Label>
            <Input id="to" name="to" type="date" defaultValue={state.to} />
          </div>
        </div>
      </ItemFilterForm>
      {filterLabel && (
        <RecommendationFilter
          label={filterLabel}
          removeHref={`/dashboard?${trackingQuery({ ...state, recommendation: undefined })}`}
        />
      )}
      {state.asOf && (
        <AsOfNotice
          asOf={state.asOf}
          resetHref={`/dashboard?${trackingQuery({ ...state, asOf: undefined })}`}
        />
      )}
      <DashboardView
        dashboard={dashboard}
        params={state}
        satisfactionLevels={satisfactionLevels}
        display={display}
      />
    </div>
  );
}
