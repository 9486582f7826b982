import type { DatabaseProvider } from "@/lib/database-url";
import type { DbClient } from "./client";
import { raw, type Sql, sql } from "./sql";

/** A column's value; a JSON column's is the value itself (an object), not its text. */
export type Value = string | number | boolean | Date | null | object;

// Rows per statement: one bound value each, a few megabytes of JSON at most.
const ROWS_PER_STATEMENT = 20_000;

/** Rows made ready for insertRows' statements: one JSON document per statement. */
export type EncodedRows = {
  readonly provider: DatabaseProvider;
  readonly columns: readonly string[];
  readonly documents: readonly string[];
};

/**
 * Inserts many rows in a few statements, each handing the database every row as one JSON document
 * that the database itself takes apart (SQLite's json_each, PostgreSQL's json_populate_recordset).
 * Prisma's createMany takes ~0.6 ms a row here, too slow for an import of 10,000 rows, and even a
 * plain INSERT of many VALUES spends most of its time binding them one by one. Prisma fills nothing
 * in: give ids and updatedAt; a column left out takes the database's default. Instants are written
 * as Prisma writes them, so that they sort and compare with the rows Prisma wrote.
 */
export async function insertRows(
  tx: DbClient,
  provider: DatabaseProvider,
  table: string,
  columns: readonly string[],
  rows: readonly Record<string, Value>[],
) {
  await insertEncoded(tx, table, encodeRows(provider, columns, rows));
}

/**
 * The documents insertRows sends, worked out apart from the writing: a writer that holds the database
 * (on SQLite, all of it) encodes its rows before it takes the lock. SQLite's rows are arrays, in the
 * order of `columns`: json_each then hands each row over without its keys, and ->> reads a value by
 * its place, about twice as fast as by name for rows of a dozen columns.
 */
export function encodeRows(
  provider: DatabaseProvider,
  columns: readonly string[],
  rows: readonly Record<string, Value>[],
): EncodedRows {
  const documents: string[] = [];
  for (let start = 0; start < rows.length; start += ROWS_PER_STATEMENT) {
    const part = rows.slice(start, start + ROWS_PER_STATEMENT);
    documents.push(
      provider === "postgresql"
        ? JSON.stringify(
            part.map((row) => Object.fromEntries(columns.map((column) => [column, row[column] ?? null]))),
          )
        : JSON.stringify(
            part.map((row) => columns.map((column) => row[column] ?? null)),
            sqliteInstants,
          ),
    );
  }
  return { provider, columns, documents };
}

/** Inserts rows encoded by encodeRows into `table`. */
export async function insertEncoded(
  tx: DbClient,
  table: string,
  { provider, columns, documents }: EncodedRows,
) {
  const name = raw(`"${table}"`);
  const names = raw(columns.map((column) => `"${column}"`).join(", "));
  const values =
    provider === "postgresql"
      ? raw(columns.map((column) => `r."${column}"`).join(", "))
      : raw(columns.map((_, index) => `r.value ->> ${index}`).join(", "));
  for (const document of documents)
    await tx.$executeRaw(
      provider === "postgresql"
        ? sql`INSERT INTO ${name} (${names}) SELECT ${values} FROM json_populate_recordset(NULL::${name}, ${document}::json) r`
        : sql`INSERT INTO ${name} (${names}) SELECT ${values} FROM json_each(${document}) r`,
    );
}

/** Prisma's SQLite adapter (@prisma/adapter-better-sqlite3) stores an instant as ISO text ending "+00:00". */
export function sqliteInstants(this: Record<string, unknown>, key: string, value: unknown) {
  const original = this[key];
  return original instanceof Date ? original.toISOString().replace("Z", "+00:00") : value;
}

/**
 * Many rows handed over as one JSON document, as a table to select from or join (named `alias`), each
 * column read as the PostgreSQL type given (SQLite takes JSON's own). For writes of thousands of rows
 * in one statement, like insertRows.
 */
export function rowsFromJson(
  provider: DatabaseProvider,
  alias: string,
  columns: Readonly<Record<string, string>>,
  rows: readonly Record<string, Value>[],
): Sql {
  const names = Object.keys(columns);
  if (provider === "postgresql") {
    const types = names.map((column) => `"${column}" ${columns[column]}`).join(", ");
    return sql`json_to_recordset(${JSON.stringify(rows)}::json) AS ${raw(`"${alias}"(${types})`)}`;
  }
  // As encodeRows: each row an array, read by place.
  const document = JSON.stringify(
    rows.map((row) => names.map((column) => row[column] ?? null)),
    sqliteInstants,
  );
  const values = names.map((column, index) => `value ->> ${index} AS "${column}"`).join(", ");
  return sql`(SELECT ${raw(values)} FROM json_each(${document})) AS ${raw(`"${alias}"`)}`;
}
