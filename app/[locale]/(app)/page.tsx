import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { ProposalOverview } from "@/components/proposals/proposal-overview";
import { ProposalPublication } from "@/components/public/proposal-publication";
import { requireUser } from "@/lib/auth/session";
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

export default async function HomePage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const user = await requireUser(locale, `/${locale}`);
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
