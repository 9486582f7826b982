// db:copy on real databases, both ways: this file's database is copied into a new database of the
// other kind and from there into a new one of its own kind (SQLite → PostgreSQL → SQLite, and
// PostgreSQL → SQLite → PostgreSQL), each copy verified, every row identical, ids and timestamps as
// the app reads them unchanged. A non-empty target is refused unchanged; a copy that does not verify
// leaves its target empty.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { databaseProvider, databaseUrl } from "@/lib/database-url";
import { db } from "@/lib/db";
import { createPrismaClient } from "@/lib/db/client";
import { raw, sql } from "@/lib/db/sql";
import { databaseTables, NOT_MODEL_TABLES, TABLES } from "@/lib/db/tables";
import { type Connection, openConnection } from "../../scripts/db-transfer/connection";
import { assertEmpty, copyDatabase, migrateDeploy, TransferError } from "../../scripts/db-transfer/copy";
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
const otherProvider = provider === "sqlite" ? "postgresql" : "sqlite";
const made: string[] = [];
let other: string;
let back: string;
let original: Awaited<ReturnType<typeof wholeDatabase>>;
const progress: string[] = [];

async function empty(kind: "sqlite" | "postgresql") {
  const target = await createEmptyDatabase(kind);
  made.push(target);
  return target;
}

beforeAll(async () => {
  await seedWithHistory();
  original = await wholeDatabase(url);
  other = await empty(otherProvider);
  await copyDatabase({
    from: url,
    to: other,
    progress: (table, done, total) => progress.push(`${table} ${done}/${total}`),
  });
  back = await empty(provider);
  await copyDatabase({ from: other, to: back });
}, 120_000);

afterAll(async () => {
  for (const target of made) await removeEmptyDatabase(target);
});

describe(`db:copy from ${provider} to ${otherProvider} and back`, () => {
  it("copies every table row for row, both ways", async () => {
    expect(original.StatusUpdate?.size).toBeGreaterThan(150);
    expect(original.AuditEvent?.size).toBeGreaterThan(2);
    expectSameRows(await wholeDatabase(other), original);
    expectSameRows(await wholeDatabase(back), original);
    // The history chains verify in the other database and back (their canonical form is the same).
    await expectVerifiedHistory(url);
    await expectVerifiedHistory(other);
    await expectVerifiedHistory(back);
    expect(progress).toContain(`StatusUpdate ${original.StatusUpdate?.size}/${original.StatusUpdate?.size}`);
  });

  it("keeps a file's bytes in the database, read back as the app streams them", async () => {
    const file = await db.storedFile.findUniqueOrThrow({ where: { storageKey: "files/whole-database" } });
    expect(original.FileChunk?.size).toBe(3);
    for (const target of [other, back]) {
      const client = createPrismaClient(target);
      try {
        expect(await storedFileHash(client as typeof db)).toBe(file.sha256);
      } finally {
        await client.$disconnect();
      }
    }
  });

  it("keeps ids, timestamps, history and JSON as the app reads them", async () => {
    const read = async (target: string) => {
      const client = createPrismaClient(target);
      try {
        return {
          updates: await client.statusUpdate.findMany({ orderBy: { id: "asc" } }),
          audit: await client.auditEvent.findMany({ orderBy: { id: "asc" } }),
          recommendations: await client.recommendation.findMany({ orderBy: { id: "asc" } }),
          users: await client.user.findMany({ orderBy: { id: "asc" } }),
          satisfaction: await client.satisfactionLevel.findMany({ orderBy: { id: "asc" } }),
          version: await client.dataVersion.findMany(),
          history: await client.historyDay.findMany({ orderBy: [{ kind: "asc" }, { day: "asc" }] }),
        };
      } finally {
        await client.$disconnect();
      }
    };
    const [a, b, c] = [await read(url), await read(other), await read(back)];
    expect(b).toEqual(a);
    expect(c).toEqual(a);
    // Milliseconds kept, and JSON with nested values.
    const nested = a.audit.find((event) => event.action === "test.nested");
    expect(nested?.createdAt.toISOString()).toBe("2026-11-29T05:00:00.007Z");
    expect(c.audit.find((event) => event.action === "test.nested")?.after).toEqual({
      z: [1, 2.5, { b: true, a: null }],
      a: "中文",
      big: 9007199254740991,
    });
  });

  it("knows every table of the migrated database", async () => {
    const connection = await openConnection(url);
    try {
      const tables = (await databaseTables(connection)).filter(
        (name) => !NOT_MODEL_TABLES.some((pattern) => pattern.test(name)),
      );
      expect(tables.sort()).toEqual(TABLES.map((table) => table.name).sort());
    } finally {
      await connection.close();
    }
  });

  it("rebuilds the search index of the copied items", async () => {
    const count = async (target: string) => {
      const connection = await openConnection(target);
      try {
        const [row] = await connection.rows<{ n: number }>(sql`SELECT COUNT(*) AS n FROM "SearchDocument"`);
        return Number(row?.n);
      } finally {
        await connection.close();
      }
    };
    const n = await count(url);
    expect(n).toBeGreaterThan(30);
    expect(await count(other)).toBe(n);
    expect(await count(back)).toBe(n);
  });

  it("keeps the history append-only in the copy", async () => {
    const connection = await openConnection(other);
    try {
      await expect(connection.run(sql`UPDATE "StatusUpdate" SET "comment" = 'x'`)).rejects.toThrow(
        /append-only/,
      );
      await expect(connection.run(sql`DELETE FROM "AuditEvent"`)).rejects.toThrow(/append-only/);
    } finally {
      await connection.close();
    }
  });

  it("refuses a target that is not empty, and changes nothing in it", async () => {
    const before = await wholeDatabase(url);
    await expect(copyDatabase({ from: other, to: url })).rejects.toThrow(TransferError);
    await expect(copyDatabase({ from: other, to: url })).rejects.toThrow(/not empty.*Proposal \(1\)/);
    await expect(copyDatabase({ from: url, to: url })).rejects.toThrow(/same database/);
    expectSameRows(await wholeDatabase(url), before);
  });

  it("rolls the whole copy back when the copy differs from the source", async () => {
    const target = await empty(otherProvider);
    // A trigger that changes what is inserted stands for any way a copy could go wrong.
    const tamper = async (migrated: string) => {
      migrateDeploy(migrated);
      const connection: Connection = await openConnection(migrated);
      try {
        if (connection.provider === "sqlite") {
          await connection.run(
            sql`CREATE TRIGGER "tamper" AFTER INSERT ON "Theme" BEGIN UPDATE "Theme" SET "nameEn" = 'tampered' WHERE "id" = new."id"; END`,
          );
        } else {
          await connection.run(
            raw(`CREATE FUNCTION tamper() RETURNS trigger LANGUAGE plpgsql AS $$
              BEGIN NEW."nameEn" := 'tampered'; RETURN NEW; END $$`),
          );
          await connection.run(
            raw(`CREATE TRIGGER tamper BEFORE INSERT ON "Theme" FOR EACH ROW EXECUTE FUNCTION tamper()`),
          );
        }
      } finally {
        await connection.close();
      }
    };
    await expect(copyDatabase({ from: url, to: target, migrate: tamper })).rejects.toThrow(
      /differs from the source[\s\S]*Theme\s+MISMATCH/,
    );
    const connection = await openConnection(target);
    try {
      await assertEmpty(connection, "target");
    } finally {
      await connection.close();
    }
  });
});
