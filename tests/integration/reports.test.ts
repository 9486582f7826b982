// Progress reports: the content as of a day (rebuilt from the history), what moved between two days,
// a proposal without items, and the files themselves — the PDF read back with pdftotext and drawn
// with pdftoppm (poppler-utils), the Word document unzipped — through the download route as Next
// calls it, with its 400s and 401.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import JSZip from "jszip";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as getReport, POST as postReport } from "@/app/api/reports/route";
import { createAuth } from "@/lib/auth/config";
import { addMonths, shanghaiDate, shanghaiToday, toShanghaiDateString } from "@/lib/dates";
import { db } from "@/lib/db";
import type { ItemStatus } from "@/lib/db/enums";
import { getReportData } from "@/lib/reports/data";
import { reportLabels } from "@/lib/reports/labels";
import { defaultNarrative, NARRATIVE_LIMITS } from "@/lib/reports/narrative";
import en from "@/messages/en.json";
import zh from "@/messages/zh-CN.json";
import { SAMPLE_PASSWORD } from "../../prisma/sample-data";
import { seedSampleData } from "../../prisma/seed";
import { createProposal } from "./factories";

process.env.BETTER_AUTH_SECRET ??= "integration-test-secret-0123456789abcdef";
const auth = createAuth(db);
const PROPOSAL = "LLM-2024";
const AS_OF = "2025-06-30";
const COMPARE_TO = "2025-01-31";

let officialCookie: string;
let staffCookie: string;
let emptyProposal: string;
const scratch = mkdtempSync(join(tmpdir(), "reports-test-"));

async function cookieOf(email: string) {
  const { headers } = await auth.api.signInEmail({
    body: { email, password: SAMPLE_PASSWORD },
    headers: new Headers(),
    returnHeaders: true,
  });
  return headers.get("set-cookie")?.split(";")[0] ?? "";
}

beforeAll(async () => {
  await seedSampleData(db);
  officialCookie = await cookieOf("official@tracker.example");
  staffCookie = await cookieOf("staff.jxw@tracker.example");
  emptyProposal = (await createProposal()).code;
});

afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function download(query: Record<string, string>, cookie: string | null = officialCookie) {
  const headers: Record<string, string> = cookie ? { cookie } : {};
  return getReport(new Request(`http://127.0.0.1/api/reports?${new URLSearchParams(query)}`, { headers }));
}

/** A download with edited narratives, as the Reports page's form posts it. */
function post(
  form: Record<string, string>,
  {
    cookie = officialCookie,
    headers = {},
  }: { cookie?: string | null; headers?: Record<string, string> } = {},
) {
  return postReport(
    new Request("http://127.0.0.1/api/reports", {
      method: "POST",
      headers: { ...(cookie ? { cookie } : {}), ...headers },
      body: new URLSearchParams(form),
    }),
  );
}

function pdfText(file: string) {
  return (
    withoutSpace(execFileSync("pdftotext", ["-layout", "-enc", "UTF-8", file, "-"], { encoding: "utf8" }))
      // A paragraph that runs onto the next page has the page's number in between.
      .replace(/第\d+页，共\d+页/g, "")
      .replace(/Page\d+of\d+/g, "")
  );
}

/** An item's status and progress at the end of `day`, from its recorded history. */
async function stateFromHistory(where: { recommendationId: string } | { actionId: string }, day: string) {
  const latest = await db.statusUpdate.findFirst({
    where: { ...where, effectiveDate: { lte: shanghaiDate(day) } },
    orderBy: [{ effectiveDate: "desc" }, { createdAt: "desc" }, { id: "desc" }],
  });
  return latest
    ? { status: latest.statusAfter, progress: latest.progressAfter }
    : { status: "not_started" as ItemStatus, progress: 0 };
}

const withoutSpace = (text: string) => text.replace(/\s+/g, "");

describe("report content", () => {
  it("shows each recommendation as it was on the as-of day, not as it is now", async () => {
    const data = await getReportData(db, { proposal: PROPOSAL, asOf: AS_OF, compareTo: COMPARE_TO });
    expect(data?.sections.map((section) => section.code)).toEqual([
      "R1",
      "R2",
      "R3",
      "R4",
      "R5",
      "R6",
      "R7",
      "R8",
    ]);
    let changedSince = 0;
    for (const section of data?.sections ?? []) {
      const then = await stateFromHistory({ recommendationId: section.id }, AS_OF);
      expect({ status: section.status, progress: section.progress }, section.code).toEqual(then);
      const now = await db.recommendation.findUniqueOrThrow({ where: { id: section.id } });
      if (now.progress !== then.progress || now.status !== then.status) changedSince++;
      for (const action of section.actions) {
        expect({ status: action.status, progress: action.progress }, action.code).toEqual(
          await stateFromHistory({ actionId: action.id }, AS_OF),
        );
      }
    }
    // The sample has moved on since: the check above compared past states, not current ones.
    expect(changedSince).toBeGreaterThan(0);
  });

  it("carries the latest comment of each recommendation and of each of its actions, with its day and the author's agency", async () => {
    const data = await getReportData(db, { proposal: PROPOSAL, asOf: AS_OF, compareTo: COMPARE_TO });
    const latest = (where: { recommendationId: string } | { actionId: string }) =>
      db.statusUpdate.findFirst({
        where: { ...where, comment: { not: null }, effectiveDate: { lte: shanghaiDate(AS_OF) } },
        orderBy: [{ effectiveDate: "desc" }, { createdAt: "desc" }, { id: "desc" }],
        include: { author: { include: { agency: true } } },
      });
    let onActions = 0;
    let withAgency = 0;
    for (const section of data?.sections ?? []) {
      const expected: (string | null)[][] = [];
      const own = await latest({ recommendationId: section.id });
      if (own)
        expected.push([
          section.code,
          own.comment,
          toShanghaiDateString(own.effectiveDate),
          own.author?.agency?.nameZh ?? null,
        ]);
      for (const action of section.actions) {
        const update = await latest({ actionId: action.id });
        if (update)
          expected.push([
            action.code,
            update.comment,
            toShanghaiDateString(update.effectiveDate),
            update.author?.agency?.nameZh ?? null,
          ]);
      }
      expect(
        section.comments.map((c) => [
          c.code,
          c.comment,
          toShanghaiDateString(c.effectiveDate),
          c.agency?.nameZh ?? null,
        ]),
        section.code,
      ).toEqual(expected);
      onActions += section.comments.filter((c) => c.kind === "action").length;
      withAgency += section.comments.filter((c) => c.agency).length;
    }
    // The sample's comments are on actions, by agency staff.
    expect(onActions).toBeGreaterThan(5);
    expect(withAgency).toBeGreaterThan(5);
  });

  it("lists exactly the items whose status or progress differs between the two days, before → after", async () => {
    const data = await getReportData(db, { proposal: PROPOSAL, asOf: AS_OF, compareTo: COMPARE_TO });
    const expected: string[] = [];
    for (const rec of await db.recommendation.findMany({
      where: { proposal: { code: PROPOSAL } },
      orderBy: { sortOrder: "asc" },
      include: { actions: { orderBy: { sortOrder: "asc" } } },
    })) {
      const compare = async (code: string, where: { recommendationId: string } | { actionId: string }) => {
        const before = await stateFromHistory(where, COMPARE_TO);
        const after = await stateFromHistory(where, AS_OF);
        if (before.status !== after.status || before.progress !== after.progress)
          expected.push(`${code}: ${before.status} ${before.progress} → ${after.status} ${after.progress}`);
      };
      await compare(rec.code, { recommendationId: rec.id });
      for (const action of rec.actions) await compare(action.code, { actionId: action.id });
    }
    expect(expected.length).toBeGreaterThan(0);
    expect(
      data?.moved.map(
        (item) =>
          `${item.code}: ${item.before.status} ${item.before.progress} → ${item.after.status} ${item.after.progress}`,
      ),
    ).toEqual(expected);
  });

  it("shows a reply only from the day it was made", async () => {
    const replied = await db.recommendation.findFirstOrThrow({
      where: { proposal: { code: PROPOSAL }, repliedAt: { not: null } },
    });
    const repliedOn = toShanghaiDateString(replied.repliedAt ?? new Date());
    const dayBefore = toShanghaiDateString(new Date(shanghaiDate(repliedOn).getTime() - 86_400_000));
    const sectionOn = async (day: string) =>
      (
        await getReportData(db, { proposal: PROPOSAL, asOf: day, compareTo: addMonths(day, -1) })
      )?.sections.find((section) => section.id === replied.id);
    expect((await sectionOn(dayBefore))?.replyClass).toBeNull();
    expect((await sectionOn(repliedOn))?.replyClass).toBe(replied.replyClass);
  });

  it("reports a proposal without items, and no proposal for an unknown code", async () => {
    const today = toShanghaiDateString(shanghaiToday());
    const data = await getReportData(db, {
      proposal: emptyProposal,
      asOf: today,
      compareTo: addMonths(today, -1),
    });
    expect(data?.sections).toEqual([]);
    expect(data?.moved).toEqual([]);
    expect(data?.headline.items).toBe(0);
    expect(
      await getReportData(db, { proposal: "NO-SUCH", asOf: today, compareTo: addMonths(today, -1) }),
    ).toBeNull();
  });
});

describe("the PDF", () => {
  it("has the Chinese title, every recommendation's code and status, and draws Chinese glyphs", async () => {
    const response = await download({
      proposal: PROPOSAL,
      asOf: AS_OF,
      compareTo: COMPARE_TO,
      format: "pdf",
    });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/pdf");
    const disposition = response.headers.get("content-disposition") ?? "";
    expect(disposition).toMatch(/^attachment; filename="LLM-2024-_+-2025-06-30\.pdf"; filename\*=UTF-8''/);
    expect(decodeURIComponent(disposition.split("UTF-8''")[1] ?? "")).toBe(
      "LLM-2024-进展报告-2025-06-30.pdf",
    );
    const file = join(scratch, "report.pdf");
    writeFileSync(file, Buffer.from(await response.arrayBuffer()));

    expect(execFileSync("pdfinfo", [file], { encoding: "utf8" })).toMatch(
      /Page size:\s+595\.\d+ x 841\.\d+ pts \(A4\)/,
    );
    // -layout keeps each line of the page together, so that a row of facts reads in order.
    const text = withoutSpace(
      execFileSync("pdftotext", ["-layout", "-enc", "UTF-8", file, "-"], { encoding: "utf8" }),
    );
    expect(text).toContain("《关于上海加快建设具有全球影响力的大模型创新集聚区的建议》进展报告");
    const data = await getReportData(db, { proposal: PROPOSAL, asOf: AS_OF, compareTo: COMPARE_TO });
    // On the cover, the history chains' heads as the report was made (lib/history-chain).
    const [updatesHead] = data?.historyChain ?? [];
    expect(updatesHead?.table).toBe("StatusUpdate");
    expect(text).toContain(
      withoutSpace(
        `历史记录校验链：进展更新 #${updatesHead?.chainSeq} ${updatesHead?.chainHash.slice(0, 12)}`,
      ),
    );
    // Each recommendation's section: its heading (code and title), then its status among its facts.
    const sections = data?.sections ?? [];
    const headings = sections.map((section) => withoutSpace(`${section.code} ${section.titleZh}`));
    const body = text.slice(text.indexOf(withoutSpace(zh.reports.document.recommendations)));
    for (const [index, section] of sections.entries()) {
      const start = body.indexOf(headings[index] ?? "");
      expect(start, section.code).toBeGreaterThan(-1);
      const next = index + 1 < headings.length ? body.indexOf(headings[index + 1] ?? "", start) : undefined;
      const sectionText = body.slice(start, next);
      expect(sectionText, section.code).toContain(
        `状态进度健康度完成期限${zh.status[section.status]}${section.progress}%`,
      );
    }
    expect(text).toContain("第1页，共");
    // Evidence links are live links in the PDF.
    const bytes = readFileSync(file).toString("latin1");
    for (const link of data?.sections.flatMap((section) => section.evidence) ?? [])
      expect(bytes).toContain(`/URI (${link.url})`);
    expect(data?.sections.some((section) => section.evidence.length > 0)).toBe(true);
    expect(text).toContain(withoutSpace(zh.reports.document.sampleNotice));

    // Page 1 drawn: its Chinese title must be ink (glyphs), which the eye checks too; a missing font
    // would draw nothing or boxes, and pdffonts shows the embedded subset.
    execFileSync("pdftoppm", ["-r", "60", "-png", "-f", "1", "-l", "1", file, join(scratch, "page")]);
    expect(statSync(join(scratch, "page-1.png")).size).toBeGreaterThan(5_000);
    // resvg, which never frees a render's pixels, draws the charts in a child process, never in this one.
    const report = process.report.getReport() as unknown as { sharedObjects: string[] };
    expect(report.sharedObjects.filter((file) => file.includes("resvg"))).toEqual([]);
    expect(execFileSync("pdffonts", [file], { encoding: "utf8" })).toMatch(
      /NotoSansSC-Regular\s+CID TrueType\s+Identity-H\s+yes yes yes/,
    );
  });

  it("is in English when asked, and says so when the proposal has no items", async () => {
    const english = await download({ proposal: PROPOSAL, asOf: AS_OF, format: "pdf", locale: "en" });
    const file = join(scratch, "english.pdf");
    writeFileSync(file, Buffer.from(await english.arrayBuffer()));
    const text = withoutSpace(execFileSync("pdftotext", ["-layout", file, "-"], { encoding: "utf8" }));
    expect(text).toContain(withoutSpace("Progress report: Proposal on accelerating Shanghai's build-up"));
    expect(text).toContain("StatusProgressHealthDueInprogress33%");

    const empty = await download({ proposal: emptyProposal, format: "pdf" });
    expect(empty.status).toBe(200);
    const emptyFile = join(scratch, "empty.pdf");
    writeFileSync(emptyFile, Buffer.from(await empty.arrayBuffer()));
    expect(withoutSpace(execFileSync("pdftotext", [emptyFile, "-"], { encoding: "utf8" }))).toContain(
      withoutSpace(zh.reports.document.noItems),
    );
  });
});

describe("the Word document", () => {
  async function documentXml(query: Record<string, string>) {
    const response = await download(query);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe(
      "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    );
    const zip = await JSZip.loadAsync(await response.arrayBuffer());
    const xml = (await zip.file("word/document.xml")?.async("string")) ?? "";
    // The text of each paragraph and of each table row, tags removed.
    const paragraphs = [...xml.matchAll(/<w:p[ >].*?<\/w:p>/g)].map((m) => m[0].replace(/<[^>]+>/g, ""));
    const rows = [...xml.matchAll(/<w:tr[ >].*?<\/w:tr>/g)].map((m) =>
      [...m[0].matchAll(/<w:tc>.*?<\/w:tc>/g)].map((cell) => cell[0].replace(/<[^>]+>/g, "")),
    );
    return { paragraphs, rows, zip };
  }

  it("is an official-style handling report with the headings and table rows", async () => {
    const { paragraphs, rows, zip } = await documentXml({
      proposal: PROPOSAL,
      asOf: AS_OF,
      compareTo: COMPARE_TO,
      format: "docx",
    });
    expect(paragraphs).toContain(
      "关于《关于上海加快建设具有全球影响力的大模型创新集聚区的建议》办理情况的报告",
    );
    expect(paragraphs).toContain("王延峰代表：");
    expect(paragraphs).toContain("一、总体情况");
    expect(paragraphs).toContain("二、各建议条目办理情况");
    expect(paragraphs).toContain("三、逾期事项");
    expect(paragraphs).toContain("四、变化情况（2025年1月31日 → 2025年6月30日）");
    expect(paragraphs).toContain("特此报告。");
    const data = await getReportData(db, { proposal: PROPOSAL, asOf: AS_OF, compareTo: COMPARE_TO });
    for (const [index, section] of (data?.sections ?? []).entries()) {
      expect(
        paragraphs.some((p) => p.endsWith(`${section.code} ${section.titleZh}`)),
        section.code,
      ).toBe(true);
      expect(
        paragraphs.some((p) => p.startsWith("（") && p.includes(section.code)),
        String(index),
      ).toBe(true);
      // Its figures' row: status, progress, health…
      expect(rows).toContainEqual(
        expect.arrayContaining([zh.status[section.status], `${section.progress}%`]),
      );
      for (const action of section.actions)
        expect(rows).toContainEqual(
          expect.arrayContaining([
            action.code,
            action.titleZh,
            zh.status[action.status],
            `${action.progress}%`,
          ]),
        );
    }
    for (const item of data?.moved ?? [])
      expect(rows).toContainEqual([
        item.code,
        item.titleZh,
        `${zh.status[item.before.status]} → ${zh.status[item.after.status]}`,
        `${item.before.progress}% → ${item.after.progress}%`,
      ]);
    // The three charts are pictures in the document; page numbers are fields in the footer.
    expect(Object.keys(zip.files).filter((name) => name.startsWith("word/media/"))).toHaveLength(3);
    const footer = await zip.file(/word\/footer\d*\.xml/)[0]?.async("string");
    expect(footer).toContain("PAGE");
  });

  it("is laid out as an official document: 落款 above the date, captions with their charts, no line alone on a page, dates unbroken", async () => {
    const response = await download({
      proposal: PROPOSAL,
      asOf: AS_OF,
      compareTo: COMPARE_TO,
      format: "docx",
    });
    const bytes = Buffer.from(await response.arrayBuffer());
    writeFileSync(join(scratch, "layout.docx"), bytes);
    const zip = await JSZip.loadAsync(bytes);
    const xml = (await zip.file("word/document.xml")?.async("string")) ?? "";
    const paragraphs = [...xml.matchAll(/<w:p[ >].*?<\/w:p>/g)].map((m) => m[0]);
    const text = (p: string) => p.replace(/<[^>]+>/g, "");

    // The closing, then the lead agency's 落款, then the date, each on the right and kept together.
    const data = await getReportData(db, { proposal: PROPOSAL, asOf: AS_OF, compareTo: COMPARE_TO });
    const counts = new Map<string, number>();
    for (const section of data?.sections ?? [])
      for (const agency of section.leadAgencies)
        counts.set(agency.nameZh, (counts.get(agency.nameZh) ?? 0) + 1);
    const mostLed = Math.max(...counts.values());
    expect(counts.get(data?.sender?.nameZh ?? "")).toBe(mostLed);
    const [closing, sender, date, note] = paragraphs.slice(-4);
    expect(text(closing ?? "")).toBe("特此报告。");
    // Below the date, as an official document's note (附注): the history chains' heads.
    expect(text(note ?? "")).toMatch(
      /^（历史记录校验链：进展更新 #\d+ [0-9a-f]{12}（.+北京时间）；操作日志 #\d+ /,
    );
    expect(text(sender ?? "")).toBe(data?.sender?.nameZh);
    expect(text(date ?? "")).toMatch(/^\d{4}年\d{1,2}月\d{1,2}日$/);
    for (const p of [closing, sender]) expect(p).toContain("<w:keepNext/>");
    for (const p of [sender, date]) expect(p).toContain('<w:jc w:val="right"/>');

    // Every chart's caption is kept with its chart, the paragraph after it.
    const charts = paragraphs.flatMap((p, index) => (p.includes("<w:drawing>") ? [index] : []));
    expect(charts).toHaveLength(3);
    for (const index of charts) expect(paragraphs[index - 1]).toContain("<w:keepNext/>");
    // Widow and orphan control on every body paragraph; headings kept with what follows them.
    const body = xml.slice(xml.indexOf("<w:body>"));
    const bodyParagraphs = [...body.matchAll(/<w:p[ >].*?<\/w:p>/g)].map((m) => m[0]);
    expect(bodyParagraphs.filter((p) => !p.includes("<w:widowControl/>")).map(text)).toEqual([]);
    const styles = (await zip.file("word/styles.xml")?.async("string")) ?? "";
    for (const heading of ["Heading1", "Heading2", "Heading3"]) {
      const style = styles.match(new RegExp(`<w:style [^>]*w:styleId="${heading}".*?</w:style>`))?.[0] ?? "";
      expect(style, heading).toContain("<w:keepNext/>");
    }

    // The date columns are wide enough for the longest date at 小四 (7 em of 12 pt, plus the cell's
    // margins): the actions' table holds "2026年12月31日".
    const tables = [...xml.matchAll(/<w:tbl>.*?<\/w:tbl>/g)].map((m) => m[0]);
    let dateColumns = 0;
    for (const tbl of tables) {
      const grid = [...tbl.matchAll(/<w:gridCol w:w="(\d+)"\/>/g)].map((m) => Number(m[1]));
      const header = [...(tbl.match(/<w:tr>.*?<\/w:tr>/)?.[0] ?? "").matchAll(/<w:tc>.*?<\/w:tc>/g)].map(
        (m) => text(m[0]),
      );
      const column = header.indexOf(zh.reports.document.dueDate);
      if (column === -1) continue;
      dateColumns++;
      expect(grid[column]).toBeGreaterThanOrEqual(7 * 12 * 20 + 160);
      expect(grid.reduce((sum, width) => sum + width, 0)).toBeLessThanOrEqual(11906 - 1587 - 1474 + 5);
    }
    expect(dateColumns).toBeGreaterThan(8);
    expect(xml).toContain('<w:tblLayout w:type="fixed"/>');
  });

  it("keeps English dates on one line in table cells", async () => {
    const english = await documentXml({ proposal: PROPOSAL, asOf: AS_OF, format: "docx", locale: "en" });
    const dates = english.rows.flat().filter((cell) => /^[A-Z][a-z]+\s\d{1,2},\s\d{4}$/.test(cell));
    expect(dates.length).toBeGreaterThan(5);
    for (const date of dates) expect(date).toMatch(/^[A-Z][a-z]+\u00a0\d{1,2},\u00a0\d{4}$/);
  });

  it("is in English when asked, and says so when the proposal has no items", async () => {
    const english = await documentXml({ proposal: PROPOSAL, asOf: AS_OF, format: "docx", locale: "en" });
    expect(english.paragraphs).toContain(en.reports.document.addressee.replace("{name}", "Wang Yanfeng"));
    expect(english.paragraphs).toContain("2. The recommendations");
    const empty = await documentXml({ proposal: emptyProposal, format: "docx" });
    expect(empty.paragraphs).toContain(zh.reports.document.noItems);
    expect(empty.rows).toEqual([]);
  });
});

describe("the download route", () => {
  it("gives staff their report as it gives officials", async () => {
    expect((await download({ proposal: PROPOSAL, format: "docx" }, staffCookie)).status).toBe(200);
  });

  it("answers a signed-out visitor 401 without a file", async () => {
    const response = await download({ proposal: PROPOSAL, format: "pdf" }, null);
    expect(response.status).toBe(401);
    expect(response.headers.get("content-disposition")).toBeNull();
    expect((await response.json()).error.code).toBe("unauthorized");
  });

  const future = toShanghaiDateString(new Date(shanghaiToday().getTime() + 3 * 86_400_000));
  it.each([
    ["a future as-of day", { asOf: future }, "asOf", "不能晚于今天。"],
    [
      "a comparison day after the as-of day",
      { asOf: "2025-01-01", compareTo: "2025-02-01" },
      "compareTo",
      "对比日期须早于截至日期。",
    ],
    [
      "a comparison day equal to the as-of day",
      { asOf: "2025-01-01", compareTo: "2025-01-01" },
      "compareTo",
      "对比日期须早于截至日期。",
    ],
    ["a malformed day", { asOf: "2025-13-45" }, "asOf", "须为有效日期，格式为 YYYY-MM-DD。"],
    ["an unknown proposal", { proposal: "NO-SUCH" }, "proposal", "没有编号为 NO-SUCH 的建议。"],
    ["an unsupported format", { format: "xlsx" }, "format", "须为以下值之一：pdf, docx。"],
    ["an unsupported language", { locale: "fr" }, "locale", "须为以下值之一：zh-CN, en。"],
    ["an unknown parameter", { colour: "red" }, "colour", "不支持此参数。"],
  ])("answers %s with a 400 that says what is wrong, and no file", async (_, change, parameter, message) => {
    const response = await download({ proposal: PROPOSAL, format: "pdf", ...change });
    expect(response.status).toBe(400);
    expect(response.headers.get("content-disposition")).toBeNull();
    const body = await response.json();
    expect(body.error.code).toBe("invalid_parameter");
    expect(body.error.issues).toContainEqual({ parameter, message });
  });

  it("answers a missing format with a 400, in English when the report is to be English", async () => {
    const response = await download({ proposal: PROPOSAL, locale: "en" });
    expect(response.status).toBe(400);
    const body = await response.json();
    expect(body.error.message).toMatch(/^Invalid report parameters: format: /);
    expect(body.error.issues).toEqual([{ parameter: "format", message: "Must be one of: pdf, docx." }]);
  });
});

describe("the narrative (情况说明)", () => {
  // Four files each: give them time on a machine shared with other runs.
  const FILE_TIMEOUT = 120_000;
  async function docxParagraphs(response: Response) {
    expect(response.status).toBe(200);
    const zip = await JSZip.loadAsync(await response.arrayBuffer());
    const xml = (await zip.file("word/document.xml")?.async("string")) ?? "";
    return [...xml.matchAll(/<w:p[ >].*?<\/w:p>/g)].map((m) => m[0].replace(/<[^>]+>/g, ""));
  }
  async function pdfOf(response: Response, name: string) {
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/pdf");
    const file = join(scratch, name);
    writeFileSync(file, Buffer.from(await response.arrayBuffer()));
    return pdfText(file);
  }
  const settings = { proposal: PROPOSAL, asOf: AS_OF, compareTo: COMPARE_TO, locale: "zh-CN" };

  it(
    "is prefilled in both files from the actions' latest comments, with their days and agencies",
    async () => {
      const data = await getReportData(db, settings);
      const labels = reportLabels("zh-CN", data ?? (undefined as never));
      const sections = data?.sections ?? [];
      const lines = sections.flatMap((section) =>
        defaultNarrative(section, labels).split("\n").filter(Boolean),
      );
      expect(lines.length).toBeGreaterThan(5);
      // Each line names the item, the day and the author's agency: "R1.1（2025年6月30日，…）：…".
      const withAgency = sections.flatMap((section) => section.comments.filter((c) => c.agency));
      const first = withAgency[0];
      expect(lines).toContain(
        `${first?.code}（${labels.date(first?.effectiveDate ?? null)}，${first?.agency?.nameZh}）：${first?.comment}`,
      );

      const paragraphs = await docxParagraphs(await download({ ...settings, format: "docx" }));
      for (const line of lines) expect(paragraphs).toContain(line);
      expect(paragraphs.filter((p) => p === `${zh.reports.document.narrative}：`)).toHaveLength(
        sections.length,
      );

      const text = await pdfOf(await download({ ...settings, format: "pdf" }), "narrative.pdf");
      for (const line of lines) expect(text).toContain(withoutSpace(line));
    },
    FILE_TIMEOUT,
  );

  it(
    "edited before the download replaces the prefilled one in both files, and is not stored",
    async () => {
      const data = await getReportData(db, settings);
      const labels = reportLabels("zh-CN", data ?? (undefined as never));
      const section = data?.sections.find((s) => s.comments.length > 0);
      const prefilled = defaultNarrative(section ?? (undefined as never), labels).split("\n");
      const edited = "经与各承办单位核实，本条目已形成阶段性成果。\r\n下一步将按计划推进。";
      const updatesBefore = await db.statusUpdate.count();
      const auditsBefore = await db.auditEvent.count();
      const form = { ...settings, [`narrative.${section?.code}`]: edited };

      const paragraphs = await docxParagraphs(await post({ ...form, format: "docx" }));
      expect(paragraphs).toContain("经与各承办单位核实，本条目已形成阶段性成果。");
      expect(paragraphs).toContain("下一步将按计划推进。");
      for (const line of prefilled) expect(paragraphs).not.toContain(line);

      const text = await pdfOf(await post({ ...form, format: "pdf" }), "edited.pdf");
      expect(text).toContain("经与各承办单位核实，本条目已形成阶段性成果。下一步将按计划推进。");
      for (const line of prefilled) expect(text).not.toContain(withoutSpace(line));
      // The other sections keep their prefilled narrative.
      const other = data?.sections.find((s) => s !== section && s.comments.length > 0);
      expect(text).toContain(
        withoutSpace(defaultNarrative(other ?? (undefined as never), labels).split("\n")[0] ?? ""),
      );

      // A cleared narrative says there is none; nothing was written to the database.
      const cleared = await docxParagraphs(
        await post({ ...settings, format: "docx", [`narrative.${section?.code}`]: "" }),
      );
      expect(cleared).toContain(zh.reports.document.noNarrative);
      expect(await db.statusUpdate.count()).toBe(updatesBefore);
      expect(await db.auditEvent.count()).toBe(auditsBefore);
    },
    FILE_TIMEOUT,
  );

  it("refuses a narrative too long, with a translated error naming it, and no file", async () => {
    const tooLong = "很".repeat(NARRATIVE_LIMITS.perRecommendation + 1);
    for (const [locale, message] of [
      ["zh-CN", zh.reports.issue.narrativeTooLong],
      ["en", en.reports.issue.narrativeTooLong],
    ] as const) {
      const response = await post({ ...settings, locale, format: "pdf", "narrative.R1": tooLong });
      expect(response.status).toBe(400);
      expect(response.headers.get("content-disposition")).toBeNull();
      const body = await response.json();
      expect(body.error.issues).toEqual([{ parameter: "narrative.R1", message }]);
    }
    // All together too long, each within its limit.
    // ASCII, so that the body stays within its limit in bytes.
    const many = Object.fromEntries(
      Array.from({ length: 25 }, (_, i) => [
        `narrative.X${i}`,
        "a".repeat(NARRATIVE_LIMITS.perRecommendation),
      ]),
    );
    const total = await post({ ...settings, format: "pdf", ...many });
    expect(total.status).toBe(400);
    expect((await total.json()).error.issues).toEqual([
      { parameter: "narrative", message: zh.reports.issue.narrativeTotalTooLong },
    ]);
    // A control character, and bad settings beside a good narrative.
    const control = await post({ ...settings, format: "docx", "narrative.R1": "a\u0000b" });
    expect((await control.json()).error.issues).toEqual([
      { parameter: "narrative.R1", message: zh.validation.controlCharacters },
    ]);
    const bad = await post({ ...settings, format: "xlsx", "narrative.R1": "好" });
    expect((await bad.json()).error.issues).toEqual([
      { parameter: "format", message: "须为以下值之一：pdf, docx。" },
    ]);
  });

  it("refuses a body past its limit unread, another site's form, a body that is no form, and a signed-out visitor", async () => {
    const huge = await post({ ...settings, format: "pdf", "narrative.R1": "很".repeat(60_000) });
    expect(huge.status).toBe(413);
    expect((await huge.json()).error.message).toBe(zh.reports.error.bodyTooLarge);
    const crossSite = await post(
      { ...settings, format: "pdf" },
      { headers: { origin: "https://evil.example" } },
    );
    expect(crossSite.status).toBe(403);
    const json = await postReport(
      new Request("http://127.0.0.1/api/reports", {
        method: "POST",
        headers: { cookie: officialCookie, "content-type": "application/json" },
        body: JSON.stringify(settings),
      }),
    );
    expect(json.status).toBe(400);
    expect((await json.json()).error.message).toBe(zh.reports.error.badBody);
    const signedOut = await post({ ...settings, format: "pdf" }, { cookie: null });
    expect(signedOut.status).toBe(401);
    expect(signedOut.headers.get("content-disposition")).toBeNull();
  });
});
