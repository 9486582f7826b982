// A SqlReader on the plain drivers (better-sqlite3, pg) for a process that reads much and should stay
// small: the export worker. Values go in and come out as Prisma's adapters pass them, so that the same
// SQL means the same here as through the app's client (lib/db/client.ts).
// The drivers are loaded when used: a worker needs one of them.
import type { Client } from "pg";
import { databaseProvider } from "@/lib/database-url";
import type { Sql, SqlReader } from "./sql";
import { SQLITE_BUSY_TIMEOUT_MS } from "./sqlite";

export interface DriverReader extends SqlReader {
  close(): Promise<void>;
}

export async function openDriverReader(url: string): Promise<DriverReader> {
  return databaseProvider(url) === "sqlite" ? openSqlite(url) : openPostgres(url);
}

async function openSqlite(url: string): Promise<DriverReader> {
  const { default: Database } = await import("better-sqlite3");
  // The path as @prisma/adapter-better-sqlite3 reads it: relative to the working directory.
  const database = new Database(url.replace(/^file:/, ""), {
    readonly: true,
    fileMustExist: true,
    timeout: SQLITE_BUSY_TIMEOUT_MS,
  });
  // Every statement of the reader sees one snapshot, as on PostgreSQL: the read transaction starts at
  // its first read, here. In WAL mode (lib/db/sqlite.ts) it blocks no writer; in a rollback journal it
  // would block every save for the whole export, so a database not (yet) in WAL is read without it.
  const snapshot = database.pragma("journal_mode", { simple: true }) === "wal";
  if (snapshot) {
    database.exec("BEGIN");
    database.prepare("SELECT count(*) FROM sqlite_schema").get();
  }
  return {
    provider: "sqlite",
    async rows<T>(statement: Sql) {
      return database.prepare(statement.sql).all(...statement.values.map(sqliteValue)) as T[];
    },
    async close() {
      if (snapshot && database.inTransaction) database.exec("COMMIT");
      database.close();
    },
  };
}

/** A value bound as @prisma/adapter-better-sqlite3 binds it: a Date as ISO text with "+00:00". */
export function sqliteValue(v: unknown): unknown {
  return v instanceof Date ? v.toISOString().replace("Z", "+00:00") : typeof v === "boolean" ? Number(v) : v;
}

/** A value bound as @prisma/adapter-pg binds it: a Date as UTC without a zone (pg would write local
 * time with an offset, which a `timestamp` column drops). */
export function postgresValue(v: unknown): unknown {
  return v instanceof Date ? v.toISOString().replace("T", " ").replace("Z", "") : v;
}

const TIMESTAMP = 1114;
const INT8 = 20;

/** pg's type parsers, changed to read values as @prisma/adapter-pg does. */
export function postgresTypeParser(pg: { types: typeof import("pg").types }) {
  return ((oid: number, format?: "text" | "binary") => {
    // The columns are `timestamp(3)` holding UTC (as @prisma/adapter-pg writes them); pg would read
    // them in the process's time zone.
    if (oid === TIMESTAMP) return (text: string) => new Date(`${text.replace(" ", "T")}Z`);
    if (oid === INT8) return (text: string) => Number(text);
    return pg.types.getTypeParser(oid, format);
  }) as typeof pg.types.getTypeParser;
}

async function openPostgres(url: string): Promise<DriverReader> {
  const { default: pg } = await import("pg");
  const client: Client = new pg.Client({
    connectionString: url,
    // How an export shows in pg_stat_activity.
    application_name: "tracker-export",
    // A server that does not answer, a statement that runs away, or a snapshot held by a reader that
    // is gone (the worker itself gives up after 5 minutes without a read) end the export.
    connectionTimeoutMillis: 10_000,
    statement_timeout: 120_000,
    idle_in_transaction_session_timeout: 600_000,
    types: { getTypeParser: postgresTypeParser(pg) },
  });
  await client.connect();
  // Every statement of the reader sees one snapshot: an export's batches agree with its list of items.
  await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
  return {
    provider: "postgresql",
    async rows<T>(statement: Sql) {
      const result = await client.query({
        text: statement.text,
        values: statement.values.map(postgresValue),
      });
      return result.rows as T[];
    },
    async close() {
      await client.query("COMMIT").catch(() => undefined);
      await client.end();
    },
  };
}
