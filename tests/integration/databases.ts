// Real databases for integration tests: every test file gets its own fresh database, copied from a
// template that the real migrations built from empty (Prisma's `migrate deploy`).
import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { copyFileSync, mkdirSync, rmSync } from "node:fs";
import { join, resolve } from "node:path";
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

// SQLite ------------------------------------------------------------------------------------------

export function createSqliteTemplate(): string {
  mkdirSync(SQLITE_DIR, { recursive: true });
  const file = join(SQLITE_DIR, `template_${uniqueName()}.db`);
  migrateDeploy(`file:${file}`);
  return `file:${file}`;
}

export function createSqliteDatabase(templateUrl: string): string {
  const file = join(SQLITE_DIR, `${uniqueName()}.db`);
  copyFileSync(templateUrl.slice("file:".length), file);
  return `file:${file}`;
}

export function removeSqliteDatabases() {
  rmSync(SQLITE_DIR, { recursive: true, force: true });
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
        `It could not be reached: ${(error as Error).message}. .ci/run starts one; see README "Tests".`,
    );
  }
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

export async function createPostgresTemplate(): Promise<string> {
  const name = `${PG_PREFIX}template_${uniqueName()}`;
  await admin((client) => client.query(`CREATE DATABASE "${name}"`));
  const url = withDatabase(postgresAdminUrl(), name);
  migrateDeploy(url);
  return url;
}

export async function createPostgresDatabase(templateUrl: string): Promise<string> {
  const template = new URL(templateUrl).pathname.slice(1);
  const name = `${PG_PREFIX}${uniqueName()}`;
  await admin((client) => client.query(`CREATE DATABASE "${name}" TEMPLATE "${template}"`));
  return withDatabase(postgresAdminUrl(), name);
}

export async function dropPostgresDatabases() {
  await admin(async (client) => {
    const { rows } = await client.query<{ datname: string }>(
      "SELECT datname FROM pg_database WHERE datname LIKE $1",
      [`${PG_PREFIX}%`],
    );
    for (const { datname } of rows) await client.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
  });
}
