// The rows of an export, produced in batches so that no export holds all its rows at once: the view's
// item ids are read first, in the table's order (ids only: small even for a national view), then each
// batch of items is loaded with its names, its actions, evidence or history.
import "server-only";
import { contactSql } from "@/lib/contacts/sql";
import { DAY_MS } from "@/lib/dates";
import type {
  CycleStage,
  EvidenceKind,
  ItemStatus,
  ReplyClass,
  UpdateSource,
  WarningLevel,
} from "@/lib/db/enums";
import { join, raw, type Sql, type SqlReader, sql } from "@/lib/db/sql";
import type { Health } from "@/lib/tracking/health";
import { filteredItems, type ItemScope, itemOrderSql, itemScope, itemsSql } from "@/lib/tracking/item-sql";
import type { ExportPart, ExportQuery } from "./params";

/**
 * Items per batch. Each statement binds the batch's ids: SQLite through Prisma takes at most 999 bound
 * values; PostgreSQL takes more, and a batch of 1,000 halves its round trips (measured: 1,000 is quicker
 * than 500 and than 2,000, whose bigger batches also raise the peak memory).
 */
export const EXPORT_BATCH = { sqlite: 500, postgresql: 1000 } as const;

type Named = { nameZh: string; nameEn: string | null };

/** A recommendation or action as the table shows it, with its state on the view's day. */
export type ExportItem = {
  id: string;
  kind: ExportQuery["kind"];
  proposalCode: string;
  recommendationCode: string;
  code: string;
  titleZh: string;
  titleEn: string | null;
  status: ItemStatus;
  progress: number;
  health: Health;
  theme: Named | null;
  leadAgency: Named | null;
  replyClass: ReplyClass | null;
  /** The handling cycle's stage and the day of each of its steps (an action: its recommendation's). */
  stage: CycleStage;
  assignedAt: Date | null;
  acknowledgedAt: Date | null;
  repliedAt: Date | null;
  feedbackAt: Date | null;
  closedAt: Date | null;
  /** 面商: a replied item consulted before its reply (lib/contacts/sql.ts); null when not replied. */
  consulted: boolean | null;
  /** 督办: the 三色预警 on the view's day and the 重点督办 mark (an action: its recommendation's). */
  warning: WarningLevel | null;
  priority: boolean;
  startDate: Date | null;
  dueDate: Date | null;
  updatedAt: Date | null;
  /** The item's version now, which an import of the file checks (lib/import). */
  version: number;
  /** The item's page in the app, after the locale. */
  href: string;
};

export type ExportEvidence = {
  id: string;
  proposalCode: string;
  recommendationCode: string;
  actionCode: string | null;
  titleZh: string;
  titleEn: string | null;
  kind: EvidenceKind;
  /** None for a piece that is only a file. */
  url: string | null;
  /** Its files' names (by the view's day), which is what a piece without a link shows. */
  files: string[];
  publisher: string | null;
  publishedAt: Date | null;
  note: string | null;
  /** 内部材料: kept from the deputies. */
  isInternal: boolean;
  /** 核实: when it was verified (by the view's day); null while only claimed. */
  verifiedAt: Date | null;
  createdAt: Date;
};

export type ExportHistory = {
  id: string;
  proposalCode: string;
  recommendationCode: string;
  actionCode: string | null;
  effectiveDate: Date;
  statusBefore: ItemStatus | null;
  statusAfter: ItemStatus;
  progressBefore: number | null;
  progressAfter: number;
  comment: string | null;
  source: UpdateSource;
  author: string | null;
  createdAt: Date;
};

export type ExportRowOf = {
  items: ExportItem;
  actions: ExportItem;
  evidence: ExportEvidence;
  history: ExportHistory;
};

export type ExportView = {
  kind: ExportQuery["kind"];
  scope: ItemScope;
  /** The view's item ids in the table's order. */
  ids: string[];
};

/**
 * The items of the table's view (its filters and sort), or of the selected rows among them, in order.
 * The selection is still read through the view's filters: a row that no longer matches is left out.
 */
export async function openExportView(db: SqlReader, query: ExportQuery, today: Date): Promise<ExportView> {
  const scope = await itemScope(db, query, today);
  const extra = query.ids ? [sql`i."id" IN (${query.ids.length ? join(query.ids) : sql`NULL`})`] : [];
  const rows = await db.rows<{ id: string }>(sql`
    SELECT i."id" FROM ${filteredItems(scope, query, ...extra)} ORDER BY ${itemOrderSql(scope, query)}`);
  return { kind: query.kind, scope, ids: rows.map((row) => row.id) };
}

function* chunks<T>(list: T[], size: number): Generator<T[]> {
  for (let start = 0; start < list.length; start += size) yield list.slice(start, start + size);
}

type EvidenceSqlRow = Omit<
  ExportEvidence,
  "publishedAt" | "createdAt" | "verifiedAt" | "isInternal" | "files"
> & {
  publishedAt: Date | string | null;
  verifiedAt: Date | string | null;
  isInternal: boolean | number | bigint;
  createdAt: Date | string;
};

type HistorySqlRow = Omit<
  ExportHistory,
  "effectiveDate" | "createdAt" | "progressBefore" | "progressAfter"
> & {
  effectiveDate: Date | string;
  createdAt: Date | string;
  progressBefore: number | bigint | null;
  progressAfter: number | bigint;
};

type ItemSqlRow = {
  id: string;
  proposalCode: string;
  recommendationCode: string;
  code: string;
  titleZh: string;
  titleEn: string | null;
  status: ItemStatus;
  progress: number | bigint;
  health: Health;
  themeZh: string | null;
  themeEn: string | null;
  agencyZh: string | null;
  agencyEn: string | null;
  replyClass: ReplyClass | null;
  stage: CycleStage;
  assignedAt: Date | string | null;
  acknowledgedAt: Date | string | null;
  repliedAt: Date | string | null;
  feedbackAt: Date | string | null;
  closedAt: Date | string | null;
  consulted: number | bigint | null;
  warning: WarningLevel | null;
  priority: boolean | number | bigint;
  startDate: Date | string | null;
  dueDate: Date | string | null;
  updatedAt: Date | string | null;
  version: number | bigint;
  /** Where the item sits: its own place in the view, or its recommendation's and then its order. */
  place: string;
  sortOrder: number | bigint;
};

// Raw queries answer a timestamp as a Date on PostgreSQL and as text on SQLite.
const dateOf = (value: Date | string | null) => (value === null ? null : new Date(value));

/**
 * Items of a kind with their state on the view's day and their names, in one statement (the item SQL
 * joined to the names): loading the names through relations would take several times as long.
 */
async function itemRows(
  db: SqlReader,
  scope: ItemScope,
  kind: ExportQuery["kind"],
  by: "id" | "recommendationId",
  ids: string[],
): Promise<ExportItem[]> {
  const table = kind === "action" ? `"Action"` : `"Recommendation"`;
  // The steps the item SQL does not carry, as they stood at the end of the view's day.
  const endOfDay = scope.asOf ? new Date(scope.asOf.getTime() + DAY_MS) : null;
  const byThen = (column: Sql) =>
    endOfDay ? sql`CASE WHEN ${column} < ${endOfDay} THEN ${column} END` : column;
  const acknowledged = sql`(SELECT ra."acknowledgedAt" FROM "RecommendationAgency" ra
    WHERE ra."recommendationId" = i."recommendationId" AND ra."role" = 'lead')`;
  const rows = await db.rows<ItemSqlRow>(sql`
    SELECT i."id", p."code" AS "proposalCode", r."code" AS "recommendationCode", i."code", i."titleZh",
      x."titleEn", i."status", i."progress", i."health", t."nameZh" AS "themeZh", t."nameEn" AS "themeEn",
      ag."nameZh" AS "agencyZh", ag."nameEn" AS "agencyEn", i."replyClass", i."stage", i."assignedAt",
      ${byThen(acknowledged)} AS "acknowledgedAt", i."repliedAt", i."feedbackAt",
      ${byThen(sql`r."closedAt"`)} AS "closedAt",
      CASE WHEN i."repliedAt" IS NULL THEN NULL WHEN ${contactSql("before_reply")} THEN 1 ELSE 0 END AS "consulted",
      i."warning", i."priority", i."startDate", i."dueDate",
      i."updatedAt", x."version", i.${raw(`"${by}"`)} AS "place", x."sortOrder"
    FROM ${itemsSql(scope, kind)} i
    JOIN ${raw(table)} x ON x."id" = i."id"
    JOIN "Recommendation" r ON r."id" = i."recommendationId"
    JOIN "Proposal" p ON p."id" = r."proposalId"
    LEFT JOIN "Theme" t ON t."id" = i."themeId"
    LEFT JOIN "Agency" ag ON ag."id" = i."leadAgencyId"
    WHERE i.${raw(`"${by}"`)} IN (${join(ids)})`);
  const position = new Map(ids.map((id, index) => [id, index]));
  return byPlace(rows, (row) => [position.get(row.place) ?? 0, Number(row.sortOrder), row.code, row.id]).map(
    (row) => ({
      id: row.id,
      kind,
      proposalCode: row.proposalCode,
      recommendationCode: row.recommendationCode,
      code: row.code,
      titleZh: row.titleZh,
      titleEn: row.titleEn,
      status: row.status,
      progress: Number(row.progress),
      health: row.health,
      theme: row.themeZh === null ? null : { nameZh: row.themeZh, nameEn: row.themeEn },
      leadAgency: row.agencyZh === null ? null : { nameZh: row.agencyZh, nameEn: row.agencyEn },
      replyClass: row.replyClass,
      stage: row.stage,
      assignedAt: dateOf(row.assignedAt),
      acknowledgedAt: dateOf(row.acknowledgedAt),
      repliedAt: dateOf(row.repliedAt),
      feedbackAt: dateOf(row.feedbackAt),
      closedAt: dateOf(row.closedAt),
      consulted: row.consulted === null ? null : Boolean(Number(row.consulted)),
      warning: row.warning,
      priority: Boolean(Number(row.priority)),
      startDate: dateOf(row.startDate),
      dueDate: dateOf(row.dueDate),
      updatedAt: dateOf(row.updatedAt),
      version: Number(row.version),
      href:
        kind === "action"
          ? `/proposals/${row.proposalCode}/${row.recommendationCode}#action-${row.code}`
          : `/proposals/${row.proposalCode}/${row.code}`,
    }),
  );
}

/**
 * Rows of a table that belong to the batch's items (evidence, status updates), with their owners' codes:
 * a recommendation's own and its actions' (one statement each, with a plain IN list: an OR across the
 * two is several times slower), or an action's. `place` and `sortOrder` say where each row belongs.
 */
async function ownedRows<Row>(
  db: SqlReader,
  kind: ExportQuery["kind"],
  ids: string[],
  table: string,
  columns: Sql,
  condition: Sql,
): Promise<(Row & OwnerColumns)[]> {
  const from = raw(`"${table}" o`);
  const ofActions = (where: Sql) => sql`
    SELECT ${columns}, p."code" AS "proposalCode", r."code" AS "recommendationCode", a."code" AS "actionCode",
      ${raw(kind === "action" ? `a."id"` : `r."id"`)} AS "place", a."sortOrder" AS "sortOrder"
    FROM ${from} JOIN "Action" a ON a."id" = o."actionId"
    JOIN "Recommendation" r ON r."id" = a."recommendationId" JOIN "Proposal" p ON p."id" = r."proposalId"
    WHERE ${where} AND ${condition}`;
  if (kind === "action") return db.rows(ofActions(sql`o."actionId" IN (${join(ids)})`));
  const [own, actions] = await Promise.all([
    db.rows<Row & OwnerColumns>(sql`
      SELECT ${columns}, p."code" AS "proposalCode", r."code" AS "recommendationCode", NULL AS "actionCode",
        r."id" AS "place", -1 AS "sortOrder"
      FROM ${from} JOIN "Recommendation" r ON r."id" = o."recommendationId"
      JOIN "Proposal" p ON p."id" = r."proposalId"
      WHERE o."recommendationId" IN (${join(ids)}) AND ${condition}`),
    db.rows<Row & OwnerColumns>(ofActions(sql`a."recommendationId" IN (${join(ids)})`)),
  ]);
  return [...own, ...actions];
}

type OwnerColumns = {
  proposalCode: string;
  recommendationCode: string;
  actionCode: string | null;
  place: string;
  sortOrder: number | bigint;
};

/** Rows in the order of their keys, compared one after another. */
function byPlace<T>(rows: T[], key: (row: T) => (number | string)[]): T[] {
  return rows
    .map((row) => ({ row, key: key(row) }))
    .sort((a, b) => {
      for (let i = 0; i < a.key.length; i++) {
        const x = a.key[i] as number | string;
        const y = b.key[i] as number | string;
        if (x !== y) return x < y ? -1 : 1;
      }
      return 0;
    })
    .map(({ row }) => row);
}

/** Batches of one part of an export, in the view's order. */
export async function* exportBatches<P extends ExportPart>(
  db: SqlReader,
  view: ExportView,
  part: P,
  batchSize: number = EXPORT_BATCH[view.scope.provider],
): AsyncGenerator<ExportRowOf[P][]> {
  const batches = [...chunks(view.ids, batchSize)];
  const load = (ids: string[] | undefined) => {
    if (!ids) return null;
    const rows = loadBatch(db, view, part, ids);
    // Not awaited if the reader stops first.
    rows.catch(() => undefined);
    return rows;
  };
  // One batch ahead: PostgreSQL reads the next batch while this process writes the last.
  let next = load(batches[0]);
  for (let index = 0; next; index++) {
    const rows = await next;
    next = load(batches[index + 1]);
    yield rows;
  }
}

async function loadBatch<P extends ExportPart>(
  db: SqlReader,
  view: ExportView,
  part: P,
  ids: string[],
): Promise<ExportRowOf[P][]> {
  const { scope, kind } = view;
  // On an as-of day, what had happened by its end.
  const endOfDay = scope.asOf ? new Date(scope.asOf.getTime() + DAY_MS) : null;
  const position = new Map(ids.map((id, index) => [id, index]));
  if (part === "items") return (await itemRows(db, scope, kind, "id", ids)) as ExportRowOf[P][];
  if (part === "actions") {
    return (await itemRows(db, scope, "action", "recommendationId", ids)) as ExportRowOf[P][];
  }
  if (part === "evidence") {
    const withdrawn = endOfDay
      ? sql`o."createdAt" < ${endOfDay} AND (o."withdrawnAt" IS NULL OR o."withdrawnAt" >= ${endOfDay})`
      : sql`o."withdrawnAt" IS NULL`;
    const rows = await ownedRows<EvidenceSqlRow>(
      db,
      kind,
      ids,
      "Evidence",
      sql`o."id", o."titleZh", o."titleEn", CAST(o."kind" AS TEXT) AS "kind", o."url", o."publisher",
        o."publishedAt", o."note", o."isInternal",
        ${endOfDay ? sql`CASE WHEN o."verifiedAt" < ${endOfDay} THEN o."verifiedAt" END` : sql`o."verifiedAt"`} AS "verifiedAt",
        o."createdAt"`,
      withdrawn,
    );
    const kept = endOfDay
      ? sql`"createdAt" < ${endOfDay} AND ("removedAt" IS NULL OR "removedAt" >= ${endOfDay})`
      : sql`"removedAt" IS NULL`;
    const files = new Map<string, string[]>();
    if (rows.length > 0)
      for (const file of await db.rows<{ evidenceId: string; name: string }>(sql`
        SELECT "evidenceId", "name" FROM "StoredFile"
        WHERE "evidenceId" IN (${join(rows.map((row) => row.id))}) AND ${kept}
        ORDER BY "createdAt", "id"`))
        files.set(file.evidenceId, [...(files.get(file.evidenceId) ?? []), file.name]);
    return byPlace(rows, (row) => [
      position.get(row.place) ?? 0,
      Number(row.sortOrder),
      new Date(row.createdAt).getTime(),
      row.id,
    ]).map(({ place: _place, sortOrder: _sortOrder, ...row }) => ({
      ...row,
      files: files.get(row.id) ?? [],
      publishedAt: dateOf(row.publishedAt),
      isInternal: Boolean(Number(row.isInternal)),
      verifiedAt: dateOf(row.verifiedAt),
      createdAt: new Date(row.createdAt),
    })) as ExportRowOf[P][];
  }
  const rows = await ownedRows<HistorySqlRow>(
    db,
    kind,
    ids,
    "StatusUpdate",
    sql`o."id", o."effectiveDate", CAST(o."statusBefore" AS TEXT) AS "statusBefore",
      CAST(o."statusAfter" AS TEXT) AS "statusAfter", o."progressBefore", o."progressAfter", o."comment",
      CAST(o."source" AS TEXT) AS "source",
      (SELECT u."name" FROM "User" u WHERE u."id" = o."authorId") AS "author", o."createdAt"`,
    endOfDay ? sql`o."effectiveDate" < ${endOfDay}` : sql`1 = 1`,
  );
  return byPlace(rows, (row) => [
    position.get(row.place) ?? 0,
    Number(row.sortOrder),
    new Date(row.effectiveDate).getTime(),
    new Date(row.createdAt).getTime(),
    row.id,
  ]).map(({ place: _place, sortOrder: _sortOrder, ...row }) => ({
    ...row,
    effectiveDate: new Date(row.effectiveDate),
    progressBefore: row.progressBefore === null ? null : Number(row.progressBefore),
    progressAfter: Number(row.progressAfter),
    createdAt: new Date(row.createdAt),
  })) as ExportRowOf[P][];
}
