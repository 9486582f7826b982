// An import from upload to dry run: who may import, reading the file, keeping its rows in the database
// (any app process can then show and apply them), and the dry run of a stored file.
import { type Actor, canImport } from "@/lib/auth/permissions";
import type { Db } from "@/lib/db/client";
import { hasItemSheet, type ImportRow, itemRows } from "./columns";
import { type FileProblem, ImportFileError, MAX_ROWS, readSpreadsheet } from "./file";
import { type ImportPlan, planImport } from "./plan";

export type UploadResult =
  | { kind: "created"; batchId: string }
  | { kind: "forbidden" }
  | { kind: "file"; problem: FileProblem | "noItemSheet" | "noRows"; limit?: number };

export async function createImportBatch(
  db: Db,
  actor: Actor | null,
  file: { name: string; bytes: Uint8Array },
): Promise<UploadResult> {
  if (!canImport(actor)) return { kind: "forbidden" };
  let rows: ImportRow[];
  try {
    const sheets = await readSpreadsheet(file.bytes);
    if (!hasItemSheet(sheets)) return { kind: "file", problem: "noItemSheet" };
    rows = itemRows(sheets);
  } catch (error) {
    if (error instanceof ImportFileError) return { kind: "file", problem: error.problem, limit: error.limit };
    throw error;
  }
  if (rows.length === 0) return { kind: "file", problem: "noRows" };
  if (rows.length > MAX_ROWS) return { kind: "file", problem: "tooManyRows", limit: MAX_ROWS };
  const batch = await db.importBatch.create({
    data: { fileName: file.name.slice(0, 255), createdById: actor.id, rows: rows as unknown as object },
    select: { id: true },
  });
  return { kind: "created", batchId: batch.id };
}

export type BatchView = {
  id: string;
  fileName: string;
  createdAt: Date;
  appliedAt: Date | null;
  appliedCount: number | null;
  /** The dry run against the data as it is now; null once applied. */
  plan: ImportPlan | null;
};

/** The importer's own batch, with its dry run; null for anyone else's or none. */
export async function getImportBatch(
  db: Db,
  actor: Actor,
  batchId: string,
  now = new Date(),
): Promise<BatchView | null> {
  const batch = await db.importBatch.findUnique({ where: { id: batchId } });
  if (!batch || batch.createdById !== actor.id) return null;
  const plan = batch.appliedAt
    ? null
    : await planImport(db, actor, batch.rows as unknown as ImportRow[], now);
  return {
    id: batch.id,
    fileName: batch.fileName,
    createdAt: batch.createdAt,
    appliedAt: batch.appliedAt,
    appliedCount: batch.appliedCount,
    plan,
  };
}
