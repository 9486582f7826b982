import { apiGet } from "@/lib/api/handler";
import { recommendationList, recommendationListRoute } from "@/lib/api/tracking";
import { db } from "@/lib/db";
import { getTrackingPage } from "@/lib/tracking/queries";

export const dynamic = "force-dynamic";

export const GET = apiGet(recommendationListRoute, async ({ query }) =>
  recommendationList(await getTrackingPage(db, query), query),
);
