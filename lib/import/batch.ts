// An import from upload to dry run: who may import, reading the file (in the import worker), keeping
// its rows in the database (any app process can then show and apply them), and the dry run of a
// stored file a page at a time.
import { recordAudit } from "@/lib/audit/record";
import { type Actor, canImport } from "@/lib/auth/permissions";
import type { Db } from "@/lib/db/client";
import { claimSlot, type SlotLimits } from "@/lib/slots/slots";
import type { ImportRow } from "./columns";
import { type FileProblem, type FileProblemValues, ImportFileError, MAX_FILE_BYTES } from "./file";
import { type ImportPlan, type PlannedRow, planImport } from "./plan";
import { readInWorker } from "./worker-process";

/**
 * At most this many uploads are read at once for one person, and in all: each holds an import worker
 * (up to ~300 MB for its few seconds). Held by job slots (lib/slots), as exports and reports are.
 */
export const IMPORT_LIMITS = { perOwner: 2, total: 4 } as const satisfies SlotLimits;

export type UploadResult =
  | { kind: "created"; batchId: string }
  | { kind: "forbidden" }
  /** Too many of this person's (or everyone's) uploads are being read right now. */
  | { kind: "busy"; limit: keyof SlotLimits }
  | { kind: "file"; problem: FileProblem; values?: FileProblemValues };

export async function createImportBatch(
  db: Db,
  actor: Actor | null,
  file: { name: string; bytes: Uint8Array },
  options: { signal?: AbortSignal } = {},
): Promise<UploadResult> {
  if (!canImport(actor)) return { kind: "forbidden" };
  if (file.bytes.byteLength === 0) return { kind: "file", problem: "empty" };
  if (file.bytes.byteLength > MAX_FILE_BYTES) return { kind: "file", problem: "tooLarge" };
  const { slot, refused } = await claimSlot(db, {
    kind: "import",
    owner: `user:${actor.id}`,
    ...IMPORT_LIMITS,
  });
  if (!slot) return { kind: "busy", limit: refused };
  let rows: ImportRow[];
  try {
    rows = await readInWorker(file.bytes, { signal: options.signal });
  } catch (error) {
    if (error instanceof ImportFileError)
      return { kind: "file", problem: error.problem, values: error.values };
    throw error;
  } finally {
    await slot.release();
  }
  const fileName = file.name.slice(0, 255);
  const batch = await db.$transaction(async (tx) => {
    const created = await tx.importBatch.create({
      data: { fileName, createdById: actor.id, rows: rows as unknown as object },
      select: { id: true },
    });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "import.upload",
      entityType: "ImportBatch",
      entityId: created.id,
      after: { fileName, bytes: file.bytes.byteLength, rows: rows.length },
    });
    return created;
  });
  return { kind: "created", batchId: batch.id };
}

/** Rows of the dry run shown a page at a time: a page of 50,000 rows would be a page of 100 MB. */
export const PLAN_PAGE_SIZE = 100;

export type PlanPage = {
  /** Every row's outcome, over the whole file. */
  counts: ImportPlan["counts"];
  /** Rows in the file, and in the view (all, or those with problems). */
  total: number;
  matching: number;
  page: number;
  pageCount: number;
  problemsOnly: boolean;
  rows: PlannedRow[];
};

export type BatchView = {
  id: string;
  fileName: string;
  createdAt: Date;
  appliedAt: Date | null;
  appliedCount: number | null;
  /** A page of the dry run against the data as it is now; null once applied. */
  plan: PlanPage | null;
};

/** The importer's own batch, with a page of its dry run; null for anyone else's or none. */
export async function getImportBatch(
  db: Db,
  actor: Actor,
  batchId: string,
  view: { page?: number; problemsOnly?: boolean } = {},
  now = new Date(),
): Promise<BatchView | null> {
  const batch = await db.importBatch.findUnique({ where: { id: batchId } });
  if (!batch || batch.createdById !== actor.id) return null;
  let plan: PlanPage | null = null;
  if (!batch.appliedAt) {
    // Every row is planned (the counts, the duplicates and the problems filter are the whole file's);
    // only the page's rows go on to the page.
    const planned = await planImport(db, actor, batch.rows as unknown as ImportRow[], now);
    const problemsOnly = view.problemsOnly ?? false;
    const matching = problemsOnly ? planned.rows.filter((row) => row.outcome === "problem") : planned.rows;
    const pageCount = Math.max(1, Math.ceil(matching.length / PLAN_PAGE_SIZE));
    const page = Math.min(Math.max(1, Math.trunc(view.page ?? 1) || 1), pageCount);
    plan = {
      counts: planned.counts,
      total: planned.rows.length,
      matching: matching.length,
      page,
      pageCount,
      problemsOnly,
      rows: matching.slice((page - 1) * PLAN_PAGE_SIZE, page * PLAN_PAGE_SIZE),
    };
  }
  return {
    id: batch.id,
    fileName: batch.fileName,
    createdAt: batch.createdAt,
    appliedAt: batch.appliedAt,
    appliedCount: batch.appliedCount,
    plan,
  };
}
