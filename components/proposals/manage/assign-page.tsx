// The 交办 grid's page, for the office (/office/proposals/…/assign) and for admins (/admin/…): one grid
// to assign lead, co-handlers, theme, dates and weight to all of a proposal's recommendations. The two
// differ in who may open it and where the proposal's title leads back to.
import { getTranslations } from "next-intl/server";
import { AssignmentGrid } from "@/components/proposals/manage/assignment-grid";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import type { CheckedAdmin, CheckedOffice } from "@/lib/auth/session";
import { toShanghaiDateString } from "@/lib/dates";
import { localized } from "@/lib/i18n/localized";
import { Link } from "@/lib/i18n/navigation";
import { getAssignmentGrid, getRecommendationChoices } from "@/lib/proposals/manage-queries";
import { loadProposalPage } from "@/lib/proposals/page-loader";

const day = (value: Date | null) => (value ? toShanghaiDateString(value) : "");

export async function AssignRecommendationsPage({
  params,
  route,
  guard,
  backTo,
}: {
  params: Promise<{ locale: string; proposalCode: string }>;
  route: string;
  guard: (locale: string, returnTo: string) => Promise<CheckedAdmin | CheckedOffice>;
  /** Where the proposal's title links to. */
  backTo: (proposalCode: string) => string;
}) {
  const {
    locale,
    found: { proposal, choices },
  } = await loadProposalPage(params, route, guard, async (user, { locale, proposalCode }) => {
    const [proposal, choices] = await Promise.all([
      getAssignmentGrid(user, proposalCode),
      getRecommendationChoices(user, locale),
    ]);
    return proposal && { proposal, choices };
  });
  const t = await getTranslations("manage");
  return (
    // The grid's seven columns want the wide layout: at 1440 px it fits without scrolling.
    <Card data-layout="wide">
      <CardHeader>
        <CardTitle>{t("assign.title")}</CardTitle>
        <p className="text-sm text-slate-700">
          <Link href={backTo(proposal.code)} className="text-brand-700 hover:underline">
            {localized(locale, proposal.titleZh, proposal.titleEn)}
          </Link>
        </p>
        <p className="text-sm text-slate-700">{t("assign.intro")}</p>
      </CardHeader>
      <CardContent>
        {proposal.archivedAt || proposal.recommendations.length === 0 ? (
          <p className="text-sm text-slate-600">{t("noRecommendations")}</p>
        ) : (
          <AssignmentGrid
            proposalId={proposal.id}
            agencies={choices.agencies}
            themes={choices.themes}
            rows={proposal.recommendations.map((rec) => ({
              recommendationId: rec.id,
              version: rec.version,
              code: rec.code,
              title: rec.titleZh,
              themeId: rec.themeId ?? "",
              leadAgencyId: rec.agencies.find((a) => a.role === "lead")?.agencyId ?? "",
              coAgencyIds: rec.agencies.filter((a) => a.role === "co_handler").map((a) => a.agencyId),
              startDate: day(rec.startDate),
              dueDate: day(rec.dueDate),
              weight: String(rec.weight),
            }))}
          />
        )}
      </CardContent>
    </Card>
  );
}
