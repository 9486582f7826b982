// Checks the history chains from their stored rows (see content.ts): every row's content against its
// contentHash, its link to the row before, and that chainSeq runs 1, 2, 3… without a gap. Streams the
// rows in chain order in batches, so that a million rows are never held at once.
import { raw, type SqlReader, sql } from "@/lib/db/sql";
import {
  CHAIN_TABLES,
  type ChainHeadLink,
  type ChainTable,
  contentHashOf,
  EMPTY_CHAIN,
  linkHash,
} from "./content";

export type ChainProblem =
  | "missing" // chainSeq skips: the rows before it were deleted (or it was moved)
  | "content" // its content does not match its contentHash: edited
  | "link" // its chainHash does not follow from the row before: reordered, or a row before it replaced
  | "unchained"; // a row with no place in the chain: written past the app

export type BrokenRow = {
  table: ChainTable;
  chainSeq: number | null;
  id: string;
  problem: ChainProblem;
  /** For "missing": the place the row should have had. */
  expectedSeq?: number;
};

export type ChainReport =
  | { ok: true; table: ChainTable; rows: number; head: ChainHeadLink }
  | { ok: false; table: ChainTable; rows: number; broken: BrokenRow };

const BATCH = 5000;

/** Verifies one table's chain; stops at the first broken row. */
export async function verifyChain(db: SqlReader, table: ChainTable): Promise<ChainReport> {
  const name = raw(`"${table}"`);
  let head = EMPTY_CHAIN;
  let rows = 0;
  for (;;) {
    const batch = await db.rows<Record<string, unknown>>(
      sql`SELECT * FROM ${name} WHERE "chainSeq" > ${head.chainSeq} ORDER BY "chainSeq" LIMIT ${BATCH}`,
    );
    for (const row of batch) {
      const chainSeq = Number(row.chainSeq);
      const id = String(row.id);
      const broken = (problem: ChainProblem, extra: Partial<BrokenRow> = {}): ChainReport => ({
        ok: false,
        table,
        rows,
        broken: { table, chainSeq, id, problem, ...extra },
      });
      if (chainSeq !== head.chainSeq + 1) return broken("missing", { expectedSeq: head.chainSeq + 1 });
      const contentHash = contentHashOf(table, row);
      if (contentHash !== row.contentHash) return broken("content");
      if (linkHash(chainSeq, head.chainHash, contentHash) !== row.chainHash) return broken("link");
      head = { chainSeq, chainHash: String(row.chainHash) };
      rows += 1;
    }
    if (batch.length < BATCH) break;
  }
  const [unchained] = await db.rows<{ id: string }>(
    sql`SELECT "id" FROM ${name} WHERE "chainSeq" IS NULL ORDER BY "createdAt", "id" LIMIT 1`,
  );
  if (unchained)
    return {
      ok: false,
      table,
      rows,
      broken: { table, chainSeq: null, id: unchained.id, problem: "unchained" },
    };
  return { ok: true, table, rows, head };
}

/** Verifies both chains. */
export async function verifyHistory(db: SqlReader): Promise<ChainReport[]> {
  const reports: ChainReport[] = [];
  for (const table of CHAIN_TABLES) reports.push(await verifyChain(db, table));
  return reports;
}
