import { getFormatter, getTranslations, setRequestLocale } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { buttonVariants } from "@/components/ui/button";
import { Card, CardHeader, CardTitle } from "@/components/ui/card";
import { requireAdmin } from "@/lib/auth/session";
import { localized } from "@/lib/i18n/localized";
import { Link } from "@/lib/i18n/navigation";
import { pageTitle } from "@/lib/i18n/page-title";
import { listProposalsForAdmin } from "@/lib/proposals/manage-queries";

export const generateMetadata = pageTitle("manage", "proposals");

export default async function AdminProposalsPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const admin = await requireAdmin(locale, `/${locale}/admin/proposals`);
  const [proposals, t, format] = await Promise.all([
    listProposalsForAdmin(admin),
    getTranslations("manage"),
    getFormatter(),
  ]);
  return (
    <Card>
      <CardHeader className="flex flex-row flex-wrap items-center justify-between gap-2">
        <CardTitle>{t("proposals")}</CardTitle>
        <Link href="/admin/proposals/new" className={buttonVariants({ size: "sm" })}>
          {t("newProposal")}
        </Link>
      </CardHeader>
      <ul className="divide-y divide-slate-100">
        {proposals.map((proposal) => (
          <li key={proposal.id} className="flex flex-wrap items-baseline gap-x-4 gap-y-1 px-5 py-3 text-sm">
            <span className="font-mono text-xs text-slate-600">{proposal.code}</span>
            <Link
              href={`/admin/proposals/${encodeURIComponent(proposal.code)}`}
              className="font-medium text-brand-700 hover:underline"
            >
              {localized(locale, proposal.titleZh, proposal.titleEn)}
            </Link>
            <span className="text-slate-600">{proposal.authorZh}</span>
            <span className="text-slate-600">{format.dateTime(proposal.submittedAt, "date")}</span>
            <span className="text-slate-600">
              {t("recommendationCount", { count: proposal._count.recommendations })}
            </span>
            {proposal.archivedAt && (
              <Badge tone="muted">{t("archivedBecause", { reason: proposal.archivedReason ?? "" })}</Badge>
            )}
          </li>
        ))}
      </ul>
    </Card>
  );
}
