// Copies every row of one database into another, empty one — SQLite to PostgreSQL as an installation
// outgrows its file, or back for a local copy — keeping ids, timestamps and history exactly.
// The target is migrated first, then filled in one transaction with plain INSERTs in dependency order
// (lib/db/tables.ts), with every trigger and constraint in force: the append-only triggers allow
// inserts, and the tables that triggers keep (search documents, each day's history totals, lead
// agencies) are rebuilt as the rows go in rather than written. Before committing, every table's row
// count and content digest is compared with the source's; any difference rolls the whole copy back.
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join as joinPath } from "node:path";
import Database from "better-sqlite3";
import { databaseProvider } from "../../lib/database-url";
import { openDriverReader } from "../../lib/db/driver-reader";
import { join, raw, type Sql, type SqlReader, sql } from "../../lib/db/sql";
import {
  type Column,
  databaseTables,
  MIGRATION_DEFAULT_IDS,
  NOT_MODEL_TABLES,
  quoteName,
  TABLES,
  type TableDigest,
  type TableSpec,
  tableBatches,
  tableColumns,
  tableDigest,
  toInstant,
} from "../../lib/db/tables";
import { type Connection, connectTo, sqlitePath } from "./connection";

/** A refusal or a failed check, with a message for the person running the chore. */
export class TransferError extends Error {}

export interface TableReport extends TableDigest {
  name: string;
  target: TableDigest;
  ok: boolean;
}

export interface CopyOptions {
  from: string;
  to: string;
  /** Called as rows go in (for the progress line). */
  progress?: (table: string, done: number, total: number) => void;
  /** Brings the target's schema up to date; `npx prisma migrate deploy` unless given. */
  migrate?: (url: string) => void;
}

const INSERT_BATCH = 500;

export function migrateDeploy(url: string) {
  execFileSync("npx", ["prisma", "migrate", "deploy"], {
    env: { ...process.env, DATABASE_URL: url },
    stdio: ["ignore", "pipe", "pipe"],
  });
}

export async function copyDatabase(options: CopyOptions): Promise<TableReport[]> {
  const { from, to } = options;
  databaseProvider(from);
  databaseProvider(to);
  if (sameDatabase(from, to)) throw new TransferError("--from and --to name the same database.");
  if (databaseProvider(from) === "sqlite" && !existsSync(sqlitePath(from)))
    throw new TransferError(`The source database ${sqlitePath(from)} does not exist.`);

  // The source is read in one snapshot: a SQLite file through an online backup of it (so that the
  // app may go on writing), PostgreSQL in a repeatable-read transaction (lib/db/driver-reader.ts).
  const snapshot = databaseProvider(from) === "sqlite" ? await sqliteSnapshot(from) : null;
  const source = await openDriverReader(snapshot ? `file:${snapshot.file}` : from).catch((error) => {
    if (snapshot) rmSync(snapshot.dir, { recursive: true, force: true });
    throw new TransferError(`Could not read the source: ${(error as Error).message}`);
  });
  let target: Connection | null = null;
  try {
    target = await connectTo(to, (message) => new TransferError(message));
    await assertEmpty(target, "target");
    await target.close();
    target = null;
    try {
      (options.migrate ?? migrateDeploy)(to);
    } catch (error) {
      const output = (error as { stderr?: Buffer }).stderr?.toString().trim();
      throw new TransferError(`Migrating the target failed: ${output || (error as Error).message}`);
    }
    target = await connectTo(to, (message) => new TransferError(message));
    // Migrated, it must still hold no more than what the migrations put there.
    await assertEmpty(target, "target");
    await assertSameSchema(source, target);
    const connection = target;
    return await connection.transaction(async () => {
      for (const table of TABLES) {
        if (table.role === "derived") continue;
        await copyTable(source, connection, table, options.progress);
      }
      const reports = await compare(source, connection);
      const wrong = reports.filter((report) => !report.ok);
      if (wrong.length > 0)
        throw new TransferError(
          `The copy differs from the source, so nothing was written:\n${formatReports(wrong)}`,
        );
      return reports;
    });
  } finally {
    await target?.close();
    await source.close();
    if (snapshot) rmSync(snapshot.dir, { recursive: true, force: true });
  }
}

function sameDatabase(a: string, b: string): boolean {
  if (databaseProvider(a) !== databaseProvider(b)) return false;
  if (databaseProvider(a) === "sqlite") return sqlitePath(a) === sqlitePath(b);
  const [x, y] = [new URL(a), new URL(b)];
  return x.host === y.host && x.pathname === y.pathname;
}

async function sqliteSnapshot(url: string) {
  const dir = mkdtempSync(joinPath(tmpdir(), "tracker-copy-"));
  const file = joinPath(dir, "snapshot.db");
  const database = new Database(sqlitePath(url), { readonly: true, fileMustExist: true });
  try {
    await database.backup(file);
  } finally {
    database.close();
  }
  return { dir, file };
}

/** Refuses a database holding any row beyond the migrations' own. */
export async function assertEmpty(db: SqlReader, what: string) {
  const present = new Set(await databaseTables(db));
  const held: string[] = [];
  for (const table of TABLES) {
    if (!present.has(table.name)) continue;
    const defaults = MIGRATION_DEFAULT_IDS[table.name];
    const key = quoteName(table.key[0] as string);
    const [row] = await db.rows<{ n: number | bigint | string }>(
      defaults
        ? sql`SELECT COUNT(*) AS n FROM ${quoteName(table.name)} WHERE CAST(${key} AS TEXT) NOT IN (${join(defaults)})`
        : sql`SELECT COUNT(*) AS n FROM ${quoteName(table.name)}`,
    );
    const count = Number(row?.n ?? 0);
    if (count > 0) held.push(`${table.name} (${count})`);
  }
  if (held.length > 0)
    throw new TransferError(
      `The ${what} database is not empty: it holds rows in ${held.join(", ")}. ` +
        "Give a new, empty database; nothing was changed.",
    );
}

/** The model's tables and columns must be the same on both sides: the source migrated as far as the target. */
async function assertSameSchema(source: SqlReader, target: SqlReader) {
  const known = new Set(TABLES.map((table) => table.name));
  const unknown = (await databaseTables(source)).filter(
    (name) => !known.has(name) && !NOT_MODEL_TABLES.some((pattern) => pattern.test(name)),
  );
  if (unknown.length > 0)
    throw new TransferError(
      `The source holds tables this copy does not know: ${unknown.join(", ")} (lib/db/tables.ts lists them).`,
    );
  const shape = (columns: Column[]) =>
    columns
      .map((column) => `${column.name}:${column.kind}`)
      .sort()
      .join(",");
  for (const table of TABLES) {
    const [a, b] = [await tableColumns(source, table.name), await tableColumns(target, table.name)];
    if (shape(a) !== shape(b))
      throw new TransferError(
        `The source's table ${table.name} differs from the migrated target's: migrate the source first ` +
          "(DATABASE_URL=<source> npm run db:migrate), then copy again.",
      );
  }
}

async function copyTable(
  source: SqlReader,
  target: Connection,
  table: TableSpec,
  progress: CopyOptions["progress"],
) {
  const columns = await tableColumns(target, table.name);
  const passes = table.passes ?? [undefined];
  let total = 0;
  for (const where of passes) {
    const [row] = await source.rows<{ n: number | bigint | string }>(
      sql`SELECT COUNT(*) AS n FROM ${quoteName(table.name)} WHERE ${where ? raw(where) : raw("1 = 1")}`,
    );
    total += Number(row?.n ?? 0);
  }
  // The migrations' rows (the default satisfaction scale, the data version) give way to the source's.
  if (table.role === "seeded") await target.run(sql`DELETE FROM ${quoteName(table.name)}`);
  let done = 0;
  progress?.(table.name, done, total);
  for (const where of passes) {
    for await (const rows of tableBatches(source, table, { where, batch: INSERT_BATCH })) {
      await target.run(insertStatement(target.provider, table.name, columns, rows));
      done += rows.length;
      progress?.(table.name, done, total);
    }
  }
}

function insertStatement(
  provider: "sqlite" | "postgresql",
  table: string,
  columns: readonly Column[],
  rows: readonly Record<string, unknown>[],
): Sql {
  const names = join(
    columns.map((column) => quoteName(column.name)),
    ", ",
  );
  const tuples = rows.map((row) => {
    const values = columns.map((column) => {
      const value = driverValue(provider, column, row[column.name]);
      return provider === "postgresql" && column.pgType
        ? sql`${value}::${raw(column.pgType)}`
        : sql`${value}`;
    });
    return sql`(${join(values, ", ")})`;
  });
  return sql`INSERT INTO ${quoteName(table)} (${names}) VALUES ${join(tuples, ", ")}`;
}

/** A source row's value as the target's driver takes it (the connection binds Dates as the adapters do). */
function driverValue(provider: "sqlite" | "postgresql", column: Column, value: unknown): unknown {
  if (value === null || value === undefined) return null;
  switch (column.kind) {
    case "instant":
      return toInstant(value);
    case "boolean":
      return value === true || value === 1 || value === 1n;
    case "json":
      // JSON text as stored by the source when it is text (SQLite), else pg's parsed value as text.
      return typeof value === "string" ? value : JSON.stringify(value);
    case "bigint": {
      const big = BigInt(value as string | number | bigint);
      return provider === "postgresql" ? big.toString() : big;
    }
    case "int":
    case "float":
      return Number(value);
    case "bytes":
      return Buffer.from(value as Uint8Array);
    default:
      return String(value);
  }
}

/** Every table's count and digest on both sides. */
export async function compare(source: SqlReader, target: SqlReader): Promise<TableReport[]> {
  const reports: TableReport[] = [];
  for (const table of TABLES) {
    const [a, b] = [await tableDigest(source, table), await tableDigest(target, table)];
    reports.push({ name: table.name, ...a, target: b, ok: a.rows === b.rows && a.digest === b.digest });
  }
  return reports;
}

export function formatReports(reports: readonly TableReport[]): string {
  const width = Math.max(...reports.map((report) => report.name.length));
  return reports
    .map((report) => {
      const status = report.ok
        ? `${report.rows} rows  ${report.digest.slice(0, 16)}`
        : `MISMATCH: source ${report.rows} rows ${report.digest.slice(0, 16)}, ` +
          `target ${report.target.rows} rows ${report.target.digest.slice(0, 16)}`;
      return `  ${report.name.padEnd(width)}  ${status}`;
    })
    .join("\n");
}
