// The floors: each case's result computed by hand-written SQL, the way one would write it without an
// ORM, on both databases (the same SQL where possible). All in one place, so that when an app function
// is replaced its floor is easy to find and adjust.
import type { ItemStatus } from "../../lib/db/enums";
import type { TrackingParams } from "../../lib/tracking/search-params";
import type { BenchContext } from "./context";

const CLOSED = `('completed', 'not_adopted')`;

// The tracking table -----------------------------------------------------------------------------

export interface TrackingFloor {
  total: number;
  ids: string[];
}

const SORT_COLUMNS: Record<TrackingParams["sort"], string> = {
  code: `i."code"`,
  title: `i."titleZh"`,
  status: `CASE i."status" WHEN 'not_started' THEN 0 WHEN 'in_progress' THEN 1 WHEN 'stalled' THEN 2 WHEN 'completed' THEN 3 ELSE 4 END`,
  progress: `i."progress"`,
  health: `CASE i."health" WHEN 'overdue' THEN 0 WHEN 'at_risk' THEN 1 WHEN 'behind' THEN 2 WHEN 'on_track' THEN 3 ELSE 4 END`,
  dueDate: `i."dueDate"`,
  updatedAt: `i."updatedAt"`,
};

/** Seconds since the epoch of a timestamp column, in each database's words. */
const epoch = (ctx: BenchContext, column: string) =>
  ctx.provider === "sqlite" ? `unixepoch(${column})` : `EXTRACT(EPOCH FROM ${column})`;

/**
 * The health rule (lib/tracking/health.ts) over an item's columns, as a rank (0 overdue … 4 not
 * applicable) and as a name, written out by hand.
 */
function healthSql(ctx: BenchContext, item: string, daySeconds: number) {
  const start = epoch(ctx, `${item}."startDate"`);
  const due = epoch(ctx, `${item}."dueDate"`);
  const elapsed = `(${daySeconds} - ${start})`;
  const actual = `(20 * ${item}."progress" * (${due} - ${start}))`;
  const cases = [
    [`${item}."status" = 'not_adopted'`, "not_applicable"],
    [`${item}."status" = 'completed'`, "on_track"],
    [`${item}."dueDate" IS NULL`, "not_applicable"],
    [`${item}."dueDate" < ?`, "overdue"],
    [`${item}."startDate" IS NULL`, "not_applicable"],
    [`${elapsed} <= 0`, "on_track"],
    [`${actual} >= 1900 * ${elapsed}`, "on_track"],
    [`${actual} >= 1700 * ${elapsed}`, "behind"],
  ];
  return `CASE ${cases.map(([when, then]) => `WHEN ${when} THEN '${then}'`).join(" ")} ELSE 'at_risk' END`;
}

/** Item ids whose search document contains `q`, through the search index, as the app searches. */
async function searchIds(ctx: BenchContext, q: string): Promise<{ sql: string; args: unknown[] }> {
  if (ctx.provider === "postgresql") {
    return { sql: `SELECT "itemId" FROM "SearchDocument" WHERE "text" ILIKE ?`, args: [`%${q}%`] };
  }
  const match = `SELECT d."itemId" FROM "SearchIndex" f JOIN "SearchDocument" d ON d."id" = f."rowid" WHERE "SearchIndex" MATCH ?`;
  if ([...q].length >= 3) return { sql: match, args: [`"${q}"`] };
  const terms = await ctx.sql<{ term: string }>(
    `SELECT "term" FROM "SearchTerms" WHERE "term" >= ? AND "term" < ? LIMIT 201`,
    [q.toLowerCase(), `${q.toLowerCase()}\u{10FFFF}`],
  );
  if (terms.length > 200)
    return { sql: `SELECT "itemId" FROM "SearchDocument" WHERE "text" LIKE ?`, args: [`%${q}%`] };
  return { sql: match, args: [terms.map(({ term }) => `"${term}"`).join(" OR ") || '"\u0001"'] };
}

/**
 * One page of the tracking table (ids in order) and the number of matches, as lib/tracking/queries.ts
 * `getTrackingPage` filters and sorts: health computed per item, search through the index.
 */
export async function trackingPageFloor(
  ctx: BenchContext,
  params: TrackingParams,
  today: Date,
): Promise<TrackingFloor> {
  const action = params.kind === "action";
  const t = action ? "a" : "r";
  const daySeconds = Math.floor(today.getTime() / 1000);
  const from = action
    ? `"Action" a JOIN "Recommendation" r ON r."id" = a."recommendationId"`
    : `"Recommendation" r`;
  const where: string[] = [];
  const args: unknown[] = [];
  if (params.status.length) {
    where.push(`i."status" IN (${params.status.map(() => "?").join(", ")})`);
    args.push(...params.status);
  }
  if (params.theme) {
    where.push(`i."themeId" = ?`);
    args.push(params.theme);
  }
  if (params.overdue) where.push(`i."health" = 'overdue'`);
  if (params.q) {
    const search = await searchIds(ctx, params.q);
    where.push(`i."id" IN (${search.sql})`);
    args.push(...search.args);
  }
  const items = `(
    SELECT ${t}."id", ${t}."code", ${t}."titleZh", CAST(${t}."status" AS TEXT) AS "status", ${t}."progress",
           ${t}."dueDate", ${t}."updatedAt", r."themeId", ${healthSql(ctx, t, daySeconds)} AS "health"
    FROM ${from}) i`;
  const whereSql = where.length ? `WHERE ${where.join(" AND ")}` : "";
  const direction = params.dir === "desc" ? "DESC" : "ASC";
  const [ids, counted] = await Promise.all([
    ctx.sql<{ id: string }>(
      `SELECT i."id" FROM ${items} ${whereSql}
       ORDER BY ${SORT_COLUMNS[params.sort]} ${direction} NULLS LAST, i."id" ASC LIMIT ? OFFSET ?`,
      [today, ...args, params.perPage, (params.page - 1) * params.perPage],
    ),
    ctx.sql<{ n: number | bigint }>(`SELECT COUNT(*) AS "n" FROM ${items} ${whereSql}`, [today, ...args]),
  ]);
  return { total: Number(counted[0]?.n ?? 0), ids: ids.map((row) => row.id) };
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

/**
 * How many recommendations were in each status at the end of `asOf` (proposals submitted by then),
 * each one's state its latest update effective by then, found through its (item, effectiveDate)
 * index; what the as-of dashboard counts.
 */
export async function statusCountsAsOfFloor(ctx: BenchContext, asOf: Date): Promise<Record<string, number>> {
  const endOfDay = new Date(asOf.getTime() + 86_400_000);
  const rows = await ctx.sql<{ status: string | null; n: number | bigint }>(
    `SELECT CAST(su."statusAfter" AS TEXT) AS "status", COUNT(*) AS "n"
     FROM "Recommendation" r
     JOIN "Proposal" p ON p."id" = r."proposalId" AND p."submittedAt" < ?
     LEFT JOIN "StatusUpdate" su ON su."id" = (
       SELECT x."id" FROM "StatusUpdate" x WHERE x."recommendationId" = r."id" AND x."effectiveDate" <= ?
       ORDER BY x."effectiveDate" DESC, x."createdAt" DESC, x."id" DESC LIMIT 1)
     GROUP BY 1`,
    [endOfDay, asOf],
  );
  return Object.fromEntries(rows.map((row) => [row.status ?? "not_started", Number(row.n)]));
}

// Dashboard aggregates -------------------------------------------------------------------------

export interface DashboardFloor {
  items: number;
  completed: number;
  overdue: number;
  averageProgress: number;
  health: Record<string, number>;
  replies: { replied: number; awaiting: number; overdue: number; unassigned: number; mismatched: number };
  timelineEnd: { completed: number; averageProgress: number };
  /** The ids of the overdue list, the due-soon list and the change feed, in order. */
  overdueIds: string[];
  dueSoonIds: string[];
  changeIds: string[];
}

/**
 * The dashboard's figures over every recommendation (lib/dashboard/queries.ts `getDashboard` with no
 * filter), with the names it shows: status, health, theme and lead agency in one grouped pass, then the
 * themes' and agencies' names; replies by class, satisfaction, state and mismatch; the timeline from the
 * daily history totals; items by month of submission; the overdue and due-soon lists and the latest
 * changes in the period, each with its names.
 */
export async function dashboardFloor(
  ctx: BenchContext,
  today: Date,
  period: { from: Date; end: Date },
): Promise<DashboardFloor> {
  const daySeconds = Math.floor(today.getTime() / 1000);
  const month = (column: string) =>
    ctx.provider === "sqlite"
      ? `strftime('%Y-%m', ${column}, '+8 hours')`
      : `to_char(${column} + INTERVAL '8 hours', 'YYYY-MM')`;
  const soon = new Date(today.getTime() + 30 * 86_400_000);
  const listColumns = `r."id", r."code", r."titleZh", r."titleEn", r."status", r."progress", r."startDate",
    r."dueDate", r."updatedAt", r."replyClass", p."code" AS "proposalCode", t."nameZh" AS "themeZh",
    t."nameEn" AS "themeEn", a."nameZh" AS "agencyZh", a."nameEn" AS "agencyEn", a."shortNameZh", a."shortNameEn"
    FROM "Recommendation" r JOIN "Proposal" p ON p."id" = r."proposalId"
    LEFT JOIN "Theme" t ON t."id" = r."themeId" LEFT JOIN "Agency" a ON a."id" = r."leadAgencyId"`;
  type Row = Record<string, unknown>;
  const [facts, replies, timeline, , overdueList, dueSoonList, changes] = await Promise.all([
    ctx.sql<{ status: string; health: string; n: number | bigint; progress: number | bigint }>(
      `SELECT f.*, t."code", t."nameZh", t."nameEn", t."sortOrder", a."nameZh" AS "agencyZh",
         a."nameEn" AS "agencyEn", a."shortNameZh", a."shortNameEn"
       FROM (SELECT r."status", ${healthSql(ctx, "r", daySeconds)} AS "health", r."themeId", r."leadAgencyId",
               COUNT(*) AS "n", SUM(r."progress") AS "progress"
             FROM "Recommendation" r GROUP BY 1, 2, 3, 4) f
       LEFT JOIN "Theme" t ON t."id" = f."themeId" LEFT JOIN "Agency" a ON a."id" = f."leadAgencyId"`,
      [today],
    ),
    ctx.sql<{ state: string; mismatch: number | bigint; n: number | bigint }>(
      `SELECT r."replyClass", r."satisfaction",
         CASE WHEN r."repliedAt" IS NOT NULL THEN 'replied' WHEN r."assignedAt" IS NULL THEN 'unassigned'
              WHEN r."replyDueAt" < ? THEN 'overdue' ELSE 'awaiting' END AS "state",
         CASE WHEN (r."replyClass" = 'A' AND r."progress" < 50)
                OR (r."replyClass" IN ('C', 'D') AND r."status" = 'completed') THEN 1 ELSE 0 END AS "mismatch",
         COUNT(*) AS "n"
       FROM "Recommendation" r GROUP BY 1, 2, 3, 4`,
      [today],
    ),
    ctx.sql<{ month: string; progress: number | bigint; completed: number | bigint }>(
      `SELECT ${month(`"day"`)} AS "month", SUM("progressChange") AS "progress", SUM("completedChange") AS "completed"
       FROM "HistoryDay" WHERE "kind" = 'recommendation' GROUP BY 1`,
    ),
    ctx.sql(
      `SELECT ${month(`p."submittedAt"`)} AS "month", COUNT(*) FROM "Recommendation" r
       JOIN "Proposal" p ON p."id" = r."proposalId" GROUP BY 1`,
    ),
    ctx.sql<Row>(
      `SELECT ${listColumns} WHERE r."dueDate" < ? AND r."status" NOT IN ${CLOSED}
       ORDER BY r."dueDate", r."id" LIMIT 10`,
      [today],
    ),
    ctx.sql<Row>(
      `SELECT ${listColumns} WHERE r."status" NOT IN ${CLOSED} AND r."dueDate" >= ? AND r."dueDate" <= ?
       ORDER BY r."dueDate", r."id" LIMIT 10`,
      [today, soon],
    ),
    ctx.sql<Row>(
      `SELECT su."id", su."statusBefore", su."statusAfter", su."progressBefore", su."progressAfter",
         su."effectiveDate", su."createdAt", su."comment", su."rollUpCause", u."name" AS "authorName",
         r."code", r."titleZh", r."titleEn", p."code" AS "proposalCode"
       FROM "StatusUpdate" su JOIN "User" u ON u."id" = su."authorId"
       JOIN "Recommendation" r ON r."id" = su."recommendationId" JOIN "Proposal" p ON p."id" = r."proposalId"
       WHERE su."effectiveDate" >= ? AND su."effectiveDate" < ?
       ORDER BY su."effectiveDate" DESC, su."createdAt" DESC, su."id" DESC LIMIT 12`,
      [period.from, period.end],
    ),
  ]);
  let items = 0;
  let completed = 0;
  let progress = 0;
  const health: Record<string, number> = {};
  for (const row of facts) {
    const n = Number(row.n);
    items += n;
    progress += Number(row.progress);
    if (row.status === "completed") completed += n;
    health[row.health] = (health[row.health] ?? 0) + n;
  }
  const replyFigures = { replied: 0, awaiting: 0, overdue: 0, unassigned: 0, mismatched: 0 };
  for (const row of replies) {
    replyFigures[row.state as keyof typeof replyFigures] += Number(row.n);
    if (Number(row.mismatch)) replyFigures.mismatched += Number(row.n);
  }
  const totals = timeline.reduce(
    (sum, row) => ({
      progress: sum.progress + Number(row.progress),
      completed: sum.completed + Number(row.completed),
    }),
    { progress: 0, completed: 0 },
  );
  return {
    items,
    completed,
    overdue: health.overdue ?? 0,
    averageProgress: items ? progress / items : 0,
    health,
    replies: replyFigures,
    timelineEnd: { completed: totals.completed, averageProgress: items ? totals.progress / items : 0 },
    overdueIds: overdueList.map((row) => String(row.id)),
    dueSoonIds: dueSoonList.map((row) => String(row.id)),
    changeIds: changes.map((row) => String(row.id)),
  };
}
