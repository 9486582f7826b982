// The export cases of `npm run bench`: each export of at least 100,000 rows of the national dataset,
// run as the app runs it, by the export worker (lib/export/worker-process.ts, its production bundle),
// timed from the request to the last byte, with the worker's peak memory.

import { startExport } from "../../lib/export/worker-process";
import { buildExportWorker } from "../build-export-worker.mjs";
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

export interface ExportRunResult {
  /** Rows written (all parts), items in the view, bytes of the file. */
  rows: number;
  items: number;
  bytes: number;
  /** From the request to the first byte, and to the last. */
  firstByteMs: number;
  totalMs: number;
  /** The worker's peak resident memory. */
  maxRssMb: number;
}

export interface ExportCaseResult {
  name: string;
  query: string;
  runs: ExportRunResult[];
  rows: number | null;
  medianMs: number | null;
  medianFirstByteMs: number | null;
  /** The highest peak of the runs. */
  maxRssMb: number | null;
  error: string | null;
  pass: { time: boolean | null; memory: boolean | null };
}

/** One export, read to its end as a download would be (counting bytes), and thrown away. */
async function runOnce(url: string, query: string): Promise<ExportRunResult> {
  const values = Object.fromEntries(new URLSearchParams(query));
  const started = performance.now();
  const running = await startExport(
    {
      values,
      locale: "zh-CN",
      today: new Date().toISOString(),
      author: { kind: "token", tokenName: "bench" },
      exportedAt: new Date().toISOString(),
    },
    { url },
  );
  let bytes = 0;
  let firstByteMs = 0;
  for await (const chunk of running.body) {
    if (!bytes) firstByteMs = performance.now() - started;
    bytes += chunk.byteLength;
  }
  const totalMs = performance.now() - started;
  const { rows, maxRssMb } = await running.finished;
  return {
    rows,
    items: running.items,
    bytes,
    firstByteMs: Math.round(firstByteMs),
    totalMs: Math.round(totalMs),
    maxRssMb,
  };
}

export async function benchExports(
  url: string,
  options: { runs: number; filter?: string; log: (message: string) => void },
): Promise<ExportCaseResult[]> {
  // The worker runs its bundle, as in the built app: built here from the current source.
  await buildExportWorker();
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
      result.pass = { time: result.medianMs <= bench.maxMs, memory: result.maxRssMb <= bench.maxRssMb };
    } catch (error) {
      result.error = error instanceof Error ? error.message : String(error);
    }
    options.log(
      `  ${bench.name}: ${result.rows ?? "?"} rows, ${result.medianMs ?? "-"} ms (first byte ` +
        `${result.medianFirstByteMs ?? "-"} ms), worker peak RSS ${result.maxRssMb ?? "-"} MB` +
        `${result.error ? `, ERROR ${result.error}` : ""}`,
    );
    results.push(result);
  }
  return results;
}
