// Backups of the whole database while the app runs, and their restore into an empty database.
// SQLite: SQLite's online backup API (better-sqlite3's backup()), a consistent copy of the file even
// while the app writes, restored page for page. PostgreSQL: pg_dump's custom format (one snapshot),
// restored by pg_restore in a single transaction, so that a failed restore leaves the database empty;
// the triggers and constraints are part of the dump and are in force again once it is loaded.
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import Database from "better-sqlite3";
import { databaseProvider } from "../../lib/database-url";
import { databaseTables } from "../../lib/db/tables";
import { connectTo, sqlitePath } from "./connection";
import { TransferError } from "./copy";

const SQLITE_HEADER = "SQLite format 3\0";
const PG_DUMP_HEADER = "PGDMP";

/** Writes a consistent copy of the database of `url` to `file` (which must not exist). */
export async function backupDatabase(url: string, file: string): Promise<void> {
  const out = resolve(file);
  if (existsSync(out)) throw new TransferError(`${out} exists already: give a new file name.`);
  if (!existsSync(dirname(out))) throw new TransferError(`The folder ${dirname(out)} does not exist.`);
  if (databaseProvider(url) === "sqlite") {
    const path = sqlitePath(url);
    if (!existsSync(path)) throw new TransferError(`The database ${path} does not exist.`);
    const database = new Database(path, { readonly: true, fileMustExist: true });
    // Written beside the target and renamed when complete, so that a file of that name is always whole.
    const partial = `${out}.partial`;
    try {
      await database.backup(partial);
      renameSync(partial, out);
    } finally {
      database.close();
      rmSync(partial, { force: true });
    }
    return;
  }
  const pgDump = postgresTool("pg_dump");
  const partial = `${out}.partial`;
  const result = spawnSync(
    pgDump,
    ["--format=custom", "--no-owner", "--no-privileges", `--file=${partial}`, `--dbname=${url}`],
    { stdio: ["ignore", "inherit", "pipe"], encoding: "utf8" },
  );
  if (result.status !== 0) {
    rmSync(partial, { force: true });
    throw new TransferError(`pg_dump failed: ${result.stderr?.trim() || result.error?.message}`);
  }
  renameSync(partial, out);
}

/** Loads the backup `file` into the empty database of `url`. */
export async function restoreDatabase(url: string, file: string): Promise<void> {
  const input = resolve(file);
  if (!existsSync(input)) throw new TransferError(`${input} does not exist.`);
  const header = readHeader(input);
  if (databaseProvider(url) === "sqlite") {
    if (!header.startsWith(SQLITE_HEADER))
      throw new TransferError(
        `${input} is not a SQLite backup${header.startsWith(PG_DUMP_HEADER) ? " (it is a PostgreSQL dump: restore it into a postgresql:// database)" : ""}.`,
      );
    const path = sqlitePath(url);
    await assertNoTables(url);
    // Copied through the backup API into a file beside the target, checked, then put in its place.
    const partial = `${path}.restoring`;
    const backup = new Database(input, { readonly: true, fileMustExist: true });
    try {
      await backup.backup(partial);
    } finally {
      backup.close();
    }
    const restored = new Database(partial);
    try {
      const check = restored.pragma("integrity_check", { simple: true });
      if (check !== "ok") throw new TransferError(`The backup ${input} is damaged: ${String(check)}.`);
    } catch (error) {
      restored.close();
      rmSync(partial, { force: true });
      throw error;
    }
    restored.close();
    for (const suffix of ["-wal", "-shm", "-journal"]) rmSync(path + suffix, { force: true });
    renameSync(partial, path);
    return;
  }
  if (!header.startsWith(PG_DUMP_HEADER))
    throw new TransferError(
      `${input} is not a PostgreSQL backup made by db:backup (pg_dump's custom format)${header.startsWith(SQLITE_HEADER) ? "; it is a SQLite backup: restore it into a file: database" : ""}.`,
    );
  await assertNoTables(url);
  const pgRestore = postgresTool("pg_restore");
  const result = spawnSync(
    pgRestore,
    ["--no-owner", "--no-privileges", "--single-transaction", "--exit-on-error", `--dbname=${url}`, input],
    { stdio: ["ignore", "inherit", "pipe"], encoding: "utf8" },
  );
  if (result.status !== 0)
    throw new TransferError(
      `pg_restore failed, and nothing was restored: ${result.stderr?.trim() || result.error?.message}`,
    );
}

function readHeader(file: string): string {
  if (statSync(file).size < 16) return "";
  return readFileSync(file).subarray(0, 16).toString("latin1");
}

/** A restore goes into a database without tables: a new SQLite file, or a new PostgreSQL database. */
async function assertNoTables(url: string) {
  if (databaseProvider(url) === "sqlite" && !existsSync(sqlitePath(url))) return;
  const connection = await connectTo(url, (message) => new TransferError(message));
  try {
    const tables = await databaseTables(connection);
    if (tables.length > 0)
      throw new TransferError(
        `The database to restore into is not empty (it has ${tables.length} tables, e.g. ${tables.slice(0, 3).join(", ")}). ` +
          "Restore into a new, empty database (for SQLite a file that does not exist yet, for PostgreSQL " +
          "`createdb <name>`); nothing was changed.",
      );
  } finally {
    await connection.close();
  }
}

/**
 * The path of a PostgreSQL client tool: the newest in Debian's /usr/lib/postgresql/<version>/bin
 * (pg_dump must be at least as new as the server), else the one on PATH.
 */
export function postgresTool(
  name: "pg_dump" | "pg_restore",
  where: { root?: string; path?: string } = {},
): string {
  const root = where.root ?? "/usr/lib/postgresql";
  const candidates: string[] = [];
  if (existsSync(root)) {
    const versions = readdirSync(root)
      .filter((version) => /^\d+$/.test(version))
      .sort((a, b) => Number(b) - Number(a));
    for (const version of versions) candidates.push(join(root, version, "bin", name));
  }
  for (const candidate of candidates) if (existsSync(candidate)) return candidate;
  try {
    execFileSync(name, ["--version"], {
      stdio: "ignore",
      env: { ...process.env, PATH: where.path ?? process.env.PATH },
    });
    return name;
  } catch {
    throw new TransferError(
      `${name} was not found. Backups of PostgreSQL use its client tools: install them ` +
        "(Debian/Ubuntu: `apt-get install postgresql-client`, the version of your server or newer; " +
        "macOS: `brew install libpq`), or put them on PATH.",
    );
  }
}
