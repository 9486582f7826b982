// `npm start`: apply pending migrations, load the sample data into an empty database, build the app
// if the sources changed since the last build, then serve it on PORT (default 3000) with
// WEB_CONCURRENCY processes (default 1; see serve.mjs).
// Set SAMPLE_DATA=off to start on an empty database without the sample.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { buildApp } from "./build.mjs";
import { EXPORT_WORKER_BUNDLE, IMPORT_WORKER_BUNDLE } from "./build-export-worker.mjs";
import { migrate, seed } from "./db.mjs";

process.env.NEXT_TELEMETRY_DISABLED = "1";

process.env.BETTER_AUTH_SECRET ||= localAuthSecret();
migrate();
if (process.env.SAMPLE_DATA !== "off") seed();

if (buildIsStale()) {
  console.log("Building the app…");
  await buildApp();
}

const server = spawn(process.execPath, [join("scripts", "serve.mjs")], { stdio: "inherit" });
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));

/**
 * The key that signs session cookies, made once and kept in data/ so that sessions survive a restart.
 * Several app processes serving one database must share one key: set BETTER_AUTH_SECRET for all.
 */
function localAuthSecret() {
  const file = join("data", "auth-secret");
  if (!existsSync(file)) {
    mkdirSync("data", { recursive: true });
    writeFileSync(file, randomBytes(32).toString("base64url"), { mode: 0o600 });
  }
  return readFileSync(file, "utf8").trim();
}

/** True when there is no build, or a source file is newer than it. */
function buildIsStale() {
  const buildId = join(".next", "BUILD_ID");
  if (!existsSync(buildId) || !existsSync(EXPORT_WORKER_BUNDLE) || !existsSync(IMPORT_WORKER_BUNDLE))
    return true;
  const builtAt = statSync(buildId).mtimeMs;
  const sources = [
    "app",
    "components",
    "lib",
    "messages",
    "public",
    "generated",
    "proxy.ts",
    "next.config.ts",
    "package.json",
    // next.config.ts lists the migrations into the build, for the readiness check.
    "prisma/sqlite/migrations",
    "prisma/postgresql/migrations",
  ];
  return sources.some((path) => newestMtime(path) > builtAt);
}

function newestMtime(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}
