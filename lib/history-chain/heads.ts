// Reading the chains' heads, and finding an old head in today's chain: the one place reports, exports,
// open data and the public look-up (app/api/public/history-chain) take them from.

import { raw, type SqlReader, sql } from "@/lib/db/sql";
import { toInstant } from "@/lib/db/tables";
import { CHAIN_TABLES, type ChainTable } from "./content";
import { type ChainHead, SHORT_HASH_LENGTH } from "./heads-format";

type HeadRow = { chainSeq: number | bigint; chainHash: string; createdAt: unknown };

const toHead = (table: ChainTable, row: HeadRow): ChainHead => ({
  table,
  chainSeq: Number(row.chainSeq),
  chainHash: row.chainHash,
  createdAt: toInstant(row.createdAt),
});

/** Each non-empty chain's last row, StatusUpdate's first. */
export async function readChainHeads(db: SqlReader): Promise<ChainHead[]> {
  const heads = await Promise.all(
    CHAIN_TABLES.map(async (table) => {
      const [row] = await db.rows<HeadRow>(
        sql`SELECT "chainSeq", "chainHash", "createdAt" FROM ${raw(`"${table}"`)}
            WHERE "chainSeq" IS NOT NULL ORDER BY "chainSeq" DESC LIMIT 1`,
      );
      return row ? toHead(table, row) : null;
    }),
  );
  return heads.filter((head): head is ChainHead => head !== null);
}

/** A hash or its first digits, as printed: lower-case hex, from the short form to the whole. */
export const HASH_PREFIX = new RegExp(`^[0-9a-f]{${SHORT_HASH_LENGTH},64}$`);

/**
 * The rows of either chain whose chainHash starts with `prefix` (at most a few: 12 hex digits are
 * 48 bits). A head printed in an old report that is found here is part of today's chain: every row
 * since was appended after it (npm run verify-history checks the links).
 */
export async function findChainLinks(db: SqlReader, prefix: string): Promise<ChainHead[]> {
  if (!HASH_PREFIX.test(prefix)) return [];
  // A range rather than LIKE, so that the index serves it on both databases ("g" follows "f").
  const found = await Promise.all(
    CHAIN_TABLES.map(async (table) => {
      const rows = await db.rows<HeadRow>(
        sql`SELECT "chainSeq", "chainHash", "createdAt" FROM ${raw(`"${table}"`)}
            WHERE "chainHash" >= ${prefix} AND "chainHash" < ${`${prefix}g`} ORDER BY "chainSeq" LIMIT 5`,
      );
      return rows.map((row) => toHead(table, row));
    }),
  );
  return found.flat();
}
