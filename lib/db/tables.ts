// Every table of the data model in an order that inserts parents before children, and the content
// hash of a row: what copying between databases (scripts/db-transfer/), its verification and the
// backup tests share. A row's hash is taken over a canonical form (column name → value: instants as
// ISO strings, booleans, numbers, big integers as decimal text, JSON with sorted keys), so that one row
// hashes the same on SQLite and on PostgreSQL, whichever way each driver hands it over.
import { createHash } from "node:crypto";
import { join, raw, type Sql, type SqlReader, sql } from "./sql";

export interface TableSpec {
  name: string;
  /** The primary key's columns: rows are read in batches in this order. */
  key: readonly string[];
  /** Copied in separate passes, in this order (a self-reference's parents first). */
  passes?: readonly string[];
  /**
   * "derived": kept by triggers from the other tables (HistoryDay from StatusUpdate): a copy does not
   * write it, the triggers rebuild it, and the verification compares it with the source's.
   * "seeded": the migrations insert rows into it (the satisfaction scale, the data version): a copy
   * replaces them with the source's rows; a database holding only those counts as empty.
   */
  role?: "derived" | "seeded";
  /** Rows read and written at a time, when fewer than the default: a file's parts are 256 KiB each. */
  batch?: number;
}

export const TABLES: readonly TableSpec[] = [
  { name: "Agency", key: ["id"] },
  { name: "Theme", key: ["id"] },
  { name: "SatisfactionLevel", key: ["id"], role: "seeded" },
  { name: "User", key: ["id"] },
  { name: "Session", key: ["id"] },
  { name: "Account", key: ["id"] },
  { name: "Verification", key: ["id"] },
  { name: "SignInAttempt", key: ["id"] },
  { name: "ApiToken", key: ["id"] },
  { name: "Proposal", key: ["id"] },
  { name: "ProposalCosigner", key: ["id"] },
  { name: "DeputyVisit", key: ["userId"] },
  { name: "Recommendation", key: ["id"] },
  { name: "Action", key: ["id"] },
  { name: "RecommendationAgency", key: ["recommendationId", "agencyId"] },
  { name: "CalendarDay", key: ["day"] },
  { name: "CycleEvent", key: ["id"] },
  { name: "HandbackRequest", key: ["id"] },
  { name: "ExtensionRequest", key: ["id"] },
  { name: "ReplyDraft", key: ["recommendationId"] },
  { name: "ReplySignoff", key: ["recommendationId", "round", "agencyId"] },
  { name: "SupervisionNotice", key: ["id"] },
  { name: "RatingQuestion", key: ["id"], role: "seeded" },
  { name: "ReplyRating", key: ["id"] },
  { name: "RatingAnswer", key: ["ratingId", "questionId"] },
  // A correction names the record it replaces; a correction of a correction comes later in id order
  // (ids are time-ordered), so that its parent is copied first.
  {
    name: "DeputyContact",
    key: ["id"],
    passes: ['"supersedesId" IS NULL', '"supersedesId" IS NOT NULL'],
  },
  { name: "DeputyContactLink", key: ["contactId", "position"] },
  { name: "DeputyContactResponse", key: ["id"] },
  { name: "ActionAgency", key: ["actionId", "agencyId"] },
  { name: "Evidence", key: ["id"] },
  { name: "LinkCheck", key: ["id"] },
  // A file's parts come first: its row is written only once they are all there (lib/files/store.ts).
  { name: "FileChunk", key: ["storageKey", "position"], batch: 8 },
  { name: "StoredFile", key: ["id"] },
  // A roll-up names the action's update it was computed from, which is never itself a roll-up.
  {
    name: "StatusUpdate",
    key: ["id"],
    passes: ['"rollUpOfId" IS NULL', '"rollUpOfId" IS NOT NULL'],
  },
  { name: "StatusUpdateEvidence", key: ["statusUpdateId", "evidenceId"] },
  { name: "ProposedUpdate", key: ["id"] },
  { name: "Comment", key: ["id"] },
  { name: "CommentVersion", key: ["commentId", "version"] },
  { name: "CommentMention", key: ["id"] },
  { name: "AuditEvent", key: ["id"] },
  { name: "ImportBatch", key: ["id"] },
  { name: "ExportJob", key: ["id"] },
  { name: "JobSlot", key: ["id"] },
  { name: "Webhook", key: ["id"] },
  { name: "Notification", key: ["id"] },
  { name: "NotificationRecipient", key: ["notificationId", "userId"] },
  { name: "Delivery", key: ["id"] },
  { name: "Follow", key: ["userId", "itemType", "itemId"] },
  { name: "NotificationPreference", key: ["userId", "group"] },
  { name: "AgencyNotificationDefault", key: ["agencyId", "group"] },
  { name: "NotificationSettings", key: ["userId"] },
  { name: "CalendarFeed", key: ["id"] },
  { name: "AppSetting", key: ["key"] },
  { name: "SchedulerRun", key: ["day"] },
  { name: "DashboardCache", key: ["key"] },
  // After every table whose triggers move it on, so that it ends at the source's value.
  { name: "DataVersion", key: ["id"], role: "seeded" },
  { name: "HistoryDay", key: ["kind", "day"], role: "derived" },
];

/**
 * Tables in a migrated database that are not the model's: Prisma's record of migrations, and the
 * search index that triggers keep from the items (rebuilt as rows are inserted).
 */
export const NOT_MODEL_TABLES: readonly RegExp[] = [/^_prisma_migrations$/, /^Search/, /^sqlite_/];

/** The migrations' own rows of a "seeded" table (their keys): a database holding only these is empty. */
export const MIGRATION_DEFAULT_IDS: Readonly<Record<string, readonly string[]>> = {
  SatisfactionLevel: [
    "satisfaction_satisfied",
    "satisfaction_basically_satisfied",
    "satisfaction_dissatisfied",
  ],
  DataVersion: ["1"],
  RatingQuestion: [
    "rating_question_consulted",
    "rating_question_attitude",
    "rating_question_addresses",
    "rating_question_opinion",
  ],
};

export type ColumnKind = "text" | "int" | "bigint" | "float" | "boolean" | "instant" | "json" | "bytes";

export interface Column {
  name: string;
  kind: ColumnKind;
  /** PostgreSQL's name of the column's type (for casts), e.g. `timestamp(3) without time zone`. */
  pgType?: string;
}

export const quoteName = (name: string) => raw(`"${name.replaceAll('"', '""')}"`);

/** The tables the database holds (for checking that TABLES names every one of the model's). */
export async function databaseTables(db: SqlReader): Promise<string[]> {
  const rows =
    db.provider === "sqlite"
      ? await db.rows<{ name: string }>(
          sql`SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name`,
        )
      : await db.rows<{ name: string }>(
          sql`SELECT table_name AS name FROM information_schema.tables
              WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name`,
        );
  return rows.map((row) => row.name);
}

/** A table's columns in the database's order, with the kind of value each holds. */
export async function tableColumns(db: SqlReader, table: string): Promise<Column[]> {
  if (db.provider === "sqlite") {
    const rows = await db.rows<{ name: string; type: string }>(
      sql`SELECT name, type FROM pragma_table_info(${table}) ORDER BY cid`,
    );
    return rows.map((row) => ({ name: row.name, kind: sqliteKind(row.type) }));
  }
  const rows = await db.rows<{ name: string; type: string }>(
    sql`SELECT a.attname AS name, format_type(a.atttypid, a.atttypmod) AS type
        FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid
        JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = current_schema() AND c.relname = ${table} AND a.attnum > 0 AND NOT a.attisdropped
        ORDER BY a.attnum`,
  );
  return rows.map((row) => ({ name: row.name, kind: postgresKind(row.type), pgType: row.type }));
}

function sqliteKind(declared: string): ColumnKind {
  const type = declared.toUpperCase();
  if (type === "DATETIME") return "instant";
  if (type === "BOOLEAN") return "boolean";
  if (type === "BIGINT") return "bigint";
  if (type === "INTEGER") return "int";
  if (type === "REAL" || type === "DOUBLE" || type === "DECIMAL") return "float";
  if (type === "JSONB" || type === "JSON") return "json";
  if (type === "BLOB") return "bytes";
  return "text";
}

function postgresKind(type: string): ColumnKind {
  if (type.startsWith("timestamp")) return "instant";
  if (type === "boolean") return "boolean";
  if (type === "bigint") return "bigint";
  if (type === "integer" || type === "smallint") return "int";
  if (type === "double precision" || type === "real" || type.startsWith("numeric")) return "float";
  if (type === "jsonb" || type === "json") return "json";
  if (type === "bytea") return "bytes";
  return "text";
}

export type CanonicalValue = string | number | boolean | null;

/** A value as one database's driver hands it over, in the form both databases agree on. */
export function canonicalValue(kind: ColumnKind, value: unknown): CanonicalValue {
  if (value === null || value === undefined) return null;
  switch (kind) {
    case "instant":
      return toInstant(value).toISOString();
    case "boolean":
      return value === true || value === 1 || value === "1" || value === "true" || value === 1n;
    case "int":
    case "float":
      return Number(value);
    case "bigint":
      return BigInt(value as string | number | bigint).toString();
    case "json":
      return canonicalJson(typeof value === "string" ? JSON.parse(value) : value);
    case "bytes":
      return Buffer.from(value as Uint8Array).toString("base64");
    default:
      return String(value);
  }
}

/** An instant from SQLite's text (the adapter's ISO form, or CURRENT_TIMESTAMP's UTC wall time),
 * epoch milliseconds, or a Date. */
export function toInstant(value: unknown): Date {
  let instant: Date;
  if (value instanceof Date) instant = value;
  else if (typeof value === "number" || typeof value === "bigint") instant = new Date(Number(value));
  else {
    const text = String(value);
    // "2026-12-02 02:16:54" (SQLite's CURRENT_TIMESTAMP) is UTC without a zone.
    instant = /^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/.test(text)
      ? new Date(`${text.replace(" ", "T")}Z`)
      : new Date(text);
  }
  if (Number.isNaN(instant.getTime())) throw new Error(`Not an instant: ${String(value)}`);
  return instant;
}

/** JSON text with every object's keys sorted. */
export function canonicalJson(value: unknown): string {
  const sorted = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(sorted);
    if (v && typeof v === "object")
      return Object.fromEntries(
        Object.keys(v)
          .sort()
          .map((key) => [key, sorted((v as Record<string, unknown>)[key])]),
      );
    return v;
  };
  return JSON.stringify(sorted(value));
}

/** A row's canonical form: its columns sorted by name, each with its canonical value. */
export function canonicalRow(columns: readonly Column[], row: Record<string, unknown>) {
  return [...columns]
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .map((column) => [column.name, canonicalValue(column.kind, row[column.name])] as const);
}

/** SHA-256 (hex) of a row's canonical form. */
export function rowHash(columns: readonly Column[], row: Record<string, unknown>): string {
  return createHash("sha256")
    .update(JSON.stringify(canonicalRow(columns, row)))
    .digest("hex");
}

const BATCH = 1000;

/** Every row of a table (of a pass, when given), in batches in key order, read by keyset. */
export async function* tableBatches(
  db: SqlReader,
  table: TableSpec,
  options: { where?: string; batch?: number } = {},
): AsyncGenerator<Record<string, unknown>[]> {
  const keys = table.key.map(quoteName);
  const order = join(keys, ", ");
  const keyTuple = keys.length === 1 ? (keys[0] as Sql) : sql`(${join(keys, ", ")})`;
  const filter = options.where ? sql`(${raw(options.where)})` : sql`1 = 1`;
  const size = Math.min(options.batch ?? BATCH, table.batch ?? BATCH);
  let last: unknown[] | null = null;
  for (;;) {
    const after: Sql =
      last === null
        ? sql`1 = 1`
        : last.length === 1
          ? sql`${keyTuple} > ${last[0]}`
          : sql`${keyTuple} > (${join(last, ", ")})`;
    const rows = await db.rows<Record<string, unknown>>(
      sql`SELECT * FROM ${quoteName(table.name)} WHERE ${filter} AND ${after} ORDER BY ${order} LIMIT ${size}`,
    );
    if (rows.length === 0) return;
    yield rows;
    const end = rows[rows.length - 1] as Record<string, unknown>;
    last = table.key.map((key) => end[key]);
    if (rows.length < size) return;
  }
}

export interface TableDigest {
  rows: number;
  /** The sum of the rows' hashes modulo 2^256 (hex): independent of the order rows are read in,
   * which differs between the databases' collations. */
  digest: string;
}

const MOD = 1n << 256n;

/** The row count and content digest of one table. */
export async function tableDigest(db: SqlReader, table: TableSpec): Promise<TableDigest> {
  const columns = await tableColumns(db, table.name);
  let sum = 0n;
  let rows = 0;
  for await (const batch of tableBatches(db, table)) {
    for (const row of batch) sum = (sum + BigInt(`0x${rowHash(columns, row)}`)) % MOD;
    rows += batch.length;
  }
  return { rows, digest: sum.toString(16).padStart(64, "0") };
}

/** Every table's row count and digest, by table name. */
export async function databaseDigests(db: SqlReader): Promise<Record<string, TableDigest>> {
  const digests: Record<string, TableDigest> = {};
  for (const table of TABLES) digests[table.name] = await tableDigest(db, table);
  return digests;
}

/** Every row's hash of one table, by its key (joined with "|"), for finding which rows differ. */
export async function rowHashes(db: SqlReader, table: TableSpec): Promise<Map<string, string>> {
  const columns = await tableColumns(db, table.name);
  const hashes = new Map<string, string>();
  for await (const batch of tableBatches(db, table)) {
    for (const row of batch) {
      const key = table.key
        .map((name) => {
          const column = columns.find((c) => c.name === name);
          return String(canonicalValue(column?.kind ?? "text", row[name]));
        })
        .join("|");
      hashes.set(key, rowHash(columns, row));
    }
  }
  return hashes;
}
