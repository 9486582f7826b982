import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getLocale, setRequestLocale } from "next-intl/server";
import { ProposalOverview } from "@/components/proposals/proposal-overview";
import { ProposalPublication } from "@/components/public/proposal-publication";
import { getCurrentUser, requireUser } from "@/lib/auth/session";
import { localized } from "@/lib/i18n/localized";
import { getProposalOverview } from "@/lib/proposals/queries";
import { decodedSegment } from "@/lib/validation/segments";

type Params = Promise<{ locale: string; proposalCode: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  // Metadata renders beside the page, not after its guard: a visitor gets no title to read.
  if (!(await getCurrentUser())) return {};
  const { proposalCode } = await params;
  const overview = await getProposalOverview(decodedSegment(proposalCode));
  if (!overview) return {};
  const locale = await getLocale();
  return { title: localized(locale, overview.proposal.titleZh, overview.proposal.titleEn) };
}

export default async function ProposalPage({ params }: { params: Params }) {
  const { locale, proposalCode } = await params;
  setRequestLocale(locale);
  const user = await requireUser(locale, `/${locale}/proposals/${proposalCode}`);
  const overview = await getProposalOverview(decodedSegment(proposalCode));
  if (!overview) notFound();
  return (
    <div className="space-y-6">
      <ProposalOverview overview={overview} />
      <ProposalPublication proposalCode={overview.proposal.code} locale={locale} user={user} />
    </div>
  );
}
