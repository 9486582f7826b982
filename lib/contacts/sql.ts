// 面商率 in SQL: a replied recommendation was consulted when one of its current contact records (not
// superseded by a correction) is dated on or before its reply. The table's contact= filter and the
// dashboard's rate share this one condition, on items read as `i` (lib/tracking/item-sql.ts).
//
// On an as-of day the item SQL gives only replies made by then, and a contact dated on or before such a
// reply is dated by then too: the figure for a past day needs nothing more. (A record's date is its
// Shanghai day's midnight, so "on or before the reply's day" is contactDate <= repliedAt.)
import type { Db } from "@/lib/db/client";
import { join, type Sql, sql } from "@/lib/db/sql";

export const CONTACT_FILTERS = ["before_reply", "none"] as const;
export type ContactFilter = (typeof CONTACT_FILTERS)[number];

const contactedBeforeReply = sql`EXISTS (SELECT 1 FROM "DeputyContact" c
  WHERE c."recommendationId" = i."recommendationId" AND c."contactDate" <= i."repliedAt"
    AND NOT EXISTS (SELECT 1 FROM "DeputyContact" n WHERE n."supersedesId" = c."id"))`;

/** Replied items with a contact on or before the reply (before_reply), or without one (none). */
export function contactSql(state: ContactFilter): Sql {
  return state === "before_reply"
    ? sql`(i."repliedAt" IS NOT NULL AND ${contactedBeforeReply})`
    : sql`(i."repliedAt" IS NOT NULL AND NOT ${contactedBeforeReply})`;
}

/**
 * Of the items `ids` (read as `i` from `items`, the item SQL), whether each replied one was consulted
 * before its reply; null for those not replied (on the view's day). For the table's column.
 */
export async function consultedOf(db: Db, items: Sql, ids: string[]): Promise<Map<string, boolean | null>> {
  if (ids.length === 0) return new Map();
  const rows = await db.$queryRaw<{ id: string; consulted: unknown }[]>(sql`
    SELECT i."id", CASE WHEN i."repliedAt" IS NULL THEN NULL WHEN ${contactSql("before_reply")} THEN 1 ELSE 0 END AS "consulted"
    FROM ${items} i WHERE i."id" IN (${join(ids)})`);
  return new Map(rows.map((row) => [row.id, row.consulted === null ? null : Boolean(Number(row.consulted))]));
}

/** 面商率's counts: of the replied recommendations (`items`, read as `i`), how many were consulted. */
export type ContactRate = { consulted: number; replied: number };

export async function contactRate(db: Db, items: Sql): Promise<ContactRate> {
  const rows = await db.$queryRaw<{ consulted: unknown; replied: unknown }[]>(sql`
    SELECT SUM(CASE WHEN ${contactSql("before_reply")} THEN 1 ELSE 0 END) AS "consulted",
      SUM(CASE WHEN i."repliedAt" IS NOT NULL THEN 1 ELSE 0 END) AS "replied"
    FROM ${items}`);
  return { consulted: Number(rows[0]?.consulted ?? 0), replied: Number(rows[0]?.replied ?? 0) };
}
