import { apiGet } from "@/lib/api/handler";
import { summary, summaryRoute } from "@/lib/api/tracking";
import { getDashboardCached } from "@/lib/dashboard/cache";
import { db } from "@/lib/db";

export const dynamic = "force-dynamic";

export const GET = apiGet(summaryRoute, async ({ query }) => summary(await getDashboardCached(db, query)));
