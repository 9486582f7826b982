// The history chain (lib/history-chain): every StatusUpdate and AuditEvent row is chained as it is
// written, and `npm run verify-history` names the first row edited, deleted or reordered directly in
// the database, by someone who gets past the append-only triggers (as anyone with the database's
// password can). Each tampering runs in a transaction that is rolled back, so the next starts clean.
import { beforeAll, describe, expect, it } from "vitest";
import { GET as historyChainRoute } from "@/app/api/public/history-chain/route";
import { recordAudit } from "@/lib/audit/record";
import type { Actor } from "@/lib/auth/permissions";
import { databaseProvider, databaseUrl } from "@/lib/database-url";
import { db } from "@/lib/db";
import { createPrismaClient, type Prisma, sqlReader } from "@/lib/db/client";
import type { SqlReader } from "@/lib/db/sql";
import { createStatusUpdate } from "@/lib/history-chain/append";
import { chainUnchainedHistory } from "@/lib/history-chain/backfill";
import { contentHashOf, linkHash } from "@/lib/history-chain/content";
import { describeReport } from "@/lib/history-chain/describe";
import { findChainLinks, readChainHeads } from "@/lib/history-chain/heads";
import { chainHeadsText } from "@/lib/history-chain/heads-format";
import { type ChainReport, verifyChain, verifyHistory } from "@/lib/history-chain/verify";
import { recordStatusUpdate } from "@/lib/status-updates/record";
import { seedSampleData } from "../../prisma/seed";

const provider = databaseProvider(databaseUrl());
const reader = sqlReader(db);
let admin: Actor;

beforeAll(async () => {
  await seedSampleData(db);
  admin = await db.user.findUniqueOrThrow({
    where: { email: "admin@tracker.example" },
    select: { id: true, role: true, agencyId: true },
  });
});

const txReader = (tx: Prisma.TransactionClient): SqlReader => ({
  provider,
  rows: (statement) => tx.$queryRaw(statement),
});

class RolledBack extends Error {}

/** Tampers inside a transaction, past the append-only triggers, verifies, and rolls it all back. */
async function afterTampering(
  table: "StatusUpdate" | "AuditEvent",
  tamper: (tx: Prisma.TransactionClient) => Promise<void>,
): Promise<ChainReport> {
  let report: ChainReport | undefined;
  await db
    .$transaction(
      async (tx) => {
        if (provider === "postgresql")
          await tx.$executeRawUnsafe(`ALTER TABLE "${table}" DISABLE TRIGGER "${table}_append_only"`);
        else {
          await tx.$executeRawUnsafe(`DROP TRIGGER "${table}_append_only_update"`);
          await tx.$executeRawUnsafe(`DROP TRIGGER "${table}_append_only_delete"`);
        }
        await tamper(tx);
        report = await verifyChain(txReader(tx), table);
        throw new RolledBack();
      },
      { timeout: 30_000 },
    )
    .catch((error) => {
      if (!(error instanceof RolledBack)) throw error;
    });
  if (!report) throw new Error("not verified");
  return report;
}

async function rowAt(table: "StatusUpdate" | "AuditEvent", chainSeq: number) {
  const [row] = await db.$queryRawUnsafe<Record<string, unknown>[]>(
    `SELECT * FROM "${table}" WHERE "chainSeq" = ${chainSeq}`,
  );
  if (!row) throw new Error(`no ${table} #${chainSeq}`);
  return row;
}

describe("a clean history", () => {
  it("verifies after the sample data, a form's update with its roll-up, and audit events", async () => {
    const action = await db.action.findFirstOrThrow({
      where: { status: "in_progress", progress: { lt: 90 } },
      select: { id: true, progress: true, version: true },
    });
    const result = await recordStatusUpdate(
      db,
      admin,
      {
        itemType: "action",
        itemId: action.id,
        version: action.version,
        status: "in_progress",
        progress: action.progress + 5,
        effectiveDate: "2026-12-01",
        comment: "链式校验",
        evidenceIds: [],
      },
      { source: "form" },
    );
    expect(result.kind).toBe("recorded");
    const reports = await verifyHistory(reader);
    expect(reports.map(describeReport).join("\n")).not.toContain("BROKEN");
    const [updates, audit] = reports;
    // The sample's 149 updates, the form's and its roll-up.
    expect(updates).toMatchObject({ ok: true, table: "StatusUpdate", rows: 151 });
    expect(audit?.ok && audit.rows).toBeGreaterThanOrEqual(3);
  });

  it("links each row to the one before: chainHash over its place, the previous hash and its content", async () => {
    const [first, second] = [await rowAt("StatusUpdate", 1), await rowAt("StatusUpdate", 2)];
    expect(first.contentHash).toBe(contentHashOf("StatusUpdate", first));
    expect(second.chainHash).toBe(linkHash(2, String(first.chainHash), String(second.contentHash)));
  });

  it("prints the heads, and finds an old head in today's chain", async () => {
    const before = await readChainHeads(reader);
    expect(before.map((head) => head.table)).toEqual(["StatusUpdate", "AuditEvent"]);
    const text = chainHeadsText(before, "zh-CN");
    expect(text).toMatch(
      /^进展更新 #\d+ [0-9a-f]{12}（\d{4}-\d\d-\d\d \d\d:\d\d:\d\d 北京时间）；操作日志 #\d+/,
    );
    expect(chainHeadsText(before, "en")).toMatch(/^Status updates #\d+ [0-9a-f]{12} \(.* Beijing time\)/);
    await recordAudit(db, {
      actorId: admin.id,
      action: "user.update",
      entityType: "User",
      entityId: admin.id,
    });
    const old = before[1];
    if (!old) throw new Error("no audit head");
    const found = await findChainLinks(reader, old.chainHash.slice(0, 12));
    expect(found).toEqual([expect.objectContaining({ table: "AuditEvent", chainSeq: old.chainSeq })]);
    expect(await findChainLinks(reader, "f".repeat(12))).toEqual([]);
    expect(await findChainLinks(reader, "not-hex")).toEqual([]);
    const after = await readChainHeads(reader);
    expect(after[1]?.chainSeq).toBe(old.chainSeq + 1);
  });
});

describe("GET /api/public/history-chain", () => {
  const lookUp = (query: string) =>
    historyChainRoute(new Request(`http://localhost/api/public/history-chain${query}`));

  it("tells the heads, and where an old head's short hash is in today's chain", async () => {
    const [old] = await readChainHeads(reader);
    if (!old) throw new Error("no head");
    await createStatusUpdate(db, {
      recommendationId: (await db.recommendation.findFirstOrThrow()).id,
      statusAfter: "in_progress",
      progressAfter: 2,
      effectiveDate: new Date(),
    });
    const response = await lookUp(`?hash=${old.chainHash.slice(0, 12).toUpperCase()}`);
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body.heads[0]).toMatchObject({ table: "StatusUpdate", chainSeq: old.chainSeq + 1 });
    expect(body.found).toEqual([
      expect.objectContaining({
        table: "StatusUpdate",
        chainSeq: old.chainSeq,
        chainHash: old.chainHash,
        rowsSince: 1,
      }),
    ]);
    expect((await (await lookUp(`?hash=${"0".repeat(12)}`)).json()).found).toEqual([]);
  });

  it("refuses a hash that is not 12 to 64 hex digits, in the caller's language", async () => {
    for (const hash of ["abc", "g".repeat(12), "a".repeat(65)]) {
      const response = await lookUp(`?hash=${hash}&lang=en`);
      expect(response.status).toBe(400);
      expect((await response.json()).error.message).toContain("12 to 64 hexadecimal digits");
    }
  });
});

describe("tampering directly in the database", () => {
  it("names a row whose content was edited", async () => {
    const row = await rowAt("StatusUpdate", 5);
    const report = await afterTampering("StatusUpdate", (tx) =>
      tx.$executeRaw`UPDATE "StatusUpdate" SET "progressAfter" = 99 WHERE "chainSeq" = 5`.then(() => {}),
    );
    expect(report).toMatchObject({ ok: false, broken: { chainSeq: 5, id: row.id, problem: "content" } });
    expect(describeReport(report)).toContain(`BROKEN StatusUpdate: row chainSeq 5, id ${row.id}`);
  });

  it("names a row edited with its contentHash recomputed: its link no longer follows", async () => {
    const row = await rowAt("StatusUpdate", 7);
    const edited = { ...row, comment: "改写的历史" };
    const report = await afterTampering("StatusUpdate", (tx) =>
      tx.$executeRaw`UPDATE "StatusUpdate" SET "comment" = ${edited.comment},
        "contentHash" = ${contentHashOf("StatusUpdate", edited)} WHERE "chainSeq" = 7`.then(() => {}),
    );
    expect(report).toMatchObject({ ok: false, broken: { chainSeq: 7, id: row.id, problem: "link" } });
  });

  it("names the row after a deleted one", async () => {
    // The sample's last update is no roll-up's cause and cites no evidence: nothing refers to it.
    const [head] = await readChainHeads(reader);
    if (!head) throw new Error("no head");
    const last = head.chainSeq;
    const victim = await db.statusUpdate.findFirstOrThrow({
      where: { chainSeq: { lt: last }, evidence: { none: {} }, rolledUpInto: null, proposedUpdate: null },
      orderBy: { chainSeq: "desc" },
      select: { chainSeq: true },
    });
    const seq = victim.chainSeq ?? 0;
    const next = await rowAt("StatusUpdate", seq + 1);
    const report = await afterTampering("StatusUpdate", (tx) =>
      tx.$executeRaw`DELETE FROM "StatusUpdate" WHERE "chainSeq" = ${seq}`.then(() => {}),
    );
    expect(report).toMatchObject({
      ok: false,
      broken: { chainSeq: seq + 1, id: next.id, problem: "missing", expectedSeq: seq },
    });
  });

  it("names the first of two rows whose places were swapped", async () => {
    const [first, second] = [await rowAt("AuditEvent", 1), await rowAt("AuditEvent", 2)];
    const report = await afterTampering("AuditEvent", async (tx) => {
      await tx.$executeRaw`UPDATE "AuditEvent" SET "chainSeq" = -1 WHERE "chainSeq" = 1`;
      await tx.$executeRaw`UPDATE "AuditEvent" SET "chainSeq" = 1 WHERE "chainSeq" = 2`;
      await tx.$executeRaw`UPDATE "AuditEvent" SET "chainSeq" = 2 WHERE "chainSeq" = -1`;
    });
    expect(report).toMatchObject({ ok: false, broken: { chainSeq: 1, id: second.id, problem: "link" } });
    expect(first.id).not.toBe(second.id);
  });

  it("names an audit event whose payload was edited (JSON compared canonically)", async () => {
    const row = await rowAt("AuditEvent", 2);
    const report = await afterTampering("AuditEvent", (tx) =>
      tx.$executeRaw`UPDATE "AuditEvent" SET "action" = 'user.delete' WHERE "chainSeq" = 2`.then(() => {}),
    );
    expect(report).toMatchObject({ ok: false, broken: { chainSeq: 2, id: row.id, problem: "content" } });
  });

  it("names a row written past the app, which has no place in the chain", async () => {
    const report = await afterTampering("StatusUpdate", async (tx) => {
      const rec = await tx.recommendation.findFirstOrThrow({ select: { id: true } });
      await tx.statusUpdate.create({
        data: {
          recommendationId: rec.id,
          statusAfter: "in_progress",
          progressAfter: 1,
          effectiveDate: new Date(),
        },
      });
    });
    expect(report).toMatchObject({ ok: false, broken: { chainSeq: null, problem: "unchained" } });
  });

  it("still refuses edits through the triggers, even of a row's chain fields", async () => {
    await expect(
      db.$executeRaw`UPDATE "StatusUpdate" SET "chainHash" = 'x' WHERE "chainSeq" = 1`,
    ).rejects.toThrow();
    await expect(
      db.$executeRaw`UPDATE "AuditEvent" SET "chainSeq" = NULL WHERE "chainSeq" = 1`,
    ).rejects.toThrow();
    await expect(db.$executeRaw`DELETE FROM "AuditEvent" WHERE "chainSeq" = 1`).rejects.toThrow();
    expect((await verifyHistory(reader)).every((report) => report.ok)).toBe(true);
  });
});

describe("rows written before the chain existed", () => {
  it("are chained once by the upgrade (db:migrate's step), after the head, and later rows follow", async () => {
    const rec = await db.recommendation.findFirstOrThrow({ select: { id: true } });
    // As an older version wrote them: no chain fields.
    const old = await db.statusUpdate.create({
      data: {
        recommendationId: rec.id,
        statusAfter: "in_progress",
        progressAfter: 3,
        effectiveDate: new Date(),
      },
    });
    await db.auditEvent.create({
      data: { action: "user.update", entityType: "User", entityId: admin.id, after: { b: 1, a: [1, "二"] } },
    });
    expect((await verifyHistory(reader)).map((report) => report.ok)).toEqual([false, false]);
    expect(await chainUnchainedHistory(db)).toEqual({ StatusUpdate: 1, AuditEvent: 1 });
    expect(await chainUnchainedHistory(db)).toEqual({ StatusUpdate: 0, AuditEvent: 0 });
    const chained = await db.statusUpdate.findUniqueOrThrow({ where: { id: old.id } });
    expect(chained.chainSeq).not.toBeNull();
    await createStatusUpdate(db, {
      recommendationId: rec.id,
      statusAfter: "in_progress",
      progressAfter: 4,
      effectiveDate: new Date(),
    });
    const reports = await verifyHistory(reader);
    expect(reports.map(describeReport).join("\n")).not.toContain("BROKEN");
  });
});

describe.runIf(provider === "postgresql")("several app processes on one PostgreSQL", () => {
  it("append to one unbroken chain", async () => {
    const clients = [createPrismaClient(databaseUrl()), createPrismaClient(databaseUrl())];
    try {
      const before = (await readChainHeads(reader)).find((head) => head.table === "AuditEvent");
      await Promise.all(
        clients.flatMap((client, index) =>
          Array.from({ length: 15 }, (_, n) =>
            client.$transaction(async (tx) => {
              await recordAudit(tx, {
                actorId: admin.id,
                action: "user.update",
                entityType: "User",
                entityId: `${index}-${n}`,
              });
              await recordAudit(tx, {
                actorId: admin.id,
                action: "user.update",
                entityType: "User",
                entityId: `${index}-${n}-second`,
              });
            }),
          ),
        ),
      );
      const report = await verifyChain(reader, "AuditEvent");
      expect(report.ok).toBe(true);
      expect(report.ok && report.head.chainSeq).toBe((before?.chainSeq ?? 0) + 60);
    } finally {
      await Promise.all(clients.map((client) => client.$disconnect()));
    }
  });
});
