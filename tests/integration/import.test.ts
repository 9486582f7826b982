// Importing status updates from spreadsheets on the real database: reading files as people make them,
// the dry run's every problem, all-or-nothing apply, idempotence and rights.
import ExcelJS from "exceljs";
import iconv from "iconv-lite";
import { beforeAll, describe, expect, it } from "vitest";
import { GET as exportView } from "@/app/api/export/route";
import { createAuth } from "@/lib/auth/config";
import type { Actor } from "@/lib/auth/permissions";
import { toShanghaiDateString } from "@/lib/dates";
import { db } from "@/lib/db";
import { type Db, extendedClient } from "@/lib/db/client";
import { applyImport } from "@/lib/import/apply";
import { createImportBatch, getImportBatch } from "@/lib/import/batch";
import { importProblemText } from "@/lib/import/messages";
import zh from "@/messages/zh-CN.json";
import { SAMPLE_PASSWORD } from "../../prisma/sample-data";
import { seedSampleData } from "../../prisma/seed";

const NOW = new Date("2026-11-29T04:00:00Z");
const PROPOSAL = "LLM-2024";
let staffJxw: Actor;
let staffKw: Actor;
let admin: Actor;
let official: Actor;

beforeAll(async () => {
  await seedSampleData(db);
  const actor = (email: string) =>
    db.user.findUniqueOrThrow({ where: { email }, select: { id: true, role: true, agencyId: true } });
  [staffJxw, staffKw, admin, official] = await Promise.all([
    actor("staff.jxw@tracker.example"),
    actor("staff.kw@tracker.example"),
    actor("admin@tracker.example"),
    actor("official@tracker.example"),
  ]);
});

const action = (code: string) => db.action.findFirstOrThrow({ where: { code } });

const HEADER = [
  "建议编号",
  "建议条目编号",
  "编号",
  "状态",
  "进度（%）",
  "生效日期",
  "情况说明",
  "材料网址",
  "材料标题",
  "版本",
];
type Line = (string | number | null)[];

/** One action's row in the template's Chinese layout. */
async function actionLine(
  code: string,
  changes: {
    status?: string;
    progress?: number | string;
    date?: string;
    comment?: string;
    url?: string;
    title?: string;
    version?: number;
  } = {},
): Promise<Line> {
  const item = await action(code);
  return [
    PROPOSAL,
    code.split(".")[0] ?? "",
    code,
    changes.status ?? zh.status[item.status],
    changes.progress ?? item.progress,
    changes.date ?? "2026-11-28",
    changes.comment ?? null,
    changes.url ?? null,
    changes.title ?? null,
    changes.version ?? item.version,
  ];
}

const csv = (lines: Line[], separator = ",") =>
  [HEADER, ...lines]
    .map((line) =>
      line.map((cell) => (cell === null ? "" : `"${String(cell).replaceAll('"', '""')}"`)).join(separator),
    )
    .join("\r\n");

async function upload(actor: Actor, name: string, bytes: Uint8Array, database: Db = db) {
  const result = await createImportBatch(database, actor, { name, bytes });
  if (result.kind !== "created") throw new Error(`upload refused: ${JSON.stringify(result)}`);
  const view = await getImportBatch(database, actor, result.batchId, {}, NOW);
  if (!view?.plan) throw new Error("no plan");
  return { batchId: result.batchId, plan: view.plan };
}

const utf8 = (text: string, bom = false) => new TextEncoder().encode(`${bom ? "\ufeff" : ""}${text}`);

describe("the round trip", () => {
  it("exports the view, takes the workbook edited in Excel back, and the database matches", async () => {
    process.env.BETTER_AUTH_SECRET ??= "integration-test-secret-0123456789abcdef";
    const { headers } = await createAuth(db).api.signInEmail({
      body: { email: "staff.kw@tracker.example", password: SAMPLE_PASSWORD },
      headers: new Headers(),
      returnHeaders: true,
    });
    const cookie = headers.get("set-cookie")?.split(";")[0] ?? "";
    // The actions of R7, as a workbook in English.
    const response = await exportView(
      new Request("http://127.0.0.1/api/export?format=xlsx&kind=action&q=R7.&locale=en", {
        headers: { cookie },
      }),
    );
    expect(response.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await response.arrayBuffer());
    // The first sheet says what the file holds; the importer passes over it, as it does any sheet that is not a table of items.
    const sheet = workbook.getWorksheet("Actions");
    if (!sheet) throw new Error("no sheet");
    const header = (sheet.getRow(1).values as unknown[]).map(String);
    const column = (name: string) => header.indexOf(name);
    const rowOf = (code: string) => {
      for (let number = 2; number <= sheet.rowCount; number++)
        if (sheet.getRow(number).getCell(column("Code")).value === code) return sheet.getRow(number);
      throw new Error(`no row ${code}`);
    };
    // R7.2 is STCSM's: progress up, as a person types it in the percentage cell; a comment beside.
    const r72 = rowOf("R7.2");
    r72.getCell(column("Progress (%)")).value = 0.68;
    r72.getCell(column("Status")).value = "Stalled";
    sheet.getRow(1).getCell(header.length).value = "Comment";
    r72.getCell(header.length).value = "Waiting for the budget";
    const edited = new Uint8Array(await workbook.xlsx.writeBuffer());

    const { batchId, plan } = await upload(staffKw, "round-trip.xlsx", edited);
    // The other rows are as exported: unchanged, whether STCSM's or another agency's.
    expect(plan.counts).toEqual({ update: 1, unchanged: plan.rows.length - 1, problem: 0 });
    expect(plan.rows.find((row) => row.outcome === "update")).toMatchObject({
      label: "LLM-2024 / R7 / R7.2",
      after: { status: "stalled", progress: 68 },
      comment: "Waiting for the budget",
    });
    expect(await applyImport(db, staffKw, batchId, NOW)).toEqual({ kind: "applied", recorded: 1 });
    expect(await action("R7.2")).toMatchObject({ status: "stalled", progress: 68 });
    const latest = await db.statusUpdate.findFirstOrThrow({
      where: { action: { code: "R7.2" } },
      orderBy: { createdAt: "desc" },
    });
    expect(latest).toMatchObject({
      source: "import",
      importFileName: "round-trip.xlsx",
      comment: "Waiting for the budget",
      statusAfter: "stalled",
      progressAfter: 68,
    });
  });
});

describe("reading files", () => {
  it("reads UTF-8 with and without BOM, GBK, and semicolons", async () => {
    const line = await actionLine("R4.3", { progress: 65, comment: "部署完成，进入试运行" });
    for (const bytes of [
      utf8(csv([line])),
      utf8(csv([line]), true),
      new Uint8Array(iconv.encode(csv([line]), "gbk")),
      utf8(csv([line], ";")),
    ]) {
      const { plan } = await upload(staffJxw, "进展.csv", bytes);
      expect(plan.rows).toHaveLength(1);
      expect(plan.rows[0]).toMatchObject({
        outcome: "update",
        label: `${PROPOSAL} / R4 / R4.3`,
        after: { status: "in_progress", progress: 65 },
        comment: "部署完成，进入试运行",
      });
    }
  });

  it("reads .xlsx with typed or text dates and percentage cells, ignoring empty trailing rows", async () => {
    const item = await action("R4.3");
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("事项");
    sheet.addRow(HEADER);
    sheet.addRow([
      PROPOSAL,
      "R2",
      "R2.2",
      "推进中",
      0.7,
      new Date(Date.UTC(2026, 10, 27)),
      null,
      null,
      null,
      item.version,
    ]);
    sheet.getCell("E2").numFmt = "0%";
    sheet.addRow([]);
    sheet.addRow([null, null, null]);
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
    const { plan } = await upload(staffJxw, "进展.xlsx", bytes);
    expect(plan.rows).toHaveLength(1);
    expect(plan.rows[0]).toMatchObject({
      outcome: "update",
      effectiveDate: "2026-11-27",
      after: { progress: 70 },
    });
  });

  it("refuses files that are not spreadsheets, empty ones and ones without an item sheet", async () => {
    const refused = (bytes: Uint8Array) => createImportBatch(db, staffJxw, { name: "x", bytes });
    expect(await refused(new Uint8Array())).toMatchObject({ kind: "file", problem: "empty" });
    expect(await refused(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]))).toMatchObject({
      kind: "file",
      problem: "notSpreadsheet",
    });
    expect(await refused(new Uint8Array([0, 1, 2, 0, 5]))).toMatchObject({
      kind: "file",
      problem: "notSpreadsheet",
    });
    expect(await refused(utf8("名称,数量\r\n苹果,3"))).toMatchObject({
      kind: "file",
      problem: "noItemSheet",
    });
    expect(await refused(new Uint8Array(10 * 1024 * 1024 + 1))).toMatchObject({
      kind: "file",
      problem: "tooLarge",
    });
    // 50,000 rows are the most; the header and empty lines do not count.
    const rows = (count: number) =>
      utf8(
        `${csv(Array.from({ length: count }, () => [PROPOSAL, "R4", "R4.3", "推进中", 50, null, null, null, null, 1]))}\r\n,,,\r\n`,
      );
    expect(await refused(rows(50_001))).toMatchObject({
      kind: "file",
      problem: "tooManyRows",
      values: { rows: 50_000 },
    });
    expect((await createImportBatch(db, staffJxw, { name: "x.csv", bytes: rows(50_000) })).kind).toBe(
      "created",
    );
  });
});

describe("the dry run", () => {
  it("names every problem by row and column, and writes nothing", async () => {
    const before = await db.statusUpdate.count();
    const lines: Line[] = [
      [PROPOSAL, "R9", "R9.9", "推进中", 10, "2026-11-28", null, null, null, 1], // unknown item
      await actionLine("R2.3", { status: "推进中", progress: 66 }), // STCSM's: not staff.jxw's
      await actionLine("R2.2", { status: "快完成了" }),
      await actionLine("R3.1", { progress: 120 }),
      await actionLine("R3.2", { date: "2026-02-30" }),
      await actionLine("R4.2", { url: "javascript:alert(1)", title: "证据" }),
      await actionLine("R8.1", { version: (await action("R8.1")).version + 1, progress: 99 }), // changed since the export
      await actionLine("R4.1", { progress: 30 }),
      await actionLine("R4.1", { progress: 40 }), // the same item twice
    ];
    const { plan } = await upload(staffJxw, "问题.csv", utf8(csv(lines)));
    const problems = plan.rows.map((row) => row.problems.map((problem) => `${problem.field}:${problem.key}`));
    expect(problems).toEqual([
      ["code:unknownItem"],
      ["code:notYourItem"],
      ["status:statusInvalid"],
      ["progress:progressRange"],
      ["effectiveDate:dateInvalid"],
      ["evidenceUrl:urlScheme"],
      ["version:versionConflict"],
      ["row:duplicateItem"],
      ["row:duplicateItem"],
    ]);
    expect(plan.rows.map((row) => row.row)).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 10]);
    // Each problem says where it is, in which column, what the file has there and what is allowed.
    const texts = (locale: "zh-CN" | "en") =>
      plan.rows.flatMap((row) => row.problems.map((problem) => importProblemText(locale, row, problem)));
    expect(texts("zh-CN").slice(0, 4)).toEqual([
      "第 2 行 · 编号：文件中为“R9.9”。找不到这个事项：编号须为系统中未归档的建议条目或举措（模板中列有您可以更新的全部事项）",
      "第 3 行 · 编号：文件中为“R2.3”。该事项不由您的单位承办，不能更新",
      "第 4 行 · 状态：文件中为“快完成了”。无法识别的状态；可填：未启动、推进中、已完成、受阻、未采纳",
      "第 5 行 · 进度（%）：文件中为“120”。进度应在 0–100 之间",
    ]);
    expect(texts("en").slice(4, 6)).toEqual([
      "row 6 · Effective date: the file has “2026-02-30”. Unknown date: use 2025-06-30, 2025/6/30 or 2025年6月30日; empty means today",
      "row 7 · Evidence URL: the file has “javascript:alert(1)”. The address must start with http:// or https://.",
    ]);
    expect(texts("zh-CN")[7]).toBe("第 9 行 · 整行：同一事项出现在多行中，请只保留一行");
    expect(plan.counts).toEqual({ update: 0, unchanged: 0, problem: 9 });
    expect(await db.statusUpdate.count()).toBe(before);
  });

  it("applies the form's rules: a comment for a stalled item, no day before the latest update", async () => {
    const lines = [
      await actionLine("R2.2", { status: "受阻", comment: "" }),
      await actionLine("R3.1", { progress: 80, date: "2020-01-01" }),
    ];
    const { plan } = await upload(staffJxw, "规则.csv", utf8(csv(lines)));
    expect(plan.rows.map((row) => row.problems.map((problem) => `${problem.field}:${problem.key}`))).toEqual([
      ["comment:commentRequired"],
      ["effectiveDate:dateBeforeStart"],
    ]);
    // The day the rule compares with is the day allowed.
    const r31 = await action("R3.1");
    const start = r31.startDate ? toShanghaiDateString(r31.startDate) : "";
    expect(
      importProblemText(
        "zh-CN",
        plan.rows[1] ?? { sheet: null, row: 0 },
        plan.rows[1]?.problems[0] ?? { field: "row", key: "" },
      ),
    ).toBe(`第 3 行 · 生效日期：文件中为“2020-01-01”。生效日期不能早于该事项的开始日期 ${start}`);
  });
});

describe("applying", () => {
  it("records every row as an imported update, once: uploading the file again changes nothing", async () => {
    const lines = [
      await actionLine("R4.3", { progress: 85, comment: "导入：措施印发" }),
      await actionLine("R8.2", { progress: 75 }),
    ];
    const file = utf8(csv(lines));
    const { batchId, plan } = await upload(staffJxw, "第一批.csv", file);
    expect(plan.counts).toEqual({ update: 2, unchanged: 0, problem: 0 });
    expect(await applyImport(db, staffJxw, batchId, NOW)).toEqual({ kind: "applied", recorded: 2 });

    const updates = await db.statusUpdate.findMany({
      where: { importFileName: "第一批.csv", actionId: { not: null } },
    });
    expect(updates).toHaveLength(2);
    expect(updates.every((update) => update.source === "import" && update.authorId === staffJxw.id)).toBe(
      true,
    );
    expect(await action("R4.3")).toMatchObject({ progress: 85 });
    // The recommendation rolled up, as after the form.
    expect(
      await db.statusUpdate.count({ where: { rollUpOfId: { in: updates.map((update) => update.id) } } }),
    ).toBe(2);
    expect(await db.auditEvent.count({ where: { action: "import.apply", entityId: batchId } })).toBe(1);

    // Applying twice, or the same file again, records nothing more.
    expect(await applyImport(db, staffJxw, batchId, NOW)).toEqual({ kind: "alreadyApplied" });
    const again = await upload(staffJxw, "第一批.csv", file);
    expect(again.plan.counts).toEqual({ update: 0, unchanged: 2, problem: 0 });
    expect(await applyImport(db, staffJxw, again.batchId, NOW)).toEqual({ kind: "applied", recorded: 0 });
    expect(
      await db.statusUpdate.count({ where: { importFileName: "第一批.csv", actionId: { not: null } } }),
    ).toBe(2);
  });

  it("applies nothing while a row conflicts, and nothing when a row fails part-way", async () => {
    const r33 = await action("R3.3");
    const lines = [
      await actionLine("R3.3", { status: "推进中", progress: 90 }),
      await actionLine("R4.2", { progress: 56 }),
    ];
    const { batchId } = await upload(staffJxw, "冲突.csv", utf8(csv(lines)));
    // Someone changes R4.2 between the dry run and the apply.
    await db.action.update({
      where: { id: (await action("R4.2")).id },
      data: { version: { increment: 1 }, progress: 41 },
    });
    const blocked = await applyImport(db, staffJxw, batchId, NOW);
    expect(blocked.kind).toBe("problems");
    expect(await action("R3.3")).toMatchObject({
      status: r33.status,
      progress: r33.progress,
      version: r33.version,
    });

    // A database failure on the second row rolls back the first.
    const second = await upload(
      staffJxw,
      "失败.csv",
      utf8(
        csv([
          await actionLine("R3.3", { status: "推进中", progress: 91 }),
          await actionLine("R4.2", { progress: 57 }),
        ]),
      ),
    );
    let created = 0;
    const failing = extendedClient(
      db.$extends({
        query: {
          importBatch: {
            async updateMany({ args, query }) {
              // Marking the file applied: every item, history and audit row is written by then.
              if (++created === 1) throw new Error("injected failure");
              return query(args);
            },
          },
        },
      }),
      db,
    );
    await expect(applyImport(failing, staffJxw, second.batchId, NOW)).rejects.toThrow("injected failure");
    expect(await action("R3.3")).toMatchObject({
      status: r33.status,
      progress: r33.progress,
      version: r33.version,
    });
    expect(await db.statusUpdate.count({ where: { importFileName: "失败.csv" } })).toBe(0);
    expect(await db.importBatch.findUniqueOrThrow({ where: { id: second.batchId } })).toMatchObject({
      appliedAt: null,
    });
  });

  it("records each upload in the audit log, with the file's name, size and rows; a refusal records nothing", async () => {
    const bytes = utf8(
      csv([await actionLine("R4.3", { progress: 70 }), await actionLine("R8.2", { progress: 71 })]),
    );
    const { batchId } = await upload(staffKw, "上传记录.csv", bytes);
    const events = await db.auditEvent.findMany({ where: { action: "import.upload", entityId: batchId } });
    expect(events).toMatchObject([
      {
        actorId: staffKw.id,
        entityType: "ImportBatch",
        after: { fileName: "上传记录.csv", bytes: bytes.byteLength, rows: 2 },
      },
    ]);
    const before = await db.auditEvent.count();
    expect(await createImportBatch(db, official, { name: "x.csv", bytes })).toEqual({ kind: "forbidden" });
    expect((await createImportBatch(db, staffKw, { name: "x.csv", bytes: utf8("编号\r\n") })).kind).not.toBe(
      "created",
    );
    expect(await db.auditEvent.count()).toBe(before);
  });

  it("is for admins and staff: officials may not upload or apply", async () => {
    const file = utf8(csv([await actionLine("R2.3", { status: "推进中", progress: 66 })]));
    expect(await createImportBatch(db, official, { name: "x.csv", bytes: file })).toEqual({
      kind: "forbidden",
    });
    const { batchId, plan } = await upload(staffKw, "科委.csv", file);
    expect(plan.counts.update).toBe(1);
    expect(await applyImport(db, official, batchId, NOW)).toEqual({ kind: "forbidden" });
    // Someone else's batch is not found for them.
    expect(await applyImport(db, admin, batchId, NOW)).toEqual({ kind: "notFound" });
    expect(await applyImport(db, staffKw, batchId, NOW)).toEqual({ kind: "applied", recorded: 1 });
  });
});

describe("uploading an applied file again", () => {
  it("is nothing to apply: a roll-up the file holds from before its actions moved is shown, not refused", async () => {
    const r4 = await db.recommendation.findFirstOrThrow({
      where: { code: "R4", proposal: { code: PROPOSAL } },
    });
    const recommendationLine: Line = [
      PROPOSAL,
      null,
      "R4",
      zh.status[r4.status],
      r4.progress,
      "2026-11-28",
      null,
      null,
      null,
      r4.version,
    ];
    const file = utf8(
      csv([
        recommendationLine,
        await actionLine("R4.1", { progress: 50, comment: "重新上传" }),
        await actionLine("R4.3", { progress: 95 }),
      ]),
    );
    const first = await upload(staffJxw, "再次上传.csv", file);
    expect(first.plan.counts).toEqual({ update: 2, unchanged: 1, problem: 0 });
    expect(await applyImport(db, staffJxw, first.batchId, NOW)).toEqual({ kind: "applied", recorded: 2 });
    const rolledUp = await db.recommendation.findUniqueOrThrow({ where: { id: r4.id } });
    expect(rolledUp.progress).not.toBe(r4.progress);

    // The file still holds R4's roll-up as exported; its actions moved it since.
    const again = await upload(staffJxw, "再次上传.csv", file);
    expect(again.plan.counts).toEqual({ update: 0, unchanged: 3, problem: 0 });
    expect(again.plan.rows[0]).toMatchObject({
      outcome: "unchanged",
      problems: [],
      fileProgress: r4.progress,
      before: { progress: rolledUp.progress },
    });

    // Typed over the roll-up of an item as it is now, the column is refused: it is read-only.
    const typed = await upload(
      staffJxw,
      "改汇总.csv",
      utf8(
        csv([
          [PROPOSAL, null, "R4", zh.status[rolledUp.status], 12, null, null, null, null, rolledUp.version],
        ]),
      ),
    );
    expect(typed.plan.rows[0]?.problems).toMatchObject([{ field: "progress", key: "progressRolledUp" }]);
  });
});

describe("a recommendation's row left as exported", () => {
  it("records nothing, so its actions' days are checked against its stored updates, not today", async () => {
    const r6 = await db.recommendation.findFirstOrThrow({
      where: { code: "R6", proposal: { code: PROPOSAL } },
    });
    const r61 = await action("R6.1");
    const { plan } = await upload(
      staffJxw,
      "条目未改.csv",
      utf8(
        csv([
          // The template's row of R6, its date empty.
          [PROPOSAL, null, "R6", zh.status[r6.status], r6.progress, null, null, null, null, r6.version],
          await actionLine("R6.1", { comment: "补充说明", date: "2026-11-28", version: r61.version }),
        ]),
      ),
    );
    expect(plan.rows.map((row) => [row.outcome, row.problems.map((problem) => problem.key)])).toEqual([
      ["unchanged", []],
      ["update", []],
    ]);
  });
});
