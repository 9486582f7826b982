import { getTranslations, setRequestLocale } from "next-intl/server";
import { ProposalEntryForm } from "@/components/proposals/manage/proposal-entry-form";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { requireAdmin } from "@/lib/auth/session";
import { pageTitle } from "@/lib/i18n/page-title";

export const generateMetadata = pageTitle("manage", "newProposal");

export default async function NewProposalPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  await requireAdmin(locale, `/${locale}/admin/proposals/new`);
  const t = await getTranslations("manage");
  return (
    <Card>
      <CardHeader>
        <CardTitle>{t("newProposal")}</CardTitle>
        <p className="text-sm text-slate-700">{t("entry.intro")}</p>
      </CardHeader>
      <CardContent>
        <ProposalEntryForm />
      </CardContent>
    </Card>
  );
}
