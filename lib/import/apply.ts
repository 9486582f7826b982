// Applying an import: the dry run again, against the data as it is now, then every "update" row written
// as the status form would write it (lib/import/write.ts), all in one transaction: one row that fails
// (a conflict, a rule, the database) and nothing of the file is written.
import { recordAudit } from "@/lib/audit/record";
import { type Actor, canImport } from "@/lib/auth/permissions";
import { type Db, providerOf } from "@/lib/db/client";
import type { ImportRow } from "./columns";
import { type ImportPlan, type PlannedRow, planImport } from "./plan";
import { RowNotWritten, type RowToWrite, writeImportRows } from "./write";

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
  try {
    return await db.$transaction(
      async (tx) => {
        const plan = await planImport(tx, actor, rows, now);
        if (plan.counts.problem > 0) return { kind: "problems", plan } as const;
        const updates = plan.rows.filter(
          (row): row is RowToWrite => row.outcome === "update" && row.input !== null && row.before !== null,
        );
        await writeImportRows(tx, providerOf(db), actor, updates, batch.fileName, now);
        // Once only, even when two people press "apply" at the same moment.
        const { count } = await tx.importBatch.updateMany({
          where: { id: batch.id, appliedAt: null },
          data: { appliedAt: now, appliedCount: updates.length },
        });
        if (count === 0) throw new AlreadyApplied();
        await recordAudit(tx, {
          actorId: actor.id,
          action: "import.apply",
          entityType: "ImportBatch",
          entityId: batch.id,
          after: { fileName: batch.fileName, recorded: updates.length, unchanged: plan.counts.unchanged },
        });
        return { kind: "applied", recorded: updates.length } as const;
      },
      { timeout: APPLY_TIMEOUT_MS, maxWait: 30_000 },
    );
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
