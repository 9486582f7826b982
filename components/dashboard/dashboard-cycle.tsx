import { getFormatter, getTranslations } from "next-intl/server";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import type { DashboardViewModel, FigureDisplay } from "@/lib/dashboard/view-model";
import { Link } from "@/lib/i18n/navigation";
import { barOf, ChartFigure, summaryOf } from "./chart-figure";
import { CategoryBars } from "./charts";

/** The handling cycle: how many recommendations are at each stage, and the clocks met on time. */
export async function DashboardCycle({
  cycle,
  views,
  display,
  switchHref,
}: {
  cycle: DashboardViewModel["cycle"];
  views: DashboardViewModel["replies"]["views"];
  display: FigureDisplay;
  switchHref: DashboardViewModel["switchHref"];
}) {
  const [t, tStage, tWarning, tLevel, format, tContacts] = await Promise.all([
    getTranslations("dashboard"),
    getTranslations("cycle.stage"),
    getTranslations("supervision.chart"),
    getTranslations("supervision.level"),
    getFormatter(),
    getTranslations("contacts.rate"),
  ]);
  const bars = cycle.stages.map((segment) => barOf(segment, tStage(segment.key)));
  const warningBars = cycle.warnings.map((segment) => barOf(segment, tLevel(segment.key)));
  const rates = [
    { key: "acknowledgedOnTime", rate: cycle.acknowledged },
    { key: "repliedOnTime", rate: cycle.replied },
  ] as const;
  return (
    <Card>
      <CardHeader>
        <CardTitle>{t("cycleTitle")}</CardTitle>
        <p className="mt-0.5 text-xs text-slate-600">{t("cycleNote")}</p>
      </CardHeader>
      <CardContent className="space-y-4">
        <dl className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-6" data-testid="cycle-figures">
          {rates.map(({ key, rate }) => (
            <div key={key} className="rounded-md bg-slate-50 p-3" data-testid={key}>
              <dt className="text-sm text-slate-600">{t(key)}</dt>
              <dd className="text-xl font-semibold tabular-nums">{rate.share}</dd>
              <dd className="text-xs text-slate-600">
                {t("onTimeOf", { onTime: rate.onTime, counted: rate.counted })}
              </dd>
            </div>
          ))}
          <div className="rounded-md bg-slate-50 p-3" data-testid="consultationRate">
            <dt className="text-sm text-slate-600">{tContacts("title")}</dt>
            <dd className="text-xl font-semibold tabular-nums">{cycle.consultation.share}</dd>
            <dd className="text-xs text-slate-600">
              {cycle.consultation.hrefs.before_reply ? (
                <Link
                  href={cycle.consultation.hrefs.before_reply}
                  className="text-brand-700 underline-offset-2 hover:underline"
                >
                  {tContacts("of", {
                    consulted: cycle.consultation.onTime,
                    replied: cycle.consultation.counted,
                  })}
                </Link>
              ) : (
                tContacts("of", { consulted: cycle.consultation.onTime, replied: cycle.consultation.counted })
              )}
            </dd>
            {cycle.consultation.hrefs.none && (
              <dd className="text-xs">
                <Link
                  href={cycle.consultation.hrefs.none}
                  className="text-brand-700 underline-offset-2 hover:underline"
                >
                  {tContacts("none", { count: cycle.consultation.counted - cycle.consultation.onTime })}
                </Link>
              </dd>
            )}
          </div>
          {(["sent", "awaiting", "overdue"] as const).map((state) => (
            <div
              key={state}
              className={
                state === "overdue" && views.overdue > 0
                  ? "rounded-md bg-red-50 p-3"
                  : "rounded-md bg-slate-50 p-3"
              }
              data-testid={`views-${state}`}
            >
              <dt className="text-sm text-slate-600">{t(`views.${state}`)}</dt>
              <dd className="text-xl font-semibold tabular-nums">
                {state !== "sent" && views.hrefs[state] ? (
                  <Link
                    href={views.hrefs[state]}
                    className="text-brand-700 underline-offset-2 hover:underline"
                  >
                    {format.number(views[state])}
                  </Link>
                ) : (
                  format.number(views[state])
                )}
              </dd>
            </div>
          ))}
        </dl>
        <ChartFigure
          id="stages"
          display={display}
          switchHref={switchHref("stages")}
          title={t("stages")}
          summary={t("chartLabel", { title: t("stages"), summary: summaryOf(bars, t("listSeparator")) })}
          columns={[t("category"), t("count")]}
          rows={cycle.stages.map((segment) => ({
            key: segment.key,
            label: tStage(segment.key),
            values: [segment.value],
            href: segment.href,
          }))}
        >
          <CategoryBars data={bars} valueLabel={t("count")} labelWidth={88} />
        </ChartFigure>
        <ChartFigure
          id="warnings"
          display={display}
          switchHref={switchHref("warnings")}
          title={tWarning("title")}
          description={tWarning("note", {
            yellow: cycle.thresholds.yellowDaysBefore,
            red: cycle.thresholds.redDaysAfter,
          })}
          summary={t("chartLabel", {
            title: tWarning("title"),
            summary: summaryOf(warningBars, t("listSeparator")),
          })}
          columns={[t("category"), t("count")]}
          rows={cycle.warnings.map((segment) => ({
            key: segment.key,
            label: tLevel(segment.key),
            values: [segment.value],
            href: segment.href,
          }))}
        >
          <CategoryBars data={warningBars} valueLabel={t("count")} labelWidth={88} />
        </ChartFigure>
      </CardContent>
    </Card>
  );
}
