// `npm run build`: the Next.js app, then the export worker's bundle (see build-export-worker.mjs).
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { buildExportWorker } from "./build-export-worker.mjs";

export async function buildApp() {
  execFileSync(process.execPath, [join("node_modules", "next", "dist", "bin", "next"), "build"], {
    stdio: "inherit",
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
  });
  await buildExportWorker();
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await buildApp();
