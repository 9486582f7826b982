// GET /api/health/ready on the real database: 200 only while the database answers and holds every
// migration of prisma/<provider>/migrations, finished; 503 with a reason, and none of the database's
// own error text, when a migration is missing or unfinished, when nothing is migrated and when the
// database cannot be reached. The log gets one line when the answer changes, not one per poll.
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { GET } from "@/app/api/health/ready/route";
import { databaseProvider, databaseUrl } from "@/lib/database-url";
import { db } from "@/lib/db";
import { createPrismaClient, type Db } from "@/lib/db/client";
import { migrationsOnDisk } from "@/lib/db/migrations";
import { sql } from "@/lib/db/sql";
import { checkReadiness, readinessBody } from "@/lib/health/readiness";
import { createEmptyDatabase, removeEmptyDatabase } from "./databases";

const provider = databaseProvider(databaseUrl());
const migrations = migrationsOnDisk(provider);
const last = migrations.at(-1) ?? "";

let empty: { url: string; db: Db };

beforeAll(async () => {
  const url = await createEmptyDatabase(provider);
  empty = { url, db: createPrismaClient(url) };
});

afterAll(async () => {
  await empty?.db.$disconnect();
  if (empty) await removeEmptyDatabase(empty.url);
});

afterEach(async () => {
  vi.restoreAllMocks();
  // Each test leaves Prisma's record of the last migration as the migrations wrote it.
  await db.$executeRaw(sql`
    UPDATE "_prisma_migrations" SET "rolled_back_at" = NULL, "finished_at" = COALESCE("finished_at", "started_at")
    WHERE "migration_name" = ${last}`);
});

async function ready() {
  const response = await GET();
  expect(response.headers.get("cache-control")).toBe("no-store");
  return { status: response.status, body: await response.json() };
}

describe(`GET /api/health/ready (${provider})`, () => {
  it("answers 200 when every migration on disk is applied", async () => {
    expect(migrations.length).toBeGreaterThan(20);
    expect(await ready()).toEqual({ status: 200, body: { status: "ok", db: "ok", migrations: "ok" } });
  });

  it("answers 503 naming a migration that is not applied, and 200 once it is", async () => {
    // Prisma's record of a migration rolled back: it counts as not applied.
    await db.$executeRaw(sql`
      UPDATE "_prisma_migrations" SET "rolled_back_at" = "finished_at" WHERE "migration_name" = ${last}`);
    const { status, body } = await ready();
    expect(status).toBe(503);
    expect(body).toMatchObject({ status: "error", db: "ok", migrations: "pending", names: [last] });
    expect(body.reason).toContain("npm run db:migrate");

    // A migration of this version that the database has never seen.
    const later = "29991231000000_later";
    expect(await checkReadiness(db, [...migrations, later])).toEqual({
      ready: false,
      db: "ok",
      migrations: "pending",
      names: [last, later],
    });

    await db.$executeRaw(sql`
      UPDATE "_prisma_migrations" SET "rolled_back_at" = NULL WHERE "migration_name" = ${last}`);
    expect((await ready()).status).toBe(200);
  });

  it("answers 503 while a migration is unfinished (failed, or being applied by another process)", async () => {
    await db.$executeRaw(sql`
      UPDATE "_prisma_migrations" SET "finished_at" = NULL WHERE "migration_name" = ${last}`);
    const { status, body } = await ready();
    expect(status).toBe(503);
    expect(body).toMatchObject({ status: "error", db: "ok", migrations: "unfinished", names: [last] });
  });

  it("answers 503 for a database that is not migrated", async () => {
    const readiness = await checkReadiness(empty.db, migrations);
    expect(readiness).toMatchObject({ ready: false, db: "ok", migrations: "unknown" });
    expect(readinessBody(readiness).reason).toContain("npm run db:migrate");
  });

  it("answers 503 when the database cannot be reached, without the driver's words", async () => {
    // Nothing listens on port 9 (discard).
    const nowhere = createPrismaClient("postgresql://postgres@127.0.0.1:9/nowhere?connect_timeout=2");
    try {
      const readiness = await checkReadiness(nowhere, migrations);
      expect(readiness).toMatchObject({ ready: false, db: "unreachable" });
      const body = readinessBody(readiness);
      expect(body).toEqual({ status: "error", db: "unreachable", reason: "The database cannot be reached." });
    } finally {
      await nowhere.$disconnect();
    }
  });

  it("logs a line when the answer changes, not at every poll", async () => {
    // Ready, as the earlier tests left it (the line for that change may go out here, unwatched).
    expect((await ready()).status).toBe(200);
    const errors = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const logs = vi.spyOn(console, "log").mockImplementation(() => undefined);
    await ready();
    await db.$executeRaw(sql`
      UPDATE "_prisma_migrations" SET "finished_at" = NULL WHERE "migration_name" = ${last}`);
    await ready();
    await ready();
    expect(errors.mock.calls).toEqual([[expect.stringContaining(`Not ready: A migration did not finish`)]]);
    expect(errors.mock.calls[0]?.[0]).toContain(last);
    await db.$executeRaw(sql`
      UPDATE "_prisma_migrations" SET "finished_at" = "started_at" WHERE "migration_name" = ${last}`);
    await ready();
    await ready();
    expect(logs.mock.calls).toEqual([[expect.stringContaining("Ready")]]);
  });
});
