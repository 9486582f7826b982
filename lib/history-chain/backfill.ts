// Chains the rows that have no place in the chain yet: the rows written before the chain existed, once,
// after the migration that added it (scripts/chain-history.ts, run by `npm run db:migrate`). They go
// in (createdAt, id) order after the chain's head. The append-only triggers allow exactly this: a row
// without a place may be given one, its content unchanged.
import { type Db, providerOfClient } from "@/lib/db/client";
import { rowsFromJson } from "@/lib/db/insert";
import { raw, sql } from "@/lib/db/sql";
import { chainHeadLink, lockHistoryChains } from "./append";
import { CHAIN_TABLES, type ChainFields, type ChainTable, contentHashOf, linkAfter } from "./content";

const BATCH = 2000;

/** Chains every row of `table` that has no place yet, in batches of one transaction each; returns how many. */
export async function chainUnchainedRows(db: Db, table: ChainTable): Promise<number> {
  const name = raw(`"${table}"`);
  let chained = 0;
  for (;;) {
    const count = await db.$transaction(
      async (tx) => {
        const provider = providerOfClient(tx);
        // Lock first: another process may be appending or chaining too.
        await lockHistoryChains(tx);
        const rows = await tx.$queryRaw<Record<string, unknown>[]>(
          sql`SELECT * FROM ${name} WHERE "chainSeq" IS NULL ORDER BY "createdAt", "id" LIMIT ${BATCH}`,
        );
        if (rows.length === 0) return 0;
        const links = linkAfter(
          await chainHeadLink(tx, table),
          rows.map((row) => contentHashOf(table, row)),
        );
        const values = rowsFromJson(
          provider,
          "v",
          { id: "text", chainSeq: "integer", contentHash: "text", chainHash: "text" },
          rows.map((row, index) => ({ id: String(row.id), ...(links[index] as ChainFields) })),
        );
        await tx.$executeRaw(sql`UPDATE ${name} SET "chainSeq" = v."chainSeq", "contentHash" = v."contentHash",
          "chainHash" = v."chainHash" FROM ${values} WHERE ${name}."id" = v."id" AND ${name}."chainSeq" IS NULL`);
        return rows.length;
      },
      { timeout: 60_000 },
    );
    chained += count;
    if (count < BATCH) return chained;
  }
}

/** Chains both tables' unchained rows; returns how many of each. */
export async function chainUnchainedHistory(db: Db): Promise<Record<ChainTable, number>> {
  const counts = { StatusUpdate: 0, AuditEvent: 0 };
  for (const table of CHAIN_TABLES) counts[table] = await chainUnchainedRows(db, table);
  return counts;
}
