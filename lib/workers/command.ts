// How the app starts one of its worker processes (the export's, the import's): the worker's bundle,
// built with the app by scripts/build-export-worker.mjs (and for the tests by their global setups), or
// under `next dev` its source through tsx, so that it is always current.
import { existsSync } from "node:fs";
import { join } from "node:path";

export type WorkerScript = {
  /** The worker's source, from the app's root (e.g. lib/export/worker.ts). */
  source: string;
  /** Its bundle, from the app's root (e.g. .next/export-worker.mjs). */
  bundle: string;
};

/** Node's arguments for the worker, after the given V8 flags (heap limits and the like). */
export function workerCommand(worker: WorkerScript, v8Flags: string[]): string[] {
  const conditions = "--conditions=react-server";
  if (process.env.NODE_ENV === "development") {
    return [
      ...v8Flags,
      "--import",
      "tsx",
      conditions,
      join(/*turbopackIgnore: true*/ process.cwd(), worker.source),
    ];
  }
  // The bundle is built beside the app, not part of what Next.js traces.
  const bundle = join(/*turbopackIgnore: true*/ process.cwd(), worker.bundle);
  if (!existsSync(bundle)) throw new Error(`${worker.bundle} is missing: run npm run build`);
  return [...v8Flags, conditions, bundle];
}
