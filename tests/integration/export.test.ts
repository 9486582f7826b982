import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { GET as exportJob } from "@/app/api/export/jobs/[id]/route";
import { GET as exportView } from "@/app/api/export/route";
import { generateApiToken } from "@/lib/api-tokens/token";
import { createAuth } from "@/lib/auth/config";
import { databaseUrl } from "@/lib/database-url";
import { shanghaiDate, toShanghaiDateString } from "@/lib/dates";
import { db } from "@/lib/db";
import { sqlReader } from "@/lib/db/client";
import { openDriverReader } from "@/lib/db/driver-reader";
import type { SqlReader } from "@/lib/db/sql";
import { claimExportSlot, EXPORT_LIMITS, trackExport } from "@/lib/export/jobs";
import { EXPORT_PARTS, exportQuery } from "@/lib/export/params";
import { exportBatches, openExportView } from "@/lib/export/rows";
import { startExport } from "@/lib/export/worker-process";
import { getTrackingPage, type TrackingRow } from "@/lib/tracking/queries";
import { parseTrackingParams } from "@/lib/tracking/search-params";
import en from "@/messages/en.json";
import zh from "@/messages/zh-CN.json";
import { SAMPLE_PASSWORD } from "../../prisma/sample-data";
import { seedSampleData } from "../../prisma/seed";
import {
  createAction,
  createPipeFillingRecommendation,
  createProposal,
  createRecommendation,
} from "./factories";
import { childProcessesRunning } from "./support/processes";

process.env.BETTER_AUTH_SECRET ??= "integration-test-secret-0123456789abcdef";
const auth = createAuth(db);

const INJECTIONS = ["=1+1", "@SUM(A1)", "-2+3", "+cmd|' /C calc'!A0"] as const;
let cookie: string;

beforeAll(async () => {
  await seedSampleData(db);
  const { headers } = await auth.api.signInEmail({
    body: { email: "official@tracker.example", password: SAMPLE_PASSWORD },
    headers: new Headers(),
    returnHeaders: true,
  });
  cookie = headers.get("set-cookie")?.split(";")[0] ?? "";

  // Text that a spreadsheet would run, stored where people type: titles, notes and comments.
  const proposal = await createProposal({ code: "INJ-1" });
  const recommendation = await createRecommendation(proposal.id, { code: "R1" });
  await db.recommendation.update({
    where: { id: recommendation.id },
    data: { titleZh: INJECTIONS[0], titleEn: INJECTIONS[1], dueDate: shanghaiDate("2030-12-31") },
  });
  const action = await createAction(recommendation.id, { code: "A1" });
  await db.action.update({ where: { id: action.id }, data: { titleZh: INJECTIONS[2] } });
  await db.evidence.create({
    data: {
      recommendationId: recommendation.id,
      url: "https://opendatalab.com",
      titleZh: INJECTIONS[3],
      note: "\t=HYPERLINK()",
      kind: "dataset",
    },
  });
  await db.statusUpdate.create({
    data: {
      actionId: action.id,
      statusBefore: "not_started",
      statusAfter: "in_progress",
      progressBefore: 0,
      progressAfter: 10,
      effectiveDate: shanghaiDate("2025-03-01"),
      comment: INJECTIONS[1],
    },
  });
});

/** Export workers started by this test process and still running. */
const workersOfThisProcess = () => childProcessesRunning("export-worker");

const get = (query: string, headers: Record<string, string> = { cookie }) =>
  exportView(new Request(`http://127.0.0.1/api/export?${query}`, { headers }));

// What a spreadsheet must show, written out here rather than taken from the export's own code.
const neutral = (text: string | null | undefined) =>
  text == null ? "" : /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
const day = (date: Date | string | null) => (date ? toShanghaiDateString(new Date(date)) : "");
const instant = (date: Date | string | null) =>
  date ? new Date(new Date(date).getTime() + 8 * 3600_000).toISOString().slice(0, 19).replace("T", " ") : "";

type Messages = typeof zh;
/** A table row of the view as the export's CSV must have it, from the database. */
async function expectedItemCells(rows: TrackingRow[], messages: Messages, action = false) {
  const select = {
    id: true,
    titleZh: true,
    titleEn: true,
    startDate: true,
    dueDate: true,
    updatedAt: true,
    version: true,
  };
  const where = { id: { in: rows.map((row) => row.id) } };
  type Stored = { id: string; titleZh: string; titleEn: string | null; startDate: Date | null } & {
    dueDate: Date | null;
    updatedAt: Date;
    version: number;
    recommendationId: string;
  };
  const stored: Stored[] = action
    ? await db.action.findMany({ where, select: { ...select, recommendationId: true } })
    : (await db.recommendation.findMany({ where, select })).map((rec) => ({
        ...rec,
        recommendationId: rec.id,
      }));
  const byId = new Map(stored.map((row) => [row.id, row]));
  // The handling cycle's stage and step days are the recommendation's (an action's: its own's).
  const cycles = new Map(
    (
      await db.recommendation.findMany({
        where: {
          id: {
            in: stored.map((item) => item.recommendationId),
          },
        },
        select: {
          id: true,
          stage: true,
          assignedAt: true,
          repliedAt: true,
          feedbackAt: true,
          closedAt: true,
          agencies: { where: { role: "lead" }, select: { acknowledgedAt: true } },
        },
      })
    ).map((rec) => [rec.id, rec]),
  );
  return rows.map((row) => {
    const item = byId.get(row.id);
    if (!item) throw new Error(`no item ${row.id}`);
    const cycle = cycles.get(item.recommendationId);
    if (!cycle) throw new Error(`no recommendation of ${row.id}`);
    const name = (value: { nameZh: string; nameEn: string | null } | null) =>
      value ? (messages === en && value.nameEn ? value.nameEn : value.nameZh) : "";
    return [
      row.proposalCode,
      ...(action ? [row.recommendationCode] : []),
      row.code,
      neutral(item.titleZh),
      neutral(item.titleEn),
      messages.status[row.status],
      String(row.progress),
      messages.health[row.health],
      name(row.theme),
      name(row.leadAgency),
      row.replyClass ? messages.replyClass[row.replyClass] : "",
      messages.cycle.stage[cycle.stage],
      day(cycle.assignedAt),
      day(cycle.agencies[0]?.acknowledgedAt ?? null),
      day(cycle.repliedAt),
      day(cycle.feedbackAt),
      day(cycle.closedAt),
      // 面商: consulted before the reply, for replied items.
      row.consulted === null ? "" : messages.contacts.table[row.consulted ? "yes" : "no"],
      // 督办: the warning level on the view's day and the priority mark.
      row.warning ? messages.supervision.level[row.warning] : "",
      row.priority ? messages.supervision.column.yes : "",
      day(item.startDate),
      day(item.dueDate),
      instant(item.updatedAt),
      String(item.version),
    ];
  });
}

const view = (query: Record<string, string>) =>
  getTrackingPage(db, parseTrackingParams({ perPage: "100", ...query }));

describe("GET /api/export as CSV", () => {
  it("writes the view's rows in its order, UTF-8 with a BOM, CRLF, a header in the user's language", async () => {
    const response = await get("format=csv&sort=progress&dir=desc&locale=zh-CN");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    const disposition = response.headers.get("content-disposition") ?? "";
    const today = toShanghaiDateString(new Date());
    expect(disposition).toContain(`filename="proposal-tracker-recommendations-${today}.csv"`);
    expect(disposition).toContain(
      `filename*=UTF-8''${encodeURIComponent(`建议落实追踪-建议条目-${today}.csv`)}`,
    );
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes);
    expect(text).toContain("\r\n");
    expect(text.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);

    const [header, ...cells] = parse(text, { bom: true, relax_column_count: false }) as string[][];
    expect(header).toEqual([
      "建议编号",
      "编号",
      "名称（中文）",
      "名称（英文）",
      "状态",
      "进度（%）",
      "健康度",
      "主题",
      "主办单位",
      "答复分类",
      "办理环节",
      "交办日期",
      "签收日期",
      "答复日期",
      "评价日期",
      "办结日期",
      "答复前沟通",
      "三色预警",
      "重点督办",
      "开始日期",
      "完成时限",
      "最近修改",
      "版本",
    ]);
    const page = await view({ sort: "progress", dir: "desc" });
    expect(response.headers.get("x-export-items")).toBe(String(page.total));
    expect(cells).toEqual(await expectedItemCells(page.rows, zh));
    // Chinese text survives.
    expect(cells.some((row) => row[2]?.includes("大模型"))).toBe(true);
  });

  it("neutralises formulas in every part, keeping the text readable", async () => {
    const items = parse(await (await get("format=csv&proposal=INJ-1")).text(), { bom: true }) as string[][];
    expect(items[1]?.slice(2, 4)).toEqual(["'=1+1", "'@SUM(A1)"]);
    const actions = parse(await (await get("format=csv&proposal=INJ-1&kind=action")).text(), {
      bom: true,
    }) as string[][];
    expect(actions[1]?.[3]).toBe("'-2+3");
    const evidence = parse(await (await get("format=csv&proposal=INJ-1&part=evidence")).text(), {
      bom: true,
    }) as string[][];
    expect(evidence[1]?.[3]).toBe("'+cmd|' /C calc'!A0");
    expect(evidence[1]?.[9]).toBe("'\t=HYPERLINK()");
    const history = parse(await (await get("format=csv&proposal=INJ-1&part=history")).text(), {
      bom: true,
    }) as string[][];
    expect(history.slice(1).map((row) => row[8])).toContain("'@SUM(A1)");
  });

  it("writes the actions view, in English, and only the selected rows when asked", async () => {
    const page = await view({ kind: "action", sort: "dueDate" });
    const cells = parse(await (await get("format=csv&kind=action&sort=dueDate&locale=en")).text(), {
      bom: true,
    }) as string[][];
    expect(cells[0]?.slice(0, 4)).toEqual(["Proposal", "Recommendation", "Code", "Title (Chinese)"]);
    expect(cells.slice(1)).toEqual(await expectedItemCells(page.rows, en, true));

    const chosen = [page.rows[3], page.rows[0]].map((row) => row?.id ?? "");
    const response = await get(`format=csv&kind=action&sort=dueDate&ids=${chosen.join(",")}`);
    expect(response.headers.get("content-disposition")).toContain("-selected-");
    const selected = parse(await response.text(), { bom: true }) as string[][];
    // In the view's order, not the order of the list.
    expect(selected.slice(1)).toEqual(
      await expectedItemCells([page.rows[0], page.rows[3]] as TrackingRow[], zh, true),
    );
  });

  it("writes the state as of a past day, as the table shows it", async () => {
    const page = await view({ asOf: "2025-06-30" });
    const response = await get("format=csv&asOf=2025-06-30");
    expect(response.headers.get("content-disposition")).toContain("recommendations-2025-06-30.csv");
    const cells = parse(await response.text(), { bom: true }) as string[][];
    expect(cells.slice(1).map((row) => [row[1], row[4], row[5], row[6]])).toEqual(
      page.rows.map((row) => [row.code, zh.status[row.status], String(row.progress), zh.health[row.health]]),
    );
  });
});

describe("GET /api/export as a workbook", () => {
  it("holds typed sheets for the items, actions, evidence and history, every cell from the database", async () => {
    const response = await get("format=xlsx&sort=code&locale=zh-CN");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe(
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    );
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await response.arrayBuffer());
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual([
      "导出说明",
      "建议条目",
      "举措",
      "佐证材料",
      "进展更新",
    ]);

    // Items: the same cells as the CSV, with numbers, percentages and dates as such.
    const items = workbook.getWorksheet("建议条目");
    if (!items) throw new Error("no items sheet");
    const page = await view({ sort: "code" });
    const expected = await expectedItemCells(page.rows, zh);
    expect(items.rowCount).toBe(page.rows.length + 1);
    const header = items.getRow(1);
    expect(header.font?.bold ?? header.getCell(1).font?.bold).toBe(true);
    expect(header.getCell(1).fill).toMatchObject({ type: "pattern", pattern: "solid" });
    expect(items.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    expect(items.autoFilter).toBeTruthy();
    expect(items.getColumn(3).width).toBeGreaterThan(20);
    page.rows.forEach((row, index) => {
      const cells = items.getRow(index + 2);
      const want = expected[index] ?? [];
      const texts = [1, 2, 3, 4, 5, 7, 8, 9, 10].map((column) => String(cells.getCell(column).value ?? ""));
      expect(texts).toEqual([0, 1, 2, 3, 4, 6, 7, 8, 9].map((column) => want[column]));
      const progress = cells.getCell(6);
      expect(progress.numFmt).toBe("0%");
      expect(Math.round(Number(progress.value) * 100)).toBe(row.progress);
      expect(String(cells.getCell(11).value)).toBe(want[10]);
      // 面商, 督办's warning level and priority mark, as text.
      expect([17, 18, 19].map((column) => String(cells.getCell(column).value ?? ""))).toEqual([
        want[16],
        want[17],
        want[18],
      ]);
      for (const [column, text] of [
        [12, want[11]],
        [13, want[12]],
        [14, want[13]],
        [15, want[14]],
        [16, want[15]],
        [20, want[19]],
        [21, want[20]],
      ] as const) {
        const value = cells.getCell(column).value;
        if (text) {
          expect(value).toBeInstanceOf(Date);
          expect((value as Date).toISOString().slice(0, 10)).toBe(text);
          expect(cells.getCell(column).numFmt).toBe("yyyy-mm-dd");
        } else expect(value).toBeNull();
      }
      const updated = cells.getCell(22).value as Date;
      expect(updated.toISOString().slice(0, 19).replace("T", " ")).toBe(want[21]);
    });
    expect(
      items.getRow(page.rows.findIndex((row) => row.proposalCode === "INJ-1") + 2).getCell(3).value,
    ).toBe("'=1+1");

    // Actions, evidence and history: every row of the database, cell by cell (in any order here).
    const sheetRows = (name: string) => {
      const sheet = workbook.getWorksheet(name);
      if (!sheet) throw new Error(`no sheet ${name}`);
      const rows: string[][] = [];
      sheet.eachRow((row, number) => {
        if (number === 1) return;
        const values: string[] = [];
        for (let column = 1; column <= sheet.columnCount; column++) {
          const value = row.getCell(column).value;
          values.push(
            value instanceof Date
              ? value.toISOString().slice(0, 19).replace("T", " ").replace(" 00:00:00", "")
              : String(value ?? ""),
          );
        }
        rows.push(values);
      });
      return rows.sort();
    };
    const codesOf = async (recommendationId: string | null, actionId: string | null) => {
      const action = actionId ? await db.action.findUniqueOrThrow({ where: { id: actionId } }) : null;
      const recommendation = await db.recommendation.findUniqueOrThrow({
        where: { id: recommendationId ?? action?.recommendationId ?? "" },
        include: { proposal: true },
      });
      return [recommendation.proposal.code, recommendation.code, action?.code ?? ""];
    };

    const evidence = await db.evidence.findMany({
      where: { withdrawnAt: null },
      include: { files: { where: { removedAt: null }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] } },
    });
    const expectedEvidence = await Promise.all(
      evidence.map(async (row) => [
        ...(await codesOf(row.recommendationId, row.actionId)),
        neutral(row.titleZh),
        neutral(row.titleEn),
        zh.evidenceKind[row.kind],
        neutral(row.url),
        neutral(row.publisher),
        day(row.publishedAt),
        neutral(row.note),
        row.isInternal ? zh.evidenceForm.internalBadge : "",
        day(row.verifiedAt),
        instant(row.createdAt),
        neutral(row.files.map((file) => file.name).join("\n")),
      ]),
    );
    expect(sheetRows("佐证材料")).toEqual(expectedEvidence.sort());

    const updates = await db.statusUpdate.findMany({ include: { author: true } });
    const percent = (value: number | null) => (value === null ? "" : String(value / 100));
    const expectedHistory = await Promise.all(
      updates.map(async (row) => [
        ...(await codesOf(row.recommendationId, row.actionId)),
        day(row.effectiveDate),
        row.statusBefore ? zh.status[row.statusBefore] : "",
        zh.status[row.statusAfter],
        percent(row.progressBefore),
        percent(row.progressAfter),
        neutral(row.comment),
        zh.updateSource[row.source],
        neutral(row.author?.name),
        instant(row.createdAt),
      ]),
    );
    expect(sheetRows("进展更新")).toEqual(expectedHistory.sort());
    expect(sheetRows("进展更新").some((row) => row[8] === "'@SUM(A1)")).toBe(true);

    const actions = await db.action.findMany({
      include: { recommendation: { include: { proposal: true } } },
    });
    expect(sheetRows("举措").map((row) => row.slice(0, 4))).toEqual(
      actions
        .map((row) => [
          row.recommendation.proposal.code,
          row.recommendation.code,
          row.code,
          neutral(row.titleZh),
        ])
        .sort(),
    );
  });

  it("holds only the actions' sheets for a view of actions, headers in English", async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await (await get("format=xlsx&kind=action&locale=en")).arrayBuffer());
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual([
      "About this export",
      "Actions",
      "Evidence",
      "Status updates",
    ]);
    expect(workbook.getWorksheet("Actions")?.getRow(1).getCell(2).value).toBe("Recommendation");
  });

  /** The first sheet's lines, label → value. */
  async function aboutSheet(query: string) {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await (await get(query)).arrayBuffer());
    const sheet = workbook.worksheets[0];
    if (!sheet) throw new Error("no sheet");
    const lines = new Map<string, string>();
    sheet.eachRow((row) => lines.set(String(row.getCell(1).value), String(row.getCell(2).value)));
    return { name: sheet.name, lines };
  }

  it("opens on a sheet that says who exported which view of which day", async () => {
    const agency = await db.agency.findFirstOrThrow({ where: { code: "SHEITC" } });
    const query = new URLSearchParams({
      format: "xlsx",
      kind: "action",
      status: "in_progress,stalled",
      agency: agency.id,
      q: "算力",
      asOf: "2025-06-30",
      sort: "progress",
      dir: "desc",
      locale: "zh-CN",
    });
    const before = Date.now();
    const { name, lines } = await aboutSheet(query.toString());
    const page = await view(Object.fromEntries(query));
    expect(name).toBe("导出说明");
    const official = await db.user.findUniqueOrThrow({
      where: { email: "official@tracker.example" },
      include: { agency: true },
    });
    expect(lines.get("导出人")).toBe(
      official.agency ? `${official.name} · ${official.agency.nameZh}` : official.name,
    );
    const exportedAt = lines.get("导出时间") ?? "";
    expect(exportedAt).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} （北京时间）$/);
    const shanghaiNow = new Date(before + 8 * 3600_000).toISOString().slice(0, 16).replace("T", " ");
    expect(exportedAt.slice(0, 10)).toBe(shanghaiNow.slice(0, 10));
    expect(lines.get("数据日期")).toBe("2025-06-30 （按历史记录还原的当日状态）");
    expect(lines.get("事项类型")).toBe("举措");
    expect(lines.get("筛选：状态")).toBe(`${zh.status.in_progress}、${zh.status.stalled}`);
    expect(lines.get("筛选：承办单位（主办或协办）")).toBe(agency.nameZh);
    expect(lines.get("筛选：搜索")).toBe("“算力”");
    expect(lines.has("筛选条件")).toBe(false);
    expect(lines.get("排序")).toBe("进度 降序");
    expect(lines.get("事项数")).toBe(String(page.total));
    expect(lines.get("包含的表")).toBe("举措、佐证材料、进展更新");
    expect(lines.has("仅含勾选的行（行数）")).toBe(false);
    // The history chains' heads as the export was read (lib/history-chain).
    expect(lines.get("历史记录校验链")).toMatch(
      /^进展更新 #\d+ [0-9a-f]{12}（.+ 北京时间）；操作日志 #\d+ [0-9a-f]{12}/,
    );
  });

  it("says when nothing is filtered, and how many rows were ticked, in English too", async () => {
    const { rows } = await view({ sort: "code" });
    const ids = rows.slice(0, 3).map((row) => row.id);
    const { name, lines } = await aboutSheet(`format=xlsx&locale=en&ids=${ids.join(",")}`);
    expect(name).toBe("About this export");
    expect(lines.get("Filters")).toBe("None (all items)");
    expect(lines.get("Only the ticked rows (count)")).toBe("3");
    expect(lines.get("Items")).toBe("3");
    expect(lines.get("State as of")).toBe(`${toShanghaiDateString(new Date())} (current state)`);
    expect(lines.get("Sort")).toBe("Code ascending");
    expect(lines.get("Tables")).toBe("Recommendations, Actions, Evidence, Status updates");
  });
});

describe("GET /api/export as JSON", () => {
  it("answers the same rows with raw values", async () => {
    const response = await get("format=json&kind=action&status=in_progress,stalled&sort=progress");
    expect(response.headers.get("content-type")).toBe("application/json; charset=utf-8");
    const { view: about, rows } = (await response.json()) as {
      view: Record<string, unknown>;
      rows: Record<string, unknown>[];
    };
    const page = await view({ kind: "action", status: "in_progress,stalled", sort: "progress" });
    const official = await db.user.findUniqueOrThrow({
      where: { email: "official@tracker.example" },
      include: { agency: true },
    });
    // What the rows are, in raw values as the API takes them.
    expect(about).toMatchObject({
      exportedBy: {
        name: official.name,
        agency: official.agency ? { nameZh: official.agency.nameZh, nameEn: official.agency.nameEn } : null,
      },
      asOf: null,
      day: toShanghaiDateString(new Date()),
      kind: "action",
      filters: { status: ["in_progress", "stalled"] },
      sort: { column: "progress", dir: "asc" },
      selected: null,
      part: "items",
      items: page.total,
    });
    expect(Math.abs(Date.parse(String(about.exportedAt)) - Date.now())).toBeLessThan(60_000);
    expect(about.historyChain).toEqual([
      expect.objectContaining({ table: "StatusUpdate", shortHash: expect.stringMatching(/^[0-9a-f]{12}$/) }),
      expect.objectContaining({ table: "AuditEvent" }),
    ]);
    expect(rows.map((row) => [row.code, row.status, row.progress, row.health, row.dueDate])).toEqual(
      page.rows.map((row) => [row.code, row.status, row.progress, row.health, day(row.dueDate) || null]),
    );
    expect(rows[0]?.path).toMatch(/^\/proposals\//);
  });

  it("answers an empty view with no rows", async () => {
    const body = (await (await get("format=json&q=没有这样的文字")).json()) as {
      view: { filters: unknown; items: number };
      rows: unknown[];
    };
    expect(body.rows).toEqual([]);
    expect(body.view).toMatchObject({ filters: { q: "没有这样的文字" }, items: 0 });
  });
});

describe("exportBatches", () => {
  it("gives the same rows in the same order whatever the batch size, through Prisma or the plain driver", async () => {
    // The app's client, and the driver the export worker reads with: the same SQL must mean the same.
    const prisma = sqlReader(db);
    const driver = await openDriverReader(databaseUrl());
    try {
      for (const kind of ["recommendation", "action"] as const) {
        const query = exportQuery.parse({ format: "xlsx", kind, sort: "progress", dir: "desc" });
        const view = await openExportView(prisma, query, shanghaiDate(toShanghaiDateString(new Date())));
        expect((await openExportView(driver, query, view.scope.day)).ids).toEqual(view.ids);
        for (const part of EXPORT_PARTS) {
          if (kind === "action" && part === "actions") continue;
          const collect = async (reader: SqlReader, size?: number) => {
            const rows: unknown[] = [];
            for await (const batch of exportBatches(reader, view, part, size)) rows.push(...batch);
            return rows;
          };
          const whole = await collect(prisma);
          expect(whole.length, `${kind} ${part}`).toBeGreaterThan(0);
          expect(await collect(prisma, 2), `${kind} ${part}`).toEqual(whole);
          expect(await collect(driver), `${kind} ${part}`).toEqual(whole);
        }
      }
    } finally {
      await driver.close();
    }
  });
});

describe("the export worker", () => {
  const job = (values: Record<string, string>) => ({
    values,
    locale: "zh-CN" as const,
    today: new Date().toISOString(),
    author: { kind: "token" as const, tokenName: "test" },
    exportedAt: new Date().toISOString(),
  });

  it("says how many rows it wrote, and how much memory it took", async () => {
    const running = await startExport(job({ format: "csv", part: "evidence" }));
    const text = await new Response(running.body).text();
    const { rows, maxRssMb } = await running.finished;
    expect(rows).toBe((parse(text, { bom: true }) as string[][]).length - 1);
    expect(rows).toBeGreaterThan(0);
    expect(maxRssMb).toBeGreaterThan(0);
  });

  it("fails before the first byte when it cannot read the database", async () => {
    await expect(
      startExport(job({ format: "csv" }), { url: "file:./data/no-such-database.db" }),
    ).rejects.toThrow();
  });

  it("fails the download, rather than ending it, when it dies halfway", async () => {
    // More text than the pipe holds (64 KB), so that the worker is still writing when it is stopped.
    await createPipeFillingRecommendation();
    const running = await startExport(job({ format: "csv", part: "evidence", proposal: "LONG-1" }));
    const reader = running.body.getReader();
    expect((await reader.read()).done).toBe(false);
    process.kill(running.pid, "SIGKILL");
    const drain = async () => {
      for (;;) if ((await reader.read()).done) return;
    };
    await expect(drain()).rejects.toThrow(/SIGKILL/);
    await expect(running.finished).rejects.toThrow();
  });

  it("stops when the request is gone, before or after its first byte", async () => {
    const early = new AbortController();
    const starting = startExport(job({ format: "xlsx" }), { signal: early.signal });
    early.abort();
    await expect(starting).rejects.toThrow();

    const late = new AbortController();
    const running = await startExport(job({ format: "xlsx" }), { signal: late.signal });
    late.abort();
    await expect(running.finished).rejects.toThrow();
    expect(running.cancelled()).toBe(true);
    await expect.poll(() => workersOfThisProcess()).toEqual([]);
  });

  it("leaves no worker behind when the browser goes away before the answer", async () => {
    const controller = new AbortController();
    const answering = exportView(
      // More than the pipe holds (the evidence made above): a worker left alone would wait for ever.
      new Request("http://127.0.0.1/api/export?format=csv&part=evidence&proposal=LONG-1", {
        headers: { cookie },
        signal: controller.signal,
      }),
    );
    setTimeout(() => controller.abort(), 50);
    // Nobody reads the answer, whatever it is: the browser is gone.
    await answering;
    await expect.poll(() => workersOfThisProcess(), { timeout: 5000 }).toEqual([]);
  });
});

describe("an export's record and progress", () => {
  const job = (values: Record<string, string>) => ({
    values,
    locale: "zh-CN" as const,
    today: new Date().toISOString(),
    author: { kind: "token" as const, tokenName: "test" },
    exportedAt: new Date().toISOString(),
  });
  const readJob = (id: string, headers: Record<string, string> = { cookie }) =>
    exportJob(new Request(`http://127.0.0.1/api/export/jobs/${id}`, { headers }), {
      params: Promise.resolve({ id }),
    });
  /** Polls until `check` holds, for at most five seconds. */
  async function eventually<T>(read: () => Promise<T>, check: (value: T) => boolean): Promise<T> {
    const deadline = Date.now() + 5000;
    for (;;) {
      const value = await read();
      if (check(value) || Date.now() > deadline) return value;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  it("is kept for its owner, and reaches done with every row and batch", async () => {
    const response = await get("format=csv&part=history");
    const rows = (parse(await response.text(), { bom: true }) as string[][]).length - 1;
    const id = response.headers.get("x-export-job") ?? "";
    expect(id).not.toBe("");
    const record = await eventually(
      async () => (await readJob(id)).json() as Promise<Record<string, unknown>>,
      (value) => value.state === "done",
    );
    expect(record).toMatchObject({ id, state: "done", format: "csv", rows });
    expect(record.batchesDone).toBe(record.batches);
    const stored = await db.exportJob.findUniqueOrThrow({ where: { id }, include: { user: true } });
    expect(stored.user.email).toBe("official@tracker.example");
    expect(stored.query).toBe("format=csv&part=history");
    expect(stored.finishedAt).not.toBeNull();

    // Nobody else's, and nobody's without signing in.
    const { headers } = await auth.api.signInEmail({
      body: { email: "staff.jxw@tracker.example", password: SAMPLE_PASSWORD },
      headers: new Headers(),
      returnHeaders: true,
    });
    const staff = headers.get("set-cookie")?.split(";")[0] ?? "";
    expect((await readJob(id, { cookie: staff })).status).toBe(404);
    expect((await readJob(id, {})).status).toBe(401);
  });

  it("shows the batches written while the export is under way", async () => {
    // Three batches or more of items, each far more text than the pipes hold: once the reader stops,
    // the worker waits partway.
    const proposal = await createProposal({ code: "MANY-1" });
    const count = 2100;
    await db.recommendation.createMany({
      data: Array.from({ length: count }, (_, i) => ({
        proposalId: proposal.id,
        code: `R${i + 1}`,
        titleZh: "测试条目",
        descriptionZh: "测试说明",
        sourceQuote: "测试原文",
      })),
    });
    const recommendations = await db.recommendation.findMany({ where: { proposalId: proposal.id } });
    await db.evidence.createMany({
      data: recommendations.map((recommendation, i) => ({
        recommendationId: recommendation.id,
        url: `https://example.org/${i}`,
        titleZh: `材料 ${i}`,
        note: "长".repeat(2000),
      })),
    });
    const official = await db.user.findUniqueOrThrow({ where: { email: "official@tracker.example" } });
    const running = await startExport(job({ format: "csv", part: "evidence", proposal: "MANY-1" }));
    expect(running.batches).toBeGreaterThan(1);
    const caller = {
      kind: "session",
      userId: official.id,
      name: official.name,
      role: official.role,
    } as const;
    const { slot } = await claimExportSlot(db, caller);
    if (!slot) throw new Error("no export slot");
    const id = await trackExport(db, running, {
      caller,
      format: "csv",
      query: "format=csv&part=evidence&proposal=MANY-1",
      slot,
    });

    // Read until the worker says a batch is written, then stop reading.
    const reader = running.body.getReader();
    const head: Uint8Array[] = [];
    while (running.progress().batchesDone === 0) {
      const chunk = await reader.read();
      if (chunk.done) break;
      head.push(chunk.value);
    }
    const partway = await eventually(
      () => db.exportJob.findUniqueOrThrow({ where: { id } }),
      (record) => record.batchesDone > 0,
    );
    expect(partway).toMatchObject({ state: "running", items: count, batches: running.batches });
    expect(partway.batchesDone).toBeGreaterThan(0);
    expect(partway.batchesDone).toBeLessThan(running.batches);
    expect(partway.rows).toBeGreaterThan(0);

    const rest: Uint8Array[] = [];
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) rest.push(chunk.value);
    const text = Buffer.concat([...head, ...rest]).toString("utf8");
    expect((parse(text, { bom: true }) as string[][]).length - 1).toBe(count);
    const done = await eventually(
      () => db.exportJob.findUniqueOrThrow({ where: { id } }),
      (record) => record.state === "done",
    );
    expect(done).toMatchObject({ state: "done", rows: count, batchesDone: running.batches });
  });

  it("refuses a fourth export of one person's at once, with a 429 in their language", async () => {
    const official = await db.user.findUniqueOrThrow({ where: { email: "official@tracker.example" } });
    const caller = {
      kind: "session",
      userId: official.id,
      name: official.name,
      role: official.role,
    } as const;
    const held = await Promise.all(
      Array.from({ length: EXPORT_LIMITS.perOwner }, () => claimExportSlot(db, caller)),
    );
    const refused = await get("format=csv&locale=en");
    expect(refused.status).toBe(429);
    expect(refused.headers.get("content-disposition")).toBeNull();
    expect(refused.headers.get("retry-after")).toBe("30");
    expect(await refused.json()).toMatchObject({
      error: {
        code: "too_many_requests",
        message: expect.stringContaining("You already have 3 exports running"),
      },
    });

    // Slots of another host's process not renewed for minutes lost their process: they no longer count.
    // (Moved to another host: on this one, a slot's process is seen to be alive or not.)
    await db.jobSlot.updateMany({
      where: { id: { in: held.map((claim) => claim.slot?.id ?? "") } },
      data: { heartbeatAt: new Date(Date.now() - 10 * 60_000), host: "elsewhere" },
    });
    const allowed = await get("format=csv");
    expect(allowed.status).toBe(200);
    await allowed.text();
    for (const claim of held) await claim.slot?.release();
  });

  it("is not an API token's to read when its owner exported in the browser, nor the other way", async () => {
    const admin = await db.user.findUniqueOrThrow({ where: { email: "admin@tracker.example" } });
    const made = generateApiToken();
    await db.apiToken.create({
      data: { name: "进度", prefix: made.prefix, tokenHash: made.tokenHash, createdById: admin.id },
    });
    const byToken = await get("format=json", { authorization: `Bearer ${made.token}` });
    const tokenJob = byToken.headers.get("x-export-job") ?? "";
    await byToken.text();
    const { headers } = await auth.api.signInEmail({
      body: { email: "admin@tracker.example", password: SAMPLE_PASSWORD },
      headers: new Headers(),
      returnHeaders: true,
    });
    const adminCookie = headers.get("set-cookie")?.split(";")[0] ?? "";
    const bySession = await get("format=json", { cookie: adminCookie });
    const sessionJob = bySession.headers.get("x-export-job") ?? "";
    await bySession.text();

    expect((await readJob(tokenJob, { authorization: `Bearer ${made.token}` })).status).toBe(200);
    expect((await readJob(tokenJob, { cookie: adminCookie })).status).toBe(404);
    expect((await readJob(sessionJob, { cookie: adminCookie })).status).toBe(200);
    expect((await readJob(sessionJob, { authorization: `Bearer ${made.token}` })).status).toBe(404);
  });

  it("says cancelled when the download stops", async () => {
    const response = await get("format=xlsx");
    const id = response.headers.get("x-export-job") ?? "";
    await response.body?.cancel();
    const record = await eventually(
      () => db.exportJob.findUniqueOrThrow({ where: { id } }),
      (value) => value.state !== "running",
    );
    expect(record.state).toBe("cancelled");
    expect(record.finishedAt).not.toBeNull();
  });
});

describe("GET /api/export as of a past day", () => {
  it("holds the evidence and history that existed by the end of that day", async () => {
    const asOf = "2025-06-30";
    const end = new Date(shanghaiDate(asOf).getTime() + 86_400_000);
    const history = parse(await (await get(`format=csv&part=history&asOf=${asOf}`)).text(), {
      bom: true,
    }) as string[][];
    const updates = await db.statusUpdate.count({ where: { effectiveDate: { lt: end } } });
    expect(updates).toBeGreaterThan(0);
    expect(updates).toBeLessThan(await db.statusUpdate.count());
    expect(history.length - 1).toBe(updates);
    expect(history.slice(1).every((row) => (row[3] ?? "") <= asOf)).toBe(true);

    const evidence = parse(await (await get(`format=csv&part=evidence&asOf=${asOf}`)).text(), {
      bom: true,
    }) as string[][];
    const existing = await db.evidence.count({
      where: { createdAt: { lt: end }, OR: [{ withdrawnAt: null }, { withdrawnAt: { gte: end } }] },
    });
    expect(evidence.length - 1).toBe(existing);
  });
});

describe("GET /api/export refuses", () => {
  it("bad parameters with a 400 naming each, and no file", async () => {
    const response = await get("format=pdf&status=done&asOf=2999-01-01&colour=red&locale=en");
    expect(response.status).toBe(400);
    expect(response.headers.get("content-type")).toMatch(/^application\/json/);
    expect(response.headers.get("content-disposition")).toBeNull();
    const body = (await response.json()) as { error: { issues: { parameter: string; message: string }[] } };
    const issues = Object.fromEntries(body.error.issues.map((issue) => [issue.parameter, issue.message]));
    expect(Object.keys(issues).sort()).toEqual(["asOf", "colour", "format", "status"]);
    expect(issues.format).toBe("Must be one of: csv, xlsx, json.");

    const missing = await get("");
    expect(missing.status).toBe(400);
    const twoParts = await get("format=csv&part=evidence,history");
    expect(twoParts.status).toBe(400);
    expect(JSON.stringify(await twoParts.json())).toContain("CSV 和 JSON 每次只能导出一个部分");
    expect((await get("format=xlsx&kind=action&part=actions")).status).toBe(400);
    const tooMany = Array.from({ length: 501 }, (_, index) => `id${index}`).join(",");
    expect((await get(`format=csv&ids=${tooMany}`)).status).toBe(400);
  });

  it("an API token made by an admin may export too", async () => {
    const admin = await db.user.findUniqueOrThrow({ where: { email: "admin@tracker.example" } });
    const made = generateApiToken();
    await db.apiToken.create({
      data: { name: "报表系统", prefix: made.prefix, tokenHash: made.tokenHash, createdById: admin.id },
    });
    const response = await get("format=json", { authorization: `Bearer ${made.token}` });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { view: { exportedBy: unknown }; rows: unknown[] };
    expect(body.rows.length).toBe((await view({})).total);
    expect(body.view.exportedBy).toEqual({ token: "报表系统" });
  });

  it("signed-out visitors with a 401", async () => {
    const response = await get("format=csv", {});
    expect(response.status).toBe(401);
    expect(response.headers.get("content-disposition")).toBeNull();
  });
});
