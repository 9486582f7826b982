import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { ActionThreadLinks, CommentThread, HiddenCommentHistory } from "@/components/comments/comment-thread";
import { ContactCard } from "@/components/contacts/contact-card";
import { AssignmentPanel } from "@/components/cycle/assignment-panel";
import { CycleHistory } from "@/components/cycle/cycle-history";
import { RequestPanel } from "@/components/cycle/request-panel";
import { SupervisionPanel } from "@/components/cycle/supervision-panel";
import { FollowButton } from "@/components/notifications/follow-button";
import { PromiseReview } from "@/components/promises/promise-review";
import { RatingPanel } from "@/components/rating/rating-panel";
import { RecommendationDetail } from "@/components/recommendations/recommendation-detail";
import { ItemProposals } from "@/components/update-review/item-proposals";
import { seesInternalHandling } from "@/lib/auth/deputy-scope";
import {
  canEditAction,
  canEditRecommendation,
  canEditReply,
  canVerifyEvidence,
} from "@/lib/auth/permissions";
// For deputies too (requireReader): loadProposalPage keeps a deputy to their own proposals.
import { requireReader } from "@/lib/auth/session";
import { actionCommentCounts, commentThreadOf, hiddenCommentsOf } from "@/lib/comments/queries";
import { contactCardOf } from "@/lib/contacts/queries";
import { assignmentPanelOf } from "@/lib/cycle/assignment";
import { cycleHistoryOf } from "@/lib/cycle/history";
import { loadReplyWorkflow } from "@/lib/cycle/reply-queries";
import { requestPanelOf } from "@/lib/cycle/request-queries";
import { supervisionPanelOf } from "@/lib/cycle/supervision";
import { localized } from "@/lib/i18n/localized";
import { followedAmong, isFollowing } from "@/lib/notifications/follows";
import { promiseReviewOf } from "@/lib/promises/queries";
import { loadForMetadata, loadProposalPage } from "@/lib/proposals/page-loader";
import { ratingPanelOf } from "@/lib/rating/queries";
import { getRecommendationPage, recommendationPageFor } from "@/lib/recommendations/queries";
import { getItemProposals } from "@/lib/update-review/queries";

type Params = Promise<{ locale: string; proposalCode: string; recommendationCode: string }>;

const read = ({ proposalCode, recommendationCode }: Awaited<Params>) =>
  getRecommendationPage(proposalCode, recommendationCode);

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const page = await loadForMetadata(params, read);
  if (!page) return {};
  const locale = await getLocale();
  const t = await getTranslations("recommendation");
  const rec = page.recommendation;
  return {
    title: t("metaTitle", { code: rec.code, title: localized(locale, rec.titleZh, rec.titleEn) }),
    description: localized(locale, rec.descriptionZh, rec.descriptionEn),
  };
}

export default async function RecommendationPage({
  params,
  searchParams,
}: {
  params: Params;
  searchParams: Promise<{ saved?: string }>;
}) {
  const { user, locale, found } = await loadProposalPage(
    params,
    "/proposals/[proposalCode]/[recommendationCode]",
    requireReader,
    (_, segments) => read(segments),
  );
  const rec = found.recommendation;
  const page = recommendationPageFor(found, user);
  // An archived recommendation is read only: its page keeps its history.
  const open = rec.archivedAt === null;
  const internalHandling = seesInternalHandling(user);
  const editableRecommendation = open && canEditRecommendation(user, rec.agencies);
  const editableActionIds = open
    ? rec.actions.filter((action) => canEditAction(user, action.agencies, rec.agencies)).map((a) => a.id)
    : [];
  const editable = {
    recommendation: editableRecommendation,
    reply: open && canEditReply(user, rec.agencies),
    actionIds: editableActionIds,
    verifiableEvidenceIds: page.evidence
      .filter((piece) => open && piece.verifiedAt === null && piece.withdrawnAt === null)
      .filter((piece) =>
        canVerifyEvidence(
          user,
          piece.actionId ? editableActionIds.includes(piece.actionId) : editableRecommendation,
        ),
      )
      .map((piece) => piece.id),
  };
  const [
    following,
    followedActionIds,
    workflow,
    assignment,
    cycleHistory,
    requests,
    supervision,
    proposals,
    rating,
    { saved },
    contacts,
    thread,
    hiddenComments,
    actionComments,
    promiseReview,
  ] = await Promise.all([
    isFollowing(user.id, "recommendation", rec.id),
    followedAmong(
      user.id,
      "action",
      rec.actions.map((action) => action.id),
    ),
    loadReplyWorkflow(rec.id, user),
    assignmentPanelOf(rec.id, user),
    cycleHistoryOf(rec.id, user),
    open && internalHandling ? requestPanelOf(rec.id, user) : null,
    internalHandling ? supervisionPanelOf(rec.id, user) : null,
    getItemProposals(user, rec.id),
    ratingPanelOf(rec.id, user),
    searchParams,
    contactCardOf(rec.id, user),
    commentThreadOf(user, { recommendationId: rec.id, actionId: null }, locale),
    hiddenCommentsOf(rec.id),
    actionCommentCounts(rec.id),
    promiseReviewOf(rec.id, user),
  ]);
  return (
    <div className="space-y-3">
      {open && <FollowButton itemType="recommendation" itemId={rec.id} following={following} />}
      <RecommendationDetail
        page={page}
        editable={editable}
        followedActionIds={open ? followedActionIds : undefined}
        saved={saved === "1"}
        workflow={workflow}
        promises={
          promiseReview && (
            // Anew when the promises on offer change (a new draft, or some made actions).
            <PromiseReview
              key={`${promiseReview.round}:${promiseReview.promises.map((p) => p.sentence).join("\n")}`}
              review={promiseReview}
            />
          )
        }
        cycle={
          <>
            {rating && <RatingPanel data={rating} />}
            {assignment && <AssignmentPanel data={assignment} />}
            {requests && <RequestPanel data={requests} />}
            {supervision && <SupervisionPanel data={supervision} />}
            {contacts && <ContactCard card={contacts} />}
          </>
        }
        cycleHistory={
          <>
            <CycleHistory entries={cycleHistory} />
            <HiddenCommentHistory entries={hiddenComments} />
          </>
        }
        proposals={
          <ItemProposals proposals={proposals} recommendationCode={rec.code} submitted={saved === "review"} />
        }
        comments={
          thread && (
            <CommentThread thread={thread}>
              <ActionThreadLinks
                actions={rec.actions}
                counts={actionComments}
                itemPath={`/proposals/${rec.proposal.code}/${rec.code}`}
              />
            </CommentThread>
          )
        }
      />
    </div>
  );
}
