// One database's cases, in a process of its own: the app's client (lib/db) is a singleton made from
// DATABASE_URL when first imported, so each database gets a fresh process. Started by run.ts as
//   tsx --conditions=react-server scripts/bench/measure.ts RESULT_FILE OPTIONS_JSON
// ("react-server" makes `import "server-only"` resolve to its empty module, as in Next's server build).
import { writeFileSync } from "node:fs";
import { databaseProvider, databaseUrl } from "../../lib/database-url";
import { db } from "../../lib/db";
import { benchCases, loadFixtures } from "./cases";
import type { BenchContext } from "./context";
import { judgeTargets, ms, round, summarize, type TargetResult, type Timing } from "./stats";

export interface MeasureOptions {
  runs: number;
  warmup: number;
  /** Stop a case after this long (but never before 5 runs), so that a slow query cannot stall the bench. */
  maxSecondsPerCase: number;
  filter?: string;
}

export interface CaseResult {
  name: string;
  group: string;
  app: Timing | null;
  floor: Timing | null;
  /** app median / floor median */
  ratio: number | null;
  /** "ok", what differs between the app's and the floor's result, or null when not compared. */
  check: string | null;
  error: string | null;
  targets: TargetResult[];
}

export interface MeasureResult {
  provider: "sqlite" | "postgresql";
  cases: CaseResult[];
  /** Peak resident memory of this measuring process. */
  maxRssMb: number;
}

const MIN_RUNS = 5;

async function timed<T>(run: () => Promise<T>): Promise<[number, T]> {
  const started = performance.now();
  const result = await run();
  return [performance.now() - started, result];
}

async function main() {
  const [resultFile, optionsJson] = process.argv.slice(2);
  if (!resultFile || !optionsJson) throw new Error("usage: measure.ts RESULT_FILE OPTIONS_JSON");
  const options = JSON.parse(optionsJson) as MeasureOptions;
  const provider = databaseProvider(databaseUrl());

  const sql: BenchContext["sql"] = (text, params = []) => {
    let n = 0;
    const query = provider === "postgresql" ? text.replace(/\?/g, () => `$${++n}`) : text;
    return db.$queryRawUnsafe(query, ...params);
  };
  const ctx: BenchContext = { provider, db, sql, fixtures: await loadFixtures({ db, sql }) };

  const results: CaseResult[] = [];
  for (const bench of benchCases(ctx)) {
    if (options.filter && !bench.name.includes(options.filter) && !bench.group.includes(options.filter))
      continue;
    const result: CaseResult = {
      name: bench.name,
      group: bench.group,
      app: null,
      floor: null,
      ratio: null,
      check: null,
      error: null,
      targets: [],
    };
    try {
      let appResult: unknown;
      let floorResult: unknown;
      for (let i = 0; i < Math.max(1, options.warmup); i++) {
        if (bench.app) appResult = await bench.app();
        if (bench.floor) floorResult = await bench.floor();
      }
      if (bench.same && bench.app && bench.floor) result.check = bench.same(appResult, floorResult) ?? "ok";

      const appTimes: number[] = [];
      const floorTimes: number[] = [];
      const started = performance.now();
      // Alternating, so that a slow spell of the machine hits both alike.
      for (let i = 0; i < options.runs; i++) {
        if (bench.app) appTimes.push((await timed(bench.app))[0]);
        if (bench.floor) floorTimes.push((await timed(bench.floor))[0]);
        if (i + 1 >= MIN_RUNS && performance.now() - started > options.maxSecondsPerCase * 1000) break;
      }
      result.app = appTimes.length ? summarize(appTimes) : null;
      result.floor = floorTimes.length ? summarize(floorTimes) : null;
      if (result.app && result.floor && result.floor.medianMs > 0)
        result.ratio = round(result.app.medianMs / result.floor.medianMs);
    } catch (error) {
      result.error = error instanceof Error ? (error.message.split("\n")[0] ?? String(error)) : String(error);
    }
    result.targets = judgeTargets(bench.target, provider, result.error ? null : result.app, result.ratio);
    results.push(result);
    console.log(
      `  ${bench.name}: app ${ms(result.app?.medianMs)}/${ms(result.app?.p95Ms)} ms, ` +
        `floor ${ms(result.floor?.medianMs)}/${ms(result.floor?.p95Ms)} ms (median/p95)` +
        (result.ratio === null ? "" : `, ${result.ratio}×`) +
        (result.check && result.check !== "ok" ? `, MISMATCH ${result.check}` : "") +
        (result.error ? `, ERROR ${result.error}` : ""),
    );
  }

  const output: MeasureResult = {
    provider,
    cases: results,
    maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
  };
  writeFileSync(resultFile, JSON.stringify(output));
  await db.$disconnect();
}

await main();
