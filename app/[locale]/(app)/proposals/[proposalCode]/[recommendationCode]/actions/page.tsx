import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { MeasureForm } from "@/components/measures/measure-form";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { ForbiddenNotice } from "@/components/ui/forbidden-notice";
import { MoveButtons } from "@/components/ui/move-buttons";
import { requireUser } from "@/lib/auth/session";
import { localized } from "@/lib/i18n/localized";
import { Link } from "@/lib/i18n/navigation";
import { moveMeasure } from "@/lib/measures/actions";
import { getActionsForManagement } from "@/lib/measures/queries";
import { loadProposalPage } from "@/lib/proposals/page-loader";

type Params = Promise<{ locale: string; proposalCode: string; recommendationCode: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "actionForm" });
  return { title: t("manageTitle") };
}

export default async function ManageActionsPage({ params }: { params: Params }) {
  const { locale, found, itemPath } = await loadProposalPage(
    params,
    "/proposals/[proposalCode]/[recommendationCode]/actions",
    requireUser,
    (user, { proposalCode, recommendationCode }) =>
      getActionsForManagement(user, proposalCode, recommendationCode),
  );
  const t = await getTranslations("actionForm");
  const { recommendation: rec } = found;
  const agencies = found.agencies.map((agency) => ({
    id: agency.id,
    name: localized(locale, agency.nameZh, agency.nameEn),
  }));
  const nextCode = `${rec.code}.${rec.actions.length + 1}`;
  return (
    <div className="mx-auto max-w-4xl space-y-4">
      <Card>
        <CardHeader>
          <p className="text-sm text-brand-700">
            {rec.code} · {localized(locale, rec.titleZh, rec.titleEn)}
          </p>
          <h1 className="mt-1 text-xl font-semibold">{t("manageTitle")}</h1>
        </CardHeader>
        {found.canManage ? (
          <ol className="divide-y divide-slate-100">
            {rec.actions.map((action, index) => (
              <li
                key={action.id}
                className="flex flex-wrap items-center gap-3 px-5 py-3"
                data-testid={`manage-${action.code}`}
              >
                <MoveButtons
                  move={moveMeasure}
                  idField="actionId"
                  id={action.id}
                  first={index === 0}
                  last={index === rec.actions.length - 1}
                  labels={{
                    up: t("moveUp", { code: action.code }),
                    down: t("moveDown", { code: action.code }),
                  }}
                />
                <span className="font-mono text-xs text-slate-600">{action.code}</span>
                <span className="flex-1 text-sm">{localized(locale, action.titleZh, action.titleEn)}</span>
                <span className="text-xs text-slate-600">
                  {t("weight")} {action.weight}
                </span>
                {found.editableActionIds.includes(action.id) && (
                  <Link
                    href={`${itemPath}/actions/${action.code}`}
                    aria-label={t("editLabel", { code: action.code })}
                    className="inline-flex min-h-6 min-w-6 items-center justify-center rounded px-2 text-sm text-brand-700 underline hover:bg-brand-50"
                  >
                    {t("edit")}
                  </Link>
                )}
              </li>
            ))}
          </ol>
        ) : (
          <CardContent>
            <ForbiddenNotice />
          </CardContent>
        )}
      </Card>
      {found.canManage && (
        <Card>
          <CardHeader>
            <CardTitle>{t("newTitle")}</CardTitle>
          </CardHeader>
          <CardContent>
            <MeasureForm
              mode="create"
              recommendationId={rec.id}
              returnTo={`/${locale}${itemPath}/actions`}
              agencies={agencies}
              values={{
                code: nextCode,
                titleZh: "",
                titleEn: "",
                descriptionZh: "",
                leadAgencyId: "",
                coAgencyIds: [],
                startDate: "",
                dueDate: "",
                weight: "1",
              }}
            />
          </CardContent>
        </Card>
      )}
      <Link href={itemPath} className="inline-block text-sm text-brand-700 underline">
        {t("back")}
      </Link>
    </div>
  );
}
