// An export's record and progress in the database (ExportJob). The route that streams the file writes
// what the worker reports, at most once a second, and at least every half minute while it runs; the
// page downloading it asks for it (GET /api/export/jobs/[id]), and whichever app process answers reads
// the same row. The running rows are also what limits how many exports run at once.
import "server-only";
import { z } from "zod";
import type { ApiCaller } from "@/lib/api/auth";
import { defineApiRoute } from "@/lib/api/openapi";
import type { Db } from "@/lib/db/client";
import { ExportState } from "@/lib/db/enums";
import { plainText } from "@/lib/validation/fields";
import type { RunningExport } from "./worker-process";

const PROGRESS_EVERY_MS = 1000;
const HEARTBEAT_MS = 30_000;
/** A running export not heard of for this long has lost its app process. */
const STALE_MS = 3 * HEARTBEAT_MS;

/** At most this many exports run at once for one person (or one API token), and in all. */
export const EXPORT_LIMITS = { perOwner: 3, total: 8 } as const;

/** Who an export is recorded for: a user, or an API token (and the admin who made it). */
function owner(caller: ApiCaller) {
  return caller.kind === "session"
    ? { userId: caller.userId, apiTokenId: null }
    : { userId: caller.createdById, apiTokenId: caller.tokenId };
}

/**
 * Whether another export may start now, or which limit it would pass. Each worker is a process of
 * about 120 MB with, on PostgreSQL, a connection of its own. Exports whose app process went away
 * (no word for a while) are marked failed first, so that they do not count.
 */
export async function exportLimitReached(db: Db, caller: ApiCaller): Promise<"perOwner" | "total" | null> {
  await db.exportJob.updateMany({
    where: { state: ExportState.running, updatedAt: { lt: new Date(Date.now() - STALE_MS) } },
    data: { state: ExportState.failed, finishedAt: new Date() },
  });
  const [mine, all] = await Promise.all([
    db.exportJob.count({ where: { state: ExportState.running, ...owner(caller) } }),
    db.exportJob.count({ where: { state: ExportState.running } }),
  ]);
  if (mine >= EXPORT_LIMITS.perOwner) return "perOwner";
  if (all >= EXPORT_LIMITS.total) return "total";
  return null;
}

/**
 * Records a started export and keeps its row up to date until the worker ends. Returns the row's id.
 * Writes go one after another, so that a late progress write never follows the final one.
 */
export async function trackExport(
  db: Db,
  running: RunningExport,
  request: { caller: ApiCaller; format: string; query: string },
): Promise<string> {
  const job = await db.exportJob.create({
    data: {
      ...owner(request.caller),
      format: request.format,
      query: request.query,
      items: running.items,
      batches: running.batches,
    },
    select: { id: true },
  });
  let writes = Promise.resolve();
  const write = (data: Parameters<Db["exportJob"]["update"]>[0]["data"]) => {
    writes = writes
      .then(async () => {
        await db.exportJob.update({ where: { id: job.id }, data });
      })
      .catch((error: unknown) => console.error("export job", job.id, error));
  };
  let written = 0;
  let lastWrite = Date.now();
  const timer = setInterval(() => {
    const progress = running.progress();
    // A download that waits on a slow reader makes no progress, but is still running.
    if (progress.batchesDone === written && Date.now() - lastWrite < HEARTBEAT_MS) return;
    written = progress.batchesDone;
    lastWrite = Date.now();
    write(progress);
  }, PROGRESS_EVERY_MS);
  running.finished.then(
    ({ rows }) => {
      clearInterval(timer);
      write({ state: ExportState.done, rows, batchesDone: running.batches, finishedAt: new Date() });
    },
    () => {
      clearInterval(timer);
      const state = running.cancelled() ? ExportState.cancelled : ExportState.failed;
      write({ state, ...running.progress(), finishedAt: new Date() });
    },
  );
  return job.id;
}

export const exportJobSchema = z.object({
  id: z.string(),
  state: z.enum(ExportState),
  format: z.string(),
  items: z.number().int(),
  batches: z.number().int(),
  batchesDone: z.number().int(),
  rows: z.number().int(),
  startedAt: z.iso.datetime(),
  finishedAt: z.iso.datetime().nullable(),
});

export const exportJobRoute = defineApiRoute({
  path: "/api/export/jobs/{id}",
  operationId: "getExportJob",
  summary: "An export's progress",
  description: "Only its owner may read it: the signed-in user, or the API token, that exported.",
  tags: ["export"],
  pathParams: z.object({ id: plainText().min(1).max(100) }),
  response: exportJobSchema,
  responseDescription: "The export's state, its batches written out of all, and its rows so far.",
  notFound: "No export of yours has this id.",
});

/** The caller's own export, or null (another's, even another token's, is as if it did not exist). */
export async function readExportJob(
  db: Db,
  id: string,
  caller: ApiCaller,
): Promise<z.input<typeof exportJobSchema> | null> {
  const job = await db.exportJob.findFirst({ where: { id, ...owner(caller) } });
  if (!job) return null;
  return {
    id: job.id,
    state: job.state,
    format: job.format,
    items: job.items,
    batches: job.batches,
    batchesDone: job.batchesDone,
    rows: job.rows,
    startedAt: job.startedAt.toISOString(),
    finishedAt: job.finishedAt?.toISOString() ?? null,
  };
}
