// Creates the Prisma client for DATABASE_URL. Both databases' clients are generated (same models),
// so one build of the app serves SQLite or PostgreSQL; the app is typed against the SQLite client,
// and uses only what both support.
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
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
  constructor(url: string) {
    super({ url, timeout: lockTimeoutMs("sqlite") });
  }

  override async connect() {
    const adapter = await super.connect();
    await adapter.executeScript(SQLITE_WAL);
    return new SerializedSqliteConnection(adapter);
  }
}

export function createPrismaClient(url: string = databaseUrl()): Db {
  const provider = databaseProvider(url);
  const client =
    provider === "postgresql"
      ? (new PostgresClient({
          adapter: new PrismaPg({
            connectionString: url,
            options: `-c lock_timeout=${lockTimeoutMs("postgresql")}`,
          }),
        }) as unknown as Db)
      : new SqliteClient({ adapter: new WalSqliteAdapter(url) });
  providers.set(client, provider);
  return client;
}

/** A client made from one of createPrismaClient's by `$extends`, which talks to the same database. */
export function extendedClient(extended: object, base: Db): Db {
  providers.set(extended, providerOf(base));
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
