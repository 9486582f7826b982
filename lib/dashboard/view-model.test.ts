import { describe, expect, it } from "vitest";
import { shanghaiDate } from "@/lib/dates";
import { HEALTH } from "@/lib/tracking/health";
import { HEALTH_COLORS, PROGRESS_COLOR, STATUS_COLORS } from "@/lib/tracking/status-palette";
import { parseDashboardParams } from "./params";
import type { Dashboard } from "./queries";
import { AGENCY_BARS, dashboardViewModel, GROUP_BARS } from "./view-model";

const DAY = shanghaiDate("2026-03-10");
const day = (iso: string) => shanghaiDate(iso);

function dashboardWith(changes: Partial<Dashboard> = {}): Dashboard {
  return {
    day: DAY,
    asOf: null,
    kind: "recommendation",
    period: { from: "2024-04-01", to: "2026-03-10" },
    headline: {
      items: 8,
      completed: 2,
      inProgress: 4,
      stalled: 0,
      notStarted: 1,
      notAdopted: 1,
      overdue: 0,
      averageProgress: 61.5,
    },
    status: [
      { status: "completed", items: 2 },
      { status: "in_progress", items: 4 },
      { status: "not_started", items: 1 },
      { status: "not_adopted", items: 1 },
    ],
    health: HEALTH.map((health) => ({ health, items: health === "on_track" ? 8 : 0 })),
    groupedBy: "recommendation",
    groups: [],
    agencies: [],
    replies: {
      replied: 5,
      awaiting: 2,
      overdue: 1,
      unassigned: 0,
      classes: [
        { replyClass: "A", items: 3 },
        { replyClass: "C", items: 2 },
      ],
      satisfaction: [{ key: "satisfied", items: 4 }],
      mismatched: 2,
      neglected: 1,
      neglectMonths: 3,
      rehandling: { awaiting: 0, overdue: 1 },
    },
    cycle: {
      stages: [
        { stage: "handling", items: 3 },
        { stage: "replied", items: 5 },
      ],
      acknowledged: { onTime: 9, late: 3 },
      replied: { onTime: 4, late: 2 },
      views: { sent: 1, awaiting: 2, overdue: 1 },
      consultation: { consulted: 1, replied: 4 },
      warnings: [
        { level: "red", items: 2 },
        { level: "yellow", items: 0 },
        { level: "blue", items: 1 },
      ],
      thresholds: { yellowDaysBefore: 7, redDaysAfter: 0 },
    },
    timeline: [],
    overdue: [],
    dueSoon: [],
    changes: [],
    ...changes,
  };
}

function listedItem(code: string, dueDate: Date | null): Dashboard["overdue"][number] {
  return {
    id: `id-${code}`,
    kind: "recommendation",
    code,
    titleZh: `${code} 标题`,
    titleEn: `${code} title`,
    status: "in_progress",
    progress: 40,
    health: "behind",
    startDate: day("2025-01-01"),
    dueDate,
    updatedAt: null,
    replyClass: null,
    stage: "handling",
    warning: null,
    priority: false,
    theme: null,
    recommendationCode: code,
    proposalCode: "P-1",
    leadAgency: { nameZh: "市数据局", nameEn: "Data Bureau", shortNameZh: "数据局", shortNameEn: null },
    href: `/proposals/P-1/${code}`,
  };
}

function view(
  dashboard: Dashboard = dashboardWith(),
  search: Record<string, string> = {},
  options: { locale?: string; display?: "charts" | "tables" } = {},
) {
  return dashboardViewModel({
    dashboard,
    params: parseDashboardParams(search),
    satisfactionLevels: [
      { key: "satisfied", labelZh: "满意", labelEn: "Satisfied", isDissatisfied: false },
      { key: "dissatisfied", labelZh: "不满意", labelEn: null, isDissatisfied: true },
    ],
    display: options.display ?? "charts",
    locale: options.locale ?? "zh-CN",
  });
}

/** A link's path and its query as a plain object, comma lists as they are. */
function linkOf(href: string | null) {
  if (href === null) return null;
  const [path = "", query = ""] = href.split("?");
  return { path, query: Object.fromEntries(new URLSearchParams(query)) };
}

describe("the due-soon list", () => {
  const soon = () =>
    dashboardWith({ dueSoon: [listedItem("R2", day("2026-03-10")), listedItem("R3", day("2026-04-09"))] });

  it("opens the table on open items due from the day to 30 days after it, soonest first", () => {
    expect(linkOf(view(soon()).dueSoon.moreHref)).toEqual({
      path: "/table",
      query: {
        dueFrom: "2026-03-10",
        dueTo: "2026-04-09",
        status: "not_started,in_progress,stalled",
        // Ascending, the default, goes without saying.
        sort: "dueDate",
      },
    });
  });

  it("keeps within the dashboard's own due range", () => {
    const inside = linkOf(view(soon(), { dueFrom: "2026-03-11", dueTo: "2026-04-08" }).dueSoon.moreHref);
    expect(inside?.query).toMatchObject({ dueFrom: "2026-03-11", dueTo: "2026-04-08" });
    const outside = linkOf(view(soon(), { dueFrom: "2026-03-09", dueTo: "2026-04-10" }).dueSoon.moreHref);
    expect(outside?.query).toMatchObject({ dueFrom: "2026-03-10", dueTo: "2026-04-09" });
    const onTheEdges = linkOf(view(soon(), { dueFrom: "2026-03-10", dueTo: "2026-04-09" }).dueSoon.moreHref);
    expect(onTheEdges?.query).toMatchObject({ dueFrom: "2026-03-10", dueTo: "2026-04-09" });
  });

  it("keeps to the dashboard's open statuses", () => {
    const href = view(soon(), { status: "stalled,completed" }).dueSoon.moreHref;
    expect(linkOf(href)?.query.status).toBe("stalled");
  });

  it("runs from the as-of day when there is one", () => {
    const then = dashboardWith({ day: day("2025-12-15"), asOf: day("2025-12-15"), dueSoon: soon().dueSoon });
    const href = view(then, { asOf: "2025-12-15" }).dueSoon.moreHref;
    expect(linkOf(href)?.query).toMatchObject({
      asOf: "2025-12-15",
      dueFrom: "2025-12-15",
      dueTo: "2026-01-14",
    });
  });

  it("counts the days until each item is due, and links nowhere when empty", () => {
    const model = view(soon());
    expect(model.dueSoon.items.map((item) => [item.code, item.days])).toEqual([
      ["R2", 0],
      ["R3", 30],
    ]);
    expect(view().dueSoon).toEqual({ items: [], moreHref: null });
  });
});

describe("the overdue list", () => {
  it("counts the days since each item was due, names its lead agency by short name", () => {
    const model = view(
      dashboardWith({ overdue: [listedItem("R1", day("2026-02-08")), listedItem("R4", null)] }),
    );
    expect(model.overdue.items).toEqual([
      expect.objectContaining({
        code: "R1",
        title: "R1 标题",
        days: 30,
        agency: "数据局",
        href: "/proposals/P-1/R1",
      }),
      expect.objectContaining({ code: "R4", days: null }),
    ]);
    expect(linkOf(model.overdue.moreHref)?.query).toEqual({ health: "overdue", sort: "dueDate" });
    expect(view().overdue.moreHref).toBeNull();
  });

  it("names items in English where they have an English name", () => {
    const model = view(
      dashboardWith({ overdue: [listedItem("R1", day("2026-02-08"))] }),
      {},
      { locale: "en" },
    );
    // The agency has no short English name: its full English one.
    expect(model.overdue.items[0]).toMatchObject({ title: "R1 title", agency: "Data Bureau" });
  });
});

describe("the replies", () => {
  it("link to their recommendations when those are the dashboard's items and there are some", () => {
    const { replies } = view(dashboardWith(), { theme: "t1" });
    expect(linkOf(replies.mismatch.href)?.query).toEqual({ theme: "t1", mismatch: "1" });
    expect(replies.rehandling).toEqual([
      { state: "awaiting", value: 0, alert: false, href: null },
      { state: "overdue", value: 1, alert: true, href: "/table?theme=t1&rehandling=overdue" },
    ]);
    expect(replies.classes.map((bar) => [bar.key, bar.value, bar.href])).toEqual([
      ["A", 3, "/table?theme=t1&replyClass=A"],
      ["B", 0, null],
      ["C", 2, "/table?theme=t1&replyClass=C"],
      ["D", 0, null],
    ]);
  });

  it("never link from a view of actions: no filter of the table says which recommendations they serve", () => {
    const { replies } = view(dashboardWith({ kind: "action" }), { kind: "action" });
    expect(replies.mismatch).toEqual({ value: 2, href: null });
    expect(replies.rehandling.map((figure) => figure.href)).toEqual([null, null]);
    expect(replies.classes.map((bar) => bar.href)).toEqual([null, null, null, null]);
    expect(replies.states.map((figure) => [figure.key, figure.value])).toEqual([
      ["replied", 5],
      ["awaitingReply", 2],
      ["replyOverdue", 1],
      ["unassigned", 0],
    ]);
  });

  it("colour satisfaction by whether it counts as dissatisfied, and never link it", () => {
    expect(view().replies.satisfaction).toEqual([
      { key: "satisfied", label: "满意", value: 4, color: "#16a34a", href: null },
      { key: "dissatisfied", label: "不满意", value: 0, color: "#dc2626", href: null },
    ]);
  });
});

describe("the headline and the distributions", () => {
  it("link a part of the items only when it has some, adding its filter to the dashboard's", () => {
    const figures = view(dashboardWith(), { leadAgency: "a1" }).headline;
    expect(figures.map((figure) => [figure.key, figure.href])).toEqual([
      ["items", "/table?leadAgency=a1"],
      ["completed", "/table?leadAgency=a1&status=completed"],
      ["inProgress", "/table?leadAgency=a1&status=in_progress"],
      ["stalled", null],
      ["overdue", null],
      ["averageProgress", "/table?leadAgency=a1&sort=progress"],
    ]);
    expect(figures.map((figure) => figure.share)).toEqual([null, "25%", "50%", "0%", "0%", null]);
    expect(figures.at(-1)).toMatchObject({ value: 61.5, percent: true });
  });

  it("list every status in the palette's order and colours, empty ones unlinked", () => {
    const { status } = view();
    expect(status.map((bar) => [bar.key, bar.value, bar.share, bar.href])).toEqual([
      ["not_started", 1, "13%", "/table?status=not_started"],
      ["in_progress", 4, "50%", "/table?status=in_progress"],
      ["stalled", 0, "0%", null],
      ["completed", 2, "25%", "/table?status=completed"],
      ["not_adopted", 1, "13%", "/table?status=not_adopted"],
    ]);
    expect(status.map((bar) => bar.color)).toEqual(status.map((bar) => STATUS_COLORS[bar.key]));
    const { health } = view();
    expect(health.map((bar) => [bar.key, bar.href, bar.color])).toEqual(
      HEALTH.map((key) => [key, key === "on_track" ? "/table?health=on_track" : null, HEALTH_COLORS[key]]),
    );
  });

  it("is empty without items", () => {
    expect(view(dashboardWith({ headline: { ...dashboardWith().headline, items: 0 } })).empty).toBe(true);
    expect(view().empty).toBe(false);
  });
});

describe("the groupings", () => {
  const group = (index: number) => ({
    id: `r${index}`,
    code: `R${index}`,
    nameZh: `条目${index}`,
    nameEn: null,
    sortOrder: index,
    items: 2,
    completed: 1,
    averageProgress: 50.4,
  });

  it("label a recommendation's bar by its code and its table row by code and title, at most 20", () => {
    const groups = Array.from({ length: GROUP_BARS + 3 }, (_, index) => group(index + 1));
    const model = view(dashboardWith({ groups }));
    expect(model.groups.by).toBe("recommendation");
    expect(model.groups.rows).toHaveLength(20);
    expect(model.groups.rows[0]).toEqual({
      key: "r1",
      label: "R1",
      fullLabel: "R1 条目1",
      value: 50,
      averageProgress: 50.4,
      completed: 1,
      items: 2,
      color: PROGRESS_COLOR,
      href: "/table?recommendation=r1",
    });
  });

  it("label a theme by its name, and leave the items without one unnamed and unlinked", () => {
    const themes = [
      {
        id: "t1",
        code: "T1",
        nameZh: "数据",
        nameEn: "Data",
        sortOrder: 1,
        items: 3,
        completed: 0,
        averageProgress: 20,
      },
      { id: null, items: 1, completed: 0, averageProgress: 0 },
    ];
    const rows = view(dashboardWith({ groupedBy: "theme", groups: themes }), {}, { locale: "en" }).groups
      .rows;
    expect(rows.map((row) => [row.key, row.label, row.fullLabel, row.href])).toEqual([
      ["t1", "Data", "Data", "/table?theme=t1"],
      ["none", null, null, null],
    ]);
  });

  it("show the first 12 agencies, by short name on the bar and full name in the table", () => {
    const agencies: Dashboard["agencies"] = Array.from({ length: AGENCY_BARS + 2 }, (_, index) => ({
      id: `a${index}`,
      agency: {
        id: `a${index}`,
        nameZh: `单位${index}全称`,
        nameEn: null,
        shortNameZh: `单位${index}`,
        shortNameEn: null,
      },
      items: 20 - index,
      completed: 1,
      overdue: 0,
      averageProgress: 33.3,
    }));
    const model = view(
      dashboardWith({
        agencies: [
          ...agencies,
          { id: null, agency: null, items: 1, completed: 0, overdue: 0, averageProgress: 0 },
        ],
      }),
    );
    expect(model.agencies.shown).toBe(12);
    expect(model.agencies.rows).toHaveLength(12);
    expect(model.agencies.rows[0]).toMatchObject({
      label: "单位0",
      fullLabel: "单位0全称",
      value: 33,
      href: "/table?leadAgency=a0",
    });
  });
});

describe("the rest of the view", () => {
  it("links each figure to itself in the other display, keeping the view", () => {
    expect(view(dashboardWith(), { kind: "action" }).switchHref("health")).toBe(
      "/dashboard?kind=action&show=tables#figure-health",
    );
    expect(view(dashboardWith(), {}, { display: "tables" }).switchHref("timeline")).toBe(
      "/dashboard?#figure-timeline",
    );
  });

  it("summarises the timeline by its ends and rounds the chart's progress to one decimal", () => {
    const timeline = ["2026-01", "2026-02", "2026-03"].map((month, index) => ({
      month,
      items: 8,
      completed: index,
      averageProgress: 10.26 + index,
    }));
    const model = view(dashboardWith({ timeline }));
    expect(model.timeline.ends.map((point) => point.month)).toEqual(["2026-01", "2026-03"]);
    expect(model.timeline.chart.map((point) => point.averageProgress)).toEqual([10.3, 11.3, 12.3]);
    expect(model.timeline.points).toBe(timeline);
  });

  it("links a change to its recommendation's page, an action's to its place there", () => {
    const update = {
      statusBefore: "in_progress" as const,
      statusAfter: "completed" as const,
      progressBefore: 80,
      progressAfter: 100,
      effectiveDate: day("2026-03-01"),
      createdAt: day("2026-03-01"),
      comment: null,
      rollUpCause: null,
      author: { name: "张三" },
      recommendation: null,
      action: null,
    };
    const recommendation = { code: "R2", titleZh: "条目", titleEn: null, proposal: { code: "P-1" } };
    const action = {
      code: "R2.1",
      titleZh: "举措",
      titleEn: "An action",
      recommendation: { code: "R2", proposal: { code: "P-1" } },
    };
    const changes = [
      { ...update, id: "u1", recommendation },
      { ...update, id: "u2", action, rollUpCause: "action_update" as const, author: null },
      { ...update, id: "u3" },
    ];
    expect(view(dashboardWith({ changes }), {}, { locale: "en" }).changes).toEqual([
      {
        id: "u1",
        date: day("2026-03-01"),
        author: "张三",
        code: "R2",
        title: "条目",
        href: "/proposals/P-1/R2",
        status: "completed",
        progress: 100,
        rollUp: false,
      },
      expect.objectContaining({
        id: "u2",
        title: "An action",
        href: "/proposals/P-1/R2#action-R2.1",
        author: null,
        rollUp: true,
      }),
    ]);
  });
});
