// The items a view shows, as SQL: the table, the dashboard and the API all read recommendations or
// actions through `itemsSql`, so that a chart segment and the table rows behind it always agree.
// Health and the as-of state are computed here, in the database, because they filter, sort and
// group; the same statement runs on SQLite and PostgreSQL except for the few spots marked.

import { contactSql } from "@/lib/contacts/sql";
import { VIEWS_OWED_STAGES } from "@/lib/cycle/machine";
import { CYCLE_SETTING, type CycleSettings, cycleSettingsOf } from "@/lib/cycle/settings";
import { warningSql } from "@/lib/cycle/warning";
import type { DatabaseProvider } from "@/lib/database-url";
import { addMonths, DAY_MS, shanghaiDate, toShanghaiDateString } from "@/lib/dates";
import { empty, join, raw, type Sql, type SqlReader, sql } from "@/lib/db/sql";
import { firstDayNotOverdue, firstFeedbackDayNotOverdue } from "@/lib/recommendations/reply-clock";
import type { ItemFilters, TrackingParams } from "./search-params";

export type ItemScope = {
  provider: DatabaseProvider;
  /** The day the view describes (today, or the as-of day), as midnight in Shanghai. */
  day: Date;
  /** Set when the state is to be reconstructed from the history instead of read from the items. */
  asOf: Date | null;
  /** The ids of the items whose text contains the search, when there is one. */
  search: Sql | null;
  /**
   * Whether any recommendation is archived. Only then do the queries say to leave them out: the
   * condition alone steers the databases off the indexes that serve the tables and figures.
   */
  someArchived: boolean;
  /** The 三色预警 thresholds in force (lib/cycle/warning.ts). */
  warning: Pick<CycleSettings, "yellowDaysBefore" | "redDaysAfter">;
  /** The months a co-handler has for its view (lib/cycle/settings.ts). */
  coHandlerViewMonths: number;
  /** 重答复轻办理 after this many months (lib/cycle/settings.ts). */
  neglectMonths: number;
};

/** The day a view describes, whether it looks back, and what its search finds. */
export async function itemScope(
  db: SqlReader,
  filters: Pick<ItemFilters, "asOf" | "q">,
  today: Date,
): Promise<ItemScope> {
  const { provider } = db;
  const asOf = filters.asOf ? shanghaiDate(filters.asOf) : null;
  const [search, archived, settings] = await Promise.all([
    filters.q ? searchSql(db, filters.q) : null,
    // Answered by the partial index Recommendation_archived_idx.
    db.rows(sql`SELECT "id" FROM "Recommendation" WHERE "archivedAt" IS NOT NULL LIMIT 1`),
    db.rows<{ value: unknown }>(sql`SELECT "value" FROM "AppSetting" WHERE "key" = ${CYCLE_SETTING}`),
  ]);
  const { yellowDaysBefore, redDaysAfter, coHandlerViewMonths, neglectMonths } = cycleSettingsOf(
    settings[0]?.value,
  );
  return {
    provider,
    day: asOf ?? today,
    asOf,
    search,
    someArchived: archived.length > 0,
    warning: { yellowDaysBefore, redDaysAfter },
    coHandlerViewMonths,
    neglectMonths,
  };
}

/** Seconds since the epoch of a timestamp column. */
function epochSeconds(provider: DatabaseProvider, column: string): Sql {
  return raw(provider === "sqlite" ? `unixepoch(${column})` : `EXTRACT(EPOCH FROM ${column})`);
}

/**
 * Status and progress of each item: the current values, or on an as-of day the latest update effective
 * by then (none yet: not started). Reply facts count only once they had happened by that day.
 */
function stateColumns(
  scope: ItemScope,
  kind: ItemFilters["kind"],
  withState: boolean,
): { columns: Sql; joins: Sql } {
  const item = kind === "action" ? "a" : "r";
  const foreignKey = kind === "action" ? `"actionId"` : `"recommendationId"`;
  if (!scope.asOf) {
    return {
      columns: sql`CAST(${raw(item)}."status" AS TEXT) AS "status", ${raw(item)}."progress" AS "progress",
        ${raw(item)}."updatedAt" AS "updatedAt",
        CAST(r."replyClass" AS TEXT) AS "replyClass", r."repliedAt" AS "repliedAt",
        r."assignedAt" AS "assignedAt", r."satisfaction" AS "satisfaction", r."feedbackAt" AS "feedbackAt",
        r."rehandlingRepliedAt" AS "rehandlingRepliedAt", CAST(r."stage" AS TEXT) AS "stage",
        r."replyDueAt" AS "replyDueAt"`,
      joins: empty,
    };
  }
  const endOfDay = new Date(scope.asOf.getTime() + DAY_MS);
  // Looking up every item's latest update is the costly part: left out where nothing reads the state.
  const state = withState
    ? {
        columns: sql`COALESCE(CAST(s."statusAfter" AS TEXT), 'not_started')`,
        progress: sql`COALESCE(s."progressAfter", 0)`,
        // "Last changed", on that day: when its latest update then took effect.
        updatedAt: sql`s."effectiveDate"`,
        join: sql`LEFT JOIN "StatusUpdate" s ON s."id" = (
          SELECT su."id" FROM "StatusUpdate" su
          WHERE su.${raw(foreignKey)} = ${raw(item)}."id" AND su."effectiveDate" <= ${scope.asOf}
          ORDER BY su."effectiveDate" DESC, su."createdAt" DESC, su."id" DESC
          LIMIT 1)`,
      }
    : { columns: sql`NULL`, progress: sql`NULL`, updatedAt: sql`NULL`, join: empty };
  return {
    columns: sql`${state.columns} AS "status",
      ${state.progress} AS "progress",
      ${state.updatedAt} AS "updatedAt",
      CASE WHEN r."repliedAt" < ${endOfDay} THEN CAST(r."replyClass" AS TEXT) END AS "replyClass",
      CASE WHEN r."repliedAt" < ${endOfDay} THEN r."repliedAt" END AS "repliedAt",
      CASE WHEN r."assignedAt" < ${endOfDay} THEN r."assignedAt" END AS "assignedAt",
      CASE WHEN r."feedbackAt" < ${endOfDay} THEN r."satisfaction" END AS "satisfaction",
      CASE WHEN r."feedbackAt" < ${endOfDay} THEN r."feedbackAt" END AS "feedbackAt",
      CASE WHEN r."rehandlingRepliedAt" < ${endOfDay} THEN r."rehandlingRepliedAt" END AS "rehandlingRepliedAt",
      ${stageAsOf(endOfDay)} AS "stage",
      ${replyDueAsOf(endOfDay)} AS "replyDueAt"`,
    joins: sql`
      JOIN "Proposal" p ON p."id" = r."proposalId" AND p."submittedAt" < ${endOfDay}
      ${state.join}`,
  };
}

/**
 * A recommendation's stage of the handling cycle at the end of a day: where its latest step by then
 * led, or, for one handled before the cycle was recorded, where its dates put it then (as the
 * migration that brought the cycle placed it).
 */
function stageAsOf(endOfDay: Date): Sql {
  return sql`COALESCE(
    (SELECT CAST(ce."toStage" AS TEXT) FROM "CycleEvent" ce
      WHERE ce."recommendationId" = r."id" AND ce."createdAt" < ${endOfDay}
      ORDER BY ce."createdAt" DESC, ce."id" DESC LIMIT 1),
    CASE
      WHEN NOT EXISTS (SELECT 1 FROM "CycleEvent" ce WHERE ce."recommendationId" = r."id") THEN
        CASE
          WHEN r."repliedAt" < ${endOfDay} AND r."feedbackAt" < ${endOfDay} THEN 'evaluated'
          WHEN r."repliedAt" < ${endOfDay} THEN 'replied'
          WHEN r."assignedAt" < ${endOfDay} THEN 'handling'
        END
    END,
    'unassigned')`;
}

/**
 * A recommendation's reply deadline at the end of a day: none before its assignment; the deadline an
 * extension approved later started from (the first of them), else the one it has now.
 */
function replyDueAsOf(endOfDay: Date): Sql {
  return sql`CASE WHEN r."assignedAt" < ${endOfDay} THEN COALESCE(
    (SELECT e."previousDueAt" FROM "ExtensionRequest" e
      WHERE e."recommendationId" = r."id" AND e."state" = 'approved' AND e."decidedAt" >= ${endOfDay}
      ORDER BY e."decidedAt" ASC, e."id" ASC LIMIT 1),
    r."replyDueAt") END`;
}

/** Recommendations or actions with the columns every view needs, before health. */
function baseItems(scope: ItemScope, kind: ItemFilters["kind"], withState = true): Sql {
  const state = stateColumns(scope, kind, withState);
  if (kind === "action") {
    return sql`
      SELECT a."id" AS "id", a."recommendationId" AS "recommendationId", a."code" AS "code",
        a."titleZh" AS "titleZh", r."proposalId" AS "proposalId", r."themeId" AS "themeId",
        ${state.columns}, a."startDate" AS "startDate", a."dueDate" AS "dueDate",
        a."leadAgencyId" AS "leadAgencyId", r."priority" AS "priority"
      FROM "Action" a
      JOIN "Recommendation" r ON r."id" = a."recommendationId"
      ${state.joins}
      ${scope.someArchived ? sql`WHERE r."archivedAt" IS NULL` : empty}`;
  }
  return sql`
    SELECT r."id" AS "id", r."id" AS "recommendationId", r."code" AS "code",
      r."titleZh" AS "titleZh", r."proposalId" AS "proposalId", r."themeId" AS "themeId",
      ${state.columns}, r."startDate" AS "startDate", r."dueDate" AS "dueDate",
      r."leadAgencyId" AS "leadAgencyId", r."priority" AS "priority"
    FROM "Recommendation" r
    ${state.joins}
    ${
      // Archived recommendations (and the actions under them) leave every list and figure; their
      // history stays on their own page.
      scope.someArchived ? sql`WHERE r."archivedAt" IS NULL` : empty
    }`;
}

/** health.ts's rule, in SQL, on the columns of baseItems. */
function healthColumn(scope: ItemScope): Sql {
  const daySeconds = Math.floor(scope.day.getTime() / 1000);
  const start = epochSeconds(scope.provider, `b."startDate"`);
  const due = epochSeconds(scope.provider, `b."dueDate"`);
  const elapsed = sql`(CAST(${daySeconds} AS BIGINT) - ${start})`;
  const actual = sql`(20 * b."progress" * (${due} - ${start}))`;
  return sql`CASE
    WHEN b."status" = 'not_adopted' THEN 'not_applicable'
    WHEN b."status" = 'completed' THEN 'on_track'
    WHEN b."dueDate" IS NULL THEN 'not_applicable'
    WHEN b."dueDate" < ${scope.day} THEN 'overdue'
    WHEN b."startDate" IS NULL THEN 'not_applicable'
    WHEN ${elapsed} <= 0 THEN 'on_track'
    WHEN ${actual} >= 19 * 100 * ${elapsed} THEN 'on_track'
    WHEN ${actual} >= 17 * 100 * ${elapsed} THEN 'behind'
    ELSE 'at_risk'
  END`;
}

/**
 * Overdue items, as health says, in terms a database can use an index for and test before working
 * out the health of every item: open and past due.
 */
export function overdueSql(scope: ItemScope): Sql {
  return sql`i."status" NOT IN ('completed', 'not_adopted') AND i."dueDate" < ${scope.day}`;
}

/** All items of a kind, with health: a subquery to select from `AS i`. */
export function itemsSql(scope: ItemScope, kind: ItemFilters["kind"]): Sql {
  return sql`(SELECT b.*, ${healthColumn(scope)} AS "health",
    ${warningSql("b", scope.day, scope.warning)} AS "warning" FROM (${baseItems(scope, kind)}) b)`;
}

/**
 * The reply and the progress disagree: a class A reply (solved, adopted) with less than half done,
 * or a class C/D reply (later, for reference) on an item marked completed.
 */
export const replyMismatchSql = sql`((i."replyClass" = 'A' AND i."progress" < 50)
  OR (i."replyClass" IN ('C', 'D') AND i."status" = 'completed'))`;

/**
 * Re-handling (重新办理) after a dissatisfied feedback, not yet answered again: "overdue" once its month
 * has passed (reply-clock.ts's rule), "awaiting" before; on the columns of baseItems.
 */
export function rehandlingSql(scope: ItemScope, state: "awaiting" | "overdue"): Sql {
  const limit = firstFeedbackDayNotOverdue(scope.day);
  return sql`(i."satisfaction" IN (SELECT "key" FROM "SatisfactionLevel" WHERE "isDissatisfied" = TRUE)
    AND i."feedbackAt" IS NOT NULL AND i."rehandlingRepliedAt" IS NULL
    AND i."feedbackAt" ${raw(state === "overdue" ? "<" : ">=")} ${limit})`;
}

/**
 * A co-handler's view (协办意见) still owed on the scope's day: given the item by then, not sent by
 * then, while the item's stage owes it; "overdue" once its months have passed. The same rule as the
 * item's panel and the dashboard (lib/cycle/assignment.ts, lib/dashboard/cycle-figures.ts).
 */
export function coHandlerViewsSql(scope: ItemScope, state: "awaiting" | "overdue"): Sql {
  const endOfDay = new Date(scope.day.getTime() + DAY_MS);
  const limit = firstDayNotOverdue(scope.day, scope.coHandlerViewMonths);
  return sql`(i."stage" IN (${join([...VIEWS_OWED_STAGES])}) AND EXISTS (SELECT 1 FROM "RecommendationAgency" x
    WHERE x."recommendationId" = i."recommendationId" AND x."role" = 'co_handler'
      AND x."createdAt" < ${endOfDay} AND (x."viewAt" IS NULL OR x."viewAt" >= ${endOfDay})
      AND x."createdAt" ${raw(state === "overdue" ? "<" : ">=")} ${limit}))`;
}

/**
 * 重答复轻办理: replied as class A or B at least `neglectMonths` months before the scope's day (exactly so
 * many months counts), and since the reply's day no status update by a person (roll-ups only repeat them)
 * and no evidence, on the recommendation or any of its actions. An action's row: its recommendation's.
 */
export function neglectedSql(scope: ItemScope): Sql {
  const limit = shanghaiDate(addMonths(toShanghaiDateString(scope.day), -scope.neglectMonths));
  const endOfDay = new Date(scope.day.getTime() + DAY_MS);
  const ofItem = (table: string) => sql`(${raw(table)}."recommendationId" = i."recommendationId"
      OR ${raw(table)}."actionId" IN (SELECT a."id" FROM "Action" a WHERE a."recommendationId" = i."recommendationId"))`;
  return sql`(i."replyClass" IN ('A', 'B') AND i."repliedAt" IS NOT NULL AND i."repliedAt" <= ${limit}
    AND NOT EXISTS (SELECT 1 FROM "StatusUpdate" su WHERE ${ofItem("su")} AND su."rollUpCause" IS NULL
      AND su."effectiveDate" >= i."repliedAt" AND su."createdAt" < ${endOfDay})
    AND NOT EXISTS (SELECT 1 FROM "Evidence" ev WHERE ${ofItem("ev")}
      AND ev."createdAt" >= i."repliedAt" AND ev."createdAt" < ${endOfDay}))`;
}

/** Escapes LIKE's wildcards so that the text is matched as typed. */
function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
}

// A one- or two-character search goes through the trigrams that start with it, up to this many;
// beyond, scanning the documents is quicker.
const MAX_SEARCH_TERMS = 200;
const LAST_CHARACTER = "\u{10FFFF}";

const quoted = (text: string) => `"${text.replaceAll('"', '""')}"`;
const matching = (query: string) =>
  sql`SELECT d."itemId" FROM "SearchIndex" f JOIN "SearchDocument" d ON d."id" = f."rowid"
    WHERE "SearchIndex" MATCH ${query}`;

/**
 * Ids of items whose search text contains `q`. SQLite's trigram index answers substrings of three
 * characters or more directly; a shorter one is looked up through the indexed trigrams that begin
 * with it (every document ends in two spaces, so each occurrence begins one), and scanned for only
 * when there are too many of those. PostgreSQL's trigram index serves LIKE of three characters or
 * more, and an index of the documents' two-character pieces serves two.
 */
async function searchSql(db: SqlReader, q: string): Promise<Sql> {
  if (db.provider === "postgresql") {
    if ([...q].length === 2) {
      return sql`SELECT d."itemId" FROM "SearchDocument" d
        WHERE "search_bigrams"(d."text") @> ARRAY[${q.toLowerCase()}]::text[]`;
    }
    // Text without letter case (Chinese) needs no case folding, which costs ILIKE a third of its time.
    const caseless = q.toLowerCase() === q.toUpperCase();
    return caseless
      ? sql`SELECT d."itemId" FROM "SearchDocument" d WHERE d."text" LIKE ${likePattern(q)}`
      : sql`SELECT d."itemId" FROM "SearchDocument" d WHERE d."text" ILIKE ${likePattern(q)}`;
  }
  if ([...q].length >= 3) return matching(quoted(q));
  const prefix = q.toLowerCase();
  const terms = await db.rows<{ term: string }>(sql`
    SELECT "term" FROM "SearchTerms" WHERE "term" >= ${prefix} AND "term" < ${prefix + LAST_CHARACTER}
    LIMIT ${MAX_SEARCH_TERMS + 1}`);
  if (terms.length === 0) return sql`SELECT NULL WHERE 0`;
  if (terms.length <= MAX_SEARCH_TERMS) return matching(terms.map(({ term }) => quoted(term)).join(" OR "));
  return sql`SELECT d."itemId" FROM "SearchDocument" d WHERE d."text" LIKE ${likePattern(q)} ESCAPE '\\'`;
}

/** The WHERE clause of the filters, on items selected `AS i` from itemsSql. */
export function filterSql(scope: ItemScope, filters: ItemFilters, extra: Sql[] = []): Sql {
  const conditions: Sql[] = [...extra];
  if (filters.proposal) {
    conditions.push(sql`i."proposalId" IN (SELECT "id" FROM "Proposal" WHERE "code" = ${filters.proposal})`);
  }
  if (filters.recommendation) conditions.push(sql`i."recommendationId" = ${filters.recommendation}`);
  if (filters.theme) conditions.push(sql`i."themeId" = ${filters.theme}`);
  if (filters.leadAgency) conditions.push(sql`i."leadAgencyId" = ${filters.leadAgency}`);
  if (filters.agency) {
    conditions.push(
      filters.kind === "action"
        ? sql`EXISTS (SELECT 1 FROM "ActionAgency" x WHERE x."actionId" = i."id" AND x."agencyId" = ${filters.agency})`
        : sql`EXISTS (SELECT 1 FROM "RecommendationAgency" x WHERE x."recommendationId" = i."id" AND x."agencyId" = ${filters.agency})`,
    );
  }
  if (filters.status.length) conditions.push(sql`i."status" IN (${join(filters.status)})`);
  if (filters.overdue || (filters.health.length === 1 && filters.health[0] === "overdue"))
    conditions.push(overdueSql(scope));
  else if (filters.health.length) conditions.push(sql`i."health" IN (${join(filters.health)})`);
  if (filters.replyClass) conditions.push(sql`i."replyClass" = ${filters.replyClass}`);
  if (filters.stage.length) conditions.push(sql`i."stage" IN (${join(filters.stage)})`);
  if (filters.warning.length) conditions.push(sql`i."warning" IN (${join(filters.warning)})`);
  if (filters.priority) conditions.push(sql`i."priority" = TRUE`);
  if (filters.mismatch) conditions.push(replyMismatchSql);
  if (filters.rehandling) conditions.push(rehandlingSql(scope, filters.rehandling));
  if (filters.neglected) conditions.push(neglectedSql(scope));
  if (filters.views) conditions.push(coHandlerViewsSql(scope, filters.views));
  if (filters.contact) conditions.push(contactSql(filters.contact));
  if (filters.dueFrom) conditions.push(sql`i."dueDate" >= ${shanghaiDate(filters.dueFrom)}`);
  if (filters.dueTo) conditions.push(sql`i."dueDate" <= ${shanghaiDate(filters.dueTo)}`);
  if (filters.q && scope.search) conditions.push(sql`i."id" IN (${scope.search})`);
  return conditions.length ? sql`WHERE ${join(conditions, " AND ")}` : empty;
}

/**
 * The filtered items, and any further conditions on them: `SELECT … FROM ${filteredItems(…)}` reads
 * them as `i`.
 */
export function filteredItems(scope: ItemScope, filters: ItemFilters, ...extra: Sql[]): Sql {
  return sql`${itemsSql(scope, filters.kind)} i ${filterSql(scope, filters, extra)}`;
}

/**
 * A column (the id, by default) of the filtered items, for `… IN (${…})`: without their state when
 * no filter reads it, which on an as-of day spares looking up every item's history.
 */
export function filteredColumn(
  scope: ItemScope,
  filters: ItemFilters,
  column: "id" | "proposalId" | "recommendationId" = "id",
): Sql {
  const readsState =
    filters.status.length > 0 ||
    filters.health.length > 0 ||
    filters.warning.length > 0 ||
    filters.overdue ||
    filters.mismatch;
  const items = readsState ? itemsSql(scope, filters.kind) : sql`(${baseItems(scope, filters.kind, false)})`;
  return sql`SELECT i.${raw(`"${column}"`)} FROM ${items} i ${filterSql(scope, filters)}`;
}

// Health sorts from worst to best.
const HEALTH_RANK = `CASE i."health" WHEN 'overdue' THEN 0 WHEN 'at_risk' THEN 1 WHEN 'behind' THEN 2
  WHEN 'on_track' THEN 3 ELSE 4 END`;

const SORT_COLUMNS: Record<TrackingParams["sort"], string> = {
  code: `i."code"`,
  title: `i."titleZh"`,
  // The order of the workflow, not of the words.
  status: `CASE i."status" WHEN 'not_started' THEN 0 WHEN 'in_progress' THEN 1 WHEN 'stalled' THEN 2
    WHEN 'completed' THEN 3 ELSE 4 END`,
  progress: `i."progress"`,
  health: HEALTH_RANK,
  dueDate: `i."dueDate"`,
  updatedAt: `i."updatedAt"`,
};

/** The table's order of items read as `i`, for ORDER BY; ties broken by id so that it is total. */
export function itemOrderSql(scope: ItemScope, params: Pick<TrackingParams, "sort" | "dir">): Sql {
  const direction = raw(params.dir === "desc" ? "DESC" : "ASC");
  // Items without a due date come last either way, on both databases.
  // Text sorts by code point on both databases (SQLite's only order): the same order everywhere, and
  // PostgreSQL sorts it several times faster than by its locale's rules.
  const binary = raw(scope.provider === "postgresql" ? ` COLLATE "C"` : "");
  const column = raw(SORT_COLUMNS[params.sort]);
  const textual = ["code", "title"].includes(params.sort);
  return sql`${column}${textual ? binary : empty} ${direction} NULLS LAST, i."id"${binary} ASC`;
}
