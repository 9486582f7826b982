import "server-only";
import { db } from "@/lib/db";
import { getFilterOptions, recommendationLabel } from "@/lib/tracking/queries";
import { getDashboardCached } from "./cache";
import type { DashboardParams } from "./params";

// The dashboard page's reads on the app's client. The figures themselves (queries.ts, cache.ts) take
// a client, as the API, the reports, the tests and the benchmarks pass their own.

/** Everything the dashboard page shows for `params`: the figures, the filters' choices and labels. */
export async function getDashboardPage(params: DashboardParams, locale: string) {
  const [dashboard, options, satisfactionLevels, filterLabel] = await Promise.all([
    getDashboardCached(db, params),
    getFilterOptions(db),
    db.satisfactionLevel.findMany({
      where: { active: true },
      orderBy: { sortOrder: "asc" },
      select: { key: true, labelZh: true, labelEn: true, isDissatisfied: true },
    }),
    params.recommendation ? recommendationLabel(db, params.recommendation, locale) : null,
  ]);
  return { dashboard, options, satisfactionLevels, filterLabel };
}
