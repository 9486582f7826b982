// A read-write connection on the plain drivers, for the database chores that copy, back up and
// restore whole databases. Values are bound and parsed as Prisma's adapters do (lib/db/driver-reader.ts),
// so that what is written here reads back in the app unchanged.
import { mkdirSync } from "node:fs";
import { dirname, resolve } from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { type DatabaseProvider, databaseProvider } from "../../lib/database-url";
import { postgresTypeParser, postgresValue, sqliteValue } from "../../lib/db/driver-reader";
import type { Sql, SqlReader } from "../../lib/db/sql";

export interface Connection extends SqlReader {
  run(statement: Sql): Promise<void>;
  /** Runs `work` in one transaction: committed when it returns, rolled back when it throws. */
  transaction<T>(work: () => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** The file of a SQLite URL, as @prisma/adapter-better-sqlite3 reads it (relative to the working directory). */
export function sqlitePath(url: string): string {
  return resolve(url.slice("file:".length).split("?")[0] ?? "");
}

/** Connects to the database of `url`; a SQLite file and its folder are made when missing. */
export async function openConnection(url: string): Promise<Connection> {
  return databaseProvider(url) === "sqlite" ? openSqlite(url) : openPostgres(url);
}

/** As openConnection, with a failure to connect told as `fail` makes it (for the chores' messages). */
export async function connectTo(url: string, fail: (message: string) => Error): Promise<Connection> {
  try {
    return await openConnection(url);
  } catch (error) {
    throw fail(`Could not connect to ${redacted(url)}: ${(error as Error).message}`);
  }
}

/** A database URL without its password, for messages. */
export function redacted(url: string): string {
  if (databaseProvider(url) === "sqlite") return url;
  const parsed = new URL(url);
  if (parsed.password) parsed.password = "***";
  return parsed.toString();
}

function openSqlite(url: string): Connection {
  const file = sqlitePath(url);
  mkdirSync(dirname(file), { recursive: true });
  const database = new Database(file);
  // Foreign keys checked, as Prisma's connections check them; a busy app gets time to finish a write.
  database.pragma("foreign_keys = ON");
  database.pragma("busy_timeout = 10000");
  const values = (statement: Sql) => statement.values.map(sqliteValue);
  return {
    provider: "sqlite" as DatabaseProvider,
    async rows<T>(statement: Sql) {
      return database.prepare(statement.sql).all(...values(statement)) as T[];
    },
    async run(statement: Sql) {
      database.prepare(statement.sql).run(...values(statement));
    },
    async transaction(work) {
      // IMMEDIATE: the write lock is taken before the first read, so that nothing slips in between.
      database.exec("BEGIN IMMEDIATE");
      try {
        const result = await work();
        database.exec("COMMIT");
        return result;
      } catch (error) {
        if (database.inTransaction) database.exec("ROLLBACK");
        throw error;
      }
    },
    async close() {
      database.close();
    },
  };
}

async function openPostgres(url: string): Promise<Connection> {
  const client = new pg.Client({
    connectionString: url,
    application_name: "tracker-db-transfer",
    connectionTimeoutMillis: 10_000,
    types: { getTypeParser: postgresTypeParser(pg) },
  });
  await client.connect();
  const query = (statement: Sql) =>
    client.query({ text: statement.text, values: statement.values.map(postgresValue) });
  return {
    provider: "postgresql" as DatabaseProvider,
    async rows<T>(statement: Sql) {
      return (await query(statement)).rows as T[];
    },
    async run(statement: Sql) {
      await query(statement);
    },
    async transaction(work) {
      await client.query("BEGIN");
      // The triggers that keep derived tables (HistoryDay) run at commit in the app; here at once,
      // so that the copy can be checked before it commits.
      await client.query("SET CONSTRAINTS ALL IMMEDIATE");
      try {
        const result = await work();
        await client.query("COMMIT");
        return result;
      } catch (error) {
        await client.query("ROLLBACK").catch(() => undefined);
        throw error;
      }
    },
    async close() {
      await client.end();
    },
  };
}
