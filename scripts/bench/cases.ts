// The registry of measured cases. Add a case here: its app function, its floor (scripts/bench/floors.ts)
// and, where it has one, its target. Cases without an app function yet measure only their floor.
import { shanghaiDate, shanghaiToday } from "../../lib/dates";
import { stateAsOf } from "../../lib/history/as-of";
import { getProposalOverview } from "../../lib/proposals/queries";
import { getTrackingPage } from "../../lib/tracking/queries";
import { parseTrackingParams } from "../../lib/tracking/search-params";
import { type BenchCase, type BenchContext, benchCase, type Fixtures } from "./context";
import {
  allStatesAsOfFloor,
  dashboardAggregatesFloor,
  type ItemStates,
  proposalStateAsOfFloor,
  trackingPageFloor,
} from "./floors";

/** A day in the middle of the dataset's history. */
const AS_OF = "2024-06-30";

export function benchCases(ctx: BenchContext): BenchCase[] {
  const { db, fixtures } = ctx;

  const table = (name: string, query: Record<string, string>) => {
    const params = parseTrackingParams({ perPage: "50", ...query });
    return benchCase({
      name: `table: ${name}`,
      group: "table page (getTrackingPage)",
      app: () => getTrackingPage(params),
      floor: () => trackingPageFloor(ctx, params, shanghaiToday()),
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

  return [
    table("no filter", {}),
    table("status + theme", { status: "in_progress,stalled", theme: fixtures.themeId }),
    table("search 算力 (2 chars)", { q: "算力" }),
    table("search 大模型 (3 chars)", { q: "大模型" }),
    table("search 脑机接口 (rare)", { q: "脑机接口" }),
    table("sort by due date desc", { sort: "dueDate", dir: "desc" }),
    table(`deep page ${fixtures.deepPage}`, { page: String(fixtures.deepPage) }),
    table("actions: overdue + search 养老", { kind: "action", overdue: "1", q: "养老" }),

    benchCase({
      name: `as-of ${AS_OF}: one proposal`,
      group: "history (stateAsOf)",
      app: () => stateAsOf(db, fixtures.busiestProposalId, shanghaiDate(AS_OF)),
      floor: () => proposalStateAsOfFloor(ctx, fixtures.busiestProposalId, shanghaiDate(AS_OF)),
      same: sameStates,
    }),
    benchCase({
      name: `as-of ${AS_OF}: every item`,
      group: "history (stateAsOf)",
      floor: () => allStatesAsOfFloor(ctx, shanghaiDate(AS_OF)),
    }),

    benchCase({
      name: "overview of the first proposal (today's /zh-CN)",
      group: "dashboard",
      app: () => getProposalOverview(),
    }),
    benchCase({
      name: "dashboard aggregates (national)",
      group: "dashboard",
      floor: () => dashboardAggregatesFloor(ctx, shanghaiToday()),
      target: [{ maxRatio: 1.5 }, { maxMedianMs: 150, onlyOn: "sqlite" }],
    }),
  ];
}

/** Picks the ids and sizes the cases need from whatever dataset is loaded. */
export async function loadFixtures(ctx: Pick<BenchContext, "db" | "sql">): Promise<Fixtures> {
  const theme = await ctx.db.theme.findFirst({ where: { code: "AI" }, select: { id: true } });
  const [busiest] = await ctx.sql<{ proposalId: string }>(
    `SELECT r."proposalId" FROM "Recommendation" r LEFT JOIN "Action" a ON a."recommendationId" = r."id"
     GROUP BY r."proposalId" ORDER BY COUNT(*) DESC, r."proposalId" LIMIT 1`,
  );
  const recommendations = await ctx.db.recommendation.count();
  if (!theme || !busiest) throw new Error("The benchmark database holds no national dataset.");
  return {
    themeId: theme.id,
    busiestProposalId: busiest.proposalId,
    deepPage: Math.max(1, Math.floor((recommendations / 50) * 0.75)),
  };
}

function sameList(app: readonly string[], floor: readonly string[]): string | null {
  if (app.length !== floor.length) return `${app.length} rows ≠ ${floor.length}`;
  const at = app.findIndex((id, i) => id !== floor[i]);
  return at === -1 ? null : `row ${at + 1}: ${app[at]} ≠ ${floor[at]}`;
}

function sameStates(app: ItemStates, floor: ItemStates): string | null {
  if (app.size !== floor.size) return `${app.size} items ≠ ${floor.size}`;
  for (const [id, state] of app) {
    const other = floor.get(id);
    if (!other || other.status !== state.status || other.progress !== state.progress)
      return `${id}: ${JSON.stringify(state)} ≠ ${JSON.stringify(other)}`;
  }
  return null;
}
