// The benchmark databases: a SQLite file under data/bench/ and a PostgreSQL database (tracker_bench),
// each holding the national dataset. A dataset is reused when the audit record the generator leaves
// names the same generator version, scale and seed; otherwise (or with --regenerate) it is made anew.
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, rmSync } from "node:fs";
import { resolve } from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { openBulkWriter } from "../national/bulk-writer";
import {
  type DatasetInfo,
  type GenerateResult,
  generateNationalDataset,
  NATIONAL_GENERATOR_VERSION,
  readDatasetInfo,
} from "../national/generate";
import type { Provider } from "./stats";

export const DEFAULT_BENCH_POSTGRES_URL = "postgresql://postgres@127.0.0.1:54329/tracker_bench";

export interface DatasetRequest {
  scale: number;
  seed: number;
  regenerate: boolean;
  log: (message: string) => void;
}

export interface BenchDatabase {
  provider: Provider;
  url: string;
  info: DatasetInfo;
  /** Set when this run generated the dataset. */
  generated: GenerateResult | null;
}

/** Scale 1 keeps the plain names; other scales get their own database, so a smoke run keeps the big one. */
const scaleSuffix = (scale: number) => (scale === 1 ? "" : `_s${String(scale).replace(/\W/g, "_")}`);

export function benchDatabaseUrl(provider: Provider, scale: number): string {
  if (provider === "sqlite") return `file:${resolve("data/bench", `national${scaleSuffix(scale)}.db`)}`;
  const url = new URL(process.env.BENCH_POSTGRES_URL?.trim() || DEFAULT_BENCH_POSTGRES_URL);
  url.pathname = `/${url.pathname.slice(1)}${scaleSuffix(scale)}`;
  return url.toString();
}

export async function ensureBenchDatabase(
  provider: Provider,
  request: DatasetRequest,
): Promise<BenchDatabase> {
  const url = benchDatabaseUrl(provider, request.scale);
  const label = provider === "sqlite" ? url.slice("file:".length) : new URL(url).pathname.slice(1);
  if (!request.regenerate && (await databaseExists(provider, url))) {
    // New migrations (an index, say) apply to the existing data.
    migrate(url);
    const info = await datasetInfo(url);
    if (
      info?.generator === "national" &&
      info.version === NATIONAL_GENERATOR_VERSION &&
      info.scale === request.scale &&
      info.seed === request.seed
    ) {
      request.log(
        `${provider}: reusing the dataset in ${label} (generator v${info.version}, scale ${info.scale})`,
      );
      return { provider, url, info, generated: null };
    }
    request.log(`${provider}: ${label} holds another dataset; generating anew`);
  }
  await recreate(provider, url);
  migrate(url);
  request.log(`${provider}: generating the national dataset at scale ${request.scale} into ${label}…`);
  const generated = await generateNationalDataset(url, {
    scale: request.scale,
    seed: request.seed,
    log: (message) => request.log(`  ${message}`),
  });
  request.log(`${provider}: generated in ${(generated.elapsedMs.total / 1000).toFixed(1)} s`);
  return { provider, url, info: generated, generated };
}

async function datasetInfo(url: string): Promise<DatasetInfo | null> {
  const reader = openBulkWriter(url);
  try {
    return await readDatasetInfo(reader);
  } catch {
    return null;
  } finally {
    await reader.close();
  }
}

function migrate(url: string) {
  execFileSync(process.execPath, ["scripts/db.mjs", "migrate"], {
    env: { ...process.env, DATABASE_URL: url },
    stdio: ["ignore", "pipe", "inherit"],
  });
}

/** A connection to the server's maintenance database, for creating and dropping the bench database. */
async function withServer<T>(url: string, run: (client: pg.Client, name: string) => Promise<T>): Promise<T> {
  const server = new URL(url);
  const name = decodeURIComponent(server.pathname.slice(1));
  server.pathname = "/postgres";
  const client = new pg.Client({ connectionString: server.toString() });
  await client.connect();
  try {
    return await run(client, name);
  } finally {
    await client.end();
  }
}

async function databaseExists(provider: Provider, url: string): Promise<boolean> {
  if (provider === "sqlite") return existsSync(url.slice("file:".length));
  return withServer(url, async (client, name) => {
    const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    return (rowCount ?? 0) > 0;
  });
}

/** An empty database in place of the benchmark's own (never any other). */
async function recreate(provider: Provider, url: string) {
  if (provider === "sqlite") {
    const file = url.slice("file:".length);
    mkdirSync(resolve(file, ".."), { recursive: true });
    for (const suffix of ["", "-wal", "-shm", "-journal"]) rmSync(file + suffix, { force: true });
    return;
  }
  await withServer(url, async (client, name) => {
    const quoted = `"${name.replace(/"/g, '""')}"`;
    await client.query(`DROP DATABASE IF EXISTS ${quoted} WITH (FORCE)`);
    await client.query(`CREATE DATABASE ${quoted}`);
  });
}

/**
 * A throwaway copy of a benchmark database, for a case that writes (the import): each run then starts
 * from the same data, and the dataset the other cases measure is never touched. Dropped by `drop`.
 */
export async function scratchCopy(
  database: BenchDatabase,
): Promise<{ url: string; drop: () => Promise<void> }> {
  if (database.provider === "sqlite") {
    const file = `${database.url.slice("file:".length)}.scratch`;
    const remove = () => {
      for (const suffix of ["", "-wal", "-shm", "-journal"]) rmSync(file + suffix, { force: true });
    };
    remove();
    const source = new Database(database.url.slice("file:".length), { readonly: true });
    try {
      await source.backup(file);
    } finally {
      source.close();
    }
    return { url: `file:${file}`, drop: async () => remove() };
  }
  const url = new URL(database.url);
  url.pathname = `${url.pathname}_scratch`;
  const scratch = url.toString();
  const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;
  await withServer(scratch, async (client, name) => {
    await client.query(`DROP DATABASE IF EXISTS ${quote(name)} WITH (FORCE)`);
    await client.query(
      `CREATE DATABASE ${quote(name)} TEMPLATE ${quote(decodeURIComponent(new URL(database.url).pathname.slice(1)))}`,
    );
  });
  return {
    url: scratch,
    drop: () =>
      withServer(scratch, async (client, name) => {
        await client.query(`DROP DATABASE IF EXISTS ${quote(name)} WITH (FORCE)`);
      }),
  };
}
