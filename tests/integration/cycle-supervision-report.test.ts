// The Word report lists each recommendation's extension requests (延期) and 督办单 as they stood on its
// as-of day, read back from the generated .docx: a decision or an answer made later is not yet made,
// a request or notice made later is not there.
import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import JSZip from "jszip";
import { beforeAll, describe, expect, it } from "vitest";
import { shanghaiDate } from "@/lib/dates";
import { db } from "@/lib/db";
import { getReportData } from "@/lib/reports/data";
import { renderReportDocx } from "@/lib/reports/docx";
import { renderReportPdf } from "@/lib/reports/pdf";
import en from "@/messages/en.json";
import zh from "@/messages/zh-CN.json";
import { seedSampleData } from "../../prisma/seed";
import { createAgency, createProposal, createRecommendation } from "./factories";

const AS_OF = "2026-11-30";
let proposalCode = "";

const at = (iso: string) => new Date(`${iso}T10:00:00+08:00`);

beforeAll(async () => {
  await seedSampleData(db);
  const proposal = await createProposal({ code: "DB-2026" });
  proposalCode = proposal.code;
  await db.proposal.update({ where: { id: proposal.id }, data: { submittedAt: shanghaiDate("2026-01-10") } });
  const rec = await createRecommendation(proposal.id, { code: "R1" });
  const quiet = await createRecommendation(proposal.id, { code: "R2" });
  const agency = await createAgency();
  const office = await db.user.findUniqueOrThrow({ where: { email: "office@tracker.example" } });
  for (const id of [rec.id, quiet.id])
    await db.recommendationAgency.create({
      data: { recommendationId: id, agencyId: agency.id, role: "lead" },
    });
  const extension = (
    createdAt: string,
    requestedDueAt: string,
    state: "approved" | "rejected" | "pending",
    decidedAt: string | null,
    reason: string,
  ) =>
    db.extensionRequest.create({
      data: {
        recommendationId: rec.id,
        previousDueAt: shanghaiDate("2026-09-30"),
        requestedDueAt: shanghaiDate(requestedDueAt),
        reason,
        requestedById: office.id,
        state,
        decidedById: decidedAt ? office.id : null,
        decidedAt: decidedAt ? at(decidedAt) : null,
        createdAt: at(createdAt),
      },
    });
  await extension("2026-09-01", "2026-12-31", "rejected", "2026-09-05", "需协调市区两级资金");
  await extension("2026-10-08", "2027-01-31", "approved", "2026-12-02", "试点方案待国务院批复");
  await extension("2026-12-01", "2027-02-28", "pending", null, "做完再说");
  const notice = (
    createdAt: string,
    level: "red" | "yellow",
    answerDueAt: string,
    answeredAt: string | null,
  ) =>
    db.supervisionNotice.create({
      data: {
        recommendationId: rec.id,
        agencyId: agency.id,
        level,
        text: "请报送进展",
        answerDueAt: shanghaiDate(answerDueAt),
        issuedById: office.id,
        acknowledgedAt: answeredAt ? at(answeredAt) : null,
        acknowledgedById: answeredAt ? office.id : null,
        answer: answeredAt ? "已报送" : null,
        answeredAt: answeredAt ? at(answeredAt) : null,
        answeredById: answeredAt ? office.id : null,
        createdAt: at(createdAt),
      },
    });
  await notice("2026-10-15", "yellow", "2026-10-25", "2026-10-20");
  await notice("2026-11-20", "red", "2026-11-27", "2026-12-01");
  await notice("2026-12-02", "red", "2026-12-09", null);
});

async function docx(locale: "zh-CN" | "en") {
  const data = await getReportData(db, { proposal: proposalCode, asOf: AS_OF, compareTo: "2026-06-30" });
  if (!data) throw new Error("no report");
  const zip = await JSZip.loadAsync(await renderReportDocx(data, { locale }));
  const xml = (await zip.file("word/document.xml")?.async("string")) ?? "";
  const paragraphs = [...xml.matchAll(/<w:p[ >].*?<\/w:p>/g)].map((m) => m[0].replace(/<[^>]+>/g, ""));
  const rows = [...xml.matchAll(/<w:tr[ >].*?<\/w:tr>/g)].map((m) =>
    // A date's spaces are unbreakable ones in the file.
    [...m[0].matchAll(/<w:tc>.*?<\/w:tc>/g)].map((cell) =>
      cell[0].replace(/<[^>]+>/g, "").replaceAll("\u00a0", " "),
    ),
  );
  return { paragraphs, rows };
}

/** The rows of the table whose header row is `header`, up to the next table's. */
function tableAfter(rows: string[][], header: string[]) {
  const start = rows.findIndex((row) => JSON.stringify(row) === JSON.stringify(header));
  expect(start, `a table headed ${header.join(" | ")}`).toBeGreaterThanOrEqual(0);
  return rows.slice(start + 1, start + 1 + 10).filter((row) => row.length === header.length);
}

describe("the Word report's 延期 and 督办单", () => {
  it("lists them in Chinese as they stood on the as-of day", async () => {
    const { paragraphs, rows } = await docx("zh-CN");
    const r = zh.supervision.report;
    expect(paragraphs).toContain(`${r.extensions}：`);
    expect(paragraphs).toContain(`${r.notices}：`);
    const extensions = tableAfter(rows, [r.askedOn, r.newDate, r.state, r.reason]);
    expect(extensions.slice(0, 2)).toEqual([
      ["2026年9月1日", "2026年12月31日", r.stateValue.rejected, "需协调市区两级资金"],
      // Approved only after the as-of day: still waiting then.
      ["2026年10月8日", "2027年1月31日", r.stateValue.pending, "试点方案待国务院批复"],
    ]);
    const notices = tableAfter(rows, [r.level, r.issuedOn, r.answerDue, r.answeredOn]);
    expect(notices.slice(0, 2)).toEqual([
      [zh.supervision.level.yellow, "2026年10月15日", "2026年10月25日", "2026年10月20日"],
      [zh.supervision.level.red, "2026年11月20日", "2026年11月27日", r.notAnswered],
    ]);
    // Neither the request nor the notice made after the day.
    expect(rows.flat()).not.toContain("做完再说");
    expect(rows.flat()).not.toContain("2026年12月2日");
    // R2 has neither: a line says so.
    expect(paragraphs).toContain(r.noExtensions);
    expect(paragraphs).toContain(r.noNotices);
  });

  it("lists them in English", async () => {
    const { rows } = await docx("en");
    const r = en.supervision.report;
    expect(tableAfter(rows, [r.askedOn, r.newDate, r.state, r.reason])[0]).toEqual([
      "September 1, 2026",
      "December 31, 2026",
      r.stateValue.rejected,
      "需协调市区两级资金",
    ]);
    expect(tableAfter(rows, [r.level, r.issuedOn, r.answerDue, r.answeredOn])[1]?.[0]).toBe(
      en.supervision.level.red,
    );
  });
});

describe("the PDF report's 延期 and 督办单", () => {
  it("lists the same, read back as its reader shows it", async () => {
    const data = await getReportData(db, { proposal: proposalCode, asOf: AS_OF, compareTo: "2026-06-30" });
    if (!data) throw new Error("no report");
    const file = join(mkdtempSync(join(tmpdir(), "supervision-pdf-")), "report.pdf");
    writeFileSync(file, await renderReportPdf(data, { locale: "zh-CN" }));
    const text = execFileSync("pdftotext", ["-layout", "-enc", "UTF-8", file, "-"], { encoding: "utf8" })
      .replace(/第\d+页，共\d+页/g, "")
      .replace(/\s+/g, "");
    const r = zh.supervision.report;
    for (const line of [
      `${r.extensions}：`,
      `${r.notices}：`,
      `2026年9月1日2026年12月31日${r.stateValue.rejected}需协调市区两级资金`,
      `2026年10月8日2027年1月31日${r.stateValue.pending}试点方案待国务院批复`,
      `${zh.supervision.level.red}2026年11月20日2026年11月27日${r.notAnswered}`,
      r.noExtensions,
      r.noNotices,
    ])
      expect(text).toContain(line);
    expect(text).not.toContain("做完再说");
  });
});
