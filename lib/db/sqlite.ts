// How every SQLite connection is opened (the app's Prisma client, the export worker's reader, the
// scripts). WAL mode lets a long read — an export holding one snapshot — go on while a save commits,
// and a reader never sees half a write; the busy timeout makes a writer wait for another process's
// write to finish instead of failing at once with SQLITE_BUSY.

/** How long a connection waits for another's lock before SQLITE_BUSY (better-sqlite3's `timeout`). */
export const SQLITE_BUSY_TIMEOUT_MS = 5000;

/**
 * journal_mode=WAL is kept in the database file: once set, every later connection uses it. It is set
 * at migrate (scripts/db.mjs) and again as each app connection opens (a no-op once set), so that a
 * database made elsewhere is switched before the app reads it.
 */
export const SQLITE_WAL = "PRAGMA journal_mode = WAL";
