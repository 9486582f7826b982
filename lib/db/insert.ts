import type { DatabaseProvider } from "@/lib/database-url";
import type { DbClient } from "./client";
import { raw, type Sql, sql } from "./sql";

/** A column's value; a JSON column's is the value itself (an object), not its text. */
export type Value = string | number | boolean | Date | null | object;

// Rows per statement: one bound value each, a few megabytes of JSON at most.
const ROWS_PER_STATEMENT = 20_000;

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
  const name = raw(`"${table}"`);
  const names = raw(columns.map((column) => `"${column}"`).join(", "));
  const values =
    provider === "postgresql"
      ? raw(columns.map((column) => `r."${column}"`).join(", "))
      : raw(columns.map((column) => `r.value ->> '${column}'`).join(", "));
  for (let start = 0; start < rows.length; start += ROWS_PER_STATEMENT) {
    const part = rows.slice(start, start + ROWS_PER_STATEMENT).map((row) => {
      const picked: Record<string, Value> = {};
      for (const column of columns) picked[column] = row[column] ?? null;
      return picked;
    });
    const document = JSON.stringify(part, provider === "sqlite" ? sqliteInstants : undefined);
    await tx.$executeRaw(
      provider === "postgresql"
        ? sql`INSERT INTO ${name} (${names}) SELECT ${values} FROM json_populate_recordset(NULL::${name}, ${document}::json) r`
        : sql`INSERT INTO ${name} (${names}) SELECT ${values} FROM json_each(${document}) r`,
    );
  }
}

/** Prisma's SQLite adapter (@prisma/adapter-better-sqlite3) stores an instant as ISO text ending "+00:00". */
function sqliteInstants(this: Record<string, unknown>, key: string, value: unknown) {
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
  const document = JSON.stringify(rows, provider === "sqlite" ? sqliteInstants : undefined);
  if (provider === "postgresql") {
    const types = names.map((column) => `"${column}" ${columns[column]}`).join(", ");
    return sql`json_to_recordset(${document}::json) AS ${raw(`"${alias}"(${types})`)}`;
  }
  const values = names.map((column) => `value ->> '${column}' AS "${column}"`).join(", ");
  return sql`(SELECT ${raw(values)} FROM json_each(${document})) AS ${raw(`"${alias}"`)}`;
}
