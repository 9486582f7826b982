// An import writes a file's rows a few statements at a time (lib/import/write.ts). What it writes must be
// exactly what recording each row through the status form's own path writes: the same item states,
// history rows (with their roll-ups and evidence) and audit events, in the same order. The form's path
// is the oracle: each file is recorded through it in a transaction that is then rolled back, and
// applied as an import; both are read back the same way and compared.
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { extendedClient, type Prisma } from "@/lib/db/client";
import { applyImport } from "@/lib/import/apply";
import type { ImportRow } from "@/lib/import/columns";
import { planImport } from "@/lib/import/plan";
import { rollUp } from "@/lib/recommendations/roll-up";
import { recordStatusUpdate, recordStatusUpdateIn } from "@/lib/status-updates/record";
import { seedSampleData } from "../../prisma/seed";
import { expectVerifiedHistory } from "./support/whole-database";

const NOW = new Date("2026-11-29T04:00:00Z");
const TODAY = "2026-11-29";
let admin: Actor;

beforeAll(async () => {
  await seedSampleData(db);
  admin = await db.user.findUniqueOrThrow({
    where: { email: "admin@tracker.example" },
    select: { id: true, role: true, agencyId: true },
  });
});

type Item = { kind: "recommendation" | "action"; proposal: string; recommendation?: string; code: string };
type Change = { status?: string; progress?: number; date?: string; comment?: string; evidence?: boolean };

async function items(): Promise<(Item & { progress: number; version: number })[]> {
  const recommendations = await db.recommendation.findMany({
    where: { archivedAt: null },
    orderBy: [{ proposalId: "asc" }, { sortOrder: "asc" }],
    select: {
      code: true,
      status: true,
      progress: true,
      version: true,
      proposal: { select: { code: true } },
      actions: {
        orderBy: { sortOrder: "asc" },
        select: { code: true, status: true, progress: true, version: true },
      },
    },
  });
  return recommendations.flatMap((rec) => [
    { kind: "recommendation" as const, ...rec, proposal: rec.proposal.code },
    ...rec.actions.map((action) => ({
      kind: "action" as const,
      proposal: rec.proposal.code,
      recommendation: rec.code,
      ...action,
    })),
  ]);
}

function rowOf(item: Item & { version: number }, change: Change, index: number): ImportRow {
  return {
    sheet: item.kind === "action" ? "举措" : "建议",
    row: index + 2,
    values: {
      proposal: item.proposal,
      recommendation: item.recommendation ?? null,
      code: item.code,
      status: change.status ?? null,
      progress: change.progress ?? null,
      effectiveDate: change.date ?? TODAY,
      comment: change.comment ?? null,
      evidenceUrl: change.evidence ? `https://www.sh.gov.cn/import/${index}` : null,
      evidenceTitle: change.evidence ? `导入材料 ${index}` : null,
      version: item.version,
    },
  };
}

/** What a write left behind: the items' states, and the history, evidence and audit rows after `since`. */
async function written(tx: Prisma.TransactionClient, since: { history: Set<string>; audit: Set<string> }) {
  const names = new Map<string, string>();
  const [recommendations, actions] = await Promise.all([
    tx.recommendation.findMany({
      select: { id: true, code: true, status: true, progress: true, version: true },
    }),
    tx.action.findMany({ select: { id: true, code: true, status: true, progress: true, version: true } }),
  ]);
  for (const item of [...recommendations, ...actions]) names.set(item.id, item.code);
  const history = (
    await tx.statusUpdate.findMany({
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      include: { evidence: { include: { evidence: true } } },
    })
  ).filter((row) => !since.history.has(row.id));
  // Ids differ between the two writes: each history row is named by its place among the new ones.
  history.forEach((row, index) => {
    names.set(row.id, `update ${index}`);
  });
  const named = (id: string | null) => (id ? (names.get(id) ?? id) : null);
  const audit = (await tx.auditEvent.findMany({ orderBy: [{ createdAt: "asc" }, { id: "asc" }] }))
    .filter((event) => !since.audit.has(event.id) && event.action !== "import.apply")
    .map((event) => {
      for (const row of history)
        for (const link of row.evidence) names.set(link.evidenceId, `evidence of ${named(row.id)}`);
      const rename = (value: unknown) =>
        JSON.parse(
          JSON.stringify(value ?? null).replace(/"[0-9a-z-]{20,}"/g, (id) =>
            JSON.stringify(named(JSON.parse(id))),
          ),
        );
      return {
        action: event.action,
        entityType: event.entityType,
        entityId: named(event.entityId),
        before: rename(event.before),
        after: rename(event.after),
      };
    });
  return {
    items: [...recommendations, ...actions]
      .map(({ id, ...state }) => state)
      .sort((a, b) => a.code.localeCompare(b.code)),
    history: history.map((row) => ({
      item: named(row.recommendationId ?? row.actionId),
      statusBefore: row.statusBefore,
      statusAfter: row.statusAfter,
      progressBefore: row.progressBefore,
      progressAfter: row.progressAfter,
      effectiveDate: row.effectiveDate,
      comment: row.comment,
      source: row.source,
      importFileName: row.importFileName,
      authorId: row.authorId,
      rollUpOf: named(row.rollUpOfId),
      rollUpCause: row.rollUpCause,
      rollUpActionCode: row.rollUpActionCode,
      evidence: row.evidence.map(({ evidence }) => ({
        url: evidence.url,
        titleZh: evidence.titleZh,
        kind: evidence.kind,
        item: named(evidence.recommendationId ?? evidence.actionId),
        createdById: evidence.createdById,
      })),
    })),
    audit,
  };
}

class RolledBack extends Error {
  constructor(readonly result: unknown) {
    super("rolled back");
  }
}

/** The file recorded row by row through the status form's path (recommendations first), then undone. */
async function throughTheForm(rows: ImportRow[], fileName: string) {
  const since = await existing();
  try {
    await db.$transaction(
      async (tx) => {
        const plan = await planImport(tx, admin, rows, NOW);
        const updates = plan.rows
          .filter((row) => row.outcome === "update" && row.input)
          .sort((a, b) => Number(a.kind === "action") - Number(b.kind === "action"));
        for (const row of updates) {
          if (!row.input) continue;
          const result = await recordStatusUpdateIn(
            tx,
            admin,
            row.input,
            { source: "import", importFileName: fileName },
            NOW,
          );
          if (result.kind !== "recorded")
            throw new RolledBack({ kind: "failed", row: row.row, reason: result.kind });
        }
        throw new RolledBack(await written(tx, since));
      },
      { timeout: 60_000 },
    );
  } catch (error) {
    if (error instanceof RolledBack) return error.result;
    throw error;
  }
}

async function asAnImport(rows: ImportRow[], fileName: string) {
  const since = await existing();
  const batch = await db.importBatch.create({
    data: { fileName, createdById: admin.id, rows: rows as unknown as object },
  });
  const result = await applyImport(db, admin, batch.id, NOW);
  if (result.kind === "failed") return { kind: "failed", row: result.row.row, reason: result.reason };
  expect(result.kind).toBe("applied");
  return db.$transaction((tx) => written(tx, since));
}

async function existing() {
  const [history, audit] = await Promise.all([
    db.statusUpdate.findMany({ select: { id: true } }),
    db.auditEvent.findMany({ select: { id: true } }),
  ]);
  return { history: new Set(history.map(({ id }) => id)), audit: new Set(audit.map(({ id }) => id)) };
}

describe("an import's writes", () => {
  it("stops as the form would at an action dated before its recommendation's roll-up by an earlier row", async () => {
    const all = await items();
    const rec = all.find(
      (item, index) => item.kind === "recommendation" && all[index + 2]?.kind === "action",
    );
    const [first, second] = all.filter((item) => item.kind === "action" && item.recommendation === rec?.code);
    if (!first || !second) throw new Error("the sample data has a recommendation with two actions");
    const rows = [
      rowOf(first, { progress: (first.progress + 10) % 101, status: "in_progress" }, 0),
      rowOf(second, { progress: (second.progress + 10) % 101, status: "in_progress", date: "2026-11-28" }, 1),
    ];
    const latest = await db.statusUpdate.findFirst({
      where: { recommendation: { code: rec?.code } },
      orderBy: { effectiveDate: "desc" },
    });
    expect(latest?.effectiveDate.getTime() ?? 0).toBeLessThan(
      new Date("2026-11-28T00:00:00+08:00").getTime(),
    );
    const expected = await throughTheForm(rows, "日期.xlsx");
    expect(expected).toEqual({ kind: "failed", row: 3, reason: "invalid" });
    const before = await existing();
    expect(await asAnImport(rows, "日期.xlsx")).toEqual(expected);
    expect((await existing()).history.size).toBe(before.history.size);
  });
  it("are the status form's, row for row, with roll-ups, evidence and audit events", async () => {
    const all = await items();
    const statuses = ["in_progress", "stalled", "completed", "in_progress", "not_adopted"];
    const rows = all.map((item, index) => {
      const progress =
        item.kind === "recommendation" && all[index + 1]?.kind === "action"
          ? undefined
          : (item.progress + 7 * (index + 1)) % 101;
      const status = progress === 100 ? "completed" : statuses[index % statuses.length];
      return rowOf(
        item,
        {
          status,
          progress,
          comment:
            index % 3 === 0
              ? `第 ${index} 行的说明`
              : status === "stalled" || status === "not_adopted"
                ? "原因见附件"
                : undefined,
          evidence: index % 4 === 1,
        },
        index,
      );
    });
    // Actions out of their order, so that several roll up into one recommendation in turn.
    const file = [
      ...rows.filter((_, index) => index % 2 === 0),
      ...rows.filter((_, index) => index % 2 === 1).reverse(),
    ];
    const plan = await planImport(db, admin, file, NOW);
    const updates = file.filter((_, index) => plan.rows[index]?.outcome === "update");
    expect(updates.length).toBeGreaterThan(20);

    const expected = await throughTheForm(updates, "对照.xlsx");
    const applied = await asAnImport(updates, "对照.xlsx");
    expect(applied).toEqual(expected);
    const { history } = applied as { history: { rollUpOf: string | null }[] };
    expect(history.filter((row) => row.rollUpOf).length).toBeGreaterThan(5);
  });

  it("are worked out again when someone saves meanwhile, so that the roll-up counts that save too", async () => {
    const all = await items();
    const rec = all.find(
      (item, index) => item.kind === "recommendation" && all[index + 2]?.kind === "action",
    );
    const [inFile, saved] = all.filter((item) => item.kind === "action" && item.recommendation === rec?.code);
    if (!rec || !inFile || !saved) throw new Error("the sample data has a recommendation with two actions");
    const file = [rowOf(inFile, { status: "in_progress", progress: (inFile.progress + 13) % 100 }, 0)];
    const other = await db.action.findFirstOrThrow({
      where: { code: saved.code, recommendation: { code: rec.code } },
    });

    // Someone saves another action of the same recommendation once the import has worked out its rows
    // (its last read: the actions under the recommendations it rolls up, with their weights), before
    // it writes them.
    let once = true;
    const racing = extendedClient(
      db.$extends({
        query: {
          action: {
            async findMany({ args, query }) {
              const result = await query(args);
              if (once && args.select?.weight) {
                once = false;
                const recorded = await recordStatusUpdate(
                  db,
                  admin,
                  {
                    itemType: "action",
                    itemId: other.id,
                    version: other.version,
                    status: "in_progress",
                    progress: (other.progress + 29) % 100,
                    effectiveDate: TODAY,
                    evidenceIds: [],
                  },
                  { source: "form" },
                  NOW,
                );
                expect(recorded.kind).toBe("recorded");
              }
              return result;
            },
          },
        },
      }),
      db,
    );
    const batch = await db.importBatch.create({
      data: { fileName: "同时.xlsx", createdById: admin.id, rows: file as unknown as object },
    });
    expect(await applyImport(racing, admin, batch.id, NOW)).toEqual({ kind: "applied", recorded: 1 });
    expect(once).toBe(false);
    const after = await db.recommendation.findFirstOrThrow({
      where: { code: rec.code },
      select: { progress: true, actions: { select: { status: true, progress: true, weight: true } } },
    });
    expect(after.progress).toBe(rollUp(after.actions).progress);
  });
});

describe("the history chain after every import above", () => {
  // Imports, their roll-ups and audit events, and the form's saves beside them: one unbroken chain
  // per table (lib/history-chain), the import's rows linked in its transaction.
  it("verifies", async () => {
    await expectVerifiedHistory();
  });
});
