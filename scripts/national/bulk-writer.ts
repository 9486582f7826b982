// Bulk inserts straight through the database drivers, bypassing Prisma for speed: better-sqlite3
// prepared statements inside one transaction, or PostgreSQL multi-row `INSERT … SELECT * FROM unnest(…)`.
// Values are written exactly as Prisma's adapters write them, so the app reads them back unchanged:
// DateTime as ISO text with "+00:00" on SQLite, as UTC wall time in timestamp(3) on PostgreSQL.
import Database from "better-sqlite3";
import pg from "pg";
import { databaseProvider } from "../../lib/database-url";
import { SQLITE_BUSY_TIMEOUT_MS } from "../../lib/db/sqlite";

/** A column's kind: how a value is converted, and the PostgreSQL type its array is cast to. */
export type ColumnType = "text" | "int" | "float" | "bool" | "timestamp" | "json" | { enum: string };

export type TableSpec = { name: string; columns: readonly (readonly [string, ColumnType])[] };

/** Values in column order; timestamps are epoch milliseconds, JSON values are JSON text (or null). */
export type Row = unknown[];

export interface BulkWriter {
  readonly provider: "sqlite" | "postgresql";
  begin(): Promise<void>;
  insert(table: TableSpec, rows: readonly Row[]): Promise<void>;
  commit(): Promise<void>;
  /** Rows of a read-only query, with `?` placeholders turned into `$n` on PostgreSQL. */
  query<T>(sql: string, params?: readonly unknown[]): Promise<T[]>;
  /** After the load: statistics for the planner (optional on SQLite), and the load-only settings undone. */
  finish(options: { analyze: boolean }): Promise<void>;
  close(): Promise<void>;
}

export function openBulkWriter(url: string): BulkWriter {
  return databaseProvider(url) === "sqlite" ? new SqliteWriter(url) : new PostgresWriter(url);
}

/** Prisma's SQLite adapter writes DateTime as `2024-02-29T16:00:00.000+00:00`. */
export function sqliteTimestamp(ms: number): string {
  return new Date(ms).toISOString().replace("Z", "+00:00");
}

/** Prisma's PostgreSQL adapter writes DateTime as UTC wall time into timestamp(3). */
function postgresTimestamp(ms: number): string {
  return new Date(ms).toISOString().slice(0, 23).replace("T", " ");
}

const quote = (name: string) => `"${name}"`;

class SqliteWriter implements BulkWriter {
  readonly provider = "sqlite" as const;
  private readonly db: Database.Database;
  private readonly statements = new Map<string, Database.Statement>();

  constructor(url: string) {
    this.db = new Database(url.slice("file:".length).split("?")[0] ?? "", {
      timeout: SQLITE_BUSY_TIMEOUT_MS,
    });
    // Foreign keys stay checked, as Prisma's connections check them.
    this.db.pragma("foreign_keys = ON");
  }

  async begin() {
    // WAL is the app's journal mode too (lib/db/sqlite.ts, kept in the file); the other two are
    // load-time settings of this connection only.
    this.db.pragma("journal_mode = WAL");
    this.db.pragma("synchronous = OFF");
    this.db.pragma("cache_size = -262144");
    this.db.exec("BEGIN");
  }

  async insert(table: TableSpec, rows: readonly Row[]) {
    let statement = this.statements.get(table.name);
    if (!statement) {
      const names = table.columns.map(([name]) => quote(name)).join(", ");
      const marks = table.columns.map(() => "?").join(", ");
      statement = this.db.prepare(`INSERT INTO ${quote(table.name)} (${names}) VALUES (${marks})`);
      this.statements.set(table.name, statement);
    }
    const converters = table.columns.map(([, type]) => sqliteConverter(type));
    const values: unknown[] = new Array(converters.length);
    for (const row of rows) {
      for (let i = 0; i < converters.length; i++) values[i] = converters[i]?.(row[i]) ?? row[i];
      statement.run(values);
    }
  }

  async commit() {
    this.db.exec("COMMIT");
  }

  async query<T>(sql: string, params: readonly unknown[] = []): Promise<T[]> {
    return this.db.prepare(sql).all(...params) as T[];
  }

  async finish({ analyze }: { analyze: boolean }) {
    // The dataset in one file, as the app would leave it.
    this.db.pragma("wal_checkpoint(TRUNCATE)");
    if (analyze) this.db.exec("ANALYZE");
  }

  async close() {
    this.db.close();
  }
}

function sqliteConverter(type: ColumnType): ((value: unknown) => unknown) | undefined {
  if (type === "timestamp") return (value) => (value === null ? null : sqliteTimestamp(value as number));
  if (type === "bool") return (value) => (value === null ? null : value ? 1 : 0);
  return undefined;
}

function postgresType(type: ColumnType): string {
  if (typeof type === "object") return `${quote(type.enum)}[]`;
  return {
    text: "text[]",
    int: "integer[]",
    float: "double precision[]",
    bool: "boolean[]",
    timestamp: "timestamp(3)[]",
    json: "jsonb[]",
  }[type];
}

class PostgresWriter implements BulkWriter {
  readonly provider = "postgresql" as const;
  private readonly client: pg.Client;
  private readonly connected: Promise<void>;
  private readonly sql = new Map<string, string>();

  constructor(url: string) {
    this.client = new pg.Client({ connectionString: url });
    this.connected = this.client.connect().then(() => undefined);
  }

  async begin() {
    await this.connected;
    await this.client.query("BEGIN");
  }

  async insert(table: TableSpec, rows: readonly Row[]) {
    if (rows.length === 0) return;
    let sql = this.sql.get(table.name);
    if (!sql) {
      const names = table.columns.map(([name]) => quote(name)).join(", ");
      const arrays = table.columns.map(([, type], i) => `$${i + 1}::${postgresType(type)}`).join(", ");
      sql = `INSERT INTO ${quote(table.name)} (${names}) SELECT * FROM unnest(${arrays})`;
      this.sql.set(table.name, sql);
    }
    const columns = table.columns.map(([, type], i) => {
      const column = new Array(rows.length);
      for (let r = 0; r < rows.length; r++) {
        const value = (rows[r] as Row)[i];
        column[r] = type === "timestamp" && value !== null ? postgresTimestamp(value as number) : value;
      }
      return column;
    });
    await this.client.query(sql, columns);
  }

  async commit() {
    await this.client.query("COMMIT");
  }

  async query<T>(sql: string, params: readonly unknown[] = []): Promise<T[]> {
    await this.connected;
    let n = 0;
    const text = sql.replace(/\?/g, () => `$${++n}`);
    return (await this.client.query(text, [...params])).rows as T[];
  }

  async finish({ analyze }: { analyze: boolean }) {
    // Autovacuum would analyze the new rows a minute later anyway; doing it now keeps runs comparable.
    if (analyze) await this.client.query("VACUUM ANALYZE");
  }

  async close() {
    await this.connected.catch(() => {});
    await this.client.end();
  }
}
