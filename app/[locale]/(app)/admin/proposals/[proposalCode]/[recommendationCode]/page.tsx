import { getTranslations } from "next-intl/server";
import { ArchiveForm } from "@/components/proposals/manage/archive-form";
import { RecommendationForm } from "@/components/proposals/manage/recommendation-form";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { requireAdmin } from "@/lib/auth/session";
import { toShanghaiDateString } from "@/lib/dates";
import { localized } from "@/lib/i18n/localized";
import { Link } from "@/lib/i18n/navigation";
import { pageTitle } from "@/lib/i18n/page-title";
import { getRecommendationChoices, getRecommendationForAdmin } from "@/lib/proposals/manage-queries";
import { loadProposalPage } from "@/lib/proposals/page-loader";

export const generateMetadata = pageTitle("manage", "editRecommendation");

const day = (value: Date | null) => (value ? toShanghaiDateString(value) : "");

export default async function EditRecommendationPage({
  params,
}: {
  params: Promise<{ locale: string; proposalCode: string; recommendationCode: string }>;
}) {
  const {
    locale,
    found: { rec, choices },
  } = await loadProposalPage(
    params,
    "/admin/proposals/[proposalCode]/[recommendationCode]",
    requireAdmin,
    async (admin, { locale, proposalCode, recommendationCode }) => {
      const [rec, choices] = await Promise.all([
        getRecommendationForAdmin(admin, proposalCode, recommendationCode),
        getRecommendationChoices(admin, locale),
      ]);
      return rec && { rec, choices };
    },
  );
  const t = await getTranslations("manage");
  const itemHref = `/proposals/${encodeURIComponent(rec.proposal.code)}/${encodeURIComponent(rec.code)}`;
  return (
    <div className="space-y-4">
      <Card>
        <CardHeader>
          <CardTitle>{t("editRecommendationCode", { code: rec.code })}</CardTitle>
          <p className="text-sm text-slate-700">
            <Link
              href={`/admin/proposals/${encodeURIComponent(rec.proposal.code)}`}
              className="text-brand-700 hover:underline"
            >
              {localized(locale, rec.proposal.titleZh, rec.proposal.titleEn)}
            </Link>
            {" · "}
            <Link href={itemHref} className="text-brand-700 hover:underline">
              {t("viewHistory")}
            </Link>
          </p>
        </CardHeader>
        <CardContent>
          {rec.archivedAt ? (
            <p className="text-sm text-amber-900">
              {t("archivedBecause", { reason: rec.archivedReason ?? "" })}
            </p>
          ) : (
            <RecommendationForm
              mode="edit"
              recommendationId={rec.id}
              version={rec.version}
              agencies={choices.agencies}
              themes={choices.themes}
              values={{
                code: rec.code,
                titleZh: rec.titleZh,
                titleEn: rec.titleEn ?? "",
                descriptionZh: rec.descriptionZh,
                descriptionEn: rec.descriptionEn ?? "",
                sourceQuote: rec.sourceQuote,
                themeId: rec.themeId ?? "",
                leadAgencyId: rec.agencies.find((a) => a.role === "lead")?.agencyId ?? "",
                coAgencyIds: rec.agencies.filter((a) => a.role === "co_handler").map((a) => a.agencyId),
                startDate: day(rec.startDate),
                dueDate: day(rec.dueDate),
                assignedAt: day(rec.assignedAt),
                weight: String(rec.weight),
              }}
            />
          )}
        </CardContent>
      </Card>
      {!rec.archivedAt && (
        <Card>
          <CardHeader>
            <CardTitle>{t("archiveRecommendation")}</CardTitle>
          </CardHeader>
          <CardContent>
            <ArchiveForm kind="recommendation" recommendationId={rec.id} version={rec.version} />
          </CardContent>
        </Card>
      )}
    </div>
  );
}
