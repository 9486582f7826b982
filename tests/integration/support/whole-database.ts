// Whole databases compared table by table (lib/db/tables.ts), and sample data with some history
// recorded through the app's own write path, for the backup and copy tests.
import { createHash } from "node:crypto";
import { expect } from "vitest";
import { databaseUrl } from "@/lib/database-url";
import { db } from "@/lib/db";
import { openDriverReader } from "@/lib/db/driver-reader";
import { rowHashes, TABLES } from "@/lib/db/tables";
import { DatabaseFileStore } from "@/lib/files/store";
import { createAuditEvent } from "@/lib/history-chain/append";
import { describeReport } from "@/lib/history-chain/describe";
import { verifyHistory } from "@/lib/history-chain/verify";
import { recordStatusUpdate } from "@/lib/status-updates/record";
import { seedSampleData } from "../../../prisma/seed";

/** The sample data, two status updates recorded as a staff member records them (with their roll-ups
 * and audit events), an audit event with nested JSON, and a file of three parts kept in the database
 * (every byte value in it). */
export async function seedWithHistory() {
  await seedSampleData(db);
  const staff = await db.user.findUniqueOrThrow({
    where: { email: "staff.jxw@tracker.example" },
    select: { id: true, role: true, agencyId: true },
  });
  for (const progress of [70, 95]) {
    const action = await db.action.findFirstOrThrow({ where: { code: "R4.2" } });
    const result = await recordStatusUpdate(
      db,
      staff,
      {
        itemType: "action",
        itemId: action.id,
        version: action.version,
        status: progress === 95 ? "completed" : "in_progress",
        progress,
        effectiveDate: "2026-11-28",
        comment: `阶段评估 ${progress}%：完成“联合攻关”。`,
        evidenceIds: [],
      },
      { source: "form" },
      new Date(`2026-11-29T04:0${progress === 95 ? 1 : 0}:00.123Z`),
    );
    expect(result.kind).toBe("recorded");
  }
  // Chained as the app chains it: its JSON must hash the same after a copy to the other database.
  await createAuditEvent(db, {
    action: "test.nested",
    entityType: "Test",
    entityId: "x",
    after: { z: [1, 2.5, { b: true, a: null }], a: "中文", big: 9007199254740991 },
    createdAt: new Date("2026-11-29T05:00:00.007Z"),
  });
  const bytes = Buffer.alloc(600 * 1024);
  for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 7919) % 256;
  bytes.write("%PDF-1.4\n", 0, "latin1");
  await new DatabaseFileStore(db).write("files/whole-database", [bytes]);
  const evidence = await db.evidence.findFirstOrThrow({ orderBy: { id: "asc" } });
  await db.storedFile.create({
    data: {
      evidenceId: evidence.id,
      name: "扫描件.pdf",
      mime: "application/pdf",
      size: bytes.length,
      sha256: createHash("sha256").update(bytes).digest("hex"),
      storage: "database",
      storageKey: "files/whole-database",
      uploadedById: staff.id,
    },
  });
}

/** The bytes of the file seedWithHistory stores, read back through the store of `url`'s database. */
export async function storedFileHash(client: typeof db): Promise<string> {
  const hash = createHash("sha256");
  for await (const part of new DatabaseFileStore(client).read("files/whole-database"))
    hash.update(part as Buffer);
  return hash.digest("hex");
}

/** The history chains of a database verify (lib/history-chain), read through the plain driver. */
export async function expectVerifiedHistory(url: string = databaseUrl()) {
  const reader = await openDriverReader(url);
  try {
    const reports = await verifyHistory(reader);
    expect(reports.map(describeReport).join("\n")).not.toContain("BROKEN");
    expect(reports.every((report) => report.ok && report.rows > 0)).toBe(true);
  } finally {
    await reader.close();
  }
}

/** Every row's hash of every table, by table and key. */
export async function wholeDatabase(url: string = databaseUrl()) {
  const reader = await openDriverReader(url);
  try {
    const tables: Record<string, Map<string, string>> = {};
    for (const table of TABLES) tables[table.name] = await rowHashes(reader, table);
    return tables;
  } finally {
    await reader.close();
  }
}

/** The two databases hold the same rows, row for row, in every table. */
export function expectSameRows(
  actual: Record<string, Map<string, string>>,
  expected: Record<string, Map<string, string>>,
) {
  for (const table of TABLES) {
    const [a, b] = [actual[table.name], expected[table.name]];
    expect(a && Object.fromEntries(a), table.name).toEqual(b && Object.fromEntries(b));
  }
}
