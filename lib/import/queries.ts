import "server-only";
import type { Actor } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { getImportBatch } from "./batch";

/** The user's ten latest uploads, newest first. */
export function getRecentImports(actor: Actor) {
  return db.importBatch.findMany({
    where: { createdById: actor.id },
    orderBy: { createdAt: "desc" },
    take: 10,
    select: { id: true, fileName: true, createdAt: true, appliedAt: true, appliedCount: true },
  });
}

/** The user's own upload with a page of its dry run (lib/import/batch.ts); null for anyone else's. */
export function getImportBatchPage(
  actor: Actor,
  batchId: string,
  view: { page: number; problemsOnly: boolean },
) {
  return getImportBatch(db, actor, batchId, view);
}
