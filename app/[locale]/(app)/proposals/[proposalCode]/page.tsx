import type { Metadata } from "next";
import { getLocale } from "next-intl/server";
import { FollowButton } from "@/components/notifications/follow-button";
import { ProposalOverview } from "@/components/proposals/proposal-overview";
import { ProposalPublication } from "@/components/public/proposal-publication";
// For deputies too (requireReader): loadProposalPage keeps a deputy to their own proposals.
import { requireReader } from "@/lib/auth/session";
import { localized } from "@/lib/i18n/localized";
import { isFollowing } from "@/lib/notifications/follows";
import { loadForMetadata, loadProposalPage } from "@/lib/proposals/page-loader";
import { getProposalOverview } from "@/lib/proposals/queries";

type Params = Promise<{ locale: string; proposalCode: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const overview = await loadForMetadata(params, ({ proposalCode }) => getProposalOverview(proposalCode));
  if (!overview) return {};
  const locale = await getLocale();
  return { title: localized(locale, overview.proposal.titleZh, overview.proposal.titleEn) };
}

export default async function ProposalPage({ params }: { params: Params }) {
  const {
    locale,
    user,
    found: overview,
  } = await loadProposalPage(params, "/proposals/[proposalCode]", requireReader, (_, { proposalCode }) =>
    getProposalOverview(proposalCode),
  );
  const following = await isFollowing(user.id, "proposal", overview.proposal.id);
  return (
    <div className="space-y-6">
      {overview.proposal.archivedAt === null && (
        <FollowButton itemType="proposal" itemId={overview.proposal.id} following={following} />
      )}
      <ProposalOverview overview={overview} />
      <ProposalPublication proposalCode={overview.proposal.code} locale={locale} user={user} />
    </div>
  );
}
