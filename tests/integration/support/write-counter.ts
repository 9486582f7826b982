// Counts the rows written to every table of a test's database (inserted, updated or deleted), by
// row-level triggers installed for the test alone: how the sweeps that call every write (the
// authorization matrix, the naughty strings) check that a refusal wrote nothing, in one cheap read
// instead of comparing whole tables before and after each call. Row-level, so that an UPDATE that
// matched no row counts nothing (PostgreSQL's statement triggers would fire for it). A write rolled back
// rolls its count back with it.
import { db } from "@/lib/db";
import { providerOf } from "@/lib/db/client";
import { TABLES } from "@/lib/db/tables";

export type WriteCounts = Record<string, number>;

const COUNTS = "_TestWrites";

/**
 * Installs the triggers on every table but `except` (tables a refusal may write on purpose: sessions,
 * the sign-in throttle, or tables kept by triggers from the others) and returns the reader of the counts.
 */
export async function installWriteCounter(except: readonly string[]): Promise<() => Promise<WriteCounts>> {
  const tables = TABLES.map((table) => table.name).filter((name) => !except.includes(name));
  if (providerOf(db) === "postgresql") {
    await db.$executeRawUnsafe(
      `CREATE TABLE "${COUNTS}" ("table" TEXT PRIMARY KEY, "rows" INTEGER NOT NULL)`,
    );
    await db.$executeRawUnsafe(`CREATE FUNCTION "${COUNTS}_count"() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO "${COUNTS}" VALUES (TG_TABLE_NAME, 1)
          ON CONFLICT ("table") DO UPDATE SET "rows" = "${COUNTS}"."rows" + 1;
        RETURN NULL;
      END $$`);
    for (const table of tables)
      await db.$executeRawUnsafe(
        `CREATE TRIGGER "${table}_test_writes" AFTER INSERT OR UPDATE OR DELETE ON "${table}"
         FOR EACH ROW EXECUTE FUNCTION "${COUNTS}_count"()`,
      );
  } else {
    await db.$executeRawUnsafe(
      `CREATE TABLE "${COUNTS}" ("table" TEXT PRIMARY KEY, "rows" INTEGER NOT NULL)`,
    );
    for (const table of tables)
      for (const event of ["INSERT", "UPDATE", "DELETE"])
        await db.$executeRawUnsafe(
          `CREATE TRIGGER "${table}_test_${event.toLowerCase()}s" AFTER ${event} ON "${table}" BEGIN
             INSERT INTO "${COUNTS}" VALUES ('${table}', 1)
               ON CONFLICT ("table") DO UPDATE SET "rows" = "rows" + 1;
           END`,
        );
  }
  return async () => {
    const rows = await db.$queryRawUnsafe<{ table: string; rows: number | bigint }[]>(
      `SELECT "table", "rows" FROM "${COUNTS}"`,
    );
    return Object.fromEntries(rows.map((row) => [row.table, Number(row.rows)]));
  };
}

/** The tables written between two readings, with how many rows: [] when nothing was written. */
export function writtenBetween(before: WriteCounts, after: WriteCounts): string[] {
  return Object.entries(after)
    .filter(([table, rows]) => rows !== (before[table] ?? 0))
    .map(([table, rows]) => `${table} +${rows - (before[table] ?? 0)}`);
}
