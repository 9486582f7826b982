// The export cases of `npm run bench`: each export of at least 100,000 rows of the national dataset,
// run in a process of its own (scripts/bench/export.ts) to time it and take that process's peak memory.
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { ExportRunResult } from "./export";
import { percentile } from "./stats";

export interface ExportCase {
  name: string;
  /** The query string of GET /api/export. */
  query: string;
  maxMs: number;
  maxRssMb: number;
}

// Every recommendation that is not completed (in the national dataset about 18,000 of the 40,000), and
// the evidence behind them and their actions: about 112,000 rows.
const OPEN = "status=not_started,in_progress,stalled,not_adopted";

export const EXPORT_CASES: ExportCase[] = [
  {
    name: "export CSV: evidence of the open recommendations",
    query: `format=csv&part=evidence&${OPEN}`,
    maxMs: 3000,
    maxRssMb: 200,
  },
  {
    name: "export XLSX: evidence of the open recommendations",
    query: `format=xlsx&part=evidence&${OPEN}`,
    maxMs: 15000,
    maxRssMb: 200,
  },
  {
    // 40,000 recommendations and their 60,000 actions, one sheet each.
    name: "export XLSX: every recommendation and action",
    query: "format=xlsx&part=items,actions",
    maxMs: 15000,
    maxRssMb: 200,
  },
];

export interface ExportCaseResult {
  name: string;
  query: string;
  runs: ExportRunResult[];
  rows: number | null;
  medianMs: number | null;
  medianFirstByteMs: number | null;
  /** The highest peak of the runs, and the process's memory before its export began. */
  maxRssMb: number | null;
  baselineRssMb: number | null;
  error: string | null;
  pass: { time: boolean | null; memory: boolean | null };
}

async function runOnce(url: string, query: string): Promise<ExportRunResult> {
  const directory = mkdtempSync(join(tmpdir(), "bench-export-"));
  const resultFile = join(directory, "result.json");
  const execArgv = process.execArgv.some((arg) => arg.startsWith("--conditions"))
    ? process.execArgv
    : [...process.execArgv, "--conditions=react-server"];
  try {
    const child = spawn(process.execPath, [...execArgv, "scripts/bench/export.ts", resultFile, query], {
      env: { ...process.env, DATABASE_URL: url },
      stdio: ["ignore", "inherit", "inherit"],
    });
    const code = await new Promise<number | null>((resolve) => child.on("exit", resolve));
    if (code !== 0) throw new Error(`exit code ${code}`);
    return JSON.parse(readFileSync(resultFile, "utf8")) as ExportRunResult;
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}

export async function benchExports(
  url: string,
  options: { runs: number; filter?: string; log: (message: string) => void },
): Promise<ExportCaseResult[]> {
  const results: ExportCaseResult[] = [];
  for (const bench of EXPORT_CASES) {
    if (options.filter && !bench.name.includes(options.filter)) continue;
    const result: ExportCaseResult = {
      name: bench.name,
      query: bench.query,
      runs: [],
      rows: null,
      medianMs: null,
      medianFirstByteMs: null,
      maxRssMb: null,
      baselineRssMb: null,
      error: null,
      pass: { time: null, memory: null },
    };
    try {
      for (let i = 0; i < options.runs; i++) result.runs.push(await runOnce(url, bench.query));
      result.rows = result.runs[0]?.rows ?? null;
      result.medianMs = percentile(
        result.runs.map((run) => run.totalMs),
        50,
      );
      result.medianFirstByteMs = percentile(
        result.runs.map((run) => run.firstByteMs),
        50,
      );
      result.maxRssMb = Math.max(...result.runs.map((run) => run.maxRssMb));
      result.baselineRssMb = Math.max(...result.runs.map((run) => run.baselineRssMb));
      result.pass = { time: result.medianMs <= bench.maxMs, memory: result.maxRssMb <= bench.maxRssMb };
    } catch (error) {
      result.error = error instanceof Error ? error.message : String(error);
    }
    options.log(
      `  ${bench.name}: ${result.rows ?? "?"} rows, ${result.medianMs ?? "-"} ms (first byte ` +
        `${result.medianFirstByteMs ?? "-"} ms), peak RSS ${result.maxRssMb ?? "-"} MB ` +
        `(${result.baselineRssMb ?? "-"} MB before the export)${result.error ? `, ERROR ${result.error}` : ""}`,
    );
    results.push(result);
  }
  return results;
}
