import type { Metadata } from "next";
import { headers } from "next/headers";
import { notFound } from "next/navigation";
import { getLocale, setRequestLocale } from "next-intl/server";
import { ProposalOverview } from "@/components/proposals/proposal-overview";
import { PublicationPanel } from "@/components/public/publication-panel";
import { isAdmin } from "@/lib/auth/permissions";
import { requireUser } from "@/lib/auth/session";
import { localized } from "@/lib/i18n/localized";
import { getProposalOverview } from "@/lib/proposals/queries";
import { getPublication } from "@/lib/public/queries";

type Params = Promise<{ locale: string; proposalCode: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { proposalCode } = await params;
  const overview = await getProposalOverview(decodeURIComponent(proposalCode));
  if (!overview) return {};
  const locale = await getLocale();
  return { title: localized(locale, overview.proposal.titleZh, overview.proposal.titleEn) };
}

export default async function ProposalPage({ params }: { params: Params }) {
  const { locale, proposalCode } = await params;
  setRequestLocale(locale);
  const user = await requireUser(locale, `/${locale}/proposals/${proposalCode}`);
  const code = decodeURIComponent(proposalCode);
  const [overview, publication] = await Promise.all([getProposalOverview(code), getPublication(code)]);
  if (!overview || !publication) notFound();
  return (
    <div className="space-y-6">
      <ProposalOverview overview={overview} />
      <PublicationPanel
        proposalId={publication.id}
        publishedAt={publication.publishedAt}
        publicUrl={`${await origin()}/${locale}/public/${encodeURIComponent(publication.code)}`}
        canManage={isAdmin(user)}
      />
    </div>
  );
}

/** This app's address as the visitor reached it (BETTER_AUTH_URL, the configured public origin, first). */
async function origin(): Promise<string> {
  if (process.env.BETTER_AUTH_URL) return process.env.BETTER_AUTH_URL.replace(/\/+$/, "");
  const request = await headers();
  const host = request.get("x-forwarded-host") ?? request.get("host") ?? "localhost";
  return `${request.get("x-forwarded-proto") ?? "http"}://${host}`;
}
