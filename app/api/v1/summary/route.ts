import { z } from "zod";
import { apiGet } from "@/lib/api/handler";
import { summary, summaryRoute } from "@/lib/api/tracking";
import { getDashboardCached } from "@/lib/dashboard/cache";
import { db } from "@/lib/db";
import { invalidParameters } from "@/lib/http/parameters";

export const dynamic = "force-dynamic";

export const GET = apiGet(summaryRoute, async ({ query, t, locale }) => {
  if (query.from && query.to && query.from > query.to) {
    const issue = { code: "custom" as const, path: ["from"], message: "fromAfterTo", input: query.from };
    return invalidParameters(new z.ZodError([issue]), t, locale);
  }
  return summary(await getDashboardCached(db, query));
});
