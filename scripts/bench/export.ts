// One export, timed in a process of its own so that its peak memory is the export's and not the
// bench's. Started by run.ts as
//   tsx --conditions=react-server scripts/bench/export.ts RESULT_FILE QUERY
// with DATABASE_URL set; QUERY is the export's query string (format=csv&part=evidence…). The file is
// read to its end as a download would be, counting bytes, and thrown away.
import { writeFileSync } from "node:fs";
import { shanghaiToday } from "../../lib/dates";
import { db } from "../../lib/db";
import { prepareExport } from "../../lib/export/export";
import { exportQuery } from "../../lib/export/params";

export interface ExportRunResult {
  query: string;
  /** Rows written (all parts), items in the view. */
  rows: number;
  items: number;
  bytes: number;
  /** From the request to the first byte, and to the last. */
  firstByteMs: number;
  totalMs: number;
  /** Peak resident memory of this process, and its resident memory before the export began. */
  maxRssMb: number;
  baselineRssMb: number;
}

async function main() {
  const [resultFile, queryString] = process.argv.slice(2);
  if (!resultFile || queryString === undefined) throw new Error("usage: export.ts RESULT_FILE QUERY");
  const query = exportQuery.parse(Object.fromEntries(new URLSearchParams(queryString)));
  // The client connects on its first query: not part of an export's time.
  await db.$queryRawUnsafe("SELECT 1");
  const baselineRssMb = Math.round(process.memoryUsage().rss / 1024 / 1024);

  const started = performance.now();
  let rows = 0;
  const { chunks, view } = await prepareExport(db, query, "zh-CN", shanghaiToday(), (count) => {
    rows += count;
  });
  let bytes = 0;
  let firstByteMs = 0;
  for await (const chunk of chunks) {
    if (!bytes) firstByteMs = performance.now() - started;
    bytes += typeof chunk === "string" ? Buffer.byteLength(chunk) : chunk.byteLength;
  }
  const totalMs = performance.now() - started;
  const result: ExportRunResult = {
    query: queryString,
    rows,
    items: view.ids.length,
    bytes,
    firstByteMs: Math.round(firstByteMs),
    totalMs: Math.round(totalMs),
    maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
    baselineRssMb,
  };
  writeFileSync(resultFile, JSON.stringify(result));
  await db.$disconnect();
}

await main();
