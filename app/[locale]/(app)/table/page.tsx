import { getTranslations, setRequestLocale } from "next-intl/server";
import { TrackingFilters } from "@/components/tracking/tracking-filters";
import { TrackingTable } from "@/components/tracking/tracking-table";
import { requireUser } from "@/lib/auth/session";
import { pageTitle } from "@/lib/i18n/page-title";
import { getTrackingFilterOptions, getTrackingPage } from "@/lib/tracking/queries";
import { parseTrackingParams, trackingQuery } from "@/lib/tracking/search-params";

export const generateMetadata = pageTitle("tracking", "title");

export default async function TrackingTablePage({
  params,
  searchParams,
}: {
  params: Promise<{ locale: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { locale } = await params;
  setRequestLocale(locale);
  const state = parseTrackingParams(await searchParams);
  const query = trackingQuery(state);
  await requireUser(locale, `/${locale}/table${query ? `?${query}` : ""}`);
  const [page, options, t] = await Promise.all([
    getTrackingPage(state),
    getTrackingFilterOptions(),
    getTranslations("tracking"),
  ]);
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <TrackingFilters params={state} themes={options.themes} agencies={options.agencies} />
      <TrackingTable page={page} params={state} />
    </div>
  );
}
