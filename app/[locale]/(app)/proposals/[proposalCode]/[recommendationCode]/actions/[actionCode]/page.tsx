import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { MeasureForm } from "@/components/measures/measure-form";
import { Card, CardContent, CardHeader } from "@/components/ui/card";
import { ForbiddenNotice } from "@/components/ui/forbidden-notice";
import { requireUser } from "@/lib/auth/session";
import { toShanghaiDateString } from "@/lib/dates";
import { localized } from "@/lib/i18n/localized";
import { Link } from "@/lib/i18n/navigation";
import { getActionsForManagement } from "@/lib/measures/queries";
import { decodedParams, loadProposalPage } from "@/lib/proposals/page-loader";

type Params = Promise<{
  locale: string;
  proposalCode: string;
  recommendationCode: string;
  actionCode: string;
}>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { locale, actionCode } = await decodedParams(params);
  const t = await getTranslations({ locale, namespace: "actionForm" });
  return { title: t("editTitle", { code: actionCode }) };
}

export default async function EditActionPage({ params }: { params: Params }) {
  const {
    locale,
    found: { found, action },
    itemPath,
  } = await loadProposalPage(
    params,
    "/proposals/[proposalCode]/[recommendationCode]/actions/[actionCode]",
    requireUser,
    async (user, { proposalCode, recommendationCode, actionCode }) => {
      const found = await getActionsForManagement(user, proposalCode, recommendationCode);
      const action = found?.recommendation.actions.find((a) => a.code === actionCode);
      return found && action ? { found, action } : null;
    },
  );
  const t = await getTranslations("actionForm");
  const day = (value: Date | null) => (value ? toShanghaiDateString(value) : "");
  return (
    <Card className="mx-auto max-w-4xl">
      <CardHeader>
        <p className="text-sm text-brand-700">{localized(locale, action.titleZh, action.titleEn)}</p>
        <h1 className="mt-1 text-xl font-semibold">{t("editTitle", { code: action.code })}</h1>
      </CardHeader>
      <CardContent className="space-y-4">
        {found.editableActionIds.includes(action.id) ? (
          <MeasureForm
            mode="edit"
            actionId={action.id}
            version={action.version}
            agencies={found.agencies.map((agency) => ({
              id: agency.id,
              name: localized(locale, agency.nameZh, agency.nameEn),
            }))}
            values={{
              code: action.code,
              titleZh: action.titleZh,
              titleEn: action.titleEn ?? "",
              descriptionZh: action.descriptionZh ?? "",
              leadAgencyId: action.agencies.find((a) => a.role === "lead")?.agencyId ?? "",
              coAgencyIds: action.agencies.filter((a) => a.role === "co_handler").map((a) => a.agencyId),
              startDate: day(action.startDate),
              dueDate: day(action.dueDate),
              weight: String(action.weight),
            }}
          />
        ) : (
          <ForbiddenNotice />
        )}
        <Link href={`${itemPath}/actions`} className="inline-block text-sm text-brand-700 underline">
          {t("back")}
        </Link>
      </CardContent>
    </Card>
  );
}
