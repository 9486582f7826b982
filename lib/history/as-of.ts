// The state of every recommendation and action of a proposal on a past day, reconstructed from the
// append-only history (StatusUpdate), not from the current values: for each item, its latest update
// effective on or before that day. Items without one had not started.
import type { DbClient } from "@/lib/db/client";
import type { ItemStatus } from "@/lib/db/enums";

export type ItemState = { status: ItemStatus; progress: number };

type Row = { itemId: string; status: ItemStatus; progress: number | bigint };

/** Item id → its state at the end of `asOf` (a Shanghai day, as stored: midnight in Shanghai). */
export async function stateAsOf(
  db: DbClient,
  proposalId: string,
  asOf: Date,
): Promise<Map<string, ItemState>> {
  // ROW_NUMBER over each item's history, in the order the history was made; the same SQL on SQLite
  // and PostgreSQL. Effective dates are whole Shanghai days, so "on or before" is "<=" midnight.
  const rows = await db.$queryRaw<Row[]>`
    SELECT "itemId", "status", "progress" FROM (
      SELECT COALESCE(su."recommendationId", su."actionId") AS "itemId",
             su."statusAfter" AS "status",
             su."progressAfter" AS "progress",
             ROW_NUMBER() OVER (
               PARTITION BY COALESCE(su."recommendationId", su."actionId")
               ORDER BY su."effectiveDate" DESC, su."createdAt" DESC, su."id" DESC
             ) AS "rank"
      FROM "StatusUpdate" su
      LEFT JOIN "Action" a ON a."id" = su."actionId"
      JOIN "Recommendation" r ON r."id" = COALESCE(su."recommendationId", a."recommendationId")
      WHERE r."proposalId" = ${proposalId} AND su."effectiveDate" <= ${asOf}
    ) ranked
    WHERE "rank" = 1`;
  return new Map(rows.map((row) => [row.itemId, { status: row.status, progress: Number(row.progress) }]));
}
