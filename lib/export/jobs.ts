// An export's record and progress in the database (ExportJob). The route that streams the file writes
// what the worker reports, at most once a second; the page downloading it asks for it
// (GET /api/export/jobs/[id]), and whichever app process answers reads the same row.
import "server-only";
import { z } from "zod";
import type { ApiCaller } from "@/lib/api/auth";
import { defineApiRoute } from "@/lib/api/openapi";
import type { Db } from "@/lib/db/client";
import { ExportState } from "@/lib/db/enums";
import type { RunningExport } from "./worker-process";

const PROGRESS_EVERY_MS = 1000;

/** Who an export is recorded for: a user, or the admin who made the API token. */
function owner(caller: ApiCaller) {
  return caller.kind === "session"
    ? { userId: caller.userId, apiTokenId: null }
    : { userId: caller.createdById, apiTokenId: caller.tokenId };
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
  const timer = setInterval(() => {
    const progress = running.progress();
    if (progress.batchesDone === written) return;
    written = progress.batchesDone;
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
  description: "Only its owner may read it: the user who exported, or the admin who made the API token.",
  tags: ["export"],
  pathParams: z.object({ id: z.string().min(1).max(100) }),
  response: exportJobSchema,
  responseDescription: "The export's state, its batches written out of all, and its rows so far.",
  notFound: "No export of yours has this id.",
});

/** The caller's own export, or null (another's is as if it did not exist). */
export async function readExportJob(
  db: Db,
  id: string,
  caller: ApiCaller,
): Promise<z.input<typeof exportJobSchema> | null> {
  const job = await db.exportJob.findFirst({ where: { id, userId: owner(caller).userId } });
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
