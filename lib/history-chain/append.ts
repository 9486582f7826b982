// Appending to the history chain, inside the transaction of the write (see content.ts for what is
// hashed). Appends are serialised: on PostgreSQL by a transaction-level advisory lock, held to commit,
// which several app processes share (the two tables' chains share one lock, so that no two writers
// can wait on each other's); on SQLite every write transaction already holds the database (the app
// begins them IMMEDIATE, lib/db/sqlite-connection.ts). A writer should lock its items first and append
// its history last, to hold the lock briefly.
import { v7 as orderedId } from "uuid";
import type { DatabaseProvider } from "@/lib/database-url";
import { type DbClient, type Prisma, providerOfClient } from "@/lib/db/client";
import { insertEncoded, sqliteInstants, type Value } from "@/lib/db/insert";
import { raw, sql } from "@/lib/db/sql";
import {
  CHAIN_COLUMNS,
  type ChainFields,
  type ChainHeadLink,
  type ChainTable,
  contentHashOf,
  EMPTY_CHAIN,
  linkAfter,
} from "./content";

/** Takes the chains' lock for the rest of the transaction (PostgreSQL; SQLite's writes hold it all). */
export async function lockHistoryChains(tx: DbClient) {
  if (providerOfClient(tx) === "postgresql")
    await tx.$executeRaw(sql`SELECT pg_advisory_xact_lock(hashtext('history-chain'))`);
}

/** The last link of a table's chain, as committed or written by this transaction. */
export async function chainHeadLink(tx: DbClient, table: ChainTable): Promise<ChainHeadLink> {
  const [head] = await tx.$queryRaw<{ chainSeq: number | bigint; chainHash: string }[]>(
    sql`SELECT "chainSeq", "chainHash" FROM ${raw(`"${table}"`)} WHERE "chainSeq" IS NOT NULL
        ORDER BY "chainSeq" DESC LIMIT 1`,
  );
  return head ? { chainSeq: Number(head.chainSeq), chainHash: head.chainHash } : EMPTY_CHAIN;
}

/** Locks the chains and works out the chain fields of rows appended to `table`, in order. */
export async function nextLinks(
  tx: DbClient,
  table: ChainTable,
  contentHashes: readonly string[],
): Promise<ChainFields[]> {
  await lockHistoryChains(tx);
  return linkAfter(await chainHeadLink(tx, table), contentHashes);
}

// A write outside a transaction gets one of its own: the lock and the head read must hold to commit.
async function inTransaction<T>(db: DbClient, write: (tx: DbClient) => Promise<T>): Promise<T> {
  return "$transaction" in db ? db.$transaction((tx) => write(tx)) : write(db);
}

type StatusUpdateData = Prisma.StatusUpdateUncheckedCreateInput;

/** Creates one StatusUpdate (Prisma's create, nested evidence links included), chained. */
export async function createStatusUpdate(db: DbClient, data: StatusUpdateData) {
  const row = {
    ...data,
    id: data.id ?? orderedId(),
    source: data.source ?? "form",
    createdAt: data.createdAt ? new Date(data.createdAt) : new Date(),
  };
  return inTransaction(db, async (tx) => {
    const [chain] = await nextLinks(tx, "StatusUpdate", [contentHashOf("StatusUpdate", row)]);
    return tx.statusUpdate.create({ data: { ...row, ...chain } });
  });
}

type AuditEventData = Prisma.AuditEventUncheckedCreateInput;

/** Creates one AuditEvent, chained. */
export async function createAuditEvent(db: DbClient, data: AuditEventData) {
  const row = {
    ...data,
    id: data.id ?? orderedId(),
    createdAt: data.createdAt ? new Date(data.createdAt) : new Date(),
  };
  return inTransaction(db, async (tx) => {
    const [chain] = await nextLinks(tx, "AuditEvent", [contentHashOf("AuditEvent", row)]);
    return tx.auditEvent.create({ data: { ...row, ...chain } });
  });
}

// Rows per statement, as lib/db/insert.ts.
const ROWS_PER_STATEMENT = 20_000;

/**
 * Many rows of one table, made ready to be chained and inserted in a few statements (as
 * lib/db/insert.ts's encodeRows, whose documents these become): each row's JSON without its end and
 * its content hash, worked out before the writer takes its lock, so that inside it only the links
 * are computed and spliced on.
 */
export type EncodedChainRows = {
  readonly table: ChainTable;
  readonly provider: DatabaseProvider;
  readonly columns: readonly string[];
  readonly openRows: readonly string[];
  readonly contentHashes: readonly string[];
};

export function encodeChainRows(
  provider: DatabaseProvider,
  table: ChainTable,
  columns: readonly string[],
  rows: readonly Record<string, Value>[],
): EncodedChainRows {
  const openRows = rows.map((row) => {
    // SQLite's rows are arrays read by place, PostgreSQL's objects read by name (see encodeRows).
    const text =
      provider === "postgresql"
        ? JSON.stringify(Object.fromEntries(columns.map((column) => [column, row[column] ?? null])))
        : JSON.stringify(
            columns.map((column) => row[column] ?? null),
            sqliteInstants,
          );
    return text.slice(0, -1);
  });
  const contentHashes = rows.map((row) => contentHashOf(table, row));
  return { table, provider, columns, openRows, contentHashes };
}

/** Inserts rows made ready by encodeChainRows at the end of their table's chain. */
export async function insertChainRows(tx: DbClient, encoded: EncodedChainRows) {
  const { table, provider, columns, openRows, contentHashes } = encoded;
  if (openRows.length === 0) return;
  const links = await nextLinks(tx, table, contentHashes);
  const closed = openRows.map((open, index) => {
    const { chainSeq, contentHash, chainHash } = links[index] as ChainFields;
    return provider === "postgresql"
      ? `${open},"chainSeq":${chainSeq},"contentHash":"${contentHash}","chainHash":"${chainHash}"}`
      : `${open},${chainSeq},"${contentHash}","${chainHash}"]`;
  });
  const documents: string[] = [];
  for (let start = 0; start < closed.length; start += ROWS_PER_STATEMENT)
    documents.push(`[${closed.slice(start, start + ROWS_PER_STATEMENT).join(",")}]`);
  await insertEncoded(tx, table, { provider, columns: [...columns, ...CHAIN_COLUMNS], documents });
}

/** Inserts rows at the end of their table's chain (encodeChainRows and insertChainRows at once). */
export async function insertChained(
  tx: DbClient,
  table: ChainTable,
  columns: readonly string[],
  rows: readonly Record<string, Value>[],
) {
  await insertChainRows(tx, encodeChainRows(providerOfClient(tx), table, columns, rows));
}
