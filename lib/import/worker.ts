// The import worker: reads one uploaded file in a process of its own, started by worker-process.ts for
// each upload with a small V8 heap and a time limit, so that a hostile file (a zip bomb, a million
// rows) costs this process, which may die, and never the app server. The file comes on stdin; the
// answer goes over IPC:
//   out: "rows" (a part of the item rows, in order), then "done", or "refused" (an ImportFileError's
//        problem: the file breaks a rule or a limit), or "error"
import type { ImportRow } from "./columns";
import { type FileProblem, ImportFileError, MAX_FILE_BYTES } from "./file";
import { readImportFile } from "./read";

export type ImportWorkerMessage =
  | { type: "rows"; rows: ImportRow[] }
  | { type: "done"; rows: number; maxRssMb: number }
  | { type: "refused"; problem: FileProblem; values?: ImportFileError["values"] }
  | { type: "error"; message: string };

const ROWS_A_MESSAGE = 2000;

function send(message: ImportWorkerMessage): Promise<void> {
  return new Promise((resolve, reject) => {
    if (!process.send) reject(new Error("The import worker is started by worker-process.ts, with IPC"));
    else process.send(message, undefined, {}, (error) => (error ? reject(error) : resolve()));
  });
}

/** Stdin's bytes; one past the largest file is enough to know it is too large. */
async function readInput(): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  let length = 0;
  for await (const chunk of process.stdin as AsyncIterable<Buffer>) {
    chunks.push(chunk);
    length += chunk.length;
    if (length > MAX_FILE_BYTES) break;
  }
  return new Uint8Array(Buffer.concat(chunks));
}

async function run() {
  const rows = await readImportFile(await readInput());
  for (let start = 0; start < rows.length; start += ROWS_A_MESSAGE)
    await send({ type: "rows", rows: rows.slice(start, start + ROWS_A_MESSAGE) });
  await send({
    type: "done",
    rows: rows.length,
    maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
  });
}

// The app process that started it is gone: nobody will read the answer.
process.once("disconnect", () => process.exit(1));

run().then(
  () => process.exit(0),
  async (error: unknown) => {
    await (error instanceof ImportFileError
      ? send({ type: "refused", problem: error.problem, values: error.values })
      : send({
          type: "error",
          message: error instanceof Error ? (error.stack ?? error.message) : String(error),
        })
    ).catch(() => undefined);
    process.exit(error instanceof ImportFileError ? 0 : 1);
  },
);
