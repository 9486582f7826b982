// Database chores, for whichever database DATABASE_URL names (SQLite by default).
//   node scripts/db.mjs migrate   apply pending migrations
//   node scripts/db.mjs seed      load the sample data into an empty database
//   node scripts/db.mjs reset     drop everything, migrate, load the sample data
//   node scripts/db.mjs check     fail when the committed migrations drift from prisma/models.prisma
//   node scripts/db.mjs new NAME  write the migration from the committed ones to prisma/models.prisma
//                                 (for the database DATABASE_URL names; run it once per database)
import { execFileSync, spawnSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import Database from "better-sqlite3";

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
  if (provider === "sqlite") switchToWal(sqliteFile());
  chainHistory();
}

/**
 * Gives the history rows written before the history chain existed their place in it, once (SQL cannot
 * compute SHA-256 on SQLite, so the migration that added the chain could not): see
 * lib/history-chain/backfill.ts. Quick when there is nothing to do.
 */
export function chainHistory() {
  run("npx", ["tsx", "scripts/chain-history.ts"]);
}

/** SQLite's WAL mode, kept in the file (see lib/db/sqlite.ts; the app's connections set it too). */
export function switchToWal(file) {
  const database = new Database(file, { timeout: 5000 });
  try {
    database.pragma("journal_mode = WAL");
  } finally {
    database.close();
  }
}

export function seed(...flags) {
  run("npx", ["tsx", "--conditions=react-server", "prisma/seed.ts", ...flags]);
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
// and they hold nothing it would compare, so diffs start from the other migrations. (`migrate dev`
// cannot be used: it reads the constraints back from a database, which Prisma's describer trips on.)
function diffFromMigrations(...extra) {
  if (provider === "sqlite") mkdirSync(dirname(sqliteFile()), { recursive: true });
  const migrations = `prisma/${provider}/migrations`;
  const copy = mkdtempSync(join(tmpdir(), "migrations-"));
  for (const entry of readdirSync(migrations)) {
    if (!entry.endsWith("_constraints"))
      cpSync(join(migrations, entry), join(copy, entry), { recursive: true });
  }
  const args = [
    "prisma",
    "migrate",
    "diff",
    "--from-migrations",
    copy,
    "--to-schema",
    `prisma/${provider}/schema.prisma`,
  ];
  const result = spawnSync("npx", [...args, ...extra], {
    stdio: ["ignore", "pipe", "inherit"],
    env,
    encoding: "utf8",
  });
  rmSync(copy, { recursive: true, force: true });
  return result;
}

function check() {
  const diff = diffFromMigrations("--exit-code");
  process.stdout.write(diff.stdout ?? "");
  // --exit-code: 0 no difference, 2 a difference, anything else an error.
  if (diff.status === 2)
    console.error(`\nThe ${provider} migrations do not match prisma/models.prisma: create a migration.`);
  if (diff.status !== 0) process.exit(1);
}

function newMigration(name) {
  if (!/^[a-z0-9_]+$/.test(name ?? "")) {
    console.error("usage: node scripts/db.mjs new snake_case_name");
    process.exit(2);
  }
  const diff = diffFromMigrations("--script");
  if (diff.status !== 0) process.exit(1);
  if (!diff.stdout.trim() || /^-- This is an empty migration/.test(diff.stdout.trim())) {
    console.log(`No ${provider} changes to migrate.`);
    return;
  }
  const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
  const dir = `prisma/${provider}/migrations/${stamp}_${name}`;
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, "migration.sql"), diff.stdout);
  console.log(`wrote ${dir}/migration.sql`);
  if (provider === "sqlite" && diff.stdout.includes("RedefineTables")) {
    console.warn(
      "This SQLite migration rebuilds a table: copy that table's CHECK constraints and triggers into it.",
    );
  }
}

const commands = { migrate, seed, reset, check, new: newMigration };
const [name, ...rest] = process.argv.slice(2);
if (import.meta.url === `file://${process.argv[1]}`) {
  const command = commands[name];
  if (!command) {
    console.error(`usage: node scripts/db.mjs ${Object.keys(commands).join("|")}`);
    process.exit(2);
  }
  command(...rest);
}
