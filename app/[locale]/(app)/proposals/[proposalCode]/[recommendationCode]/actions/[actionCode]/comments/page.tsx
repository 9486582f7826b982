import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { CommentThread, HiddenCommentHistory } from "@/components/comments/comment-thread";
import { Card, CardHeader, CardTitle } from "@/components/ui/card";
import { requireReader } from "@/lib/auth/session";
import { commentThreadOf, hiddenCommentsOf } from "@/lib/comments/queries";
import { localized } from "@/lib/i18n/localized";
import { Link } from "@/lib/i18n/navigation";
import { decodedParams, loadProposalPage } from "@/lib/proposals/page-loader";
import { getRecommendationPage } from "@/lib/recommendations/queries";

type Params = Promise<{
  locale: string;
  proposalCode: string;
  recommendationCode: string;
  actionCode: string;
}>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { locale, actionCode } = await decodedParams(params);
  const t = await getTranslations({ locale, namespace: "comments" });
  return { title: t("actionTitle", { code: actionCode }) };
}

/** 讨论 of one action: its thread, read by whoever may read the action (a deputy: of its proposal). */
export default async function ActionCommentsPage({ params }: { params: Params }) {
  const {
    locale,
    found: { thread, action, recommendation, hidden },
    itemPath,
  } = await loadProposalPage(
    params,
    "/proposals/[proposalCode]/[recommendationCode]/actions/[actionCode]/comments",
    requireReader,
    async (user, { locale, proposalCode, recommendationCode, actionCode }) => {
      const page = await getRecommendationPage(proposalCode, recommendationCode ?? "");
      const action = page?.recommendation.actions.find((a) => a.code === actionCode);
      if (!page || !action) return null;
      const recommendation = page.recommendation;
      const [thread, hidden] = await Promise.all([
        commentThreadOf(user, { recommendationId: recommendation.id, actionId: action.id }, locale),
        hiddenCommentsOf(recommendation.id, action.id),
      ]);
      return thread ? { thread, action, recommendation, hidden } : null;
    },
  );
  const t = await getTranslations("comments");
  const tRec = await getTranslations("recommendation");
  return (
    <div className="mx-auto max-w-4xl space-y-3">
      <div>
        <p className="text-sm text-brand-700">
          {recommendation.code} {localized(locale, recommendation.titleZh, recommendation.titleEn)}
        </p>
        <h1 className="mt-1 text-xl font-semibold">
          {t("actionTitle", { code: action.code })}
          <span className="ml-2 font-normal text-slate-700">
            {localized(locale, action.titleZh, action.titleEn)}
          </span>
        </h1>
      </div>
      <CommentThread thread={thread} />
      {hidden.length > 0 && (
        <Card aria-labelledby="history-heading">
          <CardHeader>
            <CardTitle id="history-heading">{tRec("history")}</CardTitle>
          </CardHeader>
          <HiddenCommentHistory entries={hidden} />
        </Card>
      )}
      <Link
        href={`${itemPath}#action-${encodeURIComponent(action.code)}`}
        className="inline-block text-sm text-brand-700 underline"
      >
        {t("back")}
      </Link>
    </div>
  );
}
