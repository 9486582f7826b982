import { getTranslations } from "next-intl/server";
import { RecommendationForm } from "@/components/proposals/manage/recommendation-form";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { requireAdmin } from "@/lib/auth/session";
import { localized } from "@/lib/i18n/localized";
import { pageTitle } from "@/lib/i18n/page-title";
import { getProposalForAdmin, getRecommendationChoices } from "@/lib/proposals/manage-queries";
import { loadProposalPage } from "@/lib/proposals/page-loader";

export const generateMetadata = pageTitle("manage", "newRecommendation");

export default async function NewRecommendationPage({
  params,
}: {
  params: Promise<{ locale: string; proposalCode: string }>;
}) {
  const {
    locale,
    found: { proposal, choices },
  } = await loadProposalPage(
    params,
    "/admin/proposals/[proposalCode]/new",
    requireAdmin,
    async (admin, { locale, proposalCode }) => {
      const [proposal, choices] = await Promise.all([
        getProposalForAdmin(admin, proposalCode),
        getRecommendationChoices(admin, locale),
      ]);
      // An archived proposal takes no new recommendations.
      return proposal && !proposal.archivedAt ? { proposal, choices } : null;
    },
  );
  const t = await getTranslations("manage");
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
