// The dashboard's aggregates and the table's pages, computed in the database, against a brute-force
// computation in code over the same rows (read back with plain Prisma reads), on a random dataset,
// for many filter combinations, now and as of past days.
import { beforeAll, describe, expect, it } from "vitest";
import {
  type DashboardParams,
  monthsBetween,
  parseDashboardParams,
  resolvePeriod,
} from "@/lib/dashboard/params";
import { getDashboard } from "@/lib/dashboard/queries";
import { shanghaiDate } from "@/lib/dates";
import { db } from "@/lib/db";
import type { ItemStatus } from "@/lib/db/enums";
import { replyClock } from "@/lib/recommendations/reply-clock";
import { type Health, healthOn } from "@/lib/tracking/health";
import { getTrackingPage } from "@/lib/tracking/queries";
import { parseTrackingParams } from "@/lib/tracking/search-params";
import { createRandomDataset } from "./random-dataset";

const TODAY = shanghaiDate("2026-11-29");
const DAY = 86_400_000;

type Item = {
  id: string;
  kind: "recommendation" | "action";
  code: string;
  recommendationId: string;
  proposalId: string;
  proposalCode: string;
  submittedAt: Date;
  themeId: string | null;
  texts: string[];
  startDate: Date | null;
  dueDate: Date | null;
  status: ItemStatus;
  progress: number;
  agencies: { agencyId: string; role: string }[];
  history: { status: ItemStatus; progress: number; effectiveDate: Date; createdAt: Date }[];
  reply: {
    replyClass: string | null;
    repliedAt: Date | null;
    assignedAt: Date | null;
    replyDueAt: Date | null;
    satisfaction: string | null;
    feedbackAt: Date | null;
  };
};

let items: Item[] = [];
let proposalCount = 0;
let dissatisfiedKeys = new Set<string>();

beforeAll(async () => {
  await createRandomDataset(db, 7, TODAY);
  proposalCount = await db.proposal.count();
  dissatisfiedKeys = new Set(
    (await db.satisfactionLevel.findMany({ where: { isDissatisfied: true } })).map((level) => level.key),
  );
  const history = {
    select: { statusAfter: true, progressAfter: true, effectiveDate: true, createdAt: true },
  } as const;
  const recommendations = await db.recommendation.findMany({
    include: { proposal: true, agencies: true, evidence: true, statusUpdates: history },
  });
  const actions = await db.action.findMany({
    include: {
      recommendation: { include: { proposal: true } },
      agencies: true,
      evidence: true,
      statusUpdates: history,
    },
  });
  const toHistory = (updates: (typeof recommendations)[number]["statusUpdates"]) =>
    updates.map((u) => ({
      status: u.statusAfter,
      progress: u.progressAfter,
      effectiveDate: u.effectiveDate,
      createdAt: u.createdAt,
    }));
  const replyOf = (r: (typeof recommendations)[number] | (typeof actions)[number]["recommendation"]) => ({
    replyClass: r.replyClass,
    repliedAt: r.repliedAt,
    assignedAt: r.assignedAt,
    replyDueAt: r.replyDueAt,
    satisfaction: r.satisfaction,
    feedbackAt: r.feedbackAt,
  });
  items = [
    ...recommendations.map((r) => ({
      id: r.id,
      kind: "recommendation" as const,
      code: r.code,
      recommendationId: r.id,
      proposalId: r.proposalId,
      proposalCode: r.proposal.code,
      submittedAt: r.proposal.submittedAt,
      themeId: r.themeId,
      texts: [
        r.code,
        r.titleZh,
        r.titleEn ?? "",
        r.descriptionZh,
        r.descriptionEn ?? "",
        ...r.evidence.flatMap((e) => [e.titleZh, e.titleEn ?? ""]),
      ],
      startDate: r.startDate,
      dueDate: r.dueDate,
      status: r.status,
      progress: r.progress,
      agencies: r.agencies,
      history: toHistory(r.statusUpdates),
      reply: replyOf(r),
    })),
    ...actions.map((a) => ({
      id: a.id,
      kind: "action" as const,
      code: a.code,
      recommendationId: a.recommendationId,
      proposalId: a.recommendation.proposalId,
      proposalCode: a.recommendation.proposal.code,
      submittedAt: a.recommendation.proposal.submittedAt,
      themeId: a.recommendation.themeId,
      texts: [
        a.code,
        a.titleZh,
        a.titleEn ?? "",
        a.descriptionZh ?? "",
        a.descriptionEn ?? "",
        ...a.evidence.flatMap((e) => [e.titleZh, e.titleEn ?? ""]),
      ],
      startDate: a.startDate,
      dueDate: a.dueDate,
      status: a.status,
      progress: a.progress,
      agencies: a.agencies,
      history: toHistory(a.statusUpdates),
      reply: replyOf(a.recommendation),
    })),
  ];
}, 120_000);

/** An item's state at the end of `day`: its last update effective by then, in the order it was recorded. */
function stateOn(item: Item, day: Date): { status: ItemStatus; progress: number } {
  const last = item.history
    .filter((u) => u.effectiveDate <= day)
    .sort(
      (a, b) =>
        a.effectiveDate.getTime() - b.effectiveDate.getTime() ||
        a.createdAt.getTime() - b.createdAt.getTime(),
    )
    .at(-1);
  return last ? { status: last.status, progress: last.progress } : { status: "not_started", progress: 0 };
}

type View = Item & {
  health: Health;
  replyClass: string | null;
  replied: boolean;
  assigned: boolean;
  satisfied: string | null;
};

/** The items a view shows, with their state on its day, filtered, all in code. */
function bruteItems(params: DashboardParams): View[] {
  const asOf = params.asOf ? shanghaiDate(params.asOf) : null;
  const day = asOf ?? TODAY;
  const endOfDay = new Date(day.getTime() + DAY);
  return items
    .filter((item) => item.kind === params.kind)
    .filter((item) => !asOf || item.submittedAt < endOfDay)
    .map((item) => {
      const state = asOf ? stateOn(item, asOf) : { status: item.status, progress: item.progress };
      const replied = item.reply.repliedAt !== null && (!asOf || item.reply.repliedAt < endOfDay);
      return {
        ...item,
        ...state,
        health: healthOn({ ...item, ...state }, day),
        replyClass: replied ? item.reply.replyClass : null,
        replied,
        assigned: item.reply.assignedAt !== null && (!asOf || item.reply.assignedAt < endOfDay),
        satisfied:
          item.reply.feedbackAt && (!asOf || item.reply.feedbackAt < endOfDay)
            ? item.reply.satisfaction
            : null,
      };
    })
    .filter((item) => {
      const p = params;
      if (p.proposal && item.proposalCode !== p.proposal) return false;
      if (p.recommendation && item.recommendationId !== p.recommendation) return false;
      if (p.theme && item.themeId !== p.theme) return false;
      if (p.agency && !item.agencies.some((a) => a.agencyId === p.agency)) return false;
      if (p.leadAgency && !item.agencies.some((a) => a.agencyId === p.leadAgency && a.role === "lead"))
        return false;
      if (p.status.length && !p.status.includes(item.status)) return false;
      if (p.health.length && !p.health.includes(item.health)) return false;
      if (p.overdue && item.health !== "overdue") return false;
      if (p.replyClass && item.replyClass !== p.replyClass) return false;
      const mismatch =
        (item.replyClass === "A" && item.progress < 50) ||
        ((item.replyClass === "C" || item.replyClass === "D") && item.status === "completed");
      if (p.mismatch && !mismatch) return false;
      if (p.rehandling) {
        const dissatisfied = item.satisfied !== null && dissatisfiedKeys.has(item.satisfied);
        const overdue =
          dissatisfied &&
          item.reply.feedbackAt !== null &&
          replyClock({ ...item.reply, replyClass: null, rehandlingRepliedAt: null }, true, day)
            .rehandlingOverdueDays !== null;
        if (!dissatisfied || !item.reply.feedbackAt) return false;
        if ((p.rehandling === "overdue") !== overdue) return false;
      }
      if (p.dueFrom && !(item.dueDate && item.dueDate >= shanghaiDate(p.dueFrom))) return false;
      if (p.dueTo && !(item.dueDate && item.dueDate <= shanghaiDate(p.dueTo))) return false;
      if (p.q) {
        const q = p.q.toLowerCase();
        if (!item.texts.some((text) => text.toLowerCase().includes(q))) return false;
      }
      return true;
    });
}

const sortedCounts = (entries: [string, number][]) =>
  entries.filter(([, count]) => count > 0).sort(([a], [b]) => a.localeCompare(b));

function countBy<T>(rows: T[], key: (row: T) => string | null | undefined) {
  const counts = new Map<string, number>();
  for (const row of rows) {
    const k = key(row);
    if (k !== null && k !== undefined) counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  return sortedCounts([...counts]);
}

const average = (rows: { progress: number }[]) =>
  rows.length ? rows.reduce((sum, row) => sum + row.progress, 0) / rows.length : 0;

const VIEWS: Record<string, string>[] = [
  {},
  { kind: "action" },
  { proposal: "RND-1" },
  { status: "in_progress,stalled" },
  { health: "at_risk,behind" },
  { overdue: "1", kind: "action" },
  { replyClass: "A" },
  { mismatch: "1" },
  { rehandling: "overdue" },
  { rehandling: "awaiting" },
  { rehandling: "overdue", asOf: "2025-06-30" },
  { q: "大模型" },
  { q: "算力", kind: "action" },
  { q: "100%_off" },
  { dueFrom: "2025-01-01", dueTo: "2026-06-30" },
  { asOf: "2025-06-30" },
  { asOf: "2024-03-31", kind: "action" },
  { asOf: "2025-12-31", health: "overdue" },
  { asOf: "2023-01-01" },
];

describe("dashboard aggregates equal a brute-force computation", () => {
  it.each(VIEWS)("for %j", async (query) => {
    const theme = await db.theme.findFirstOrThrow({ where: { code: "T1" } });
    const agency = await db.agency.findFirstOrThrow({ where: { code: "AG2" } });
    const theOther = await db.agency.findFirstOrThrow({ where: { code: "AG3" } });
    for (const extra of [
      {},
      { theme: theme.id },
      { leadAgency: agency.id },
      { leadAgency: agency.id, agency: theOther.id },
      { agency: agency.id },
    ]) {
      const params = parseDashboardParams({ ...query, ...extra });
      const label = JSON.stringify({ ...query, ...extra });
      const expected = bruteItems(params);
      const dashboard = await getDashboard(db, params, TODAY);

      expect(dashboard.headline.items, label).toBe(expected.length);
      expect(dashboard.headline.completed, label).toBe(
        expected.filter((i) => i.status === "completed").length,
      );
      expect(dashboard.headline.stalled, label).toBe(expected.filter((i) => i.status === "stalled").length);
      expect(dashboard.headline.overdue, label).toBe(expected.filter((i) => i.health === "overdue").length);
      expect(dashboard.headline.averageProgress, label).toBeCloseTo(average(expected), 9);
      expect(sortedCounts(dashboard.status.map((s) => [s.status, s.items])), label).toEqual(
        countBy(expected, (i) => i.status),
      );
      expect(sortedCounts(dashboard.health.map((h) => [h.health, h.items])), label).toEqual(
        countBy(expected, (i) => i.health),
      );

      // By recommendation within one proposal, by theme across several.
      const byRecommendation = Boolean(params.proposal) || proposalCount <= 1;
      expect(dashboard.groupedBy).toBe(byRecommendation ? "recommendation" : "theme");
      const groupKey = (i: View) => (byRecommendation ? i.recommendationId : (i.themeId ?? "none"));
      expect(sortedCounts(dashboard.groups.map((g) => [g.id ?? "none", g.items])), label).toEqual(
        countBy(expected, groupKey),
      );
      for (const group of dashboard.groups) {
        const members = expected.filter((i) => groupKey(i) === (group.id ?? "none"));
        expect(group.averageProgress, label).toBeCloseTo(average(members), 9);
        expect(group.completed, label).toBe(members.filter((i) => i.status === "completed").length);
      }

      const leadOf = (i: View) => i.agencies.find((a) => a.role === "lead")?.agencyId ?? "none";
      expect(sortedCounts(dashboard.agencies.map((a) => [a.id ?? "none", a.items])), label).toEqual(
        countBy(expected, leadOf),
      );
      for (const row of dashboard.agencies) {
        const members = expected.filter((i) => leadOf(i) === (row.id ?? "none"));
        expect(row.averageProgress, label).toBeCloseTo(average(members), 9);
        expect(row.overdue, label).toBe(members.filter((i) => i.health === "overdue").length);
      }

      // Replies describe the recommendations the same filters select.
      const served = new Set(expected.map((i) => i.recommendationId));
      const recommendations =
        params.kind === "action"
          ? bruteItems(parseDashboardParams({ asOf: params.asOf })).filter((r) => served.has(r.id))
          : bruteItems({ ...params, kind: "recommendation" });
      const day = params.asOf ? shanghaiDate(params.asOf) : TODAY;
      expect(dashboard.replies.replied, label).toBe(recommendations.filter((r) => r.replied).length);
      expect(dashboard.replies.unassigned, label).toBe(
        recommendations.filter((r) => !r.replied && !r.assigned).length,
      );
      expect(dashboard.replies.overdue, label).toBe(
        recommendations.filter(
          (r) => !r.replied && r.assigned && r.reply.replyDueAt && r.reply.replyDueAt < day,
        ).length,
      );
      expect(sortedCounts(dashboard.replies.classes.map((c) => [c.replyClass, c.items])), label).toEqual(
        countBy(recommendations, (r) => r.replyClass),
      );
      expect(sortedCounts(dashboard.replies.satisfaction.map((s) => [s.key, s.items])), label).toEqual(
        countBy(recommendations, (r) => r.satisfied),
      );
      // Re-handling after a dissatisfied feedback (none is answered again in this dataset), by
      // replyClock's rule on the view's day.
      const rehandling = recommendations.filter(
        (r) => r.satisfied !== null && dissatisfiedKeys.has(r.satisfied) && r.reply.feedbackAt,
      );
      const rehandlingOverdue = rehandling.filter(
        (r) =>
          replyClock({ ...r.reply, replyClass: null, rehandlingRepliedAt: null }, true, day)
            .rehandlingOverdueDays !== null,
      );
      // The dataset has some, so that this compares something.
      if (label === "{}") expect(rehandlingOverdue.length).toBeGreaterThan(0);
      expect(dashboard.replies.rehandling, label).toEqual({
        awaiting: rehandling.length - rehandlingOverdue.length,
        overdue: rehandlingOverdue.length,
      });
      expect(dashboard.replies.mismatched, label).toBe(
        recommendations.filter(
          (r) =>
            (r.replyClass === "A" && r.progress < 50) ||
            ((r.replyClass === "C" || r.replyClass === "D") && r.status === "completed"),
        ).length,
      );

      // Lists: the first overdue items by due date, and what falls due within 30 days.
      const overdue = expected
        .filter((i) => i.health === "overdue")
        .sort((a, b) => (a.dueDate?.getTime() ?? 0) - (b.dueDate?.getTime() ?? 0) || cmp(a.id, b.id));
      expect(
        dashboard.overdue.map((i) => i.id),
        label,
      ).toEqual(overdue.slice(0, 10).map((i) => i.id));
      const soon = expected
        .filter(
          (i) =>
            !["completed", "not_adopted"].includes(i.status) &&
            i.dueDate &&
            i.dueDate >= day &&
            i.dueDate.getTime() <= day.getTime() + 30 * DAY,
        )
        .sort((a, b) => (a.dueDate?.getTime() ?? 0) - (b.dueDate?.getTime() ?? 0) || cmp(a.id, b.id));
      expect(
        dashboard.dueSoon.map((i) => i.id),
        label,
      ).toEqual(soon.slice(0, 10).map((i) => i.id));

      // The timeline: each month's end, rebuilt from the history of the filtered items.
      const period = resolvePeriod(params, day);
      const months = monthsBetween(period.from, period.to);
      expect(dashboard.timeline.map((point) => point.month)).toEqual(months);
      for (const point of dashboard.timeline) {
        const monthEnd =
          point.month === period.to.slice(0, 7) ? shanghaiDate(period.to) : lastDayOf(point.month);
        const counted = expected.filter((i) => monthOf(i.submittedAt) <= point.month);
        const states = expected.map((i) => stateOn(i, monthEnd));
        expect(point.items, `${label} ${point.month}`).toBe(counted.length);
        expect(point.completed, `${label} ${point.month}`).toBe(
          states.filter((s) => s.status === "completed").length,
        );
        expect(point.averageProgress, `${label} ${point.month}`).toBeCloseTo(
          counted.length ? states.reduce((sum, s) => sum + s.progress, 0) / counted.length : 0,
          9,
        );
      }
    }
  });

  it("ends the timeline where the headline stands today", async () => {
    const dashboard = await getDashboard(db, parseDashboardParams({}), TODAY);
    const last = dashboard.timeline.at(-1);
    expect(last?.completed).toBe(dashboard.headline.completed);
    expect(last?.averageProgress).toBeCloseTo(dashboard.headline.averageProgress, 9);
  });
});

describe("the table's pages equal the brute-force selection", () => {
  it.each([
    { sort: "progress", dir: "desc" },
    { sort: "dueDate", dir: "asc", kind: "action" },
    { sort: "health", q: "开源" },
    { sort: "code", asOf: "2025-06-30", status: "in_progress" },
  ])("for %j, page after page", async (query) => {
    const params = parseTrackingParams({ ...query, perPage: "25" });
    const expected = bruteItems(parseDashboardParams(query));
    const seen: string[] = [];
    for (let page = 1; page <= Math.ceil(expected.length / 25); page++) {
      const result = await getTrackingPage(db, { ...params, page }, TODAY);
      expect(result.total).toBe(expected.length);
      seen.push(...result.rows.map((row) => row.id));
      if (params.sort === "progress") {
        const values = result.rows.map((row) => row.progress);
        expect(values).toEqual([...values].sort((a, b) => b - a));
      }
      for (const row of result.rows) {
        const item = expected.find((i) => i.id === row.id);
        expect(row.status).toBe(item?.status);
        expect(row.progress).toBe(item?.progress);
        expect(row.health).toBe(item?.health);
      }
    }
    // Every item exactly once across the pages.
    expect([...seen].sort()).toEqual(expected.map((i) => i.id).sort());
  });
});

// Last: it archives a recommendation, which the cases above must not see.
describe("an archived recommendation", () => {
  it("leaves the timeline as it leaves the headline", async () => {
    const moved = await db.recommendation.findFirstOrThrow({ where: { progress: { gt: 0 } } });
    await db.recommendation.update({ where: { id: moved.id }, data: { archivedAt: new Date() } });
    const dashboard = await getDashboard(db, parseDashboardParams({}), TODAY);
    const last = dashboard.timeline.at(-1);
    expect(last?.completed).toBe(dashboard.headline.completed);
    expect(last?.averageProgress).toBeCloseTo(dashboard.headline.averageProgress, 9);
  });
});

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const monthOf = (date: Date) => new Date(date.getTime() + 8 * 3600_000).toISOString().slice(0, 7);
function lastDayOf(month: string): Date {
  const [year = 0, m = 1] = month.split("-").map(Number);
  const last = new Date(Date.UTC(year, m, 0)).getUTCDate();
  return shanghaiDate(`${month}-${String(last).padStart(2, "0")}`);
}
