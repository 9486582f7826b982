import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { StatusBadge } from "@/components/recommendations/status-badge";
import { HealthBadge } from "@/components/tracking/health-badge";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { type DashboardParams, DUE_SOON_DAYS } from "@/lib/dashboard/params";
import type { Dashboard } from "@/lib/dashboard/queries";
import { toShanghaiDateString } from "@/lib/dates";
import type { ReplyClass } from "@/lib/db/enums";
import { localized } from "@/lib/i18n/localized";
import { Link } from "@/lib/i18n/navigation";
import { pickFilters, type TrackingParams, trackingQuery } from "@/lib/tracking/search-params";
import {
  HEALTH_COLORS,
  PROGRESS_COLOR,
  REPLY_CLASS_COLORS,
  REPLY_CLASS_ORDER,
  STATUS_COLORS,
  STATUS_ORDER,
  satisfactionColor,
} from "@/lib/tracking/status-palette";
import { ChartFigure, type FigureDisplay } from "./chart-figure";
import { type BarDatum, CategoryBars, TimelineChart } from "./charts";

const AGENCY_BARS = 12;
const GROUP_BARS = 20;
const DAY_MS = 86_400_000;

type SatisfactionLevel = { key: string; labelZh: string; labelEn: string | null; isDissatisfied: boolean };

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
  const t = await getTranslations("dashboard");
  const tStatus = await getTranslations("status");
  const tHealth = await getTranslations("health");
  const tClass = await getTranslations("replyClass");
  const tHealthHint = await getTranslations("healthHint");
  const locale = await getLocale();
  const format = await getFormatter();
  const name = (zh: string, en: string | null | undefined) => localized(locale, zh, en ?? null);
  const pct = (value: number) => `${Math.round(value)}%`;
  const share = (count: number) =>
    dashboard.headline.items ? pct((100 * count) / dashboard.headline.items) : "—";

  // Every segment opens the table with the dashboard's filters plus its own.
  const filters = pickFilters(params);
  const tableHref = (changes: Partial<TrackingParams>) =>
    `/table?${trackingQuery({ ...filters, ...changes })}`;

  // A figure in the other display, scrolled to.
  const figureHref = (id: string) => {
    const query = new URLSearchParams(trackingQuery(params));
    if (display === "charts") query.set("show", "tables");
    return `/dashboard?${query}#figure-${id}`;
  };

  const { headline } = dashboard;
  const figures = [
    // A segment links to the table only when it has items: its link adds its own filter to the
    // dashboard's, and an empty segment's would contradict them.
    { key: "items", label: t("items"), value: format.number(headline.items), href: tableHref({}) },
    {
      key: "completed",
      label: t("completed"),
      value: format.number(headline.completed),
      note: t("ofItems", { percent: share(headline.completed) }),
      href: headline.completed ? tableHref({ status: ["completed"] }) : null,
    },
    {
      key: "inProgress",
      label: t("inProgress"),
      value: format.number(headline.inProgress),
      note: t("ofItems", { percent: share(headline.inProgress) }),
      href: headline.inProgress ? tableHref({ status: ["in_progress"] }) : null,
    },
    {
      key: "stalled",
      label: t("stalled"),
      value: format.number(headline.stalled),
      note: t("ofItems", { percent: share(headline.stalled) }),
      href: headline.stalled ? tableHref({ status: ["stalled"] }) : null,
    },
    {
      key: "overdue",
      label: t("overdue"),
      value: format.number(headline.overdue),
      note: t("ofItems", { percent: share(headline.overdue) }),
      href: headline.overdue ? tableHref({ health: ["overdue"] }) : null,
    },
    {
      key: "averageProgress",
      label: t("averageProgress"),
      value: pct(headline.averageProgress),
      href: tableHref({ sort: "progress", dir: "asc" }),
    },
  ];

  const statusBars: BarDatum[] = STATUS_ORDER.map((status) => {
    const items = dashboard.status.find((row) => row.status === status)?.items ?? 0;
    return {
      key: status,
      label: tStatus(status),
      value: items,
      color: STATUS_COLORS[status],
      href: items ? tableHref({ status: [status] }) : null,
    };
  });
  const healthBars: BarDatum[] = dashboard.health.map(({ health, items }) => ({
    key: health,
    label: tHealth(health),
    value: items,
    color: HEALTH_COLORS[health],
    href: items ? tableHref({ health: [health] }) : null,
  }));
  const byRecommendation = dashboard.groupedBy === "recommendation";
  const groupBars: BarDatum[] = dashboard.groups.slice(0, GROUP_BARS).map((group) => ({
    key: group.id ?? "none",
    label: group.code
      ? byRecommendation
        ? group.code
        : name(group.nameZh ?? group.code, group.nameEn)
      : t("noTheme"),
    value: Math.round(group.averageProgress),
    color: PROGRESS_COLOR,
    href: group.id ? tableHref(byRecommendation ? { recommendation: group.id } : { theme: group.id }) : null,
  }));
  const agencyBars: BarDatum[] = dashboard.agencies.slice(0, AGENCY_BARS).map((row) => ({
    key: row.id ?? "none",
    label: row.agency
      ? name(row.agency.shortNameZh ?? row.agency.nameZh, row.agency.shortNameEn ?? row.agency.nameEn)
      : t("noAgency"),
    value: Math.round(row.averageProgress),
    color: PROGRESS_COLOR,
    href: row.id ? tableHref({ leadAgency: row.id }) : null,
  }));
  // The table can show the replies' recommendations only when they are the dashboard's items; of an
  // action view, they are the recommendations those actions serve, which no filter of the table says.
  const replyHref = (count: number, changes: Partial<TrackingParams>) =>
    count && dashboard.kind === "recommendation" ? tableHref(changes) : null;
  // Open items due within 30 days, within the dashboard's own due range and statuses.
  const soonFrom = toShanghaiDateString(dashboard.day);
  const soonTo = toShanghaiDateString(new Date(dashboard.day.getTime() + DUE_SOON_DAYS * DAY_MS));
  const openStatuses = (["not_started", "in_progress", "stalled"] as const).filter(
    (status) => !params.status.length || params.status.includes(status),
  );
  const dueSoonHref = dashboard.dueSoon.length
    ? tableHref({
        dueFrom: params.dueFrom && params.dueFrom > soonFrom ? params.dueFrom : soonFrom,
        dueTo: params.dueTo && params.dueTo < soonTo ? params.dueTo : soonTo,
        status: [...openStatuses],
        sort: "dueDate",
        dir: "asc",
      })
    : null;
  const mismatchHref = replyHref(dashboard.replies.mismatched, { mismatch: true });
  const classBars: BarDatum[] = REPLY_CLASS_ORDER.map((replyClass) => {
    const items = dashboard.replies.classes.find((row) => row.replyClass === replyClass)?.items ?? 0;
    return {
      key: replyClass,
      label: replyClass,
      value: items,
      color: REPLY_CLASS_COLORS[replyClass],
      href: replyHref(items, { replyClass }),
    };
  });
  const satisfactionBars: BarDatum[] = satisfactionLevels.map((level) => ({
    key: level.key,
    label: name(level.labelZh, level.labelEn),
    value: dashboard.replies.satisfaction.find((row) => row.key === level.key)?.items ?? 0,
    color: satisfactionColor(level.isDissatisfied),
    href: null,
  }));

  const summaryOf = (bars: BarDatum[], asPercent = false) =>
    bars.map((bar) => `${bar.label} ${asPercent ? pct(bar.value) : bar.value}`).join(t("listSeparator"));
  const countRows = (bars: BarDatum[]) =>
    bars.map((bar) => ({
      key: bar.key,
      label: bar.label,
      values: [bar.value, share(bar.value)],
      href: bar.href,
    }));

  if (headline.items === 0) {
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
      <section aria-labelledby="headline-heading">
        <h2 id="headline-heading" className="sr-only">
          {t("headline")}
        </h2>
        <ul className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-6">
          {figures.map((figure) => {
            const content = (
              <>
                <span className="block text-sm text-slate-600">{figure.label}</span>
                <span className="mt-1 block text-2xl font-semibold tabular-nums text-slate-900" data-value>
                  {figure.value}
                </span>
                {figure.note && <span className="block text-xs text-slate-600">{figure.note}</span>}
              </>
            );
            const box = "block h-full rounded-lg border border-slate-200 bg-white p-4 shadow-sm";
            return (
              <li key={figure.key}>
                {figure.href ? (
                  <Link
                    href={figure.href}
                    data-testid={`figure-${figure.key}`}
                    className={`${box} hover:border-brand-600 hover:shadow`}
                  >
                    {content}
                  </Link>
                ) : (
                  <div data-testid={`figure-${figure.key}`} className={box}>
                    {content}
                  </div>
                )}
              </li>
            );
          })}
        </ul>
      </section>

      <div className="grid gap-6 lg:grid-cols-2">
        <ChartFigure
          id="status"
          display={display}
          switchHref={figureHref("status")}
          title={t("statusTitle")}
          summary={t("chartLabel", { title: t("statusTitle"), summary: summaryOf(statusBars) })}
          columns={[t("category"), t("count"), t("share")]}
          rows={countRows(statusBars)}
        >
          <CategoryBars data={statusBars} valueLabel={t("count")} />
        </ChartFigure>
        <ChartFigure
          id="health"
          display={display}
          switchHref={figureHref("health")}
          title={t("healthTitle")}
          description={tHealthHint("rule")}
          summary={t("chartLabel", { title: t("healthTitle"), summary: summaryOf(healthBars) })}
          columns={[t("category"), t("count"), t("share")]}
          rows={countRows(healthBars)}
        >
          <CategoryBars data={healthBars} valueLabel={t("count")} />
        </ChartFigure>
        <ChartFigure
          id="groups"
          display={display}
          switchHref={figureHref("groups")}
          title={byRecommendation ? t("byRecommendation") : t("byTheme")}
          summary={t("chartLabel", {
            title: byRecommendation ? t("byRecommendation") : t("byTheme"),
            summary: summaryOf(groupBars, true),
          })}
          columns={[t("category"), t("avgProgress"), t("completedCount"), t("count")]}
          rows={dashboard.groups.slice(0, GROUP_BARS).map((group, index) => ({
            key: group.id ?? "none",
            label:
              byRecommendation && group.nameZh
                ? `${group.code} ${name(group.nameZh, group.nameEn)}`
                : (groupBars[index]?.label ?? t("noTheme")),
            values: [pct(group.averageProgress), group.completed, group.items],
            href: groupBars[index]?.href ?? null,
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
          switchHref={figureHref("agencies")}
          title={t("byAgency")}
          description={t("byAgencyNote", { count: AGENCY_BARS })}
          summary={t("chartLabel", { title: t("byAgency"), summary: summaryOf(agencyBars, true) })}
          columns={[t("category"), t("avgProgress"), t("completedCount"), t("overdue"), t("count")]}
          rows={dashboard.agencies.slice(0, AGENCY_BARS).map((row) => ({
            key: row.id ?? "none",
            label: row.agency ? name(row.agency.nameZh, row.agency.nameEn) : t("noAgency"),
            values: [pct(row.averageProgress), row.completed, row.overdue, row.items],
            href: row.id ? tableHref({ leadAgency: row.id }) : null,
          }))}
        >
          <CategoryBars data={agencyBars} valueLabel={t("avgProgress")} asPercent labelWidth={120} />
        </ChartFigure>
      </div>

      <ChartFigure
        id="timeline"
        display={display}
        switchHref={figureHref("timeline")}
        title={t("timelineTitle")}
        description={t("timelineDescription")}
        summary={t("chartLabel", {
          title: t("timelineTitle"),
          summary: dashboard.timeline
            .filter((_, index, all) => index === 0 || index === all.length - 1)
            .map((point) =>
              t("timelinePoint", {
                month: point.month,
                completed: point.completed,
                progress: pct(point.averageProgress),
              }),
            )
            .join(t("listSeparator")),
        })}
        columns={[t("month"), t("completedCount"), t("avgProgress"), t("count")]}
        rows={dashboard.timeline.map((point) => ({
          key: point.month,
          label: point.month,
          values: [point.completed, pct(point.averageProgress), point.items],
          href: null,
        }))}
      >
        <TimelineChart
          data={dashboard.timeline.map((point) => ({
            ...point,
            averageProgress: Math.round(point.averageProgress * 10) / 10,
          }))}
          completedLabel={t("completedCount")}
          progressLabel={t("avgProgress")}
        />
      </ChartFigure>

      <Card>
        <CardHeader>
          <CardTitle>{t("repliesTitle")}</CardTitle>
          <p className="mt-0.5 text-xs text-slate-600">{t("repliesNote")}</p>
        </CardHeader>
        <CardContent className="space-y-4">
          <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4 xl:grid-cols-7" data-testid="reply-figures">
            {(
              [
                ["replied", dashboard.replies.replied],
                ["awaitingReply", dashboard.replies.awaiting],
                ["replyOverdue", dashboard.replies.overdue],
                ["unassigned", dashboard.replies.unassigned],
              ] as const
            ).map(([key, value]) => (
              <div key={key} className="rounded-md bg-slate-50 p-3">
                <dt className="text-sm text-slate-600">{t(key)}</dt>
                <dd className="text-xl font-semibold tabular-nums">{format.number(value)}</dd>
              </div>
            ))}
            {/* Re-handling after a dissatisfied feedback: answered again within a month, its own clock. */}
            {(["awaiting", "overdue"] as const).map((state) => {
              const value = dashboard.replies.rehandling[state];
              const href = replyHref(value, { rehandling: state });
              return (
                <div
                  key={state}
                  className={
                    state === "overdue" && value ? "rounded-md bg-red-50 p-3" : "rounded-md bg-slate-50 p-3"
                  }
                  data-testid={`rehandling-${state}`}
                >
                  <dt className="text-sm text-slate-600">{t(`rehandling.${state}`)}</dt>
                  <dd className="text-xl font-semibold tabular-nums">
                    {href ? (
                      <Link href={href} className="underline-offset-2 hover:underline">
                        {format.number(value)}
                      </Link>
                    ) : (
                      format.number(value)
                    )}
                  </dd>
                </div>
              );
            })}
            <div className="rounded-md bg-amber-50 p-3">
              <dt className="text-sm text-amber-900">{t("mismatch")}</dt>
              <dd>
                {mismatchHref ? (
                  <Link
                    href={mismatchHref}
                    className="text-xl font-semibold tabular-nums underline-offset-2 hover:underline"
                    data-testid="mismatch-link"
                  >
                    {format.number(dashboard.replies.mismatched)}
                  </Link>
                ) : (
                  <span className="text-xl font-semibold tabular-nums" data-testid="mismatch-count">
                    {format.number(dashboard.replies.mismatched)}
                  </span>
                )}
                <p className="text-xs text-amber-900">{t("mismatchHint")}</p>
              </dd>
            </div>
          </dl>
          <div className="grid gap-6 lg:grid-cols-2">
            <ChartFigure
              id="reply-classes"
              display={display}
              switchHref={figureHref("reply-classes")}
              title={t("replyClasses")}
              summary={t("chartLabel", { title: t("replyClasses"), summary: summaryOf(classBars) })}
              columns={[t("category"), t("count")]}
              rows={classBars.map((bar) => ({
                key: bar.key,
                label: tClass(bar.key as ReplyClass),
                values: [bar.value],
                href: bar.href,
              }))}
            >
              <CategoryBars data={classBars} valueLabel={t("count")} labelWidth={32} />
            </ChartFigure>
            <ChartFigure
              id="satisfaction"
              display={display}
              switchHref={figureHref("satisfaction")}
              title={t("satisfaction")}
              summary={t("chartLabel", { title: t("satisfaction"), summary: summaryOf(satisfactionBars) })}
              columns={[t("category"), t("count")]}
              rows={satisfactionBars.map((bar) => ({
                key: bar.key,
                label: bar.label,
                values: [bar.value],
                href: null,
              }))}
            >
              <CategoryBars data={satisfactionBars} valueLabel={t("count")} labelWidth={88} />
            </ChartFigure>
          </div>
        </CardContent>
      </Card>

      <div className="grid items-start gap-6 lg:grid-cols-3">
        <ItemList
          id="overdue-list"
          title={t("overdueList")}
          empty={t("noneListed")}
          items={dashboard.overdue.map((item) => ({
            ...item,
            note: item.dueDate
              ? t("overdueSince", {
                  days: Math.round((dashboard.day.getTime() - item.dueDate.getTime()) / DAY_MS),
                })
              : "",
          }))}
          moreHref={tableHref({ health: ["overdue"], sort: "dueDate", dir: "asc" })}
          moreLabel={t("openInTable")}
        />
        <ItemList
          id="due-soon-list"
          title={t("dueSoonList")}
          empty={t("noneListed")}
          items={dashboard.dueSoon.map((item) => ({
            ...item,
            note: item.dueDate
              ? t("dueIn", { days: Math.round((item.dueDate.getTime() - dashboard.day.getTime()) / DAY_MS) })
              : "",
          }))}
          moreHref={dueSoonHref}
          moreLabel={t("openInTable")}
        />
        <Card>
          <CardHeader>
            <CardTitle id="changes-heading">{t("recentChanges")}</CardTitle>
          </CardHeader>
          <CardContent>
            {dashboard.changes.length === 0 ? (
              <p className="text-sm text-slate-600">{t("noneListed")}</p>
            ) : (
              <ol
                aria-labelledby="changes-heading"
                className="space-y-3 text-sm"
                data-testid="recent-changes"
              >
                {dashboard.changes.map((change) => {
                  const item = change.action ?? change.recommendation;
                  const proposal = change.action
                    ? change.action.recommendation.proposal.code
                    : change.recommendation?.proposal.code;
                  const recommendationCode = change.action
                    ? change.action.recommendation.code
                    : change.recommendation?.code;
                  if (!item || !proposal || !recommendationCode) return null;
                  return (
                    <li key={change.id} className="space-y-0.5">
                      <p className="text-xs text-slate-600">
                        <time dateTime={change.effectiveDate.toISOString()}>
                          {format.dateTime(change.effectiveDate, "date")}
                        </time>
                        {change.author && ` · ${t("by", { name: change.author.name })}`}
                      </p>
                      <p>
                        <Link
                          href={`/proposals/${proposal}/${recommendationCode}${change.action ? `#action-${item.code}` : ""}`}
                          className="font-mono text-xs font-semibold text-brand-700 hover:underline"
                        >
                          {item.code}
                        </Link>{" "}
                        {name(item.titleZh, item.titleEn)}
                      </p>
                      <p className="flex flex-wrap items-center gap-2">
                        <StatusBadge status={change.statusAfter} />
                        <span className="tabular-nums">{change.progressAfter}%</span>
                        {change.rollUpCause && <span className="text-xs text-slate-600">{t("rollUp")}</span>}
                      </p>
                    </li>
                  );
                })}
              </ol>
            )}
          </CardContent>
        </Card>
      </div>
    </div>
  );
}

/** A short list of items, each linked to its page, with a note (how late, how soon). */
async function ItemList({
  id,
  title,
  empty,
  items,
  moreHref,
  moreLabel,
}: {
  id: string;
  title: string;
  empty: string;
  items: (Dashboard["overdue"][number] & { note: string })[];
  moreHref: string | null;
  moreLabel: string;
}) {
  const locale = await getLocale();
  const name = (zh: string, en: string | null) => localized(locale, zh, en);
  return (
    <Card>
      <CardHeader>
        <CardTitle id={`${id}-heading`}>{title}</CardTitle>
      </CardHeader>
      <CardContent className="space-y-3">
        {items.length === 0 ? (
          <p className="text-sm text-slate-600">{empty}</p>
        ) : (
          <ul aria-labelledby={`${id}-heading`} className="space-y-3 text-sm" data-testid={id}>
            {items.map((item) => (
              <li key={item.id} className="space-y-0.5">
                <p>
                  <Link
                    href={item.href}
                    className="font-mono text-xs font-semibold text-brand-700 hover:underline"
                  >
                    {item.code}
                  </Link>{" "}
                  {name(item.titleZh, item.titleEn)}
                </p>
                <p className="flex flex-wrap items-center gap-2 text-xs text-slate-600">
                  <HealthBadge health={item.health} />
                  <span>{item.note}</span>
                  {item.leadAgency && (
                    <span>
                      {name(
                        item.leadAgency.shortNameZh ?? item.leadAgency.nameZh,
                        item.leadAgency.shortNameEn ?? item.leadAgency.nameEn,
                      )}
                    </span>
                  )}
                </p>
              </li>
            ))}
          </ul>
        )}
        {moreHref && items.length > 0 && (
          <Link href={moreHref} className="text-sm text-brand-700 hover:underline">
            {moreLabel}
          </Link>
        )}
      </CardContent>
    </Card>
  );
}
