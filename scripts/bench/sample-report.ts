// The progress report of the sample proposal (LLM-2024), as a report maker gets it from the embedded
// SQLite database that `npm start` runs on: its content, its charts, and its PDF and Word files, each
// timed on its own so that the table says what costs the time. Issue 15: a report within 1 s (median).
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { addMonths, shanghaiToday, toShanghaiDateString } from "../../lib/dates";
import { createPrismaClient } from "../../lib/db/client";
import { renderReportCharts } from "../../lib/reports/charts";
import { getReportData } from "../../lib/reports/data";
import { renderReportDocx } from "../../lib/reports/docx";
import { reportLabels } from "../../lib/reports/labels";
import { renderReportPdf } from "../../lib/reports/pdf";
import { seedSampleData } from "../../prisma/seed";
import { summarize, type Timing } from "./stats";

export const SAMPLE_REPORT_TARGET_MEDIAN_MS = 1000;
const PROPOSAL = "LLM-2024";

export interface SampleReportResult {
  /** What each step costs: the content from the database, the charts, then each whole file. */
  steps: { name: string; timing: Timing; whole: boolean }[];
}

export async function benchSampleReport(
  options: { runs: number; warmup: number },
  log: (message: string) => void,
): Promise<SampleReportResult> {
  const dir = mkdtempSync(join(tmpdir(), "bench-sample-report-"));
  const url = `file:${join(dir, "sample.db")}`;
  execFileSync("npx", ["prisma", "migrate", "deploy"], {
    env: { ...process.env, DATABASE_URL: url },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const db = createPrismaClient(url);
  try {
    await seedSampleData(db);
    const today = shanghaiToday();
    const asOf = toShanghaiDateString(today);
    const params = { proposal: PROPOSAL, asOf, compareTo: addMonths(asOf, -1) };
    const content = async () => {
      const data = await getReportData(db, params, today);
      if (!data) throw new Error(`no proposal ${PROPOSAL}`);
      return data;
    };
    const data = await content();
    const steps: { name: string; run: () => Promise<unknown>; whole: boolean }[] = [
      { name: "content (getReportData)", run: content, whole: false },
      {
        name: "charts (renderReportCharts)",
        run: () => renderReportCharts(data, reportLabels("zh-CN", data)),
        whole: false,
      },
      {
        name: "PDF, whole",
        run: async () => renderReportPdf(await content(), { locale: "zh-CN" }),
        whole: true,
      },
      {
        name: "Word, whole",
        run: async () => renderReportDocx(await content(), { locale: "zh-CN" }),
        whole: true,
      },
    ];
    const results: SampleReportResult["steps"] = [];
    for (const step of steps) {
      for (let i = 0; i < options.warmup; i++) await step.run();
      const times: number[] = [];
      for (let i = 0; i < options.runs; i++) {
        const started = performance.now();
        await step.run();
        times.push(performance.now() - started);
      }
      const timing = summarize(times);
      log(`  sample report: ${step.name}: median ${Math.round(timing.medianMs)} ms`);
      results.push({ name: step.name, timing, whole: step.whole });
    }
    return { steps: results };
  } finally {
    await db.$disconnect();
    rmSync(dir, { recursive: true, force: true });
  }
}
