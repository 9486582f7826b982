import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { ProposalOverview } from "@/components/proposals/proposal-overview";
import { ProposalPortfolio } from "@/components/proposals/proposal-portfolio";
import { ProposalPublication } from "@/components/public/proposal-publication";
import { isDeputy } from "@/lib/auth/permissions";
import { requireReader } from "@/lib/auth/session";
import { redirect } from "@/lib/i18n/navigation";
import { getProposalPortfolio } from "@/lib/proposals/portfolio";
import { getProposalOverview } from "@/lib/proposals/queries";

export const dynamic = "force-dynamic";

export async function generateMetadata({
  params,
}: {
  params: Promise<{ locale: string }>;
}): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "overview" });
  return { title: t("metaTitle") };
}

export default async function HomePage({
  params,
  searchParams,
}: {
  params: Promise<{ locale: string }>;
  searchParams: Promise<{ page?: string }>;
}) {
  const { locale } = await params;
  setRequestLocale(locale);
  const user = await requireReader(locale, `/${locale}`);
  // A deputy's home is their own page (where sign-in brings them): the portfolio is everyone's.
  if (isDeputy(user)) redirect({ href: "/deputy", locale });
  const page = Math.max(1, Number.parseInt((await searchParams).page ?? "1", 10) || 1);
  const portfolio = await getProposalPortfolio(page);
  // Several proposals: the portfolio. A single one: its overview, which says more than one card.
  if (portfolio.total > 1) return <ProposalPortfolio portfolio={portfolio} />;
  const overview = await getProposalOverview();
  if (!overview) {
    const t = await getTranslations("overview");
    return (
      <div className="rounded-lg border border-slate-200 bg-white p-6">
        <h1 className="text-xl font-semibold">{t("noProposal")}</h1>
        <p className="mt-2 text-slate-600">{t("noProposalHint")}</p>
      </div>
    );
  }
  return (
    <div className="space-y-6">
      <ProposalOverview overview={overview} />
      <ProposalPublication proposalCode={overview.proposal.code} locale={locale} user={user} />
    </div>
  );
}
