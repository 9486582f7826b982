// Readiness: whether this app process should be sent requests. It should when the database answers and
// holds every migration this build of the app was made with; until then (a start that has not migrated
// yet, a migration that failed or is still running, a database restored from an older backup) a load
// balancer should send its requests elsewhere. Liveness is GET /api/health.
import type { DatabaseProvider } from "@/lib/database-url";
import { type Db, providerOf } from "@/lib/db/client";
import { migrationsOnDisk } from "@/lib/db/migrations";
import { sql } from "@/lib/db/sql";

export type Readiness =
  | { ready: true }
  | { ready: false; db: "unreachable"; detail: string }
  | { ready: false; db: "ok"; migrations: "unknown"; detail: string }
  | { ready: false; db: "ok"; migrations: "pending" | "unfinished"; names: string[] };

/**
 * The migrations this build expects: listed by next.config.ts when the app was built, so that a
 * running process does not turn unready when a newer checkout is pulled beside it (its migrations are
 * applied by the restart); outside a build (tests, scripts) read from the folder now.
 */
export function expectedMigrations(provider: DatabaseProvider): string[] {
  // Spelt out in full: Next.js replaces these names with the values next.config.ts gives them.
  const built =
    provider === "sqlite"
      ? process.env.TRACKER_BUILT_MIGRATIONS_SQLITE
      : process.env.TRACKER_BUILT_MIGRATIONS_POSTGRESQL;
  return built ? built.split(",") : migrationsOnDisk(provider);
}

/** Whether the database answers and every expected migration is applied (and none is unfinished). */
export async function checkReadiness(
  db: Db,
  expected: readonly string[] = expectedMigrations(providerOf(db)),
): Promise<Readiness> {
  try {
    await db.$queryRaw`SELECT 1`;
  } catch (error) {
    return { ready: false, db: "unreachable", detail: firstLine(error) };
  }
  let rows: { name: string; state: string }[];
  try {
    // Prisma's own record: a migration started but not finished failed, or is being applied right now.
    rows = await db.$queryRaw<{ name: string; state: string }[]>(sql`
      SELECT "migration_name" AS "name",
        CASE WHEN "rolled_back_at" IS NOT NULL THEN 'rolled_back'
             WHEN "finished_at" IS NULL THEN 'unfinished' ELSE 'applied' END AS "state"
      FROM "_prisma_migrations"`);
  } catch (error) {
    return { ready: false, db: "ok", migrations: "unknown", detail: firstLine(error) };
  }
  const applied = new Set(rows.filter((row) => row.state === "applied").map((row) => row.name));
  const unfinished = rows.filter((row) => row.state === "unfinished" && !applied.has(row.name));
  if (unfinished.length > 0)
    return { ready: false, db: "ok", migrations: "unfinished", names: unfinished.map((row) => row.name) };
  const pending = expected.filter((name) => !applied.has(name));
  if (pending.length > 0) return { ready: false, db: "ok", migrations: "pending", names: pending };
  return { ready: true };
}

/** What the readiness check answers: no error text of the database's, which the log gets instead. */
export function readinessBody(readiness: Readiness) {
  if (readiness.ready) return { status: "ok", db: "ok", migrations: "ok" };
  if (readiness.db === "unreachable")
    return { status: "error", db: "unreachable", reason: "The database cannot be reached." };
  if (readiness.migrations === "unknown")
    return {
      status: "error",
      db: "ok",
      migrations: "unknown",
      reason: "The database has no readable migration history: is it migrated (npm run db:migrate)?",
    };
  const { migrations, names } = readiness;
  const reason =
    migrations === "pending"
      ? `${names.length} migration(s) of this version are not applied: run npm run db:migrate (npm start does).`
      : "A migration did not finish: it failed, or is being applied now.";
  return { status: "error", db: "ok", migrations, names, reason };
}

/** The line the log gets when the answer changes, with the database's own words. */
export function readinessLogLine(readiness: Readiness): string {
  if (readiness.ready) return "Ready: the database answers and every migration is applied.";
  if ("detail" in readiness) return `Not ready: ${readinessBody(readiness).reason} ${readiness.detail}`;
  return `Not ready: ${readinessBody(readiness).reason} ${readiness.names.join(", ")}`;
}

function firstLine(error: unknown): string {
  return error instanceof Error ? (error.message.trim().split("\n")[0] ?? "") : String(error);
}
