// Database chores, for whichever database DATABASE_URL names (SQLite by default).
//   node scripts/db.mjs migrate   apply pending migrations
//   node scripts/db.mjs seed      load the sample data into an empty database
//   node scripts/db.mjs reset     drop everything, migrate, load the sample data
//   node scripts/db.mjs check     fail when the committed migrations drift from prisma/models.prisma
import { execFileSync, spawnSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";

const url = process.env.DATABASE_URL?.trim() || "file:./data/tracker.db";
const provider = url.startsWith("file:") ? "sqlite" : "postgresql";
const env = { ...process.env, DATABASE_URL: url };

function run(cmd, args) {
  execFileSync(cmd, args, { stdio: "inherit", env });
}
const prisma = (...args) => run("npx", ["prisma", ...args]);

function sqliteFile() {
  return resolve(url.slice("file:".length).split("?")[0]);
}

export function migrate() {
  if (provider === "sqlite") mkdirSync(dirname(sqliteFile()), { recursive: true });
  prisma("migrate", "deploy");
}

export function seed(...flags) {
  run("npx", ["tsx", "prisma/seed.ts", ...flags]);
}

function reset() {
  if (provider === "sqlite") {
    for (const suffix of ["", "-wal", "-shm", "-journal"]) rmSync(sqliteFile() + suffix, { force: true });
    migrate();
  } else {
    prisma("migrate", "reset", "--force");
  }
  seed();
}

// Prisma cannot see the hand-written *_constraints migrations (CHECKs, triggers, partial indexes),
// and they hold nothing it would compare, so the diff runs on the others.
function check() {
  if (provider === "sqlite") mkdirSync(dirname(sqliteFile()), { recursive: true });
  const migrations = `prisma/${provider}/migrations`;
  const copy = mkdtempSync(join(tmpdir(), "migrations-"));
  for (const entry of readdirSync(migrations)) {
    if (!entry.endsWith("_constraints"))
      cpSync(join(migrations, entry), join(copy, entry), { recursive: true });
  }
  const diff = spawnSync(
    "npx",
    [
      "prisma",
      "migrate",
      "diff",
      "--from-migrations",
      copy,
      "--to-schema",
      `prisma/${provider}/schema.prisma`,
      "--exit-code",
    ],
    { stdio: "inherit", env },
  );
  rmSync(copy, { recursive: true, force: true });
  // --exit-code: 0 no difference, 2 a difference, anything else an error.
  if (diff.status === 2)
    console.error(`\nThe ${provider} migrations do not match prisma/models.prisma: create a migration.`);
  if (diff.status !== 0) process.exit(1);
}

const commands = { migrate, seed, reset, check };
const [name, ...rest] = process.argv.slice(2);
if (import.meta.url === `file://${process.argv[1]}`) {
  const command = commands[name];
  if (!command) {
    console.error(`usage: node scripts/db.mjs ${Object.keys(commands).join("|")}`);
    process.exit(2);
  }
  command(...rest);
}
