import { apiGet } from "@/lib/api/handler";
import { recommendationDetail, recommendationDetailRoute } from "@/lib/api/recommendation-detail";
import { getRecommendationPageById } from "@/lib/recommendations/queries";

export const dynamic = "force-dynamic";

export const GET = apiGet(recommendationDetailRoute, async ({ params, notFound }) => {
  const page = await getRecommendationPageById(params.id);
  return page ? recommendationDetail(page) : notFound("recommendationNotFound", { id: params.id });
});
