import "server-only";
import { db } from "@/lib/db";
import { getFilterOptions, getTrackingPage, recommendationLabel } from "./queries";
import type { TrackingParams } from "./search-params";

// The tracking table page's reads on the app's client. queries.ts takes a client, as the API, the
// export, the tests and the benchmarks pass their own.

/** The table's page of rows for `params`, the filters' choices, and the recommendation filter's label. */
export async function getTrackingTablePage(params: TrackingParams, locale: string) {
  const [page, options, filterLabel] = await Promise.all([
    getTrackingPage(db, params),
    getFilterOptions(db),
    params.recommendation ? recommendationLabel(db, params.recommendation, locale) : null,
  ]);
  return { page, options, filterLabel };
}
