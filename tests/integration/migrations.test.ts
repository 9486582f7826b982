// The committed migrations built this database from empty (the test harness ran `prisma migrate deploy`).
import { readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { databaseProvider, databaseUrl } from "@/lib/database-url";
import { db } from "@/lib/db";

describe("migrations", () => {
  it("are all applied, in order, without failures", async () => {
    const provider = databaseProvider(databaseUrl());
    const committed = readdirSync(`prisma/${provider}/migrations`, { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name)
      .sort();
    const applied = await db.$queryRaw<
      { migration_name: string; finished_at: unknown; rolled_back_at: unknown }[]
    >`
      SELECT migration_name, finished_at, rolled_back_at FROM _prisma_migrations ORDER BY migration_name`;
    expect(applied.map((row) => row.migration_name)).toEqual(committed);
    for (const row of applied) {
      expect(row.finished_at, row.migration_name).not.toBeNull();
      expect(row.rolled_back_at, row.migration_name).toBeNull();
    }
  });
});
