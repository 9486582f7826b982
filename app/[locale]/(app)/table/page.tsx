import { getTranslations, setRequestLocale } from "next-intl/server";
import { AsOfNotice } from "@/components/tracking/as-of-notice";
import { ItemFilterForm } from "@/components/tracking/item-filters";
import { RecommendationFilter } from "@/components/tracking/recommendation-filter";
import { TrackingTable } from "@/components/tracking/tracking-table";
import { requireUser } from "@/lib/auth/session";
import { redirect } from "@/lib/i18n/navigation";
import type { LocalePageProps } from "@/lib/i18n/page-props";
import { pageTitle } from "@/lib/i18n/page-title";
import { getTrackingTablePage } from "@/lib/tracking/page-queries";
import { parseTrackingParams, trackingQuery } from "@/lib/tracking/search-params";

export const generateMetadata = pageTitle("tracking", "title");

export default async function TrackingTablePage({ params, searchParams }: LocalePageProps) {
  const { locale } = await params;
  setRequestLocale(locale);
  const state = parseTrackingParams(await searchParams);
  const query = trackingQuery(state);
  await requireUser(locale, `/${locale}/table${query ? `?${query}` : ""}`);
  const [{ page, options, filterLabel }, t] = await Promise.all([
    getTrackingTablePage(state, locale),
    getTranslations("tracking"),
  ]);
  // A page past the end (the filters changed, items went away) shows the last one instead.
  if (state.page > page.pageCount) {
    redirect({ href: `/table?${trackingQuery({ ...state, page: page.pageCount })}`, locale });
  }
  // The view's own settings survive a new filter.
  const keep: Record<string, string> = { sort: state.sort, dir: state.dir };
  if (state.hide.length) keep.hide = state.hide.join(",");
  if (state.density !== "comfortable") keep.density = state.density;
  if (state.perPage !== 25) keep.perPage = String(state.perPage);
  if (state.recommendation) keep.recommendation = state.recommendation;
  return (
    <div className="space-y-4" data-layout="wide">
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <ItemFilterForm filters={state} options={options} keep={keep} resetHref="/table" />
      {filterLabel && (
        <RecommendationFilter
          label={filterLabel}
          removeHref={`/table?${trackingQuery({ ...state, recommendation: undefined, page: 1 })}`}
        />
      )}
      {state.asOf && (
        <AsOfNotice
          asOf={state.asOf}
          resetHref={`/table?${trackingQuery({ ...state, asOf: undefined, page: 1 })}`}
        />
      )}
      <TrackingTable key={query} page={page} params={state} />
    </div>
  );
}
