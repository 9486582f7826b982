// The migrations a checkout holds. Free of the database client, so that next.config.ts can list them
// when the app is built (see lib/health/readiness.ts).
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import type { DatabaseProvider } from "../database-url";

/** The migrations in prisma/<provider>/migrations (folders holding a migration.sql), in order. */
export function migrationsOnDisk(provider: DatabaseProvider, root = process.cwd()): string[] {
  const folder = join(root, "prisma", provider, "migrations");
  return readdirSync(folder, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(folder, entry.name, "migration.sql")))
    .map((entry) => entry.name)
    .sort();
}
