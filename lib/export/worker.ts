// The export worker: one export in a process of its own, started by worker-process.ts for each download.
// It reads the database through the plain drivers (lib/db/driver-reader.ts), not through the app's
// Prisma client, and writes the file to stdout a batch at a time, so that an export of 100,000 rows
// runs in well under 200 MB and its memory is never the app server's. It talks over IPC:
//   in:  one ExportJob
//   out: "view" (its items and batches, before the first byte), "progress" after each batch, then
//        "done" or "error"
import { databaseUrl } from "@/lib/database-url";
import { openDriverReader } from "@/lib/db/driver-reader";
import type { Locale } from "@/lib/i18n/routing";
import type { ExportAuthor } from "./about";
import { prepareExport } from "./export";
import { exportQuery } from "./params";

export type ExportJob = {
  /** The request's query values (see lib/api/params.ts), already checked by the route. */
  values: Record<string, string>;
  locale: Locale;
  /** The route's today, as an ISO instant. */
  today: string;
  /** Who asked, and when (an ISO instant): the file says so. */
  author: ExportAuthor;
  exportedAt: string;
};

export type WorkerMessage =
  | { type: "view"; items: number; batches: number }
  | { type: "progress"; rows: number; batchesDone: number }
  | { type: "done"; rows: number; maxRssMb: number }
  | { type: "error"; message: string };

function send(message: WorkerMessage): Promise<void> {
  return new Promise((resolve, reject) => {
    if (!process.send) reject(new Error("The export worker is started by worker-process.ts, with IPC"));
    else process.send(message, undefined, {}, (error) => (error ? reject(error) : resolve()));
  });
}

// A download that takes nothing for this long has been left open by a reader who is gone: the worker
// gives up rather than hold its memory (and on PostgreSQL its connection) for ever.
const STALLED_MS = 5 * 60_000;

/** Writes a chunk of the file; resolves once the pipe takes more. */
async function write(chunk: Uint8Array | string) {
  if (process.stdout.write(chunk)) return;
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([
    new Promise((resolve) => process.stdout.once("drain", resolve)),
    new Promise((_, reject) => {
      timer = setTimeout(
        () => reject(new Error("The download stalled: nothing read for 5 minutes")),
        STALLED_MS,
      );
    }),
  ]).finally(() => clearTimeout(timer));
}

/** Resolves once the bytes written so far have left for the pipe. */
function flushed(): Promise<void> {
  return new Promise((resolve) => process.stdout.write("", () => resolve()));
}

async function run(job: ExportJob) {
  const db = await openDriverReader(databaseUrl());
  try {
    const query = exportQuery.parse(job.values);
    let rows = 0;
    let batchesDone = 0;
    const { chunks, view, batches } = await prepareExport(
      db,
      query,
      job.locale,
      new Date(job.today),
      { author: job.author, exportedAt: new Date(job.exportedAt) },
      (count) => {
        rows += count;
        batchesDone += 1;
        // Progress may be lost (the route gone); the export is not.
        send({ type: "progress", rows, batchesDone }).catch(() => undefined);
      },
    );
    await send({ type: "view", items: view.ids.length, batches });
    // A full pipe (a slow download) holds the export back instead of its rows piling up here.
    for await (const chunk of chunks) await write(chunk);
    await flushed();
    await send({ type: "done", rows, maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024) });
  } finally {
    await db.close();
  }
}

// The app process that started it is gone: nobody will read the file.
process.once("disconnect", () => process.exit(1));

process.once("message", (job: ExportJob) => {
  run(job).then(
    () => process.exit(0),
    async (error: unknown) => {
      await send({
        type: "error",
        message: error instanceof Error ? (error.stack ?? error.message) : String(error),
      });
      process.exit(1);
    },
  );
});
