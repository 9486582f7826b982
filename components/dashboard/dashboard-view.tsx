import { getLocale, getTranslations } from "next-intl/server";
import { Card, CardContent } from "@/components/ui/card";
import type { DashboardParams } from "@/lib/dashboard/params";
import type { Dashboard } from "@/lib/dashboard/queries";
import { dashboardViewModel, type FigureDisplay, type SatisfactionLevel } from "@/lib/dashboard/view-model";
import { DashboardCycle } from "./dashboard-cycle";
import { DashboardFigures } from "./dashboard-figures";
import { DashboardHeadline } from "./dashboard-headline";
import { DashboardLists } from "./dashboard-lists";
import { DashboardReplies } from "./dashboard-replies";
import { RecentChanges } from "./recent-changes";

/** The dashboard below its filters: what lib/dashboard/view-model.ts makes of the figures, laid out. */
export async function DashboardView({
  dashboard,
  params,
  satisfactionLevels,
  display,
}: {
  dashboard: Dashboard;
  params: DashboardParams;
  display: FigureDisplay;
  satisfactionLevels: SatisfactionLevel[];
}) {
  const [t, locale] = await Promise.all([getTranslations("dashboard"), getLocale()]);
  const view = dashboardViewModel({ dashboard, params, satisfactionLevels, display, locale });

  if (view.empty) {
    return (
      <Card>
        <CardContent className="py-8 text-center">
          <p className="text-lg font-semibold" data-testid="dashboard-empty">
            {t("emptyTitle")}
          </p>
          <p className="mt-1 text-slate-600">{t("emptyHint")}</p>
        </CardContent>
      </Card>
    );
  }

  return (
    <div className="space-y-6">
      <DashboardHeadline figures={view.headline} />
      <DashboardFigures view={view} display={display} />
      <DashboardReplies replies={view.replies} display={display} switchHref={view.switchHref} />
      <DashboardCycle
        cycle={view.cycle}
        views={view.replies.views}
        display={display}
        switchHref={view.switchHref}
      />
      <div className="grid items-start gap-6 lg:grid-cols-3">
        <DashboardLists overdue={view.overdue} dueSoon={view.dueSoon} />
        <RecentChanges changes={view.changes} />
      </div>
    </div>
  );
}
