// db:backup and db:restore on the real database: a restore equals its backup, row for row in every
// table (the sample data with history recorded through the app), the history's append-only triggers
// and the constraints are in force in the restored database, and a non-empty target is refused and
// left as it was.
import { mkdtempSync, rmSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { databaseProvider, databaseUrl } from "@/lib/database-url";
import { db } from "@/lib/db";
import { createPrismaClient } from "@/lib/db/client";
import { sql } from "@/lib/db/sql";
import { databaseTables, toInstant } from "@/lib/db/tables";
import { recordStatusUpdate } from "@/lib/status-updates/record";
import { backupDatabase, postgresTool, restoreDatabase } from "../../scripts/db-transfer/backup";
import { type Connection, openConnection } from "../../scripts/db-transfer/connection";
import { TransferError } from "../../scripts/db-transfer/copy";
import { createEmptyDatabase, removeEmptyDatabase } from "./databases";
import {
  expectSameRows,
  expectVerifiedHistory,
  seedWithHistory,
  storedFileHash,
  wholeDatabase,
} from "./support/whole-database";

const url = databaseUrl();
const provider = databaseProvider(url);
const dir = mkdtempSync(join("data", "backup-test-"));
const backupFile = join(dir, provider === "sqlite" ? "tracker.db.bak" : "tracker.dump");
let restored: string;
let connection: Connection;

beforeAll(async () => {
  await seedWithHistory();
  await backupDatabase(url, backupFile);
  restored = await createEmptyDatabase(provider);
  await restoreDatabase(restored, backupFile);
  connection = await openConnection(restored);
});

afterAll(async () => {
  await connection?.close();
  if (restored) await removeEmptyDatabase(restored);
  rmSync(dir, { recursive: true, force: true });
});

describe(`backup and restore (${provider})`, () => {
  it("restores every table with the same rows and content hashes", async () => {
    const [original, copy] = [await wholeDatabase(url), await wholeDatabase(restored)];
    expect(original.StatusUpdate?.size).toBeGreaterThan(150);
    expectSameRows(copy, original);
    // The history chains verify in the restored database (lib/history-chain).
    await expectVerifiedHistory(restored);
    // The tables beside the model's (migrations, search index) came back too.
    const source = await openConnection(url);
    try {
      expect(await databaseTables(connection)).toEqual(await databaseTables(source));
      const count = sql`SELECT COUNT(*) AS n FROM "SearchDocument"`;
      expect(Number((await connection.rows<{ n: number }>(count))[0]?.n)).toBe(
        Number((await source.rows<{ n: number }>(count))[0]?.n),
      );
    } finally {
      await source.close();
    }
  });

  it("restores a file's bytes kept in the database", async () => {
    const file = await db.storedFile.findUniqueOrThrow({ where: { storageKey: "files/whole-database" } });
    const client = createPrismaClient(restored);
    try {
      expect(await storedFileHash(client as typeof db)).toBe(file.sha256);
    } finally {
      await client.$disconnect();
    }
  });

  it("keeps the history append-only and the constraints in force after a restore", async () => {
    await expect(connection.run(sql`UPDATE "StatusUpdate" SET "progressAfter" = 1`)).rejects.toThrow(
      /append-only/,
    );
    await expect(connection.run(sql`DELETE FROM "StatusUpdate"`)).rejects.toThrow(/append-only/);
    await expect(connection.run(sql`DELETE FROM "AuditEvent"`)).rejects.toThrow(/append-only/);
    await expect(connection.run(sql`DELETE FROM "Evidence"`)).rejects.toThrow(/never deleted/);
    await expect(connection.run(sql`UPDATE "Recommendation" SET "progress" = 101`)).rejects.toThrow(
      /progress_range|CHECK/,
    );
    await expect(
      connection.run(sql`INSERT INTO "Action" ("id", "recommendationId", "code", "titleZh", "updatedAt")
        VALUES ('orphan', 'no-such-recommendation', 'X1', '孤儿', '2026-01-01')`),
    ).rejects.toThrow(/foreign key/i);
    // Nothing of it went through.
    expectSameRows(await wholeDatabase(restored), await wholeDatabase(url));
  });

  it("refuses to restore into a database that is not empty, and leaves it unchanged", async () => {
    const before = await wholeDatabase(url);
    await expect(restoreDatabase(url, backupFile)).rejects.toThrow(TransferError);
    await expect(restoreDatabase(url, backupFile)).rejects.toThrow(/not empty/);
    expectSameRows(await wholeDatabase(url), before);
  });

  it("refuses a backup of the other kind of database, and a file that is no backup", async () => {
    const other = await createEmptyDatabase(provider === "sqlite" ? "postgresql" : "sqlite");
    try {
      await expect(restoreDatabase(other, backupFile)).rejects.toThrow(/is not a (SQLite|PostgreSQL) backup/);
      await expect(restoreDatabase(restored, "package.json")).rejects.toThrow(TransferError);
    } finally {
      await removeEmptyDatabase(other);
    }
  });

  it("takes a consistent backup while the app records status updates", async () => {
    const file = join(dir, "during-writes.bak");
    const staff = await db.user.findUniqueOrThrow({
      where: { email: "staff.jxw@tracker.example" },
      select: { id: true, role: true, agencyId: true },
    });
    const writes = (async () => {
      for (let i = 0; i < 8; i++) {
        const action = await db.action.findFirstOrThrow({ where: { code: "R4.2" } });
        await recordStatusUpdate(
          db,
          staff,
          {
            itemType: "action",
            itemId: action.id,
            version: action.version,
            status: "in_progress",
            progress: 10 + i,
            effectiveDate: `2026-11-${String(10 + i).padStart(2, "0")}`,
            comment: undefined,
            evidenceIds: [],
          },
          { source: "form" },
        );
      }
    })();
    await backupDatabase(url, file);
    await writes;
    const target = await createEmptyDatabase(provider);
    try {
      await restoreDatabase(target, file);
      // The copy is one moment of the database: each day's history totals (kept by a trigger in the
      // same transaction as each update) agree with the updates it holds.
      const copy = await openConnection(target);
      try {
        const totals = await copy.rows<{ kind: string; day: unknown; progress: number }>(
          sql`SELECT CASE WHEN "actionId" IS NULL THEN 'recommendation' ELSE 'action' END AS kind,
                "effectiveDate" AS day, SUM("progressAfter" - COALESCE("progressBefore", 0)) AS progress
              FROM "StatusUpdate" GROUP BY 1, 2`,
        );
        const days = await copy.rows<{ kind: string; day: unknown; progress: number }>(
          sql`SELECT "kind", "day", "progressChange" AS progress FROM "HistoryDay" WHERE "progressChange" <> 0 OR "completedChange" <> 0`,
        );
        const key = (row: { kind: string; day: unknown; progress: number }) =>
          `${row.kind} ${toInstant(row.day).toISOString()} ${Number(row.progress)}`;
        expect(
          totals
            .filter((row) => Number(row.progress) !== 0)
            .map(key)
            .sort(),
        ).toEqual(
          days
            .filter((row) => Number(row.progress) !== 0)
            .map(key)
            .sort(),
        );
      } finally {
        await copy.close();
      }
    } finally {
      await removeEmptyDatabase(target);
    }
  });

  it("finds pg_dump, and without PostgreSQL's client tools says how to install them", () => {
    expect(postgresTool("pg_dump")).toMatch(/pg_dump$/);
    expect(() => postgresTool("pg_dump", { root: join(dir, "none"), path: join(dir, "none") })).toThrow(
      /pg_dump was not found.*apt-get install postgresql-client/,
    );
  });

  it("refuses to overwrite an existing backup file", async () => {
    await expect(backupDatabase(url, backupFile)).rejects.toThrow(/exists already/);
  });
});
