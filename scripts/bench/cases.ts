// The registry of measured cases. Add a case here: its app function, its floor (scripts/bench/floors.ts)
// and, where it has one, its target.
import { getDashboardCached } from "../../lib/dashboard/cache";
import { parseDashboardParams, resolvePeriod } from "../../lib/dashboard/params";
import { getDashboard } from "../../lib/dashboard/queries";
import { addMonths, shanghaiDate, shanghaiToday, toShanghaiDateString } from "../../lib/dates";
import { getReportData } from "../../lib/reports/data";
import { renderReportDocx } from "../../lib/reports/docx";
import { renderReportPdf } from "../../lib/reports/pdf";
import { getTrackingPage } from "../../lib/tracking/queries";
import { parseTrackingParams } from "../../lib/tracking/search-params";
import { type BenchCase, type BenchContext, benchCase, type Fixtures } from "./context";
import {
  dashboardFloor,
  type ItemStates,
  proposalStateAsOfFloor,
  statusCountsAsOfFloor,
  trackingPageFloor,
} from "./floors";

/** A day in the middle of the dataset's history. */
const AS_OF = "2024-06-30";

export function benchCases(ctx: BenchContext): BenchCase[] {
  const { db, fixtures } = ctx;
  const today = shanghaiToday();
  // The dashboard's default period, which its change feed covers.
  const period = resolvePeriod({}, today);
  const defaultPeriod = {
    from: shanghaiDate(period.from),
    end: new Date(shanghaiDate(period.to).getTime() + 86_400_000),
  };

  const table = (name: string, query: Record<string, string>) => {
    const params = parseTrackingParams({ perPage: "50", ...query });
    return benchCase({
      name: `table: ${name}`,
      group: "table page (getTrackingPage)",
      app: () => getTrackingPage(db, params, today),
      floor: () => trackingPageFloor(ctx, params, today),
      same: (app, floor) =>
        app.total !== floor.total
          ? `total ${app.total} ≠ ${floor.total}`
          : sameList(
              app.rows.map((row) => row.id),
              floor.ids,
            ),
      target: { maxP95Ms: 50 },
    });
  };

  // A progress report as the download route makes it: the content as of today, then the file.
  const report = (format: "pdf" | "docx") => {
    const asOf = toShanghaiDateString(today);
    const params = { proposal: fixtures.reportProposalCode, asOf, compareTo: addMonths(asOf, -1) };
    return benchCase({
      name: `report: ${format.toUpperCase()} of ${fixtures.reportProposalCode}`,
      group: "progress report (getReportData + render)",
      app: async () => {
        const data = await getReportData(db, params, today);
        if (!data) throw new Error(`no proposal ${params.proposal}`);
        return format === "pdf"
          ? renderReportPdf(data, { locale: "zh-CN" })
          : renderReportDocx(data, { locale: "zh-CN" });
      },
      target: { maxP95Ms: 3000 },
    });
  };

  return [
    table("no filter", {}),
    table("status + theme", { status: "in_progress,stalled", theme: fixtures.themeId }),
    table("search 算力 (2 chars)", { q: "算力" }),
    table("search 大模型 (3 chars)", { q: "大模型" }),
    table("search 脑机接口 (rare)", { q: "脑机接口" }),
    table("sort by due date desc", { sort: "dueDate", dir: "desc" }),
    table("sort by health", { sort: "health" }),
    table(`deep page ${fixtures.deepPage}`, { page: String(fixtures.deepPage) }),
    table("actions: overdue + search 养老", { kind: "action", overdue: "1", q: "养老" }),

    benchCase({
      name: "dashboard aggregates (national, every recommendation)",
      group: "dashboard (getDashboard)",
      app: () => getDashboard(db, parseDashboardParams({}), today),
      floor: () => dashboardFloor(ctx, today, defaultPeriod),
      same: (app, floor) => {
        const ids = (list: { id: string }[]) => list.map((item) => item.id).join();
        const differs =
          app.headline.items !== floor.items ||
          app.headline.completed !== floor.completed ||
          app.headline.overdue !== floor.overdue ||
          Math.abs(app.headline.averageProgress - floor.averageProgress) > 1e-9 ||
          app.health.some((row) => row.items !== (floor.health[row.health] ?? 0)) ||
          (["replied", "awaiting", "overdue", "unassigned", "mismatched"] as const).some(
            (key) => app.replies[key] !== floor.replies[key],
          ) ||
          app.timeline.at(-1)?.completed !== floor.timelineEnd.completed ||
          ids(app.overdue) !== floor.overdueIds.join() ||
          ids(app.dueSoon) !== floor.dueSoonIds.join() ||
          ids(app.changes) !== floor.changeIds.join();
        return differs ? `app ${JSON.stringify(app.headline)} ≠ floor ${JSON.stringify(floor)}` : null;
      },
      target: [{ maxRatio: 1.5 }, { maxMedianMs: 150, onlyOn: "sqlite" }],
    }),
    benchCase({
      name: "dashboard from the cache (what the page serves)",
      group: "dashboard (getDashboard)",
      app: () => getDashboardCached(db, parseDashboardParams({}), today),
    }),

    benchCase({
      name: `as-of ${AS_OF}: dashboard of every recommendation`,
      group: "history (as-of reconstruction)",
      app: () => getDashboard(db, parseDashboardParams({ asOf: AS_OF }), today),
      floor: () => statusCountsAsOfFloor(ctx, shanghaiDate(AS_OF)),
      same: (app, floor) => {
        const counts = Object.fromEntries(app.status.map((row) => [row.status, row.items]));
        return JSON.stringify(sortKeys(counts)) === JSON.stringify(sortKeys(floor))
          ? null
          : `${JSON.stringify(counts)} ≠ ${JSON.stringify(floor)}`;
      },
    }),
    benchCase({
      name: `as-of ${AS_OF}: one proposal's items`,
      group: "history (as-of reconstruction)",
      app: async () => {
        const states: ItemStates = new Map();
        for (const kind of ["recommendation", "action"] as const) {
          const page = await getTrackingPage(
            db,
            parseTrackingParams({
              kind,
              proposal: fixtures.busiestProposalCode,
              asOf: AS_OF,
              perPage: "100",
            }),
            today,
          );
          for (const row of page.rows) states.set(row.id, { status: row.status, progress: row.progress });
        }
        return states;
      },
      floor: () => proposalStateAsOfFloor(ctx, fixtures.busiestProposalId, shanghaiDate(AS_OF)),
      // The app also lists the items not started by then; the floor only those with an update.
      same: (app, floor) => {
        for (const [id, state] of floor) {
          const other = app.get(id);
          if (!other || other.status !== state.status || other.progress !== state.progress)
            return `${id}: ${JSON.stringify(state)} ≠ ${JSON.stringify(other)}`;
        }
        return null;
      },
    }),
    report("pdf"),
    report("docx"),
  ];
}

/** Picks the ids and sizes the cases need from whatever dataset is loaded. */
export async function loadFixtures(ctx: Pick<BenchContext, "db" | "sql">): Promise<Fixtures> {
  const theme = await ctx.db.theme.findFirst({ where: { code: "AI" }, select: { id: true } });
  const [busiest] = await ctx.sql<{ proposalId: string; code: string }>(
    `SELECT r."proposalId", p."code" FROM "Recommendation" r
     JOIN "Proposal" p ON p."id" = r."proposalId"
     LEFT JOIN "Action" a ON a."recommendationId" = r."id"
     GROUP BY r."proposalId", p."code" ORDER BY COUNT(*) DESC, r."proposalId" LIMIT 1`,
  );
  const recommendations = await ctx.db.recommendation.count();
  if (!theme || !busiest) throw new Error("The benchmark database holds no national dataset.");
  // The sample proposal where the dataset holds it (the national one does not), else the busiest.
  const sample = await ctx.db.proposal.findUnique({ where: { code: "LLM-2024" }, select: { code: true } });
  return {
    reportProposalCode: sample?.code ?? busiest.code,
    themeId: theme.id,
    busiestProposalId: busiest.proposalId,
    busiestProposalCode: busiest.code,
    deepPage: Math.max(1, Math.floor((recommendations / 50) * 0.75)),
  };
}

function sameList(app: readonly string[], floor: readonly string[]): string | null {
  if (app.length !== floor.length) return `${app.length} rows ≠ ${floor.length}`;
  const at = app.findIndex((id, i) => id !== floor[i]);
  return at === -1 ? null : `row ${at + 1}: ${app[at]} ≠ ${floor[at]}`;
}

const sortKeys = (record: Record<string, number>) =>
  Object.fromEntries(Object.entries(record).sort(([a], [b]) => a.localeCompare(b)));
