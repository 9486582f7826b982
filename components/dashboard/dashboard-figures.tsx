import { getTranslations } from "next-intl/server";
import {
  type DashboardViewModel,
  type FigureDisplay,
  percent,
  type Segment,
} from "@/lib/dashboard/view-model";
import { barOf, ChartFigure, summaryOf } from "./chart-figure";
import { CategoryBars, TimelineChart } from "./charts";

/** The distributions (status, health), the two groupings' progress, and the timeline. */
export async function DashboardFigures({
  view,
  display,
}: {
  view: DashboardViewModel;
  display: FigureDisplay;
}) {
  const [t, tStatus, tHealth, tHealthHint] = await Promise.all([
    getTranslations("dashboard"),
    getTranslations("status"),
    getTranslations("health"),
    getTranslations("healthHint"),
  ]);
  const separator = t("listSeparator");
  // A distribution: its bars, and a table of each count with its share of all items.
  const distribution = <Key extends string>(
    id: "status" | "health",
    title: string,
    segments: (Segment<Key> & { share: string })[],
    label: (key: Key) => string,
    description?: string,
  ) => {
    const bars = segments.map((segment) => barOf(segment, label(segment.key)));
    return (
      <ChartFigure
        id={id}
        display={display}
        switchHref={view.switchHref(id)}
        title={title}
        description={description}
        summary={t("chartLabel", { title, summary: summaryOf(bars, separator) })}
        columns={[t("category"), t("count"), t("share")]}
        rows={segments.map((segment, index) => ({
          key: segment.key,
          label: bars[index]?.label ?? "",
          values: [segment.value, segment.share],
          href: segment.href,
        }))}
      >
        <CategoryBars data={bars} valueLabel={t("count")} />
      </ChartFigure>
    );
  };

  const byRecommendation = view.groups.by === "recommendation";
  const groupsTitle = byRecommendation ? t("byRecommendation") : t("byTheme");
  const groupBars = view.groups.rows.map((row) => barOf(row, row.label ?? t("noTheme")));
  const agencyBars = view.agencies.rows.map((row) => barOf(row, row.label ?? t("noAgency")));
  const { timeline } = view;

  return (
    <>
      <div className="grid gap-6 lg:grid-cols-2">
        {distribution("status", t("statusTitle"), view.status, (key) => tStatus(key))}
        {distribution("health", t("healthTitle"), view.health, (key) => tHealth(key), tHealthHint("rule"))}
        <ChartFigure
          id="groups"
          display={display}
          switchHref={view.switchHref("groups")}
          title={groupsTitle}
          summary={t("chartLabel", { title: groupsTitle, summary: summaryOf(groupBars, separator, true) })}
          columns={[t("category"), t("avgProgress"), t("completedCount"), t("count")]}
          rows={view.groups.rows.map((row) => ({
            key: row.key,
            label: row.fullLabel ?? t("noTheme"),
            values: [percent(row.averageProgress), row.completed, row.items],
            href: row.href,
          }))}
        >
          <CategoryBars
            data={groupBars}
            valueLabel={t("avgProgress")}
            asPercent
            labelWidth={byRecommendation ? 56 : 120}
          />
        </ChartFigure>
        <ChartFigure
          id="agencies"
          display={display}
          switchHref={view.switchHref("agencies")}
          title={t("byAgency")}
          description={t("byAgencyNote", { count: view.agencies.shown })}
          summary={t("chartLabel", { title: t("byAgency"), summary: summaryOf(agencyBars, separator, true) })}
          columns={[t("category"), t("avgProgress"), t("completedCount"), t("overdue"), t("count")]}
          rows={view.agencies.rows.map((row) => ({
            key: row.key,
            label: row.fullLabel ?? t("noAgency"),
            values: [percent(row.averageProgress), row.completed, row.overdue, row.items],
            href: row.href,
          }))}
        >
          <CategoryBars data={agencyBars} valueLabel={t("avgProgress")} asPercent labelWidth={120} />
        </ChartFigure>
      </div>

      <ChartFigure
        id="timeline"
        display={display}
        switchHref={view.switchHref("timeline")}
        title={t("timelineTitle")}
        description={t("timelineDescription")}
        summary={t("chartLabel", {
          title: t("timelineTitle"),
          summary: timeline.ends
            .map((point) =>
              t("timelinePoint", {
                month: point.month,
                completed: point.completed,
                progress: percent(point.averageProgress),
              }),
            )
            .join(separator),
        })}
        columns={[t("month"), t("completedCount"), t("avgProgress"), t("count")]}
        rows={timeline.points.map((point) => ({
          key: point.month,
          label: point.month,
          values: [point.completed, percent(point.averageProgress), point.items],
          href: null,
        }))}
      >
        <TimelineChart
          data={timeline.chart}
          completedLabel={t("completedCount")}
          progressLabel={t("avgProgress")}
        />
      </ChartFigure>
    </>
  );
}
