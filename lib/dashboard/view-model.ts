// What the dashboard shows, worked out from what its page loads: each figure's value and the table
// view it opens, the due-soon window, when a reply figure links to its items, the lists' notes and the
// change feed. Pure (no React, no database) so that the rules are tested on their own; the components
// in components/dashboard/ only translate and lay it out.
import { DAY_MS, toShanghaiDateString } from "@/lib/dates";
import type { CycleStage, ItemStatus, ReplyClass, WarningLevel } from "@/lib/db/enums";
import { agencyShortName, localized } from "@/lib/i18n/localized";
import type { Health } from "@/lib/tracking/health";
import { pickFilters, type TrackingParams, trackingQuery } from "@/lib/tracking/search-params";
import {
  HEALTH_COLORS,
  PROGRESS_COLOR,
  REPLY_CLASS_COLORS,
  REPLY_CLASS_ORDER,
  STAGE_COLOR,
  STATUS_COLORS,
  STATUS_ORDER,
  satisfactionColor,
  WARNING_COLORS,
} from "@/lib/tracking/status-palette";
import { type DashboardParams, DUE_SOON_DAYS } from "./params";
import type { Dashboard } from "./queries";

export const AGENCY_BARS = 12;
export const GROUP_BARS = 20;
const OPEN_STATUSES = ["not_started", "in_progress", "stalled"] as const satisfies readonly ItemStatus[];

/** How the dashboard draws its figures: as charts, or as tables of the same data (`show=tables`). */
export type FigureDisplay = "charts" | "tables";

export type FigureId =
  | "status"
  | "health"
  | "groups"
  | "agencies"
  | "timeline"
  | "reply-classes"
  | "satisfaction"
  | "stages"
  | "warnings";

export type SatisfactionLevel = {
  key: string;
  labelZh: string;
  labelEn: string | null;
  isDissatisfied: boolean;
};

/** One bar of a chart (a row of its table): its value, colour, and the table view of its items, if any. */
export type Segment<Key extends string = string> = {
  key: Key;
  value: number;
  color: string;
  href: string | null;
};

/** A count's share of all the dashboard's items, as the figures write it ("—" without items). */
type Counted<Key extends string> = Segment<Key> & { share: string };

export type HeadlineFigure = {
  key: "items" | "completed" | "inProgress" | "stalled" | "overdue" | "averageProgress";
  value: number;
  /** The value is a percentage (average progress) rather than a count. */
  percent: boolean;
  /** The count's share of all items, for counts of a part of them. */
  share: string | null;
  href: string | null;
};

/** An item of the overdue and due-soon lists: how many days late, or until it is due. */
export type ListedItem = {
  id: string;
  code: string;
  title: string;
  href: string;
  health: Health;
  agency: string | null;
  days: number | null;
};

export type RecentChange = {
  id: string;
  date: Date;
  author: string | null;
  code: string;
  title: string;
  href: string;
  status: ItemStatus;
  progress: number;
  rollUp: boolean;
};

export type DashboardViewModel = ReturnType<typeof dashboardViewModel>;

/** A whole percentage, as the figures write progress and shares. */
export const percent = (value: number) => `${Math.round(value)}%`;

/**
 * The dashboard as its markup shows it. The day the figures describe (today, or the as-of day) comes
 * with them (`dashboard.day`): the due-soon window and the lists' day counts run from it.
 */
export function dashboardViewModel({
  dashboard,
  params,
  satisfactionLevels,
  display,
  locale,
}: {
  dashboard: Dashboard;
  params: DashboardParams;
  satisfactionLevels: SatisfactionLevel[];
  display: FigureDisplay;
  locale: string;
}) {
  const name = (zh: string, en: string | null | undefined) => localized(locale, zh, en ?? null);
  const { headline, day } = dashboard;
  const share = (count: number) => (headline.items ? percent((100 * count) / headline.items) : "—");

  // Every segment opens the table with the dashboard's filters plus its own. A segment links only when
  // it has items: its own filter added to the dashboard's would otherwise contradict them.
  const filters = pickFilters(params);
  const tableHref = (changes: Partial<TrackingParams>) =>
    `/table?${trackingQuery({ ...filters, ...changes })}`;
  const segmentHref = (count: number, changes: Partial<TrackingParams>) =>
    count ? tableHref(changes) : null;
  // The table can show the replies' recommendations only when they are the dashboard's items; of an
  // action view, they are the recommendations those actions serve, which no filter of the table says.
  const replyHref = (count: number, changes: Partial<TrackingParams>) =>
    dashboard.kind === "recommendation" ? segmentHref(count, changes) : null;

  // Each figure links to itself in the other display, scrolled to.
  const switchHref = (id: FigureId) => {
    const query = new URLSearchParams(trackingQuery(params));
    if (display === "charts") query.set("show", "tables");
    return `/dashboard?${query}#figure-${id}`;
  };

  const part = (key: HeadlineFigure["key"], value: number, changes: Partial<TrackingParams>) => ({
    key,
    value,
    percent: false,
    share: share(value),
    href: segmentHref(value, changes),
  });
  const figures: HeadlineFigure[] = [
    { key: "items", value: headline.items, percent: false, share: null, href: tableHref({}) },
    part("completed", headline.completed, { status: ["completed"] }),
    part("inProgress", headline.inProgress, { status: ["in_progress"] }),
    part("stalled", headline.stalled, { status: ["stalled"] }),
    part("overdue", headline.overdue, { health: ["overdue"] }),
    {
      key: "averageProgress",
      value: headline.averageProgress,
      percent: true,
      share: null,
      href: tableHref({ sort: "progress", dir: "asc" }),
    },
  ];

  const status: Counted<ItemStatus>[] = STATUS_ORDER.map((key) => {
    const value = dashboard.status.find((row) => row.status === key)?.items ?? 0;
    return {
      key,
      value,
      share: share(value),
      color: STATUS_COLORS[key],
      href: segmentHref(value, { status: [key] }),
    };
  });
  const health: Counted<Health>[] = dashboard.health.map(({ health: key, items: value }) => ({
    key,
    value,
    share: share(value),
    color: HEALTH_COLORS[key],
    href: segmentHref(value, { health: [key] }),
  }));

  // Grouped by recommendation (one proposal), a bar says its code and its table row the title too.
  const byRecommendation = dashboard.groupedBy === "recommendation";
  const groups = dashboard.groups.slice(0, GROUP_BARS).map((group) => {
    const label = group.code
      ? byRecommendation
        ? group.code
        : name(group.nameZh ?? group.code, group.nameEn)
      : null;
    return {
      key: group.id ?? "none",
      /** The bar's label; null for the items without a theme. */
      label,
      /** The table row's label; null for the items without a theme. */
      fullLabel:
        byRecommendation && group.nameZh ? `${group.code} ${name(group.nameZh, group.nameEn)}` : label,
      value: Math.round(group.averageProgress),
      averageProgress: group.averageProgress,
      completed: group.completed,
      items: group.items,
      color: PROGRESS_COLOR,
      href: group.id
        ? tableHref(byRecommendation ? { recommendation: group.id } : { theme: group.id })
        : null,
    };
  });
  const agencies = dashboard.agencies.slice(0, AGENCY_BARS).map((row) => ({
    key: row.id ?? "none",
    /** The bar's label (the short name); null for the items without a lead agency. */
    label: row.agency ? agencyShortName(locale, row.agency) : null,
    /** The table row's label (the full name); null for the items without a lead agency. */
    fullLabel: row.agency ? name(row.agency.nameZh, row.agency.nameEn) : null,
    value: Math.round(row.averageProgress),
    averageProgress: row.averageProgress,
    completed: row.completed,
    overdue: row.overdue,
    items: row.items,
    color: PROGRESS_COLOR,
    href: row.id ? tableHref({ leadAgency: row.id }) : null,
  }));

  const { replies } = dashboard;
  const replyClasses: Segment<ReplyClass>[] = REPLY_CLASS_ORDER.map((key) => {
    const value = replies.classes.find((row) => row.replyClass === key)?.items ?? 0;
    return { key, value, color: REPLY_CLASS_COLORS[key], href: replyHref(value, { replyClass: key }) };
  });
  const satisfaction = satisfactionLevels.map((level) => ({
    key: level.key,
    label: name(level.labelZh, level.labelEn),
    value: replies.satisfaction.find((row) => row.key === level.key)?.items ?? 0,
    color: satisfactionColor(level.isDissatisfied),
    href: null,
  }));

  // The handling cycle: the stage mix (each stage opens the table of its recommendations) and the
  // share of clocks met, of those met or run out.
  const { cycle } = dashboard;
  const stages: Segment<CycleStage>[] = cycle.stages.map(({ stage, items }) => ({
    key: stage,
    value: items,
    color: STAGE_COLOR,
    href: replyHref(items, { stage: [stage] }),
  }));
  // 三色预警: each level opens the table of its recommendations.
  const warnings: Segment<WarningLevel>[] = cycle.warnings.map(({ level, items }) => ({
    key: level,
    value: items,
    color: WARNING_COLORS[level],
    href: replyHref(items, { warning: [level] }),
  }));
  const rate = ({ onTime, late }: { onTime: number; late: number }) => ({
    onTime,
    counted: onTime + late,
    share: onTime + late ? percent((100 * onTime) / (onTime + late)) : "—",
  });

  const daysBetween = (from: Date, to: Date) => Math.round((to.getTime() - from.getTime()) / DAY_MS);
  const listed = (items: Dashboard["overdue"], days: (dueDate: Date) => number): ListedItem[] =>
    items.map((item) => ({
      id: item.id,
      code: item.code,
      title: name(item.titleZh, item.titleEn),
      href: item.href,
      health: item.health,
      agency: item.leadAgency ? agencyShortName(locale, item.leadAgency) : null,
      days: item.dueDate ? days(item.dueDate) : null,
    }));

  // The due-soon list's table view: open items due from the day to DUE_SOON_DAYS after it, within the
  // dashboard's own due range and statuses.
  const soonFrom = toShanghaiDateString(day);
  const soonTo = toShanghaiDateString(new Date(day.getTime() + DUE_SOON_DAYS * DAY_MS));
  const dueSoonHref = tableHref({
    dueFrom: params.dueFrom && params.dueFrom > soonFrom ? params.dueFrom : soonFrom,
    dueTo: params.dueTo && params.dueTo < soonTo ? params.dueTo : soonTo,
    status: OPEN_STATUSES.filter((key) => !params.status.length || params.status.includes(key)),
    sort: "dueDate",
    dir: "asc",
  });

  const changes: RecentChange[] = dashboard.changes.flatMap((change) => {
    const item = change.action ?? change.recommendation;
    const recommendation = change.action ? change.action.recommendation : change.recommendation;
    if (!item || !recommendation?.proposal.code || !recommendation.code) return [];
    const page = `/proposals/${recommendation.proposal.code}/${recommendation.code}`;
    return [
      {
        id: change.id,
        date: change.effectiveDate,
        author: change.author?.name ?? null,
        code: item.code,
        title: name(item.titleZh, item.titleEn),
        href: change.action ? `${page}#action-${item.code}` : page,
        status: change.statusAfter,
        progress: change.progressAfter,
        rollUp: Boolean(change.rollUpCause),
      },
    ];
  });

  return {
    empty: headline.items === 0,
    switchHref,
    headline: figures,
    status,
    health,
    groups: { by: dashboard.groupedBy, rows: groups },
    agencies: { shown: AGENCY_BARS, rows: agencies },
    timeline: {
      points: dashboard.timeline,
      /** The first and the last month, which the screen readers' summary names. */
      ends: dashboard.timeline.filter((_, index, all) => index === 0 || index === all.length - 1),
      /** The chart's points, progress to one decimal. */
      chart: dashboard.timeline.map((point) => ({
        ...point,
        averageProgress: Math.round(point.averageProgress * 10) / 10,
      })),
    },
    replies: {
      states: [
        { key: "replied", value: replies.replied },
        { key: "awaitingReply", value: replies.awaiting },
        { key: "replyOverdue", value: replies.overdue },
        { key: "unassigned", value: replies.unassigned },
      ] as const,
      // Re-handling after a dissatisfied feedback: answered again within a month, its own clock.
      rehandling: (["awaiting", "overdue"] as const).map((state) => {
        const value = replies.rehandling[state];
        return {
          state,
          value,
          alert: state === "overdue" && value > 0,
          href: replyHref(value, { rehandling: state }),
        };
      }),
      mismatch: { value: replies.mismatched, href: replyHref(replies.mismatched, { mismatch: true }) },
      neglected: {
        value: replies.neglected,
        months: replies.neglectMonths,
        href: replyHref(replies.neglected, { neglected: true }),
      },
      classes: replyClasses,
      satisfaction,
      // Co-handlers' views still owed to the lead (issue 15's "co-handler views" in the reply figures).
      views: {
        ...cycle.views,
        // The recommendations behind the views still owed: the table's views filter.
        hrefs: {
          awaiting: replyHref(cycle.views.awaiting, { views: "awaiting" }),
          overdue: replyHref(cycle.views.overdue, { views: "overdue" }),
        },
      },
    },
    cycle: {
      stages,
      warnings,
      thresholds: cycle.thresholds,
      acknowledged: rate(cycle.acknowledged),
      replied: rate(cycle.replied),
      // 面商率: the replied recommendations consulted on or before their reply, and those not.
      consultation: {
        ...rate({
          onTime: cycle.consultation.consulted,
          late: cycle.consultation.replied - cycle.consultation.consulted,
        }),
        hrefs: {
          before_reply: replyHref(cycle.consultation.consulted, { contact: "before_reply" }),
          none: replyHref(cycle.consultation.replied - cycle.consultation.consulted, { contact: "none" }),
        },
      },
    },
    // A list links to the table only when it lists something.
    overdue: {
      items: listed(dashboard.overdue, (dueDate) => daysBetween(dueDate, day)),
      moreHref: dashboard.overdue.length
        ? tableHref({ health: ["overdue"], sort: "dueDate", dir: "asc" })
        : null,
    },
    dueSoon: {
      items: listed(dashboard.dueSoon, (dueDate) => daysBetween(day, dueDate)),
      moreHref: dashboard.dueSoon.length ? dueSoonHref : null,
    },
    changes,
  };
}
