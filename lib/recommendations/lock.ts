import type { DbClient } from "@/lib/db/client";
import { join, sql } from "@/lib/db/sql";

/**
 * Locks recommendations' rows until the transaction ends, before their actions are read for a roll-up:
 * two saves of actions under one recommendation then roll up one after the other, the second from the
 * first's result, instead of both from the state before and the second overwriting the first. A write
 * that changes nothing (not even updatedAt) takes the row lock on PostgreSQL; SQLite's transactions
 * already hold the whole database's.
 */
export async function lockRecommendations(tx: DbClient, ids: readonly string[]) {
  const sorted = [...new Set(ids)].sort();
  for (let start = 0; start < sorted.length; start += 500)
    await tx.$executeRaw(
      sql`UPDATE "Recommendation" SET "version" = "version" WHERE "id" IN (${join(sorted.slice(start, start + 500))})`,
    );
}
