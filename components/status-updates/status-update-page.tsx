import { getTranslations } from "next-intl/server";
import { buttonVariants } from "@/components/ui/button";
import { Card, CardContent, CardHeader } from "@/components/ui/card";
import { ForbiddenNotice } from "@/components/ui/forbidden-notice";
import { toShanghaiDateString } from "@/lib/dates";
import { localized } from "@/lib/i18n/localized";
import { Link } from "@/lib/i18n/navigation";
import type { StatusFormItem } from "@/lib/status-updates/queries";
import { StatusBadge } from "../recommendations/status-badge";
import { StatusForm } from "./status-form";

/** The status form for a recommendation, or for one of its actions (`itemPath`: the recommendation's page). */
export async function StatusUpdatePage({
  item,
  locale,
  itemPath,
}: {
  item: StatusFormItem;
  locale: string;
  itemPath: string;
}) {
  const t = await getTranslations("statusForm");
  const tStatus = await getTranslations("status");
  const tReview = await getTranslations("updateReview");
  const title = localized(locale, item.titleZh, item.titleEn);
  return (
    <div className="mx-auto max-w-3xl space-y-4">
      <Card>
        <CardHeader>
          <p className="text-sm text-brand-700">
            {item.type === "recommendation"
              ? t("itemRecommendation", { code: item.code })
              : t("itemAction", { code: item.code })}
          </p>
          <h1 className="mt-1 text-xl font-semibold text-slate-900">
            {t("title")} · {title}
          </h1>
          <p
            className="mt-2 flex flex-wrap items-center gap-2 text-sm text-slate-600"
            data-testid="current-state"
          >
            <StatusBadge status={item.status} />
            {t("current", { status: tStatus(item.status), progress: item.progress })}
          </p>
        </CardHeader>
        <CardContent>
          {item.canEdit && item.review.pending ? (
            <div className="space-y-3" data-testid="update-pending">
              <p
                className="rounded border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900"
                role="status"
              >
                {tReview("pendingExists")}
              </p>
              <Link href={itemPath} className={buttonVariants({ variant: "outline" })}>
                {t("cancel")}
              </Link>
            </div>
          ) : item.canEdit ? (
            <>
              {item.review.reviewed && (
                <p className="mb-3 rounded border border-sky-200 bg-sky-50 p-3 text-sm text-sky-900">
                  {tReview("formNotice")}
                </p>
              )}
              <StatusForm
                item={{
                  type: item.type,
                  id: item.id,
                  code: item.code,
                  title,
                  version: item.version,
                  status: item.status,
                  progress: item.progress,
                  progressIsRolledUp: item.progressIsRolledUp,
                }}
                evidence={item.evidence.map((evidence) => ({
                  id: evidence.id,
                  title: localized(locale, evidence.titleZh, evidence.titleEn),
                  url: evidence.url,
                }))}
                today={toShanghaiDateString(new Date())}
                returnTo={`/${locale}${itemPath}?saved=1#history-heading`}
                backHref={itemPath}
              />
            </>
          ) : (
            <ForbiddenNotice />
          )}
        </CardContent>
      </Card>
    </div>
  );
}
