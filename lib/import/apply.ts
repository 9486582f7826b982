// Applying an import: the dry run again, against the data as it is now, then every "update" row written
// as the status form would write it (lib/import/write.ts), all in one transaction: one row that fails
// (a conflict, a rule, the database) and nothing of the file is written.
import { recordAudit } from "@/lib/audit/record";
import { type Actor, canImport } from "@/lib/auth/permissions";
import { type Db, type DbClient, providerOf } from "@/lib/db/client";
import type { ImportRow } from "./columns";
import { type ImportPlan, type PlannedRow, planImportAndRead } from "./plan";
import { prepareWrites, RowNotWritten, type RowToWrite, writePrepared } from "./write";

// A file of 10,000 rows takes a few seconds to check and write; the default 5 s could cut it off.
const APPLY_TIMEOUT_MS = 2 * 60_000;

export type ApplyResult =
  | { kind: "applied"; recorded: number }
  | { kind: "alreadyApplied" }
  | { kind: "forbidden" }
  | { kind: "notFound" }
  /** The data changed since the dry run: these problems now; nothing was written. */
  | { kind: "problems"; plan: ImportPlan }
  /** A row failed while writing; nothing was written. */
  | {
      kind: "failed";
      row: Pick<PlannedRow, "sheet" | "row" | "label">;
      reason: RowNotWritten["reason"];
    };

class AlreadyApplied extends Error {}

export async function applyImport(
  db: Db,
  actor: Actor,
  batchId: string,
  now: Date = new Date(),
): Promise<ApplyResult> {
  if (!canImport(actor)) return { kind: "forbidden" };
  const batch = await db.importBatch.findUnique({ where: { id: batchId } });
  if (!batch || batch.createdById !== actor.id) return { kind: "notFound" };
  if (batch.appliedAt) return { kind: "alreadyApplied" };
  const rows = batch.rows as unknown as ImportRow[];
  const provider = providerOf(db);
  const prepare = async (reader: DbClient) => {
    const { plan, families } = await planImportAndRead(reader, actor, rows, now);
    if (plan.counts.problem > 0) return { plan, writes: null, recorded: 0 };
    const updates = plan.rows.filter(
      (row): row is RowToWrite =>
        row.outcome === "update" && row.input !== null && row.before !== null && row.item !== null,
    );
    const writes = prepareWrites(provider, families, actor, updates, batch.fileName, now);
    return { plan, writes, recorded: updates.length };
  };
  const apply = (prepared: Awaited<ReturnType<typeof prepare>> | null) =>
    db.$transaction(
      async (tx) => {
        const { plan, writes, recorded } = prepared ?? (await prepare(tx));
        if (!writes) return { kind: "problems", plan } as const;
        await writePrepared(tx, provider, writes, now);
        // Once only, even when two people press "apply" at the same moment.
        const { count } = await tx.importBatch.updateMany({
          where: { id: batch.id, appliedAt: null },
          data: { appliedAt: now, appliedCount: recorded },
        });
        if (count === 0) throw new AlreadyApplied();
        await recordAudit(tx, {
          actorId: actor.id,
          action: "import.apply",
          entityType: "ImportBatch",
          entityId: batch.id,
          after: { fileName: batch.fileName, recorded, unchanged: plan.counts.unchanged },
        });
        return { kind: "applied", recorded } as const;
      },
      { timeout: APPLY_TIMEOUT_MS, maxWait: 30_000 },
    );
  try {
    // The rows are checked and worked out before the transaction, which then only writes them: the
    // database is locked (on SQLite, all of it) for the writing alone. Should someone have saved one of
    // the items meanwhile, it is done again, all in the transaction, against the data as it is then.
    const prepared = await prepare(db);
    if (!prepared.writes) return { kind: "problems", plan: prepared.plan };
    try {
      return await apply(prepared);
    } catch (error) {
      if (!(error instanceof RowNotWritten && error.reason === "conflict")) throw error;
      return await apply(null);
    }
  } catch (error) {
    if (error instanceof RowNotWritten)
      return {
        kind: "failed",
        row: { sheet: error.row.sheet, row: error.row.row, label: error.row.label },
        reason: error.reason,
      };
    if (error instanceof AlreadyApplied) return { kind: "alreadyApplied" };
    throw error;
  }
}
