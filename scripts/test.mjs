// `npm test`: every check, in the order a failure is cheapest to find. Integration tests need a
// PostgreSQL server (TEST_POSTGRES_URL, default postgresql://postgres@127.0.0.1:54329/postgres):
// without one they fail, loudly. .ci/run starts one.
import { execFileSync } from "node:child_process";

const postgresUrl = process.env.TEST_POSTGRES_URL?.trim() || "postgresql://postgres@127.0.0.1:54329/postgres";
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };

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
    { DATABASE_URL: postgresUrl },
  ],
  ["typecheck", "npx", ["tsc", "--noEmit"]],
  ["lint and format", "npx", ["biome", "check", "."]],
  // Built before the integration tests: some of them serve the production build over HTTP.
  ["production build", "node", ["scripts/build.mjs"]],
  ["unit and integration tests (SQLite, PostgreSQL)", "npx", ["vitest", "run"]],
  ["end-to-end tests (Chromium)", "npx", ["playwright", "test"]],
];

for (const [name, command, args, extraEnv] of steps) {
  console.log(`\n▶ ${name}`);
  try {
    execFileSync(command, args, { stdio: "inherit", env: { ...env, ...extraEnv } });
  } catch {
    console.error(`\n✖ ${name} failed`);
    process.exit(1);
  }
}
console.log("\n✔ all checks passed");
