// Real databases for integration tests: every test file gets its own fresh database, copied from a
// template that the real migrations built from empty (Prisma's `migrate deploy`). Each run names its
// databases after itself and removes only its own (and runs' left over for hours), so that test runs
// from several checkouts can share one server.
import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { copyFileSync, existsSync, mkdirSync, readdirSync, rmSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import Database from "better-sqlite3";
import pg from "pg";

export const DEFAULT_TEST_POSTGRES_URL = "postgresql://postgres@127.0.0.1:54329/postgres";
const SQLITE_DIR = resolve("data/test");
const PG_PREFIX = "tracker_test_";

export function postgresAdminUrl(): string {
  return process.env.TEST_POSTGRES_URL?.trim() || DEFAULT_TEST_POSTGRES_URL;
}

export function migrateDeploy(url: string) {
  execFileSync("npx", ["prisma", "migrate", "deploy"], {
    env: { ...process.env, DATABASE_URL: url },
    stdio: ["ignore", "pipe", "pipe"],
  });
}

function uniqueName() {
  return `${Date.now().toString(36)}_${randomBytes(4).toString("hex")}`;
}

// A run's name starts with its start time, so that runs left over by a crash can be told by age.
const STALE_RUN_MS = 6 * 3600_000;
const runStartedAt = (run: string) => Number.parseInt(run.split("_")[0] ?? "", 36);

/** The run a template belongs to: its databases are named "<prefix><run>_…". */
function runOf(templateUrl: string, prefix: string): string {
  const name = templateUrl.startsWith("file:")
    ? (templateUrl.split("/").at(-2) ?? "")
    : new URL(templateUrl).pathname.slice(1 + prefix.length);
  return name.split("_").slice(0, 2).join("_");
}

// SQLite ------------------------------------------------------------------------------------------

export function createSqliteTemplate(): string {
  const dir = join(SQLITE_DIR, uniqueName());
  mkdirSync(dir, { recursive: true });
  const file = join(dir, "template.db");
  migrateDeploy(`file:${file}`);
  // In WAL mode as the app's databases are (scripts/db.mjs migrate), and checkpointed into the one
  // file, so that a copy of the file alone is the whole database.
  const database = new Database(file);
  database.pragma("journal_mode = WAL");
  database.pragma("wal_checkpoint(TRUNCATE)");
  database.close();
  return `file:${file}`;
}

export function createSqliteDatabase(templateUrl: string): string {
  const template = templateUrl.slice("file:".length);
  const file = join(dirname(template), `${uniqueName()}.db`);
  // Nothing holds the template open: closing its last connection emptied its -wal into it. A -wal
  // left there anyway (a crashed run) would hold committed pages, so it would be copied too.
  copyFileSync(template, file);
  if (existsSync(`${template}-wal`)) copyFileSync(`${template}-wal`, `${file}-wal`);
  return `file:${file}`;
}

/** Removes this run's files (the template's folder), and those of runs left over for hours. */
export function removeSqliteDatabases(templateUrl?: string) {
  if (templateUrl) rmSync(dirname(templateUrl.slice("file:".length)), { recursive: true, force: true });
  if (!existsSync(SQLITE_DIR)) return;
  for (const run of readdirSync(SQLITE_DIR)) {
    const started = runStartedAt(run);
    if (!Number.isFinite(started) || Date.now() - started > STALE_RUN_MS)
      rmSync(join(SQLITE_DIR, run), { recursive: true, force: true });
  }
}

// PostgreSQL --------------------------------------------------------------------------------------

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

async function admin<T>(run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: postgresAdminUrl(), connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
  } catch (error) {
    throw new Error(
      `PostgreSQL integration tests need a server at ${postgresAdminUrl()} (set TEST_POSTGRES_URL). ` +
        `It could not be reached: ${(error as Error).message}. \`npm test\` starts one when none answers ` +
        `(scripts/test-postgres.mjs); see README "Tests".`,
    );
  }
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

export async function createPostgresTemplate(): Promise<string> {
  const name = `${PG_PREFIX}${uniqueName()}_template`;
  await admin((client) => client.query(`CREATE DATABASE "${name}"`));
  const url = withDatabase(postgresAdminUrl(), name);
  migrateDeploy(url);
  return url;
}

export async function createPostgresDatabase(templateUrl: string): Promise<string> {
  const template = new URL(templateUrl).pathname.slice(1);
  const name = `${PG_PREFIX}${runOf(templateUrl, PG_PREFIX)}_${randomBytes(6).toString("hex")}`;
  await admin((client) => client.query(`CREATE DATABASE "${name}" TEMPLATE "${template}"`));
  return withDatabase(postgresAdminUrl(), name);
}

/** Drops this run's databases (those of the template's run), and those of runs left over for hours. */
export async function dropPostgresDatabases(templateUrl?: string) {
  const run = templateUrl ? runOf(templateUrl, PG_PREFIX) : null;
  await admin(async (client) => {
    const { rows } = await client.query<{ datname: string }>(
      "SELECT datname FROM pg_database WHERE datname LIKE $1",
      [`${PG_PREFIX}%`],
    );
    for (const { datname } of rows) {
      const databaseRun = datname.slice(PG_PREFIX.length).split("_").slice(0, 2).join("_");
      const started = runStartedAt(databaseRun);
      const stale = !Number.isFinite(started) || Date.now() - started > STALE_RUN_MS;
      if (databaseRun === run || stale)
        await client.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
    }
  });
}

// Empty databases of either kind (for copies and restores) ---------------------------------------

/** A new database without tables: a SQLite file not made yet, or a new PostgreSQL database. Named
 * as a run of its own (fresh, so no other run removes it), and removed by removeEmptyDatabase. */
export async function createEmptyDatabase(provider: "sqlite" | "postgresql"): Promise<string> {
  if (provider === "sqlite") {
    const dir = join(SQLITE_DIR, uniqueName());
    mkdirSync(dir, { recursive: true });
    return `file:${join(dir, "empty.db")}`;
  }
  const name = `${PG_PREFIX}${uniqueName()}_empty`;
  await admin((client) => client.query(`CREATE DATABASE "${name}"`));
  return withDatabase(postgresAdminUrl(), name);
}

export async function removeEmptyDatabase(url: string) {
  if (url.startsWith("file:")) {
    rmSync(dirname(url.slice("file:".length)), { recursive: true, force: true });
    return;
  }
  const name = new URL(url).pathname.slice(1);
  await admin((client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
}
