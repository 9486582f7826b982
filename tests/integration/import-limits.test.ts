// Hostile and wrong files against the import, on the real database: zip bombs (honest, lying and
// many-part), a million rows, too many uploads at once, repeated headers, text in an encoding the import
// does not read, a date serial that is no day, and the dry run a page at a time.
import { spawn } from "node:child_process";
import { once } from "node:events";
import { hostname } from "node:os";
import { crc32, createDeflateRaw, deflateRawSync } from "node:zlib";
import iconv from "iconv-lite";
import { NextRequest } from "next/server";
import { beforeAll, describe, expect, it } from "vitest";
import { POST as upload } from "@/app/api/import/route";
import type { Actor } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { createImportBatch, getImportBatch, IMPORT_LIMITS } from "@/lib/import/batch";
import { fileProblemMessage } from "@/lib/import/messages";
import { processStart } from "@/lib/slots/holder";
import { SLOT_STALE_MS } from "@/lib/slots/slots";
import zh from "@/messages/zh-CN.json";
import { seedSampleData } from "../../prisma/seed";
import { sessionCookie } from "./support/session";

const NOW = new Date("2026-11-29T04:00:00Z");
let staffJxw: Actor;
let staffKw: Actor;
let admin: Actor;

beforeAll(async () => {
  await seedSampleData(db);
  const actor = (email: string) =>
    db.user.findUniqueOrThrow({ where: { email }, select: { id: true, role: true, agencyId: true } });
  [staffJxw, staffKw, admin] = await Promise.all([
    actor("staff.jxw@tracker.example"),
    actor("staff.kw@tracker.example"),
    actor("admin@tracker.example"),
  ]);
});

const utf8 = (text: string) => new TextEncoder().encode(text);
const refusal = (bytes: Uint8Array, actor: Actor = staffJxw) =>
  createImportBatch(db, actor, { name: "hostile.xlsx", bytes });

// Zip files by hand: a bomb's parts are deflated as they are made (never held inflated here), and a
// header may declare any size. ---------------------------------------------------------------------

type ZipPart = { name: string; deflated: Buffer; crc: number; size: number; declaredSize?: number };

function part(name: string, text: string): ZipPart {
  const data = Buffer.from(text, "utf8");
  return { name, deflated: deflateRawSync(data), crc: crc32(data), size: data.length };
}

/** A part of `prefix`, `unit` × `count` and `suffix`, deflated a megabyte at a time. */
async function repeatedPart(name: string, prefix: string, unit: string, count: number, suffix: string) {
  const deflate = createDeflateRaw({ level: 9 });
  const out: Buffer[] = [];
  deflate.on("data", (chunk: Buffer) => out.push(chunk));
  const ended = new Promise((resolve) => deflate.on("end", resolve));
  let crc = 0;
  let size = 0;
  const write = async (data: Buffer) => {
    crc = crc32(data, crc);
    size += data.length;
    if (!deflate.write(data)) await new Promise((resolve) => deflate.once("drain", resolve));
  };
  await write(Buffer.from(prefix));
  const perChunk = Math.max(1, Math.floor((1024 * 1024) / unit.length));
  const chunk = Buffer.from(unit.repeat(perChunk));
  let left = count;
  for (; left >= perChunk; left -= perChunk) await write(chunk);
  if (left > 0) await write(Buffer.from(unit.repeat(left)));
  await write(Buffer.from(suffix));
  deflate.end();
  await ended;
  return { name, deflated: Buffer.concat(out), crc, size } satisfies ZipPart;
}

function zip(parts: ZipPart[]): Uint8Array {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of parts) {
    const name = Buffer.from(entry.name);
    const declared = entry.declaredSize ?? entry.size;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(8, 8); // deflate
    local.writeUInt32LE(entry.crc >>> 0, 14);
    local.writeUInt32LE(entry.deflated.length, 18);
    local.writeUInt32LE(declared, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(entry.crc >>> 0, 16);
    central.writeUInt32LE(entry.deflated.length, 20);
    central.writeUInt32LE(declared, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, entry.deflated);
    centrals.push(central, name);
    offset += local.length + name.length + entry.deflated.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, directory, end]));
}

const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/** A workbook's other parts around a sheet (and shared strings, if given): one style, a date (numFmt 14). */
function workbook(sheet: ZipPart, sharedStrings?: ZipPart): Uint8Array {
  return zip([
    part(
      "_rels/.rels",
      `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    ),
    part(
      "xl/workbook.xml",
      `<workbook ${NS} xmlns:r="${REL}"><sheets><sheet name="事项" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    ),
    part(
      "xl/_rels/workbook.xml.rels",
      `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${REL}/styles" Target="styles.xml"/><Relationship Id="rId3" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
    ),
    part(
      "xl/styles.xml",
      `<styleSheet ${NS}><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="14" applyNumberFormat="1"/></cellXfs></styleSheet>`,
    ),
    ...(sharedStrings ? [sharedStrings] : []),
    sheet,
  ]);
}

const HEADER = ["建议编号", "建议条目编号", "编号", "状态", "进度（%）", "生效日期", "版本"];
const inline = (column: string, row: number, text: string) =>
  `<c r="${column}${row}" t="inlineStr"><is><t>${text}</t></is></c>`;
const headerRow = `<row r="1">${HEADER.map((text, index) => inline(String.fromCharCode(65 + index), 1, text)).join("")}</row>`;

const MB = 1024 * 1024;

/** A CSV of item rows whose last cell is longer than Excel allows. */
const tooLongAtTheEnd = (rows: number) =>
  `编号,状态\r\n${"R1,推进中\r\n".repeat(rows)}R1,${"长".repeat(33_000)}`;

/** Refused quickly, with this process's memory bounded (the file is read in the import worker). */
async function refusedWithin(bytes: Uint8Array, seconds: number) {
  const rssBefore = process.memoryUsage().rss;
  const started = performance.now();
  const result = await refusal(bytes);
  const elapsed = (performance.now() - started) / 1000;
  expect(elapsed).toBeLessThan(seconds);
  expect(process.memoryUsage().rss - rssBefore).toBeLessThan(100 * MB);
  return result;
}

describe("zip bombs", () => {
  // 10-character shared strings, 26 bytes of XML each: 12 million of them inflate to about 300 MB.
  const bombStrings = (declaredSize?: number) =>
    repeatedPart(
      "xl/sharedStrings.xml",
      `<sst ${NS}>`,
      "<si><t>AAAAAAAAAA</t></si>",
      12_000_000,
      "</sst>",
    ).then((strings) => ({ ...strings, declaredSize }));
  const sheetOfStrings = part(
    "xl/worksheets/sheet1.xml",
    `<worksheet ${NS}><sheetData>${headerRow}<row r="2"><c r="A2" t="s"><v>0</v></c></row></sheetData></worksheet>`,
  );

  it("refuses shared strings that say they inflate past the limit, before inflating them", async () => {
    const bytes = workbook(sheetOfStrings, await bombStrings());
    expect(bytes.byteLength).toBeLessThan(2 * MB);
    const result = await refusedWithin(bytes, 10);
    expect(result).toEqual({ kind: "file", problem: "expandedTooLarge" });
    expect(fileProblemMessage("zh-CN", { problem: "expandedTooLarge" })).toBe(
      "文件解压后的内容超过 128 MB 的上限，无法导入。",
    );
    expect(fileProblemMessage("en", { problem: "expandedTooLarge" })).toMatch(/128 MB limit/);
  });

  it("refuses a part whose header lies about its size, as soon as it inflates past what it declared", async () => {
    const bytes = workbook(sheetOfStrings, await bombStrings(4096));
    expect(await refusedWithin(bytes, 10)).toEqual({ kind: "file", problem: "expandedTooLarge" });
  });

  it("counts the inflated bytes of every part together", async () => {
    // Two honest parts of 100 MB each: neither passes the limit, both together do.
    const strings = await repeatedPart(
      "xl/sharedStrings.xml",
      `<sst ${NS}><si><t>R4.3</t></si>`,
      "<!-- padding padding padding padding -->",
      Math.ceil((100 * MB) / 40),
      "</sst>",
    );
    const sheet = await repeatedPart(
      "xl/worksheets/sheet1.xml",
      `<worksheet ${NS}><sheetData>${headerRow}`,
      "<!-- padding padding padding padding -->",
      Math.ceil((100 * MB) / 40),
      "</sheetData></worksheet>",
    );
    expect(strings.size).toBeLessThan(128 * MB);
    expect(await refusedWithin(workbook(sheet, strings), 20)).toEqual({
      kind: "file",
      problem: "expandedTooLarge",
    });
  });
});

describe("a million rows", () => {
  /** The longest pause of this process's event loop while `run` runs. */
  async function longestPause(run: () => Promise<unknown>) {
    let last = performance.now();
    let longest = 0;
    const timer = setInterval(() => {
      const now = performance.now();
      longest = Math.max(longest, now - last);
      last = now;
    }, 10);
    try {
      return { result: await run(), longest };
    } finally {
      clearInterval(timer);
    }
  }

  it("refuses a CSV of 1,000,000 rows at the limit, without holding up the server", async () => {
    const bytes = utf8(`编号,状态\r\n${"R1,x\r\n".repeat(1_000_000)}`);
    expect(bytes.byteLength).toBeLessThan(10 * MB);
    const started = performance.now();
    const { result, longest } = await longestPause(() => refusal(bytes));
    expect(result).toEqual({ kind: "file", problem: "tooManyRows", values: { rows: 50_000 } });
    expect(performance.now() - started).toBeLessThan(15_000);
    // The app's event loop (here the test's) stays free: the rows are counted in the worker.
    expect(longest).toBeLessThan(500);
  });

  it("refuses a workbook of 1,000,000 rows at the limit", async () => {
    const sheet = await repeatedPart(
      "xl/worksheets/sheet1.xml",
      `<worksheet ${NS}><sheetData>${headerRow}`,
      `<row><c t="inlineStr"><is><t>LLM-2024</t></is></c></row>`,
      1_000_000,
      "</sheetData></worksheet>",
    );
    const bytes = workbook(sheet);
    expect(bytes.byteLength).toBeLessThan(MB);
    const started = performance.now();
    expect(await refusal(bytes)).toEqual({ kind: "file", problem: "tooManyRows", values: { rows: 50_000 } });
    expect(performance.now() - started).toBeLessThan(15_000);
  });
});

describe("uploads at once", () => {
  const cookieOf = (email: string) => sessionCookie(email);
  // Big enough to take the worker a moment (every upload below is still being read when the last
  // starts), and refused at its last cell, so that nothing is stored.
  const slowFile = () => new Blob([tooLongAtTheEnd(49_000)], { type: "text/csv" });
  const post = (cookie: string, locale = "en") => {
    const form = new FormData();
    form.set("file", slowFile(), "进展.csv");
    return upload(
      new NextRequest(`http://127.0.0.1/api/import?locale=${locale}`, {
        method: "POST",
        body: form,
        headers: { cookie },
      }),
    );
  };

  it("lets one person read 2 files at once; the third at the same moment gets a translated 429", async () => {
    const cookie = await cookieOf("staff.jxw@tracker.example");
    const responses = await Promise.all(
      Array.from({ length: IMPORT_LIMITS.perOwner + 1 }, () => post(cookie)),
    );
    const statuses = responses.map((response) => response.status).sort();
    // 400: read to the end, and refused for its last cell.
    expect(statuses).toEqual([400, 400, 429]);
    const busy = responses.find((response) => response.status === 429);
    expect(busy?.headers.get("retry-after")).toBe("10");
    expect(await busy?.json()).toEqual({
      error: {
        code: "too_many_requests",
        message: "You already have 2 files being read; wait for them to finish, then upload.",
      },
    });
    // The places are free again once the files are read.
    expect((await post(cookie, "zh-CN")).status).toBe(400);
    expect(await db.jobSlot.count()).toBe(0);
  });

  it("reads at most 4 files at once in all, and answers the fifth person in Chinese", async () => {
    const [jxw, kw, adminCookie] = await Promise.all([
      cookieOf("staff.jxw@tracker.example"),
      cookieOf("staff.kw@tracker.example"),
      cookieOf("admin@tracker.example"),
    ]);
    const responses = await Promise.all([
      post(jxw),
      post(jxw),
      post(kw),
      post(kw),
      post(adminCookie, "zh-CN"),
    ]);
    const busy = responses.filter((response) => response.status === 429);
    expect(busy).toHaveLength(1);
    expect(responses.filter((response) => response.status === 400)).toHaveLength(4);
    expect(await db.jobSlot.count()).toBe(0);
  });

  it("takes over the places of app processes that died mid-read", async () => {
    // One held by a killed process of this host, one by another host's process not heard of for longer
    // than a heartbeat allows (lib/slots).
    const child = spawn(process.execPath, ["-e", "setTimeout(() => {}, 60000)"]);
    await once(child, "spawn");
    const killed = { host: hostname(), pid: child.pid ?? 0, pidStart: processStart(child.pid ?? 0) ?? "" };
    child.kill("SIGKILL");
    await once(child, "exit");
    const silent = new Date(Date.now() - SLOT_STALE_MS - 1000);
    await db.jobSlot.createMany({
      data: [killed, { host: "another-host", pid: 1, pidStart: "" }].map((holder) => ({
        kind: "import",
        owner: `user:${staffKw.id}`,
        ...holder,
        startedAt: silent,
        heartbeatAt: silent,
      })),
    });
    expect(await db.jobSlot.count({ where: { owner: `user:${staffKw.id}` } })).toBe(IMPORT_LIMITS.perOwner);
    expect(await refusal(utf8(tooLongAtTheEnd(1)), staffKw)).toEqual({
      kind: "file",
      problem: "cellTooLong",
      values: { max: 32_767, row: 3 },
    });
    // Both dead places went at the claim, and the upload's own once it was read.
    expect(await db.jobSlot.count()).toBe(0);
  });
});

describe("files that would apply the wrong data", () => {
  it("refuses a repeated header, naming it", async () => {
    const file = utf8(
      "建议编号,建议条目编号,编号,status,status,progress,progress,版本\r\nLLM-2024,R4,R4.3,in_progress,completed,60,100,1",
    );
    const result = await refusal(file);
    expect(result).toEqual({
      kind: "file",
      problem: "duplicateHeader",
      values: { field: "status", headers: ["status", "status"] },
    });
    if (result.kind !== "file") throw new Error("not refused");
    expect(fileProblemMessage("zh-CN", result)).toBe(
      "表头重复：“status”、“status” 都表示“状态”列，无法确定以哪一列为准。请只保留一列后重新上传。",
    );
    expect(fileProblemMessage("en", result)).toMatch(
      /^Repeated header: “status”, “status” all name the “Status” column/,
    );
    // Two spellings of one field are the same repetition.
    expect(
      await refusal(utf8("建议编号,编号,状态,Status,版本\r\nLLM-2024,R4,推进中,Stalled,1")),
    ).toMatchObject({
      problem: "duplicateHeader",
      values: { field: "status", headers: ["状态", "Status"] },
    });
  });

  it("refuses text that is neither clean UTF-8 nor GB18030, naming the encodings accepted", async () => {
    const line =
      "Proposal,Recommendation,Code,Status,Progress (%),Effective date,Comment,Version\r\nLLM-2024,R4,R4.3,In progress,60,2026-11-20,café naïve résumé,1";
    const latin1 = new Uint8Array(iconv.encode(line, "latin1"));
    const before = await db.importBatch.count();
    expect(await refusal(latin1)).toEqual({ kind: "file", problem: "encoding" });
    // Text already damaged by a conversion (U+FFFD) is no better.
    expect(await refusal(utf8(line.replace("é", "\ufffd")))).toEqual({ kind: "file", problem: "encoding" });
    expect(await db.importBatch.count()).toBe(before);
    const zhMessage = fileProblemMessage("zh-CN", { problem: "encoding" });
    expect(zhMessage).toContain("UTF-8");
    expect(zhMessage).toContain("GB18030/GBK");
    expect(fileProblemMessage("en", { problem: "encoding" })).toMatch(
      /UTF-8 \(with or without BOM\) or GB18030\/GBK/,
    );
    // The same text in GBK, and in UTF-8, still reads.
    const chinese = `${line.replace("café naïve résumé", "咖啡馆")}`;
    expect((await refusal(new Uint8Array(iconv.encode(chinese, "gbk")))).kind).toBe("created");
    expect((await refusal(utf8(line))).kind).toBe("created");
  });

  it("refuses a cell with a control character (NUL, which PostgreSQL cannot store), naming the cell", async () => {
    const header = "Proposal,Recommendation,Code,Status,Progress (%),Effective date,Comment,Version\r\n";
    const before = await db.importBatch.count();
    // A NUL makes a CSV a binary file to the reader; any other control character is named.
    const withControl = (control: string) =>
      utf8(`${header}LLM-2024,R4,R4.3,In progress,60,2026-11-20,进展${control}说明,1`);
    expect(await refusal(withControl("\u0000"))).toMatchObject({ kind: "file" });
    for (const control of ["\u0007", "\u001b", "\u009b"]) {
      expect(await refusal(withControl(control))).toEqual({
        kind: "file",
        problem: "controlCharacters",
        values: { row: 2, field: "comment" },
      });
    }
    expect(await db.importBatch.count()).toBe(before);
    expect(
      fileProblemMessage("zh-CN", { problem: "controlCharacters", values: { row: 2, field: "comment" } }),
    ).toBe(
      `第 2 行“${zh.import.column.comment}”列的内容含有控制字符（如 NUL），无法导入。请删除该字符后重新上传。`,
    );
    // Tabs and line breaks inside a cell are text.
    expect(
      (await refusal(utf8(`${header}LLM-2024,R4,R4.3,In progress,60,2026-11-20,"一\t二\n三",1`))).kind,
    ).toBe("created");
  });

  it("makes a date serial that is no day (1e20) a problem of its cell, not a failure", async () => {
    const action = await db.action.findFirstOrThrow({ where: { code: "R4.3" } });
    const status = zh.status[action.status];
    const row = (number: number, serial: string) =>
      `<row r="${number}">${inline("A", number, "LLM-2024")}${inline("B", number, "R4")}${inline("C", number, "R4.3")}${inline("D", number, status)}<c r="E${number}"><v>${action.progress}</v></c><c r="F${number}" s="1"><v>${serial}</v></c><c r="G${number}"><v>${action.version}</v></c></row>`;
    const sheet = part(
      "xl/worksheets/sheet1.xml",
      `<worksheet ${NS}><sheetData>${headerRow}${row(2, "1e20")}</sheetData></worksheet>`,
    );
    const result = await createImportBatch(db, staffJxw, { name: "日期.xlsx", bytes: workbook(sheet) });
    if (result.kind !== "created") throw new Error(JSON.stringify(result));
    const view = await getImportBatch(db, staffJxw, result.batchId, {}, NOW);
    expect(view?.plan?.rows.map((planned) => planned.problems)).toEqual([
      // The message quotes the cell as the file has it.
      [{ field: "effectiveDate", key: "dateInvalid", cell: "100000000000000000000" }],
    ]);
  });
});

describe("the dry run, a page at a time", () => {
  it("shows 100 rows a page, the file's counts, and the rows with problems alone", async () => {
    const actions = await db.action.findMany({
      where: { recommendation: { code: "R4" } },
      include: { recommendation: true },
      orderBy: { code: "asc" },
    });
    // 250 rows: the actions of R4 as they are (unchanged) among unknown items (problems).
    const lines = Array.from({ length: 250 }, (_, index) => {
      const action = index % 50 === 0 ? actions[index / 50] : undefined;
      return action
        ? `LLM-2024,R4,${action.code},${zh.status[action.status]},${action.progress},,${action.version}`
        : `LLM-2024,R9,R9.${index},推进中,10,,1`;
    });
    const unchanged = lines.filter((line) => line.includes(",R4,")).length;
    const file = utf8(`建议编号,建议条目编号,编号,状态,进度（%）,生效日期,版本\r\n${lines.join("\r\n")}`);
    const result = await createImportBatch(db, admin, { name: "分页.csv", bytes: file });
    if (result.kind !== "created") throw new Error(JSON.stringify(result));
    const page = (view: { page?: number; problemsOnly?: boolean }) =>
      getImportBatch(db, admin, result.batchId, view, NOW).then((batch) => batch?.plan);

    const second = await page({ page: 2 });
    expect(second?.counts).toEqual({ update: 0, unchanged, problem: 250 - unchanged });
    expect(second).toMatchObject({ total: 250, matching: 250, page: 2, pageCount: 3, problemsOnly: false });
    // The file's rows 101–200 (lines 102–201: the header is line 1).
    expect(second?.rows.map((row) => row.row)).toEqual(
      Array.from({ length: 100 }, (_, index) => 102 + index),
    );

    const problems = await page({ page: 3, problemsOnly: true });
    expect(problems).toMatchObject({ matching: 250 - unchanged, pageCount: 3, page: 3 });
    expect(problems?.rows).toHaveLength(250 - unchanged - 200);
    expect(problems?.rows.every((row) => row.outcome === "problem")).toBe(true);
    // A page past the end is the last one; nonsense is the first.
    expect((await page({ page: 99 }))?.page).toBe(3);
    expect((await page({ page: Number.NaN }))?.page).toBe(1);
  });
});
