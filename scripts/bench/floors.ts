// The floors: each case's result computed by hand-written SQL, the way one would write it without an
// ORM, on both databases (the same SQL where possible). All in one place, so that when an app function
// is replaced its floor is easy to find and adjust.
import { shanghaiDate } from "../../lib/dates";
import type { ItemStatus } from "../../lib/db/enums";
import type { TrackingParams } from "../../lib/tracking/search-params";
import type { BenchContext } from "./context";

const CLOSED = `('completed', 'not_adopted')`;

// The tracking table -----------------------------------------------------------------------------

export interface TrackingFloor {
  total: number;
  ids: string[];
  rows: Record<string, unknown>[];
}

const SORT_COLUMNS: Record<TrackingParams["sort"], string> = {
  code: "code",
  title: "titleZh",
  status: "status",
  progress: "progress",
  dueDate: "dueDate",
  updatedAt: "updatedAt",
};

/**
 * One page of the tracking table and the number of matches: the page with its lead agency, theme and
 * proposal joined in, and a count, as lib/tracking/queries.ts `getTrackingPage` filters and sorts.
 */
export async function trackingPageFloor(
  ctx: BenchContext,
  params: TrackingParams,
  today: Date,
): Promise<TrackingFloor> {
  const action = params.kind === "action";
  const item = action ? "a" : "r";
  const from = action
    ? `"Action" a JOIN "Recommendation" r ON r."id" = a."recommendationId"`
    : `"Recommendation" r`;
  const where: string[] = [];
  const args: unknown[] = [];

  if (params.status.length) {
    where.push(`${item}."status" IN (${params.status.map(() => "?").join(", ")})`);
    args.push(...params.status);
  }
  if (params.overdue) {
    where.push(`${item}."dueDate" < ? AND ${item}."status" NOT IN ${CLOSED}`);
    args.push(today);
  }
  const due = dueRange(params);
  if (due.from) {
    where.push(`${item}."dueDate" >= ?`);
    args.push(due.from);
  }
  if (due.to) {
    where.push(`${item}."dueDate" <= ?`);
    args.push(due.to);
  }
  if (params.q) {
    // The evidence titles as one uncorrelated subquery, scanned once: a correlated EXISTS inside the
    // OR (what Prisma writes for `some`) is probed for every item, 2–3× slower on both databases.
    const evidenceParent = action ? "actionId" : "recommendationId";
    where.push(`(${item}."code" LIKE ? OR ${item}."titleZh" LIKE ? OR ${item}."titleEn" LIKE ?
      OR ${item}."descriptionZh" LIKE ?
      OR ${item}."id" IN (SELECT e."${evidenceParent}" FROM "Evidence" e WHERE e."titleZh" LIKE ?))`);
    const pattern = `%${params.q}%`;
    args.push(pattern, pattern, pattern, pattern, pattern);
  }
  if (params.agency) {
    where.push(
      action
        ? `EXISTS (SELECT 1 FROM "ActionAgency" x WHERE x."actionId" = a."id" AND x."agencyId" = ?)`
        : `EXISTS (SELECT 1 FROM "RecommendationAgency" x WHERE x."recommendationId" = r."id" AND x."agencyId" = ?)`,
    );
    args.push(params.agency);
  }
  if (params.theme) {
    where.push(`r."themeId" = ?`);
    args.push(params.theme);
  }
  if (params.replyClass) {
    where.push(`r."replyClass" = ?`);
    args.push(params.replyClass);
  }
  const whereSql = where.length ? `WHERE ${where.join(" AND ")}` : "";
  const direction = params.dir === "desc" ? "DESC" : "ASC";
  const order = (alias: string) => `${alias}."${SORT_COLUMNS[params.sort]}" ${direction}, ${alias}."id" ASC`;
  const lead = action
    ? `LEFT JOIN "ActionAgency" la ON la."actionId" = page."id" AND la."role" = 'lead'`
    : `LEFT JOIN "RecommendationAgency" la ON la."recommendationId" = page."id" AND la."role" = 'lead'`;

  // A search reads every item anyway: counting the matches in the same pass saves a second scan.
  // Without one, a separate count is cheaper than carrying a window over every row.
  const countInPage = Boolean(params.q);
  // The page's 50 items first, from the item table alone (plus the recommendation an action filters
  // on), then what the rows show, joined to those 50 only.
  const rows = await ctx.sql(
    `SELECT page."id", page."code", page."titleZh", page."titleEn", page."status", page."progress",
            page."dueDate", page."updatedAt", r."code" AS "recommendationCode", r."replyClass",
            p."code" AS "proposalCode", th."nameZh" AS "themeZh", th."nameEn" AS "themeEn",
            ag."nameZh" AS "agencyZh", ag."nameEn" AS "agencyEn", ag."shortNameZh", ag."shortNameEn"
            ${countInPage ? `, page."total"` : ""}
     FROM (
       SELECT ${item}."id", ${item}."code", ${item}."titleZh", ${item}."titleEn", ${item}."status",
              ${item}."progress", ${item}."dueDate", ${item}."updatedAt", r."id" AS "recommendationId"
              ${countInPage ? `, COUNT(*) OVER () AS "total"` : ""}
       FROM ${from}
       ${whereSql}
       ORDER BY ${order(item)}
       LIMIT ? OFFSET ?
     ) page
     JOIN "Recommendation" r ON r."id" = page."recommendationId"
     JOIN "Proposal" p ON p."id" = r."proposalId"
     LEFT JOIN "Theme" th ON th."id" = r."themeId"
     ${lead}
     LEFT JOIN "Agency" ag ON ag."id" = la."agencyId"
     ORDER BY ${order("page")}`,
    [...args, params.perPage, (params.page - 1) * params.perPage],
  );
  const ids = rows.map((row) => String(row.id));
  if (countInPage && rows[0]) return { total: Number(rows[0].total), ids, rows };
  const [counted] = await ctx.sql<{ n: number | bigint }>(
    `SELECT COUNT(*) AS n FROM ${from} ${whereSql}`,
    args,
  );
  return { total: Number(counted?.n ?? 0), ids, rows };
}

function dueRange(params: TrackingParams): { from?: Date; to?: Date } {
  try {
    return {
      from: params.dueFrom ? shanghaiDate(params.dueFrom) : undefined,
      to: params.dueTo ? shanghaiDate(params.dueTo) : undefined,
    };
  } catch {
    return {};
  }
}

// History as of a day --------------------------------------------------------------------------

export type ItemStates = Map<string, { status: ItemStatus; progress: number }>;

type StateRow = { itemId: string; status: ItemStatus; progress: number | bigint };

const toStates = (rows: StateRow[]): ItemStates =>
  new Map(rows.map((row) => [row.itemId, { status: row.status, progress: Number(row.progress) }]));

/**
 * The state of every item of one proposal at the end of `asOf`: starting from the proposal's items,
 * so that each item's history is found through its (item, effectiveDate) index.
 */
export async function proposalStateAsOfFloor(
  ctx: BenchContext,
  proposalId: string,
  asOf: Date,
): Promise<ItemStates> {
  const rows = await ctx.sql<StateRow>(
    `SELECT "itemId", "status", "progress" FROM (
       SELECT "itemId", "status", "progress",
              ROW_NUMBER() OVER (PARTITION BY "itemId" ORDER BY "effectiveDate" DESC, "createdAt" DESC, "id" DESC) AS "rank"
       FROM (
         SELECT su."recommendationId" AS "itemId", su."statusAfter" AS "status", su."progressAfter" AS "progress",
                su."effectiveDate", su."createdAt", su."id"
         FROM "Recommendation" r JOIN "StatusUpdate" su ON su."recommendationId" = r."id"
         WHERE r."proposalId" = ? AND su."effectiveDate" <= ?
         UNION ALL
         SELECT su."actionId", su."statusAfter", su."progressAfter", su."effectiveDate", su."createdAt", su."id"
         FROM "Recommendation" r
         JOIN "Action" a ON a."recommendationId" = r."id"
         JOIN "StatusUpdate" su ON su."actionId" = a."id"
         WHERE r."proposalId" = ? AND su."effectiveDate" <= ?
       ) updates
     ) ranked
     WHERE "rank" = 1`,
    [proposalId, asOf, proposalId, asOf],
  );
  return toStates(rows);
}

/**
 * The state of every item (all proposals) at the end of `asOf`. Each database has its own fastest
 * form: PostgreSQL ranks the history in one pass (~1.3× faster there than seeking); SQLite seeks each
 * item's latest update through its (item, effectiveDate) index (~3× faster there than ranking).
 */
export async function allStatesAsOfFloor(ctx: BenchContext, asOf: Date): Promise<ItemStates> {
  if (ctx.provider === "sqlite") {
    const latest = (parent: string, item: string) =>
      `(SELECT su."id" FROM "StatusUpdate" su WHERE su."${parent}" = ${item}."id" AND su."effectiveDate" <= ?
        ORDER BY su."effectiveDate" DESC, su."createdAt" DESC, su."id" DESC LIMIT 1)`;
    const rows = await ctx.sql<StateRow>(
      `SELECT latest."itemId", su."statusAfter" AS "status", su."progressAfter" AS "progress"
       FROM (
         SELECT r."id" AS "itemId", ${latest("recommendationId", "r")} AS "updateId" FROM "Recommendation" r
         UNION ALL
         SELECT a."id", ${latest("actionId", "a")} FROM "Action" a
       ) latest
       JOIN "StatusUpdate" su ON su."id" = latest."updateId"`,
      [asOf, asOf],
    );
    return toStates(rows);
  }
  const rows = await ctx.sql<StateRow>(
    `SELECT "itemId", "status", "progress" FROM (
       SELECT COALESCE("recommendationId", "actionId") AS "itemId", "statusAfter" AS "status",
              "progressAfter" AS "progress",
              ROW_NUMBER() OVER (
                PARTITION BY COALESCE("recommendationId", "actionId")
                ORDER BY "effectiveDate" DESC, "createdAt" DESC, "id" DESC) AS "rank"
       FROM "StatusUpdate" WHERE "effectiveDate" <= ?
     ) ranked
     WHERE "rank" = 1`,
    [asOf],
  );
  return toStates(rows);
}

// Dashboard aggregates -------------------------------------------------------------------------

export interface DashboardFloor {
  recommendations: { byStatus: Record<string, number>; overdue: number; weightedProgress: number | null };
  actions: { byStatus: Record<string, number>; overdue: number };
  byTheme: { themeId: string | null; status: string; n: number }[];
  byLeadAgency: { agencyId: string; total: number; overdue: number }[];
}

/**
 * National headline figures over every recommendation and action: counts by status, overdue, the
 * weighted progress, recommendations by theme and status, and each lead agency's load and overdue
 * count. (A guess at what the dashboard will show: adjust with the app function.) One pass over each
 * table, grouped finely in SQL and folded here; on SQLite a full scan (NOT INDEXED) beats the index
 * walks its planner would pick, which read the wide rows in random order.
 */
export async function dashboardAggregatesFloor(ctx: BenchContext, today: Date): Promise<DashboardFloor> {
  const notIndexed = ctx.provider === "sqlite" ? " NOT INDEXED" : "";
  const overdue = (alias: string) =>
    `SUM(CASE WHEN ${alias}."dueDate" < ? AND ${alias}."status" NOT IN ${CLOSED} THEN 1 ELSE 0 END)`;
  const recommendations = await ctx.sql<{
    themeId: string | null;
    status: string;
    agencyId: string | null;
    n: number | bigint;
    overdue: number | bigint;
    weighted: number | null;
    weight: number | null;
  }>(
    `SELECT r."themeId", r."status", la."agencyId", COUNT(*) AS "n", ${overdue("r")} AS "overdue",
            SUM(r."weight" * r."progress") AS "weighted", SUM(r."weight") AS "weight"
     FROM "Recommendation" r${notIndexed}
     LEFT JOIN "RecommendationAgency" la ON la."recommendationId" = r."id" AND la."role" = 'lead'
     GROUP BY r."themeId", r."status", la."agencyId"`,
    [today],
  );
  const actions = await ctx.sql<{ status: string; n: number | bigint; overdue: number | bigint }>(
    `SELECT a."status", COUNT(*) AS "n", ${overdue("a")} AS "overdue" FROM "Action" a${notIndexed} GROUP BY a."status"`,
    [today],
  );

  const add = <K>(map: Map<K, number>, key: K, value: number) => map.set(key, (map.get(key) ?? 0) + value);
  const byStatus = new Map<string, number>();
  const byTheme = new Map<string, { themeId: string | null; status: string; n: number }>();
  const byAgency = new Map<string, { agencyId: string; total: number; overdue: number }>();
  let overdueRecommendations = 0;
  let weighted = 0;
  let weight = 0;
  for (const row of recommendations) {
    const n = Number(row.n);
    const late = Number(row.overdue);
    add(byStatus, row.status, n);
    overdueRecommendations += late;
    weighted += Number(row.weighted ?? 0);
    weight += Number(row.weight ?? 0);
    const themeKey = `${row.themeId}|${row.status}`;
    const theme = byTheme.get(themeKey) ?? { themeId: row.themeId, status: row.status, n: 0 };
    theme.n += n;
    byTheme.set(themeKey, theme);
    if (row.agencyId) {
      const agency = byAgency.get(row.agencyId) ?? { agencyId: row.agencyId, total: 0, overdue: 0 };
      agency.total += n;
      agency.overdue += late;
      byAgency.set(row.agencyId, agency);
    }
  }
  return {
    recommendations: {
      byStatus: Object.fromEntries(byStatus),
      overdue: overdueRecommendations,
      weightedProgress: weight > 0 ? Math.round(weighted / weight) : null,
    },
    actions: {
      byStatus: Object.fromEntries(actions.map((row) => [row.status, Number(row.n)])),
      overdue: actions.reduce((sum, row) => sum + Number(row.overdue), 0),
    },
    byTheme: [...byTheme.values()],
    byLeadAgency: [...byAgency.values()],
  };
}
