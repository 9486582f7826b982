import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { RecommendationForm } from "@/components/proposals/manage/recommendation-form";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { requireAdmin } from "@/lib/auth/session";
import { localized } from "@/lib/i18n/localized";
import { pageTitle } from "@/lib/i18n/page-title";
import { getProposalForAdmin, getRecommendationChoices } from "@/lib/proposals/manage-queries";
import { decodedSegment } from "@/lib/validation/segments";

export const generateMetadata = pageTitle("manage", "newRecommendation");

export default async function NewRecommendationPage({
  params,
}: {
  params: Promise<{ locale: string; proposalCode: string }>;
}) {
  const { locale, proposalCode } = await params;
  setRequestLocale(locale);
  const admin = await requireAdmin(locale, `/${locale}/admin/proposals/${proposalCode}/new`);
  const [proposal, choices, t] = await Promise.all([
    getProposalForAdmin(admin, decodedSegment(proposalCode)),
    getRecommendationChoices(admin, locale),
    getTranslations("manage"),
  ]);
  if (!proposal || proposal.archivedAt) notFound();
  return (
    <Card>
      <CardHeader>
        <CardTitle>{t("newRecommendation")}</CardTitle>
        <p className="text-sm text-slate-700">{localized(locale, proposal.titleZh, proposal.titleEn)}</p>
      </CardHeader>
      <CardContent>
        <RecommendationForm
          mode="create"
          proposalId={proposal.id}
          agencies={choices.agencies}
          themes={choices.themes}
          values={{
            code: `R${proposal.recommendations.length + 1}`,
            titleZh: "",
            titleEn: "",
            descriptionZh: "",
            descriptionEn: "",
            sourceQuote: "",
            themeId: "",
            leadAgencyId: "",
            coAgencyIds: [],
            startDate: "",
            dueDate: "",
            assignedAt: "",
            weight: "1",
          }}
        />
      </CardContent>
    </Card>
  );
}
