// The import's template (GET /api/import/template): exactly the items the user may update, in both
// formats, for staff and admins; uploaded back untouched it is nothing to apply and no problem; the
// workbook carries the columns to fill in, a status drop-down, the progress rule, a frozen header and
// its read-only columns greyed and locked.
import ExcelJS from "exceljs";
import { NextRequest } from "next/server";
import { beforeAll, describe, expect, it } from "vitest";
import { GET as template } from "@/app/api/import/template/route";
import { type Actor, canEditAction, canEditRecommendation } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { createImportBatch, getImportBatch } from "@/lib/import/batch";
import { getTemplateRows } from "@/lib/import/template";
import zh from "@/messages/zh-CN.json";
import { seedSampleData } from "../../prisma/seed";
import { KNOWN_BAD_INPUTS, NAUGHTY_STRINGS } from "./support/naughty-strings";
import { sessionCookie } from "./support/session";

const HEADER = [
  "建议编号",
  "建议条目编号",
  "编号",
  "名称",
  "状态",
  "进度（%）",
  "生效日期",
  "情况说明",
  "材料网址",
  "材料标题",
  "版本",
];

const users = {
  staff: "staff.jxw@tracker.example",
  otherStaff: "staff.kw@tracker.example",
  admin: "admin@tracker.example",
  official: "official@tracker.example",
} as const;
type Who = keyof typeof users;
const cookies = {} as Record<Who, string>;
const actors = {} as Record<Who, Actor>;

beforeAll(async () => {
  await seedSampleData(db);
  for (const [who, email] of Object.entries(users) as [Who, string][]) {
    cookies[who] = await sessionCookie(email);
    actors[who] = await db.user.findUniqueOrThrow({
      where: { email },
      select: { id: true, role: true, agencyId: true },
    });
  }
}, 60_000);

const get = (who: Who, query: string) =>
  template(
    new NextRequest(`http://127.0.0.1/api/import/template?${query}`, { headers: { cookie: cookies[who] } }),
  );

/** "LLM-2024 R4" for a recommendation, "LLM-2024 R4 R4.1" for an action, as the rows hold them. */
const key = (line: unknown[]) => line.filter((cell) => cell !== null && cell !== "").join(" ");

/** What this user may update, read from the database and the rules, independently of the template. */
async function updatable(actor: Actor): Promise<string[]> {
  const recommendations = await db.recommendation.findMany({
    where: { archivedAt: null },
    select: {
      code: true,
      proposal: { select: { code: true } },
      agencies: { select: { agencyId: true, role: true } },
      actions: { select: { code: true, agencies: { select: { agencyId: true, role: true } } } },
    },
  });
  return recommendations
    .flatMap((rec) => [
      ...(canEditRecommendation(actor, rec.agencies) ? [`${rec.proposal.code} ${rec.code}`] : []),
      ...rec.actions
        .filter((action) => canEditAction(actor, action.agencies, rec.agencies))
        .map((action) => `${rec.proposal.code} ${rec.code} ${action.code}`),
    ])
    .sort();
}

async function workbookOf(who: Who, locale = "zh-CN") {
  const response = await get(who, `format=xlsx&locale=${locale}`);
  expect(response.status).toBe(200);
  const bytes = new Uint8Array(await response.arrayBuffer());
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes.buffer as ArrayBuffer);
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new Error("no sheet");
  return { bytes, sheet };
}

const sheetLines = (sheet: ExcelJS.Worksheet) => {
  const lines: unknown[][] = [];
  sheet.eachRow((row, number) => {
    if (number > 1)
      lines.push(Array.from({ length: HEADER.length }, (_, index) => row.getCell(index + 1).value ?? null));
  });
  return lines;
};

async function csvLines(who: Who) {
  const response = await get(who, "format=csv&locale=zh-CN");
  expect(response.status).toBe(200);
  const text = await response.text();
  const { parse } = await import("csv-parse/sync");
  const records = parse(text.replace(/^\ufeff/, ""), { relax_column_count: false }) as string[][];
  return { bytes: new TextEncoder().encode(text), header: records[0], lines: records.slice(1) };
}

const codes = (lines: unknown[][]) => lines.map((line) => key(line.slice(0, 3))).sort();

describe("the import's template", () => {
  it("holds exactly the items the user may update, in both formats, for staff and admins", async () => {
    for (const who of ["staff", "otherStaff", "admin"] as const) {
      const expected = await updatable(actors[who]);
      const { sheet } = await workbookOf(who);
      const csv = await csvLines(who);
      expect(codes(sheetLines(sheet)), who).toEqual(expected);
      expect(codes(csv.lines), who).toEqual(expected);
      expect(csv.header).toEqual(HEADER);
    }
    // The economy commission's staff are not given the actions it does not handle (issue 15).
    const staff = codes(sheetLines((await workbookOf("staff")).sheet));
    expect(staff.length).toBeGreaterThan(0);
    expect(staff.length).toBeLessThan((await updatable(actors.admin)).length);
  });

  it("uploaded back untouched, is nothing to apply and no problem", async () => {
    for (const [name, bytes] of [
      ["模板.xlsx", (await workbookOf("staff")).bytes],
      ["模板.csv", (await csvLines("staff")).bytes],
    ] as const) {
      const created = await createImportBatch(db, actors.staff, { name, bytes });
      if (created.kind !== "created") throw new Error(JSON.stringify(created));
      const view = await getImportBatch(db, actors.staff, created.batchId);
      expect(view?.plan?.counts, name).toEqual({
        update: 0,
        unchanged: (await updatable(actors.staff)).length,
        problem: 0,
      });
    }
  });

  it("has the columns to fill in, a status drop-down, the progress rule, a frozen header and locked read-only cells", async () => {
    const { sheet } = await workbookOf("staff");
    expect(sheet.name).toBe("您可以更新的事项");
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(HEADER);
    expect(sheet.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    const lines = sheetLines(sheet);
    // 生效日期, 情况说明, 材料网址, 材料标题: there, and empty.
    expect(lines.every((line) => line.slice(6, 10).every((cell) => cell === null))).toBe(true);

    const rowOf = (predicate: (line: unknown[]) => boolean) => {
      const index = lines.findIndex(predicate);
      if (index < 0) throw new Error("no such row");
      return sheet.getRow(index + 2);
    };
    const action = rowOf((line) => line[1] !== null);
    const rolledUp = rowOf((line) => line[1] === null && lines.some((other) => other[1] === line[2]));

    expect(action.getCell(5).dataValidation).toMatchObject({
      type: "list",
      formulae: [`"${Object.values(zh.status).join(",")}"`],
    });
    expect(action.getCell(6).dataValidation).toMatchObject({
      type: "whole",
      operator: "between",
      formulae: [0, 100],
    });
    const grey = { type: "pattern", pattern: "solid", fgColor: { argb: "FFE5E7EB" } };
    // Codes, title and version are read-only; a recommendation's rolled-up progress is too.
    for (const cell of [1, 2, 3, 4, 11].map((column) => action.getCell(column)).concat(rolledUp.getCell(6))) {
      expect(cell.protection?.locked, cell.address).not.toBe(false);
      expect(cell.fill, cell.address).toMatchObject(grey);
    }
    expect(rolledUp.getCell(6).dataValidation).toBeUndefined();
    for (const column of [5, 6, 7, 8, 9, 10]) {
      expect(action.getCell(column).protection, action.getCell(column).address).toMatchObject({
        locked: false,
      });
      expect(action.getCell(column).fill).not.toMatchObject(grey);
    }
    expect((sheet as unknown as { sheetProtection?: { sheet?: boolean } }).sheetProtection?.sheet).toBe(true);
  });

  it("is for those who may import, and names a bad format in the user's language", async () => {
    expect((await get("official", "format=xlsx")).status).toBe(403);
    const signedOut = await template(new NextRequest("http://127.0.0.1/api/import/template?format=csv"));
    expect(signedOut.status).toBe(401);
    const bad = await get("staff", "format=pdf&locale=en");
    expect(bad.status).toBe(400);
    expect(await bad.json()).toEqual({
      error: { code: "invalid_parameter", message: "The template's format must be xlsx or csv." },
    });
    // No parameter makes it fail (the naughty-strings sweep asks the built app the same).
    for (const naughty of [...KNOWN_BAD_INPUTS, ...NAUGHTY_STRINGS.filter((_, index) => index % 20 === 0)]) {
      for (const query of [{ format: naughty }, { format: "csv", locale: naughty }] as Record<
        string,
        string
      >[]) {
        const response = await get("staff", new URLSearchParams(query).toString());
        expect(response.status, JSON.stringify(query)).toBeLessThan(500);
      }
    }
    // More items than an import takes are counted, not read: no template.
    expect(await getTemplateRows(db, actors.admin, "zh-CN", 3)).toBe("tooMany");
    expect(await getTemplateRows(db, actors.admin, "zh-CN", 10_000)).not.toBe("tooMany");
    // The English workbook: its own headers and status names, which the import reads as well.
    const { sheet } = await workbookOf("admin", "en");
    expect(sheet.name).toBe("Items you may update");
    expect(sheet.getRow(1).getCell(4).value).toBe("Title");
  });
});
