// Starts the import worker (worker.ts) for one uploaded file and collects the rows it reads. The app
// process hands the file over and receives at most MAX_ROWS rows of bounded text; the expanded
// workbook only ever exists in the worker, whose heap is capped and which is killed when it overruns
// its time. A worker that dies (out of memory, killed) refuses the file; it never takes the app along.
import "server-only";
import { spawn } from "node:child_process";
import { once } from "node:events";
import { join } from "node:path";
import { workerCommand } from "@/lib/workers/command";
import type { ImportRow } from "./columns";
import { ImportFileError } from "./file";
import type { ImportWorkerMessage } from "./worker";

/** Where scripts/build-export-worker.mjs writes the bundled import worker. */
export const IMPORT_WORKER_BUNDLE = join(".next", "import-worker.mjs");

/** A file of 50,000 rows reads in a few seconds; one that takes this long is refused. */
export const IMPORT_READ_TIMEOUT_MS = 30_000;

// The worker holds the uploaded file (at most 10 MB), the shared strings (capped at MAX_SHARED_STRING_CHARS)
// and the rows (capped at MAX_ROWS and MAX_TEXT_CHARS): well within 256 MB. A file that would need
// more kills the worker, not the server.
const V8_FLAGS = ["--max-semi-space-size=4", "--max-old-space-size=256"];

export type ReadOptions = { timeoutMs?: number; signal?: AbortSignal };

/** The file's item rows; rejects with an ImportFileError when the file is refused, or an Error. */
export async function readInWorker(bytes: Uint8Array, options: ReadOptions = {}): Promise<ImportRow[]> {
  const child = spawn(
    process.execPath,
    workerCommand({ source: join("lib", "import", "worker.ts"), bundle: IMPORT_WORKER_BUNDLE }, V8_FLAGS),
    { stdio: ["pipe", "ignore", "inherit", "ipc"] },
  );
  const rows: ImportRow[] = [];
  let answer: ImportWorkerMessage | null = null;
  child.on("message", (message: ImportWorkerMessage) => {
    if (message.type === "rows") rows.push(...message.rows);
    else answer = message;
  });
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    child.kill("SIGKILL");
  }, options.timeoutMs ?? IMPORT_READ_TIMEOUT_MS);
  const stop = () => child.kill("SIGKILL");
  options.signal?.addEventListener("abort", stop, { once: true });
  // A worker that ends before it has read all of stdin (a refusal, a crash) closes the pipe.
  child.stdin?.on("error", () => undefined);
  child.stdin?.end(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  try {
    const [[code, signal]] = await Promise.all([
      once(child, "exit") as Promise<[number | null, NodeJS.Signals | null]>,
      once(child, "disconnect").catch(() => undefined),
    ]);
    const last = answer as ImportWorkerMessage | null;
    if (timedOut) throw new ImportFileError("readFailed");
    if (last?.type === "refused") throw new ImportFileError(last.problem, last.values);
    if (last?.type === "done" && code === 0) {
      if (last.rows !== rows.length) throw new Error("The import worker lost rows on the way");
      return rows;
    }
    if (last?.type === "error") throw new Error(`The import worker failed: ${last.message}`);
    if (options.signal?.aborted) throw new Error("The upload was cancelled");
    // No answer: the worker died, most likely of its heap limit (V8 aborts with SIGABRT, code 134).
    console.error(`The import worker ended with ${signal ?? code} without an answer`);
    throw new ImportFileError("readFailed");
  } finally {
    clearTimeout(timer);
    options.signal?.removeEventListener("abort", stop);
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
  }
}
