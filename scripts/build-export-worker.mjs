// Bundles the app's worker processes — the export worker (lib/export/worker.ts) and the import worker
// (lib/import/worker.ts) — each into one file that plain Node runs: the app's own modules inlined,
// packages left to node_modules. Run by scripts/build.mjs after `next build` (which clears .next), by
// the benchmark, and by the integration tests' global setups; `next dev` runs the workers' sources.
import { randomBytes } from "node:crypto";
import { mkdirSync, renameSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { fileURLToPath } from "node:url";

/** Where lib/export/worker-process.ts looks for it. */
export const EXPORT_WORKER_BUNDLE = ".next/export-worker.mjs";
/** Where lib/import/worker-process.ts looks for it. */
export const IMPORT_WORKER_BUNDLE = ".next/import-worker.mjs";

async function buildWorker(entryPoint, bundle) {
  // Loaded here: `npm start` imports this module, and need not have esbuild when the build is there.
  const { build } = await import("esbuild");
  const result = await build({
    entryPoints: [entryPoint],
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    packages: "external",
    tsconfig: "tsconfig.json",
    logLevel: "warning",
    write: false,
  });
  const [output] = result.outputFiles;
  if (!output) throw new Error(`esbuild wrote nothing for ${entryPoint}`);
  // Written aside and renamed into place: two test projects may build it at once, and a worker starting
  // meanwhile must never read half a file.
  mkdirSync(dirname(bundle), { recursive: true });
  const aside = `${bundle}.${randomBytes(4).toString("hex")}.tmp`;
  writeFileSync(aside, output.contents);
  renameSync(aside, bundle);
}

/** Both workers (the name is older than the import worker). */
export async function buildExportWorker() {
  await Promise.all([
    buildWorker("lib/export/worker.ts", EXPORT_WORKER_BUNDLE),
    buildWorker("lib/import/worker.ts", IMPORT_WORKER_BUNDLE),
  ]);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await buildExportWorker();
