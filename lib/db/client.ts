// Creates the Prisma client for DATABASE_URL. Both databases' clients are generated (same models),
// so one build of the app serves SQLite or PostgreSQL; the app is typed against the SQLite client,
// and uses only what both support.
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { DriverAdapterError } from "@prisma/driver-adapter-utils";
import type BetterSqlite3 from "better-sqlite3";
import type pg from "pg";
import { PrismaClient as PostgresClient } from "../../generated/postgresql/client";
import { type Prisma, PrismaClient as SqliteClient } from "../../generated/sqlite/client";
import { type DatabaseProvider, databaseProvider, databaseUrl } from "../database-url";
import type { Sql, SqlReader } from "./sql";
import { SQLITE_BUSY_TIMEOUT_MS, SQLITE_WAL } from "./sqlite";
import { SerializedSqliteConnection } from "./sqlite-connection";

export type Db = SqliteClient;
/** The model's query types (where, select…), the same for both databases. */
export type { Prisma };

/**
 * How long a PostgreSQL statement waits for another's lock before it gives up (55P03, which the forms
 * answer with "busy, try again", lib/db/busy.ts). Without it a save blocked by a lock waits as long as
 * the lock is held, well past its transaction's 5 s, and only then fails.
 */
export const POSTGRES_LOCK_TIMEOUT_MS = 4000;

/**
 * How long the app's writes wait for another's lock before they answer busy: SQLite's busy timeout,
 * PostgreSQL's lock_timeout. DATABASE_LOCK_TIMEOUT_MS sets it (on PostgreSQL keep it under the 5 s a
 * transaction may last); the tests of a busy database shorten it, so as not to wait seconds each time.
 */
export function lockTimeoutMs(provider: DatabaseProvider): number {
  const set = process.env.DATABASE_LOCK_TIMEOUT_MS?.trim();
  if (!set) return provider === "sqlite" ? SQLITE_BUSY_TIMEOUT_MS : POSTGRES_LOCK_TIMEOUT_MS;
  const ms = Number(set);
  if (!Number.isSafeInteger(ms) || ms < 1)
    throw new Error(`DATABASE_LOCK_TIMEOUT_MS must be a whole number of milliseconds, not "${set}"`);
  return ms;
}

// Which database each client talks to, for the few queries written in SQL whose dialects differ.
const providers = new WeakMap<object, DatabaseProvider>();

/**
 * The Prisma adapter for SQLite, on connections in WAL mode with the busy timeout (lib/db/sqlite.ts),
 * shared safely between a process's requests (lib/db/sqlite-connection.ts).
 */
class WalSqliteAdapter extends PrismaBetterSqlite3 {
  /** The connection made last (Prisma makes one when it connects), for `driverOf`. */
  connection: SerializedSqliteConnection | null = null;

  constructor(url: string) {
    super({ url, timeout: lockTimeoutMs("sqlite") });
  }

  override async connect() {
    const adapter = await super.connect();
    await adapter.executeScript(SQLITE_WAL);
    // The adapter keeps its better-sqlite3 connection as `client` (not in its types).
    const database = (adapter as unknown as { client?: BetterSqlite3.Database }).client;
    if (typeof database?.prepare !== "function")
      throw new Error("@prisma/adapter-better-sqlite3 no longer keeps its connection as `client`");
    this.connection = new SerializedSqliteConnection(adapter, database);
    return this.connection;
  }
}

/** The Prisma adapter for PostgreSQL, which remembers the pool it made, for `driverOf`. */
class PoolKeepingPgAdapter extends PrismaPg {
  pool: pg.Pool | null = null;

  override async connect() {
    const adapter = await super.connect();
    this.pool = adapter.underlyingDriver();
    return adapter;
  }
}

/**
 * The database's own driver under a client made by createPrismaClient, for what Prisma's path would
 * copy several times over: a file's bytes, which Prisma passes as base64 text both ways (a 256 KiB
 * part becomes strings of 350 KB and more, and copies of the bytes besides). SQLite: the client's one
 * connection, in turns shared with its queries (lib/db/sqlite-connection.ts); PostgreSQL: the client's
 * pool. Errors are thrown as the driver adapters throw them, so that lib/db/busy.ts recognises a busy
 * database here too.
 */
export type Driver =
  | { provider: "sqlite"; run<T>(work: (database: BetterSqlite3.Database) => T): Promise<T> }
  | { provider: "postgresql"; query(query: pg.QueryArrayConfig): Promise<pg.QueryArrayResult> };

const drivers = new WeakMap<object, () => Driver | null>();

/** The driver under `db` (connecting the client first if it has not connected yet). */
export async function driverOf(db: Db): Promise<Driver> {
  const current = drivers.get(db);
  if (!current) throw new Error("Not a client made by createPrismaClient");
  const driver = current();
  if (driver) return driver;
  await db.$connect();
  const connected = current();
  if (!connected) throw new Error("The client made no connection to its database");
  return connected;
}

/** A driver's error as the driver adapters report it (only what lib/db/busy.ts reads is certain). */
function asAdapterError(provider: DatabaseProvider, error: unknown): unknown {
  const e = error as { code?: unknown; message?: unknown };
  if (typeof e?.code !== "string") return error;
  const message = typeof e.message === "string" ? e.message : "";
  return new DriverAdapterError({
    kind: provider === "sqlite" ? "sqlite" : "postgres",
    originalCode: e.code,
    originalMessage: message,
    message,
  } as unknown as ConstructorParameters<typeof DriverAdapterError>[0]);
}

function sqliteDriver(adapter: WalSqliteAdapter): Driver | null {
  const connection = adapter.connection;
  if (!connection?.open) return null;
  return {
    provider: "sqlite",
    run: (work) =>
      connection.withDatabase(work).catch((error: unknown) => {
        throw asAdapterError("sqlite", error);
      }),
  };
}

function postgresDriver(adapter: PoolKeepingPgAdapter): Driver | null {
  const pool = adapter.pool;
  if (!pool || pool.ended) return null;
  return {
    provider: "postgresql",
    query: (query) =>
      pool.query(query).catch((error: unknown) => {
        throw asAdapterError("postgresql", error);
      }),
  };
}

export function createPrismaClient(url: string = databaseUrl()): Db {
  const provider = databaseProvider(url);
  let client: Db;
  if (provider === "postgresql") {
    const adapter = new PoolKeepingPgAdapter({
      connectionString: url,
      options: `-c lock_timeout=${lockTimeoutMs("postgresql")}`,
    });
    client = new PostgresClient({ adapter }) as unknown as Db;
    drivers.set(client, () => postgresDriver(adapter));
  } else {
    const adapter = new WalSqliteAdapter(url);
    client = new SqliteClient({ adapter });
    drivers.set(client, () => sqliteDriver(adapter));
  }
  providers.set(client, provider);
  return client;
}

/** A client made from one of createPrismaClient's by `$extends`, which talks to the same database. */
export function extendedClient(extended: object, base: Db): Db {
  providers.set(extended, providerOf(base));
  const driver = drivers.get(base);
  if (driver) drivers.set(extended, driver);
  return extended as Db;
}

/** The database of a client made by createPrismaClient (or extendedClient). */
export function providerOf(db: Db): DatabaseProvider {
  const provider = providers.get(db);
  if (!provider) throw new Error("Not a client made by createPrismaClient");
  return provider;
}

/**
 * The database of a client or of a transaction's client, which providerOf cannot know: a transaction
 * is handed to code that writes in SQL (lib/db/insert.ts) without its client. Prisma names its
 * connector on both.
 */
export function providerOfClient(client: DbClient): DatabaseProvider {
  const provider = (client as unknown as { _activeProvider?: string })._activeProvider;
  if (provider === "sqlite" || provider === "postgresql") return provider;
  throw new Error(`Not a client of a database the app uses: ${provider}`);
}

/** The client as a plain SQL reader, for the queries that are written in SQL (lib/db/sql.ts). */
export function sqlReader(db: Db): SqlReader {
  return { provider: providerOf(db), rows: <T>(statement: Sql) => db.$queryRaw<T[]>(statement) };
}

/** The client or an open transaction: what writes that may run inside a larger transaction take. */
export type DbClient = Db | Prisma.TransactionClient;
