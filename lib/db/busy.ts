// A write the database could not take in time: another connection held the lock it needed, or its
// transaction ran out of time waiting. Such a write has written nothing (its transaction rolled back),
// and trying again a moment later is the right answer, so the forms say "busy, try again" and keep
// the input instead of failing with a 500. Recognised by what Prisma 7 and its driver adapters really
// carry (tests/integration/database-busy.test.ts produces each on both databases):
//
// - P2028, a transaction that expired (meta.timeout and meta.timeTaken; Prisma rolls it back) or that
//   could not start within maxWait (pool or, on SQLite, the adapter's one-transaction mutex taken);
// - P2034, PostgreSQL's deadlock (40P01) and serialization failure (40001), kind "TransactionWriteConflict";
// - PostgreSQL's lock_timeout (55P03) and statement_timeout (57014), kind "postgres" under P2039 or P2010;
// - SQLite's SQLITE_BUSY "database is locked" (after the busy timeout, e.g. on the app's BEGIN IMMEDIATE;
//   at once when a deferred transaction that has read needs another's write lock) and
//   SQLITE_BUSY_SNAPSHOT, kind "SocketTimeout" (P1008).
//
// Other errors (a unique violation, a bug, a lost connection) are not "busy": they still throw.

// SQLSTATEs: lock_not_available, query_canceled (statement_timeout), serialization_failure, deadlock_detected.
const POSTGRES_BUSY = new Set(["55P03", "57014", "40001", "40P01"]);

type Cause = { originalCode?: unknown; kind?: unknown };

/** Whether an error is the database being too busy to take a write now (see above). */
export function isDatabaseBusy(error: unknown): boolean {
  if (!isObject(error)) return false;
  if (error.code === "P2034") return true;
  if (error.code === "P2028") return transactionOutOfTime(error);
  return isBusyCause(driverAdapterCause(error));
}

/**
 * Runs a write; when the database is too busy to take it (nothing was written), answers `busy()`
 * instead, e.g. the form's error state with "busy, try again". Any other error is thrown as it was.
 */
export async function unlessBusy<T, B>(write: () => Promise<T>, busy: () => B | Promise<B>): Promise<T | B> {
  try {
    return await write();
  } catch (error) {
    if (!isDatabaseBusy(error)) throw error;
    // One line for the operators: how often saves meet a busy database is worth knowing.
    console.warn(`Database busy, the user was asked to try again: ${busyCode(error)}`);
    return busy();
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null;
}

// P2028 is every "Transaction API error"; only these two are a matter of time. The others (a
// transaction used after it closed, an unknown id) are bugs.
function transactionOutOfTime(error: Record<string, unknown>): boolean {
  const meta = isObject(error.meta) ? error.meta : {};
  if (typeof meta.timeout === "number" && typeof meta.timeTaken === "number") return true;
  return (
    typeof error.message === "string" &&
    error.message.includes("Unable to start a transaction in the given time")
  );
}

/** The driver adapter's error, inside Prisma's (meta.driverAdapterError) or thrown as it is. */
function driverAdapterCause(error: Record<string, unknown>): Cause | null {
  const wrapped = isObject(error.meta) ? error.meta.driverAdapterError : undefined;
  const adapterError = isObject(wrapped) ? wrapped : error.name === "DriverAdapterError" ? error : null;
  return adapterError && isObject(adapterError.cause) ? adapterError.cause : null;
}

function isBusyCause(cause: Cause | null): boolean {
  const code = cause?.originalCode;
  if (typeof code !== "string") return false;
  return POSTGRES_BUSY.has(code) || code.startsWith("SQLITE_BUSY");
}

function busyCode(error: unknown): string {
  const e = error as { code?: unknown; meta?: { driverAdapterError?: { cause?: Cause } } };
  const original = e.meta?.driverAdapterError?.cause?.originalCode;
  return [e.code, original].filter((part) => typeof part === "string").join(" ") || "unknown";
}
