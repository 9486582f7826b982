// An export's record and progress in the database (ExportJob). The route that streams the file writes
// what the worker reports, at most once a second, and at least every half minute while it runs; the
// page downloading it asks for it (GET /api/export/jobs/[id]), and whichever app process answers reads
// the same row. How many exports run at once is limited by the slots they hold (lib/slots).
import "server-only";
import { z } from "zod";
import { defineApiRoute } from "@/lib/api/openapi";
import type { Db } from "@/lib/db/client";
import { ExportState } from "@/lib/db/enums";
import { sql } from "@/lib/db/sql";
import type { Caller } from "@/lib/http/caller";
import { claimSlot, releaseDeadSlots, type Slot, type SlotClaim } from "@/lib/slots/slots";
import { plainText } from "@/lib/validation/fields";
import type { RunningExport } from "./worker-process";

const PROGRESS_EVERY_MS = 1000;
const HEARTBEAT_MS = 30_000;

/**
 * At most this many exports run at once for one person (or one API token), and in all: each worker is
 * a process of about 120 MB with, on PostgreSQL, a connection of its own.
 */
export const EXPORT_LIMITS = { perOwner: 3, total: 8 } as const;

/** Who an export is recorded for: a user, or an API token (and the admin who made it). */
function owner(caller: Caller) {
  return caller.kind === "session"
    ? { userId: caller.userId, apiTokenId: null }
    : { userId: caller.createdById, apiTokenId: caller.tokenId };
}

/** The caller as the owner of a slot: a token's exports count apart from its maker's own. */
export function slotOwner(caller: Caller): string {
  return caller.kind === "session" ? `user:${caller.userId}` : `token:${caller.tokenId}`;
}

/**
 * A slot for one more export of the caller's (lib/slots), or the limit it would pass. Exports whose
 * app process went away (their slot is gone) are marked failed first.
 */
export async function claimExportSlot(db: Db, caller: Caller): Promise<SlotClaim> {
  await releaseDeadSlots(db);
  await failExportsWithoutSlot(db);
  return claimSlot(db, { kind: "export", owner: slotOwner(caller), ...EXPORT_LIMITS });
}

/**
 * Marks failed the exports recorded as running whose slot is gone: their app process ended (or was
 * killed) before they did. In one statement, so that an export recorded meanwhile, whose slot was
 * claimed before its record was written, is never taken for one of them.
 */
export async function failExportsWithoutSlot(db: Db): Promise<void> {
  const now = new Date();
  await db.$executeRaw(sql`
    UPDATE "ExportJob" SET "state" = 'failed', "finishedAt" = ${now}, "updatedAt" = ${now}
    WHERE "state" = 'running'
      AND NOT EXISTS (SELECT 1 FROM "JobSlot" WHERE "JobSlot"."id" = "ExportJob"."slotId")`);
}

/**
 * Records a started export and keeps its row up to date until the worker ends. Returns the row's id.
 * Writes go one after another, so that a late progress write never follows the final one.
 */
export async function trackExport(
  db: Db,
  running: RunningExport,
  request: { caller: Caller; format: string; query: string; slot: Slot },
): Promise<string> {
  const job = await db.exportJob.create({
    data: {
      ...owner(request.caller),
      format: request.format,
      query: request.query,
      items: running.items,
      batches: running.batches,
      slotId: request.slot.id,
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
  // The slot goes only after the last write: a running record always has its slot.
  const end = (data: Parameters<typeof write>[0]) => {
    clearInterval(timer);
    write(data);
    writes
      .then(() => request.slot.release())
      .catch((error: unknown) => console.error("export job", job.id, error));
  };
  running.finished.then(
    ({ rows }) =>
      end({ state: ExportState.done, rows, batchesDone: running.batches, finishedAt: new Date() }),
    () => {
      const state = running.cancelled() ? ExportState.cancelled : ExportState.failed;
      end({ state, ...running.progress(), finishedAt: new Date() });
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
  caller: Caller,
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
