// `npm test`: every check, in the order a failure is cheapest to find. The PostgreSQL tests use
// TEST_POSTGRES_URL, else the server at 127.0.0.1:54329, else a throwaway one started for the run
// and removed after it (scripts/test-postgres.mjs). The browser tests use /usr/bin/chromium
// (CHROMIUM_PATH), else Playwright's own Chromium, installed first when missing.
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { stopOnExit, testPostgres } from "./test-postgres.mjs";

const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };

let running = null;
/** Runs a command as a step; resolves with whether it succeeded. */
function run(command, args, extraEnv) {
  return new Promise((resolve) => {
    running = spawn(command, args, { stdio: "inherit", env: { ...env, ...extraEnv } });
    running.once("error", () => resolve(false));
    running.once("exit", (code) => resolve(code === 0));
  }).finally(() => {
    running = null;
  });
}

const postgres = await testPostgres(env);
// Also on a failed step, an error or Ctrl-C; the step running gets the signal too.
stopOnExit(postgres, (signal) => running?.kill(signal));
if (postgres.started) console.log(`▶ a throwaway PostgreSQL (${postgres.started}) at ${postgres.url}`);
env.TEST_POSTGRES_URL = postgres.url;

const { chromium } = await import("@playwright/test");
const systemChromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const needsBrowser = !existsSync(systemChromium) && !existsSync(chromium.executablePath());

const steps = [
  ["schemas are generated from prisma/models.prisma", "node", ["scripts/write-schemas.mjs", "--check"]],
  [
    "SQLite migrations match the model",
    "node",
    ["scripts/db.mjs", "check"],
    { DATABASE_URL: "file:./data/drift-check.db" },
  ],
  [
    "PostgreSQL migrations match the model",
    "node",
    ["scripts/db.mjs", "check"],
    { DATABASE_URL: postgres.url },
  ],
  ["typecheck", "npx", ["tsc", "--noEmit"]],
  ["lint and format", "npx", ["biome", "check", "."]],
  // Built before the integration tests: some of them serve the production build over HTTP.
  ["production build", "node", ["scripts/build.mjs"]],
  // Neither Debian's Chromium nor Playwright's: Playwright downloads its own (playwright.config.ts and
  // tests/integration/support/browser.ts use it when /usr/bin/chromium is absent). Before the
  // integration tests, some of which drive a browser.
  ...(needsBrowser ? [["Playwright's Chromium", "npx", ["playwright", "install", "chromium"]]] : []),
  ["unit and integration tests (SQLite, PostgreSQL)", "npx", ["vitest", "run"]],
  ["end-to-end tests (Chromium)", "npx", ["playwright", "test"]],
];

// How long each step took, printed at the end: CI has a time budget, and this says where it goes.
const took = [];
const seconds = (since) => `${Math.round((performance.now() - since) / 1000)} s`;
const started = performance.now();
for (const [name, command, args, extraEnv] of steps) {
  console.log(`\n▶ ${name}`);
  const stepStarted = performance.now();
  const passed = await run(command, args, extraEnv);
  took.push(`  ${seconds(stepStarted).padStart(6)}  ${name}`);
  if (!passed) {
    console.error(`\n✖ ${name} failed`);
    process.exit(1);
  }
}
console.log(`\n${took.join("\n")}\n  ${seconds(started).padStart(6)}  in all`);
console.log("\n✔ all checks passed");
