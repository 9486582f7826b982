// Every figure of the officials' dashboard, aggregated in the database over the items the filters
// select (lib/tracking/item-sql.ts), now or as of a past day.
import { DAY_MS, shanghaiDate, shanghaiToday } from "@/lib/dates";
import { type Db, providerOf, sqlReader } from "@/lib/db/client";
import type { ItemStatus, ReplyClass } from "@/lib/db/enums";
import { liveProposals } from "@/lib/db/live";
import { raw, sql } from "@/lib/db/sql";
import { HEALTH, type Health } from "@/lib/tracking/health";
import {
  filteredColumn,
  filteredItems,
  type ItemScope,
  itemScope,
  neglectedSql,
  overdueSql,
  rehandlingSql,
  replyMismatchSql,
} from "@/lib/tracking/item-sql";
import { ITEM_STATE_COLUMNS, type ItemStateRow, withDetails } from "@/lib/tracking/queries";
import { hasItemFilters, itemFilters } from "@/lib/tracking/search-params";
import { cycleFigures } from "./cycle-figures";
import { type DashboardParams, DUE_SOON_DAYS, monthsBetween, resolvePeriod } from "./params";

const LIST_LENGTH = 10;
const FEED_LENGTH = 12;
// Below this many items, the change feed looks up each item's history rather than walking all of it.
const FEW_ITEMS = 2_000;

/** Numbers come back as number, bigint or decimal depending on the database and the function. */
const num = (value: unknown) => Number(value ?? 0);

/** The Shanghai month ("YYYY-MM") of a stored date. */
function monthOf(provider: ItemScope["provider"], column: string) {
  return raw(
    provider === "sqlite"
      ? `strftime('%Y-%m', ${column}, '+8 hours')`
      : `to_char(${column} + INTERVAL '8 hours', 'YYYY-MM')`,
  );
}

type FactRow = { groupKey: string | null; agencyKey: string | null; items: unknown };

/** How many items the grouped facts count. */
const sumOf = (facts: FactRow[]) => facts.reduce((sum, row) => sum + num(row.items), 0);

/** The distinct non-null keys of one grouping. */
const keysOf = (facts: FactRow[], key: "groupKey" | "agencyKey") => [
  ...new Set(facts.flatMap((row) => (row[key] ? [row[key]] : []))),
];

/** The latest status updates of the items within the period, newest first, with what the feed shows. */
async function latestChanges(
  db: Db,
  scope: ItemScope,
  params: DashboardParams,
  period: { from: string; to: string },
  walkByDate: boolean,
) {
  const foreignKey = raw(params.kind === "action" ? `su."actionId"` : `su."recommendationId"`);
  const periodEnd = new Date(shanghaiDate(period.to).getTime() + DAY_MS);
  const ids = await db.$queryRaw<{ id: string }[]>(sql`
    SELECT su."id" FROM "StatusUpdate" su
    WHERE ${raw(walkByDate ? "+" : "")}${foreignKey} IN (${filteredColumn(scope, params)})
      AND su."effectiveDate" >= ${shanghaiDate(period.from)} AND su."effectiveDate" < ${periodEnd}
    ORDER BY su."effectiveDate" DESC, su."createdAt" DESC, su."id" DESC LIMIT ${FEED_LENGTH}`);
  const updates = await db.statusUpdate.findMany({
    where: { id: { in: ids.map((row) => row.id) } },
    select: {
      id: true,
      statusBefore: true,
      statusAfter: true,
      progressBefore: true,
      progressAfter: true,
      effectiveDate: true,
      createdAt: true,
      comment: true,
      rollUpCause: true,
      author: { select: { name: true } },
      recommendation: {
        select: { code: true, titleZh: true, titleEn: true, proposal: { select: { code: true } } },
      },
      action: {
        select: {
          code: true,
          titleZh: true,
          titleEn: true,
          recommendation: { select: { code: true, proposal: { select: { code: true } } } },
        },
      },
    },
  });
  const byId = new Map(updates.map((update) => [update.id, update]));
  return ids.flatMap((row) => {
    const update = byId.get(row.id);
    return update ? [update] : [];
  });
}

export async function getDashboard(db: Db, params: DashboardParams, today: Date = shanghaiToday()) {
  const provider = providerOf(db);
  const scope = await itemScope(sqlReader(db), params, today);
  const items = filteredItems(scope, params);
  const period = resolvePeriod(params, scope.day);
  const periodEnd = new Date(shanghaiDate(period.to).getTime() + DAY_MS);
  const soon = new Date(scope.day.getTime() + DUE_SOON_DAYS * DAY_MS);
  const foreignKey = raw(params.kind === "action" ? `su."actionId"` : `su."recommendationId"`);
  const singleProposal =
    Boolean(params.proposal) || (await db.proposal.count({ where: liveProposals() })) <= 1;
  const groupKey = raw(singleProposal ? `i."recommendationId"` : `i."themeId"`);

  const replyItems =
    params.kind === "action"
      ? filteredItems(
          scope,
          itemFilters.parse({ kind: "recommendation" }),
          sql`i."id" IN (${filteredColumn(scope, params, "recommendationId")})`,
        )
      : items;

  // One pass over the items gives the headline, the distributions and both groupings.
  const factsQuery = db.$queryRaw<
    {
      status: ItemStatus;
      health: Health;
      groupKey: string | null;
      agencyKey: string | null;
      items: unknown;
      progress: unknown;
    }[]
  >(sql`
    SELECT i."status", i."health", ${groupKey} AS "groupKey", i."leadAgencyId" AS "agencyKey",
      COUNT(*) AS "items", SUM(i."progress") AS "progress"
    FROM ${items} GROUP BY 1, 2, 3, 4`);

  // Each chain of queries starts as soon as what it needs is in. On PostgreSQL they run side by side on
  // the pool's connections; SQLite runs one at a time whatever the order.
  const lists = Promise.all([
    db.$queryRaw<ItemStateRow[]>(sql`
      SELECT ${ITEM_STATE_COLUMNS} FROM ${filteredItems(scope, params, overdueSql(scope))}
      ORDER BY i."dueDate" ASC, i."id" ASC LIMIT ${LIST_LENGTH}`),
    db.$queryRaw<ItemStateRow[]>(sql`
      SELECT ${ITEM_STATE_COLUMNS} FROM ${filteredItems(
        scope,
        params,
        sql`i."status" NOT IN ('completed', 'not_adopted') AND i."dueDate" >= ${scope.day} AND i."dueDate" <= ${soon}`,
      )}
      ORDER BY i."dueDate" ASC, i."id" ASC LIMIT ${LIST_LENGTH}`),
  ]).then(async ([overdue, dueSoon]) => {
    // Both lists' names in one load (an item is overdue or due soon, never both).
    const listed = await withDetails(db, params.kind, [...overdue, ...dueSoon]);
    const overdueIds = new Set(overdue.map((row) => row.id));
    return {
      overdue: listed.filter((item) => overdueIds.has(item.id)),
      dueSoon: listed.filter((item) => !overdueIds.has(item.id)),
    };
  });
  // The latest changes: over many items, walking the history backwards by date finds them soonest;
  // over a few, looking up each item's history is faster. SQLite needs telling which (the unary plus
  // keeps it off the item index), so there the walk waits for the count.
  const latest =
    provider === "sqlite"
      ? factsQuery.then((facts) => latestChanges(db, scope, params, period, sumOf(facts) > FEW_ITEMS))
      : latestChanges(db, scope, params, period, false);
  const names = factsQuery.then(async (facts) => {
    const [groupNames, agencyNames] = await Promise.all([
      singleProposal
        ? db.recommendation.findMany({
            where: { id: { in: keysOf(facts, "groupKey") } },
            select: { id: true, code: true, titleZh: true, titleEn: true, sortOrder: true },
          })
        : db.theme.findMany({
            where: { id: { in: keysOf(facts, "groupKey") } },
            select: { id: true, code: true, nameZh: true, nameEn: true, sortOrder: true },
          }),
      db.agency.findMany({
        where: { id: { in: keysOf(facts, "agencyKey") } },
        select: { id: true, nameZh: true, nameEn: true, shortNameZh: true, shortNameEn: true },
      }),
    ]);
    return { groupNames, agencyNames };
  });

  const [
    facts,
    replies,
    changes,
    itemsByMonth,
    { overdue, dueSoon },
    feed,
    { groupNames, agencyNames },
    cycle,
  ] = await Promise.all([
    factsQuery,
    // Replies belong to recommendations: for actions, to the recommendations they serve.
    db.$queryRaw<
      {
        replyClass: ReplyClass | null;
        satisfaction: string | null;
        state: string;
        mismatch: unknown;
        neglected: unknown;
        rehandling: "awaiting" | "overdue" | null;
        items: unknown;
      }[]
    >(sql`
        SELECT i."replyClass", i."satisfaction",
          CASE WHEN i."repliedAt" IS NOT NULL THEN 'replied'
               WHEN i."assignedAt" IS NULL THEN 'unassigned'
               WHEN i."replyDueAt" < ${scope.day} THEN 'overdue'
               ELSE 'awaiting' END AS "state",
          CASE WHEN ${replyMismatchSql} THEN 1 ELSE 0 END AS "mismatch",
          CASE WHEN ${neglectedSql(scope)} THEN 1 ELSE 0 END AS "neglected",
          CASE WHEN ${rehandlingSql(scope, "overdue")} THEN 'overdue'
               WHEN ${rehandlingSql(scope, "awaiting")} THEN 'awaiting' END AS "rehandling",
          COUNT(*) AS "items"
        FROM ${replyItems}
        GROUP BY 1, 2, 3, 4, 5, 6`),
    // The history appends each item's updates in order, each starting from the one before, so a
    // month's change is the sum of its updates' differences. Over all items (none archived), the
    // daily totals HistoryDay keeps give the same sums at a fraction of the cost.
    // HistoryDay's totals count every item's history, archived items' too.
    hasItemFilters(params) || scope.someArchived
      ? db.$queryRaw<{ month: string; progress: unknown; completed: unknown }[]>(sql`
            SELECT ${monthOf(provider, `su."effectiveDate"`)} AS "month",
              SUM(su."progressAfter" - COALESCE(su."progressBefore", 0)) AS "progress",
              SUM(CASE WHEN su."statusAfter" = 'completed' THEN 1 ELSE 0 END
                - CASE WHEN su."statusBefore" = 'completed' THEN 1 ELSE 0 END) AS "completed"
            FROM "StatusUpdate" su
            WHERE ${foreignKey} IN (${filteredColumn(scope, params)}) AND su."effectiveDate" < ${periodEnd}
            GROUP BY 1`)
      : db.$queryRaw<{ month: string; progress: unknown; completed: unknown }[]>(sql`
            SELECT ${monthOf(provider, `h."day"`)} AS "month", SUM(h."progressChange") AS "progress",
              SUM(h."completedChange") AS "completed"
            FROM "HistoryDay" h
            WHERE h."kind" = ${params.kind} AND h."day" < ${periodEnd}
            GROUP BY 1`),
    // An item counts from the month its proposal was submitted.
    db.$queryRaw<{ month: string; items: unknown }[]>(sql`
        SELECT ${monthOf(provider, `p."submittedAt"`)} AS "month", COUNT(*) AS "items"
        FROM (${filteredColumn(scope, params, "proposalId")}) f JOIN "Proposal" p ON p."id" = f."proposalId"
        GROUP BY 1`),
    lists,
    latest,
    names,
    cycleFigures(db, scope, replyItems),
  ]);

  // Headline figures, status, health, and the two groupings.
  const statusCounts = new Map<ItemStatus, number>();
  const healthCounts = new Map<Health, number>(HEALTH.map((health) => [health, 0]));
  type Figures = { items: number; progress: number; completed: number; overdue: number };
  const byGroup = new Map<string | null, Figures>();
  const byAgency = new Map<string | null, Figures>();
  const add = (into: Map<string | null, Figures>, key: string | null, row: (typeof facts)[number]) => {
    const figures = into.get(key) ?? { items: 0, progress: 0, completed: 0, overdue: 0 };
    const count = num(row.items);
    figures.items += count;
    figures.progress += num(row.progress);
    if (row.status === "completed") figures.completed += count;
    if (row.health === "overdue") figures.overdue += count;
    into.set(key, figures);
  };
  let total = 0;
  let progressSum = 0;
  for (const row of facts) {
    const count = num(row.items);
    total += count;
    progressSum += num(row.progress);
    statusCounts.set(row.status, (statusCounts.get(row.status) ?? 0) + count);
    healthCounts.set(row.health, (healthCounts.get(row.health) ?? 0) + count);
    add(byGroup, row.groupKey, row);
    add(byAgency, row.agencyKey, row);
  }

  const groupById = new Map(
    groupNames.map((group) =>
      "titleZh" in group
        ? [
            group.id,
            { code: group.code, nameZh: group.titleZh, nameEn: group.titleEn, sortOrder: group.sortOrder },
          ]
        : [
            group.id,
            { code: group.code, nameZh: group.nameZh, nameEn: group.nameEn, sortOrder: group.sortOrder },
          ],
    ),
  );
  const groups = [...byGroup]
    .map(([key, figures]) => ({
      id: key,
      ...(key ? groupById.get(key) : undefined),
      items: figures.items,
      completed: figures.completed,
      averageProgress: figures.progress / Math.max(1, figures.items),
    }))
    .sort(
      (a, b) =>
        (a.sortOrder ?? Infinity) - (b.sortOrder ?? Infinity) || (a.code ?? "").localeCompare(b.code ?? ""),
    );

  const agencyById = new Map(agencyNames.map((agency) => [agency.id, agency]));
  const agencies = [...byAgency]
    .map(([key, figures]) => ({
      id: key,
      agency: key ? (agencyById.get(key) ?? null) : null,
      items: figures.items,
      completed: figures.completed,
      overdue: figures.overdue,
      averageProgress: figures.progress / Math.max(1, figures.items),
    }))
    .sort((a, b) => b.items - a.items || (a.agency?.nameZh ?? "").localeCompare(b.agency?.nameZh ?? ""));

  // Replies.
  const replyClasses = new Map<ReplyClass, number>();
  const satisfaction = new Map<string, number>();
  const replyStates = { replied: 0, awaiting: 0, overdue: 0, unassigned: 0 };
  // Re-handling after a dissatisfied feedback: a reply of its own, with its own clock.
  const rehandling = { awaiting: 0, overdue: 0 };
  let mismatched = 0;
  // 重答复轻办理: replied A or B, then nothing done for N months (lib/tracking/item-sql.ts neglectedSql).
  let neglected = 0;
  for (const row of replies) {
    const count = num(row.items);
    if (row.replyClass) replyClasses.set(row.replyClass, (replyClasses.get(row.replyClass) ?? 0) + count);
    if (row.satisfaction)
      satisfaction.set(row.satisfaction, (satisfaction.get(row.satisfaction) ?? 0) + count);
    replyStates[row.state as keyof typeof replyStates] += count;
    if (num(row.mismatch)) mismatched += count;
    if (num(row.neglected)) neglected += count;
    if (row.rehandling) rehandling[row.rehandling] += count;
  }

  // Progress over time: running sums of the monthly changes, from before the period to each month's end.
  const months = monthsBetween(period.from, period.to);
  const firstMonth = months[0] ?? "";
  const progressByMonth = new Map<string, number>();
  const completedByMonth = new Map<string, number>();
  let progressRunning = 0;
  let completedRunning = 0;
  for (const row of changes) {
    if (row.month < firstMonth) {
      progressRunning += num(row.progress);
      completedRunning += num(row.completed);
    } else {
      progressByMonth.set(row.month, num(row.progress));
      completedByMonth.set(row.month, num(row.completed));
    }
  }
  const itemsByMonthMap = new Map(itemsByMonth.map((row) => [row.month, num(row.items)]));
  let itemsRunning = itemsByMonth.reduce(
    (sum, row) => (row.month < firstMonth ? sum + num(row.items) : sum),
    0,
  );
  const timeline = months.map((month) => {
    progressRunning += progressByMonth.get(month) ?? 0;
    completedRunning += completedByMonth.get(month) ?? 0;
    itemsRunning += itemsByMonthMap.get(month) ?? 0;
    return {
      month,
      items: itemsRunning,
      completed: completedRunning,
      averageProgress: itemsRunning ? progressRunning / itemsRunning : 0,
    };
  });

  return {
    day: scope.day,
    asOf: scope.asOf,
    kind: params.kind,
    period,
    headline: {
      items: total,
      completed: statusCounts.get("completed") ?? 0,
      inProgress: statusCounts.get("in_progress") ?? 0,
      stalled: statusCounts.get("stalled") ?? 0,
      notStarted: statusCounts.get("not_started") ?? 0,
      notAdopted: statusCounts.get("not_adopted") ?? 0,
      overdue: healthCounts.get("overdue") ?? 0,
      averageProgress: total ? progressSum / total : 0,
    },
    status: [...statusCounts].map(([status, items]) => ({ status, items })),
    health: HEALTH.map((health) => ({ health, items: healthCounts.get(health) ?? 0 })),
    groupedBy: singleProposal ? ("recommendation" as const) : ("theme" as const),
    groups,
    agencies,
    replies: {
      ...replyStates,
      classes: [...replyClasses].map(([replyClass, items]) => ({ replyClass, items })),
      satisfaction: [...satisfaction].map(([key, items]) => ({ key, items })),
      mismatched,
      neglected,
      neglectMonths: scope.neglectMonths,
      rehandling,
    },
    cycle,
    timeline,
    overdue,
    dueSoon,
    changes: feed,
  };
}

export type Dashboard = Awaited<ReturnType<typeof getDashboard>>;
