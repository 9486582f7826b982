// The app's one SQLite connection per process, made safe to share between requests. Prisma's
// better-sqlite3 adapter runs a query made outside a transaction on the very connection a transaction
// holds open: that query would read the transaction's uncommitted rows and, when the transaction rolls
// back, lose its own write although it was reported done. Here a query waits for an open transaction
// to end. A transaction begins IMMEDIATE, taking the write lock at once (waiting up to the busy timeout
// for another process's writer), so that one that reads and then writes never fails because another
// process wrote in between (SQLITE_BUSY_SNAPSHOT).
//
// The better-sqlite3 connection itself is lent out in the same turns (`withDatabase`), for what Prisma's
// path would copy several times over: a file's bytes (lib/files/store.ts).
import type { IsolationLevel, SqlDriverAdapter, SqlQuery, Transaction } from "@prisma/driver-adapter-utils";
import { Mutex } from "async-mutex";
import type BetterSqlite3 from "better-sqlite3";

export class SerializedSqliteConnection implements SqlDriverAdapter {
  readonly provider = "sqlite";
  readonly adapterName: string;
  readonly #connection: SqlDriverAdapter;
  // Held by an open transaction, and for the moment of each query outside one.
  readonly #turn = new Mutex();

  readonly #database: BetterSqlite3.Database | null;

  /** `database` is the better-sqlite3 connection under `connection`, for `withDatabase`. */
  constructor(connection: SqlDriverAdapter, database: BetterSqlite3.Database | null = null) {
    this.#connection = connection;
    this.#database = database;
    this.adapterName = connection.adapterName;
  }

  /** Whether the connection is still open (false once the client has disconnected). */
  get open(): boolean {
    return this.#database?.open ?? false;
  }

  /**
   * Runs `work` on the better-sqlite3 connection in a turn of its own, as a query outside a transaction
   * runs: after any open transaction has ended, and alone while it runs.
   */
  withDatabase<T>(work: (database: BetterSqlite3.Database) => T): Promise<T> {
    const database = this.#database;
    if (!database) return Promise.reject(new Error("This connection lends out no better-sqlite3 database"));
    return this.#turn.runExclusive(() => work(database));
  }

  queryRaw(query: SqlQuery) {
    return this.#turn.runExclusive(() => this.#connection.queryRaw(query));
  }

  executeRaw(query: SqlQuery) {
    return this.#turn.runExclusive(() => this.#connection.executeRaw(query));
  }

  executeScript(script: string) {
    return this.#turn.runExclusive(() => this.#connection.executeScript(script));
  }

  dispose() {
    return this.#connection.dispose();
  }

  async startTransaction(isolationLevel?: IsolationLevel): Promise<Transaction> {
    // SQLite's transactions are serializable, and only that.
    if (isolationLevel && isolationLevel !== "SERIALIZABLE")
      throw new Error(`SQLite has no ${isolationLevel} isolation level`);
    const release = await this.#turn.acquire();
    const connection = this.#connection;
    try {
      await connection.executeScript("BEGIN IMMEDIATE");
    } catch (error) {
      release();
      throw error;
    }
    let open = true;
    const end = async () => {
      if (open) release();
      open = false;
    };
    const run = (sql: string) => connection.executeRaw({ sql, args: [], argTypes: [] }).then(() => {});
    // Prisma sends COMMIT and ROLLBACK itself (usePhantomQuery: false), then calls commit or rollback.
    return {
      provider: "sqlite",
      adapterName: this.adapterName,
      options: { usePhantomQuery: false },
      queryRaw: (query) => connection.queryRaw(query),
      executeRaw: (query) => connection.executeRaw(query),
      commit: end,
      rollback: end,
      createSavepoint: (name) => run(`SAVEPOINT ${name}`),
      rollbackToSavepoint: (name) => run(`ROLLBACK TO ${name}`),
      releaseSavepoint: (name) => run(`RELEASE SAVEPOINT ${name}`),
    };
  }
}
