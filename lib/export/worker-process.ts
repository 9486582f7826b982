// Starts the export worker (worker.ts) for one export and hands its file on as a web stream. The app
// server only passes bytes along: the rows are read and written in the worker's own, small process.
import "server-only";
import { spawn } from "node:child_process";
import { once } from "node:events";
import { join } from "node:path";
import { databaseUrl } from "@/lib/database-url";
import { workerCommand } from "@/lib/workers/command";
import type { ExportJob, WorkerMessage } from "./worker";

/** Where scripts/build-export-worker.mjs writes the bundled worker; `next build` clears .next, so both are built together. */
export const EXPORT_WORKER_BUNDLE = join(".next", "export-worker.mjs");
const EXPORT_WORKER = { source: join("lib", "export", "worker.ts"), bundle: EXPORT_WORKER_BUNDLE };

// The worker holds little at a time (the view's ids and a batch or two), but with V8's defaults it lets
// garbage grow far past that before collecting: a smaller young generation and a heap limit (still far
// above what it holds) make it collect sooner. Measured on the CSV of 111,687 rows: peak RSS 121 MB
// instead of 206 MB, for 0.1 s more.
const MEMORY_FLAGS = ["--max-semi-space-size=4", "--max-old-space-size=512"];

export type RunningExport = {
  /** The worker's process. */
  pid: number;
  /** The view's items, and the batches of them the export reads over all its parts. */
  items: number;
  batches: number;
  /** What the worker has said of its progress so far. */
  progress(): { rows: number; batchesDone: number };
  /** Whether the reader stopped the export (a cancelled download). */
  cancelled(): boolean;
  /** The file; it fails, rather than ends, if the worker does. */
  body: ReadableStream<Uint8Array>;
  /** Settles when the worker has ended: with its rows and peak memory, or with its failure. */
  finished: Promise<{ rows: number; maxRssMb: number }>;
};

/**
 * Starts an export of a checked query. Resolves once the worker has its list of items (the first
 * byte follows), and rejects if it fails before that.
 */
export function startExport(
  job: ExportJob,
  options: { url?: string; signal?: AbortSignal } = {},
): Promise<RunningExport> {
  const child = spawn(process.execPath, workerCommand(EXPORT_WORKER, MEMORY_FLAGS), {
    env: { ...process.env, DATABASE_URL: options.url ?? databaseUrl() },
    stdio: ["ignore", "pipe", "inherit", "ipc"],
  });
  const stdout = child.stdout;
  if (!stdout) throw new Error("The export worker has no stdout");

  let failure: string | null = null;
  let done: { rows: number; maxRssMb: number } | null = null;
  let progress = { rows: 0, batchesDone: 0 };
  let cancelled = false;
  // Settled once the worker has exited and its last messages are in (the channel closes after them).
  const finished = Promise.all([once(child, "exit"), once(child, "disconnect")]).then(([[code, signal]]) => {
    if (code === 0 && done) return done;
    throw new Error(failure ?? `The export worker ended with ${signal ?? code}`);
  });
  // Nobody may be waiting on it (a download cancelled, a failure already reported).
  finished.catch(() => undefined);

  const started = new Promise<{ items: number; batches: number }>((resolve, reject) => {
    child.on("message", (message: WorkerMessage) => {
      if (message.type === "view") resolve(message);
      else if (message.type === "progress") progress = message;
      else if (message.type === "done") done = { rows: message.rows, maxRssMb: message.maxRssMb };
      else if (message.type === "error") failure = message.message;
    });
    child.on("error", reject);
    finished.catch(reject);
  });
  child.send(job);
  // The request gone (the browser closed, the download cancelled), before or after the first byte.
  const stop = () => {
    cancelled = true;
    child.kill();
  };
  if (options.signal?.aborted) stop();
  options.signal?.addEventListener("abort", stop, { once: true });
  finished.finally(() => options.signal?.removeEventListener("abort", stop)).catch(() => undefined);

  const chunks = stdout[Symbol.asyncIterator]();
  const body = new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        const next = await chunks.next();
        if (!next.done) {
          controller.enqueue(next.value as Buffer);
          return;
        }
        // The bytes have ended: the file is whole only if the worker ended well.
        try {
          await finished;
          controller.close();
        } catch (error) {
          controller.error(error);
        }
      },
      cancel: stop,
    },
    { highWaterMark: 1 },
  );
  return started.then(
    ({ items, batches }) => ({
      pid: child.pid ?? 0,
      items,
      batches,
      progress: () => ({ rows: progress.rows, batchesDone: progress.batchesDone }),
      cancelled: () => cancelled,
      body,
      finished,
    }),
    (error: unknown) => {
      child.kill();
      throw error;
    },
  );
}
