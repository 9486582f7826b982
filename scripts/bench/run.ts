// `npm run bench -- [options]`: the app's queries and pages against the national dataset, on SQLite and
// PostgreSQL, each case beside its floor (the same result from hand-written SQL).
//   --db sqlite|postgresql   one database only (default: both)
//   --scale 0.01             a smaller dataset (kept apart from the national one), e.g. a smoke run
//   --runs 20 --warmup 3     timed runs per case after warm-up (a case stops after --max-seconds 30)
//   --filter TEXT            only the cases (and HTTP pages) whose name or group contains TEXT
//   --regenerate             make the dataset anew even when the stored one matches
//   --no-export              skip the exports (each of ≥ 100,000 rows, in a process of its own)
//   --no-import              skip the import of 10,000 rows (on a dataset of its own, scale 0.2: it writes)
//   --no-sample-report       skip the sample proposal's report (on a SQLite database of its own)
//   --no-notifications       skip a day's reminders and 10,000 e-mails to a local SMTP server (on a copy)
//   --export-runs 3          runs per export case
//   --no-http                skip the HTTP load (it needs `npm run build` first; --build runs it)
//   --duration 10 --connections 10 --port 3200   (HTTP; the duration is 3 s below scale 1)
// Writes bench-results/bench-<timestamp>.json. PostgreSQL: BENCH_POSTGRES_URL (default
// postgresql://postgres@127.0.0.1:54329/tracker_bench; the database is created and replaced as needed).
import { spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { buildApp } from "../build.mjs";
import { DEFAULT_SEED, type GenerateResult } from "../national/generate";
import { childExecArgv } from "./child";
import { type BenchDatabase, ensureBenchDatabase } from "./datasets";
import { benchExports, EXPORT_CASES, type ExportCaseResult } from "./export-cases";
import {
  benchHttp,
  benchHttpExports,
  benchHttpFiles,
  HTTP_PAGES,
  type HttpExportResult,
  type HttpFileResult,
  type HttpResult,
  hasBuild,
  WARM_UP_REQUESTS,
  WARM_UP_SECONDS,
} from "./http";
import { benchImport, IMPORT_APPLY_TARGET_MS, IMPORT_ROWS, type ImportBenchResult } from "./import";
import type { MeasureOptions, MeasureResult } from "./measure";
import {
  benchNotifications,
  EMAILS,
  EMAILS_TARGET_MS,
  type NotificationsBenchResult,
  REMINDERS_DAY,
  REMINDERS_TARGET_MS,
} from "./notifications";
import { benchSampleReport, SAMPLE_REPORT_TARGET_MEDIAN_MS, type SampleReportResult } from "./sample-report";
import { formatTable, ms, type Provider, passMark } from "./stats";

const { values } = parseArgs({
  options: {
    db: { type: "string" },
    scale: { type: "string", default: "1" },
    seed: { type: "string", default: String(DEFAULT_SEED) },
    runs: { type: "string", default: "20" },
    warmup: { type: "string", default: "3" },
    "max-seconds": { type: "string", default: "30" },
    filter: { type: "string" },
    regenerate: { type: "boolean", default: false },
    "no-http": { type: "boolean", default: false },
    "no-export": { type: "boolean", default: false },
    "no-import": { type: "boolean", default: false },
    "no-sample-report": { type: "boolean", default: false },
    "no-notifications": { type: "boolean", default: false },
    "export-runs": { type: "string", default: "3" },
    build: { type: "boolean", default: false },
    duration: { type: "string" },
    connections: { type: "string", default: "10" },
    port: { type: "string", default: "3200" },
  },
});

const providers: Provider[] =
  values.db === "sqlite" || values.db === "postgresql" ? [values.db] : ["sqlite", "postgresql"];
if (values.db && !["sqlite", "postgresql"].includes(values.db)) {
  console.error("--db must be sqlite or postgresql");
  process.exit(2);
}
const scale = Number(values.scale);
const durationSeconds = values.duration ? Number(values.duration) : scale < 1 ? 3 : 10;
const measureOptions: MeasureOptions = {
  runs: Number(values.runs),
  warmup: Number(values.warmup),
  maxSecondsPerCase: Number(values["max-seconds"]),
  filter: values.filter,
};
const log = (message: string) => console.log(message);

interface DatabaseReport {
  provider: Provider;
  database: { url: string; info: BenchDatabase["info"]; generatedMs: GenerateResult["elapsedMs"] | null };
  measure: MeasureResult | null;
  exports: ExportCaseResult[] | null;
  imported: ImportBenchResult | null;
  notifications: NotificationsBenchResult | null;
  httpFiles: HttpFileResult[] | null;
  httpExports: HttpExportResult[] | null;
  http: HttpResult[] | null;
  httpSkipped: string | null;
  /** The machine's 1-minute load average before and after: other work on it skews the numbers. */
  loadAverage: { before: number; after: number };
}

const started = new Date();
const reports: DatabaseReport[] = [];
let http = !values["no-http"];
if (http && !hasBuild()) {
  if (values.build) {
    log("Building the app (npm run build)…");
    await buildApp();
  } else {
    log("No build of the app (.next/BUILD_ID): skipping HTTP. Run `npm run build` first, or pass --build.");
    http = false;
  }
}

for (const provider of providers) {
  log(`\n== ${provider} ==`);
  const loadBefore = loadavg()[0] ?? 0;
  const database = await ensureBenchDatabase(provider, {
    scale,
    seed: Number(values.seed),
    regenerate: values.regenerate,
    log,
  });
  log(
    `${provider}: measuring ${measureOptions.runs} runs per case after ${measureOptions.warmup} warm-up runs…`,
  );
  const measure = await measureInChild(database.url);
  let exports: ExportCaseResult[] | null = null;
  if (!values["no-export"]) {
    log(`${provider}: exports, ${values["export-runs"]} runs each, by the export worker…`);
    exports = await benchExports(database.url, {
      runs: Number(values["export-runs"]),
      filter: values.filter,
      log,
    });
  }
  let imported: ImportBenchResult | null = null;
  if (!values["no-import"] && (!values.filter || "import".includes(values.filter))) {
    log(`${provider}: import of ${IMPORT_ROWS} rows (dry run, then apply)…`);
    imported = await benchImport(provider, Number(values.seed), log);
  }
  let notifications: NotificationsBenchResult | null = null;
  if (!values["no-notifications"] && (!values.filter || "notifications".includes(values.filter))) {
    log(`${provider}: notifications: the reminders of ${REMINDERS_DAY}, then ${EMAILS} e-mails (on a copy)…`);
    notifications = await benchNotifications(database, log);
  }
  let httpResults: HttpResult[] | null = null;
  let httpSkipped: string | null = http ? null : "no build or --no-http";
  const pages = HTTP_PAGES.filter((page) => !values.filter || page.name.includes(values.filter));
  if (http && pages.length) {
    log(`${provider}: HTTP load on the built app at port ${values.port}…`);
    try {
      httpResults = await benchHttp(database.url, pages, {
        port: Number(values.port),
        durationSeconds,
        connections: Number(values.connections),
        log,
      });
    } catch (error) {
      httpSkipped = error instanceof Error ? error.message : String(error);
      log(`${provider}: HTTP failed: ${httpSkipped}`);
    }
  }
  let httpExports: HttpExportResult[] | null = null;
  const exportCases = EXPORT_CASES.filter((bench) => !values.filter || bench.name.includes(values.filter));
  if (http && !values["no-export"] && exportCases.length) {
    log(`${provider}: exports over HTTP from the built app (one process) at port ${values.port}…`);
    try {
      httpExports = await benchHttpExports(database.url, exportCases, { port: Number(values.port), log });
    } catch (error) {
      log(`${provider}: exports over HTTP failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  let httpFiles: HttpFileResult[] | null = null;
  if (http && (!values.filter || "files".includes(values.filter))) {
    log(`${provider}: a 20 MB file up and down through the built app (one process) at port ${values.port}…`);
    try {
      httpFiles = await benchHttpFiles(database.url, { port: Number(values.port), log });
    } catch (error) {
      log(`${provider}: files over HTTP failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  reports.push({
    provider,
    database: { url: database.url, info: database.info, generatedMs: database.generated?.elapsedMs ?? null },
    measure,
    exports,
    imported,
    notifications,
    httpExports,
    httpFiles,
    http: httpResults,
    httpSkipped,
    loadAverage: { before: loadBefore, after: loadavg()[0] ?? 0 },
  });
}

let sampleReport: SampleReportResult | null = null;
if (!values["no-sample-report"] && (!values.filter || "report".includes(values.filter))) {
  log("\n== the sample proposal's report (SQLite) ==");
  sampleReport = await benchSampleReport(
    { runs: Math.min(measureOptions.runs, 10), warmup: Math.max(1, measureOptions.warmup) },
    log,
  );
}

printReport(reports);
printSampleReport(sampleReport);
mkdirSync("bench-results", { recursive: true });
const file = join("bench-results", `bench-${started.toISOString().replace(/[:.]/g, "-")}.json`);
writeFileSync(
  file,
  `${JSON.stringify({ startedAt: started.toISOString(), options: { ...values, scale }, reports, sampleReport }, null, 2)}\n`,
);
log(`\nWrote ${file}`);

/** Runs measure.ts for one database in its own process (see there why) and reads its result. */
async function measureInChild(url: string): Promise<MeasureResult | null> {
  const directory = mkdtempSync(join(tmpdir(), "bench-"));
  const resultFile = join(directory, "result.json");
  const execArgv = childExecArgv();
  const child = spawn(
    process.execPath,
    [...execArgv, "scripts/bench/measure.ts", resultFile, JSON.stringify(measureOptions)],
    { env: { ...process.env, DATABASE_URL: url }, stdio: "inherit" },
  );
  const code = await new Promise<number | null>((resolve) => child.on("exit", resolve));
  try {
    if (code !== 0) {
      log(`measuring failed (exit code ${code})`);
      return null;
    }
    return JSON.parse(readFileSync(resultFile, "utf8")) as MeasureResult;
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}

function printSampleReport(result: SampleReportResult | null) {
  if (!result) return;
  log(
    "\nThe sample proposal's report on SQLite (ms): what each step costs; a whole file is the content, the charts and the file\n",
  );
  log(
    formatTable(
      ["step", "median", "p95", "target", "pass"],
      result.steps.map((step) => [
        step.name,
        ms(step.timing.medianMs),
        ms(step.timing.p95Ms),
        step.whole ? `median ≤${SAMPLE_REPORT_TARGET_MEDIAN_MS} ms` : "-",
        step.whole ? passMark(step.timing.medianMs <= SAMPLE_REPORT_TARGET_MEDIAN_MS) : "-",
      ]),
    ),
  );
}

function printReport(reports: DatabaseReport[]) {
  const rows: string[][] = [];
  for (const report of reports) {
    for (const result of report.measure?.cases ?? []) {
      rows.push([
        report.provider,
        result.name,
        ms(result.app?.medianMs),
        ms(result.app?.p95Ms),
        ms(result.floor?.medianMs),
        ms(result.floor?.p95Ms),
        result.ratio === null ? "-" : `${result.ratio.toFixed(2)}×`,
        result.error ? `error: ${result.error}` : (result.check ?? "-"),
        result.targets.map((target) => target.label).join(", ") || "-",
        result.targets.map((target) => passMark(target.pass)).join(", ") || "-",
      ]);
    }
  }
  log("\nQueries (ms; app = the app's function through Prisma, floor = hand-written SQL, same client)\n");
  log(
    formatTable(
      [
        "db",
        "case",
        "app med",
        "app p95",
        "floor med",
        "floor p95",
        "app/floor",
        "same result",
        "target",
        "pass",
      ],
      rows,
    ),
  );

  const exportRows: string[][] = [];
  for (const report of reports) {
    for (const result of report.exports ?? []) {
      const bench = EXPORT_CASES.find((item) => item.name === result.name);
      exportRows.push([
        report.provider,
        result.name,
        String(result.rows ?? "-"),
        ms(result.medianMs ?? undefined),
        ms(result.medianFirstByteMs ?? undefined),
        result.maxRssMb === null ? "-" : `${result.maxRssMb} MB`,
        "-",
        result.error ? `error: ${result.error}` : bench ? `≤${bench.maxMs} ms, ≤${bench.maxRssMb} MB` : "-",
        `${passMark(result.pass.time)}, ${passMark(result.pass.memory)}`,
      ]);
    }
  }
  for (const report of reports) {
    for (const result of report.httpExports ?? []) {
      exportRows.push([
        report.provider,
        `${result.name} (HTTP${result.status === 200 ? "" : ` ${result.status}`})`,
        "-",
        ms(result.totalMs),
        ms(result.firstByteMs),
        "-",
        result.serverRssMb.idle === null || result.serverRssMb.peak === null
          ? "-"
          : `${result.serverRssMb.idle} → ${result.serverRssMb.peak} MB`,
        "-",
        "-",
      ]);
    }
  }
  const fileRows = reports.flatMap((report) =>
    (report.httpFiles ?? []).map((result) => [
      report.provider,
      result.name,
      ms(result.ms),
      `${result.rssAtStartMb} MB`,
      `+${result.rise.rss} MB`,
      `+${result.rise.heapUsed} MB`,
      `+${result.rise.external} MB`,
      result.target ? `≤${result.target.maxRssRiseMb} MB` : "-",
      result.target ? passMark(result.target.pass) : "-",
    ]),
  );
  if (fileRows.length) {
    log(
      "\nFiles through HTTP (20 MB; the serving process, from a full collection to the end of the transfer): the rise of its peak RSS, heap and external memory; a floor is the same bytes through the same server without the file store\n",
    );
    log(
      formatTable(
        ["db", "transfer", "ms", "RSS at start", "RSS rise", "heap rise", "external rise", "target", "pass"],
        fileRows,
      ),
    );
  }
  if (exportRows.length) {
    log(
      "\nExports (median of the runs): the export worker's peak RSS; through HTTP, the app server's RSS at rest → at its peak\n",
    );
    log(
      formatTable(
        [
          "db",
          "export",
          "rows",
          "total ms",
          "first byte ms",
          "worker peak RSS",
          "server RSS",
          "target",
          "pass",
        ],
        exportRows,
      ),
    );
  }

  const importRows = reports.flatMap((report) =>
    report.imported
      ? [
          [
            report.provider,
            String(report.imported.rows),
            `${report.imported.fileMb} MB`,
            ms(report.imported.uploadMs),
            ms(report.imported.dryRunMs),
            ms(report.imported.applyMs),
            ms(report.imported.applyMs - report.imported.dryRunMs),
            String(report.imported.recorded),
            ms(IMPORT_APPLY_TARGET_MS[report.provider]),
            passMark(report.imported.applyMs <= IMPORT_APPLY_TARGET_MS[report.provider]),
          ],
        ]
      : [],
  );
  if (importRows.length) {
    log(
      "\nImport of a workbook (one run; reading and storing it, the dry run, the apply: the dry run again, then the writing, in one transaction, with what the writing adds to the dry run of the same run)\n",
    );
    log(
      formatTable(
        [
          "db",
          "rows",
          "file",
          "read + store ms",
          "dry run ms",
          "apply ms",
          "apply − dry run",
          "recorded",
          "target",
          "pass",
        ],
        importRows,
      ),
    );
  }

  const reminderRows = reports.flatMap((report) => {
    const result = report.notifications;
    if (!result) return [];
    const reminders = result.reminders;
    if (!reminders) return [[report.provider, `error: ${result.error ?? "-"}`]];
    return [
      [
        report.provider,
        reminders.day,
        String(reminders.reminders),
        `${reminders.notifications} / ${reminders.recipients} / ${reminders.deliveries}`,
        ms(reminders.dryRun.medianMs),
        ms(reminders.floor.medianMs),
        ms(reminders.writeMs),
        String(reminders.writtenAgain),
        `≤${REMINDERS_TARGET_MS} ms`,
        `${passMark(reminders.dryRun.medianMs <= REMINDERS_TARGET_MS)}, ${passMark(reminders.writeMs <= REMINDERS_TARGET_MS)}`,
      ],
    ];
  });
  if (reminderRows.length) {
    log(
      "\nReminders of one day (on a copy of the dataset): the dry run (median of 3) beside its floor (reading the rows it needs by hand-written SQL), then the day run as the app runs it (runScheduledDay: written in one transaction, e-mails queued), then run again\n",
    );
    log(
      formatTable(
        [
          "db",
          "day",
          "reminders",
          "reaching / recipients / e-mails",
          "dry run ms",
          "floor ms",
          "write ms",
          "new when run again",
          "target",
          "pass",
        ],
        reminderRows,
      ),
    );
  }

  const emailRows = reports.flatMap((report) => {
    const emails = report.notifications?.emails;
    if (!emails) return [];
    const drain = emails.drain;
    if (!drain) return [[report.provider, String(emails.emails), `error: ${emails.error ?? "-"}`]];
    return [
      [
        report.provider,
        String(emails.emails),
        ms(emails.queueMs),
        ms(drain.elapsedMs),
        ((drain.sent / drain.elapsedMs) * 1000).toFixed(0),
        `${emails.received} (${emails.distinctMessageIds} ids)`,
        `${drain.rssMb.before} / ${drain.rssMb.peak} / ${drain.rssMb.after} MB`,
        drain.retainedHeapMb ? `${drain.retainedHeapMb.before} → ${drain.retainedHeapMb.after} MB` : "-",
        `≤${EMAILS_TARGET_MS} ms`,
        passMark(
          drain.elapsedMs <= EMAILS_TARGET_MS &&
            drain.sent === emails.emails &&
            emails.distinctMessageIds === emails.emails,
        ),
      ],
    ];
  });
  if (emailRows.length) {
    log(
      "\nE-mails: queued by notify() in one transaction, then sent by sendDueDeliveries (claims of 50) with nodemailer to a local SMTP server, from a process of its own (its RSS when ready / at its peak / after; its heap in use after a full collection, before → after)\n",
    );
    log(
      formatTable(
        [
          "db",
          "e-mails",
          "queue ms",
          "send ms",
          "per second",
          "received",
          "sender RSS",
          "heap kept",
          "target",
          "pass",
        ],
        emailRows,
      ),
    );
  }

  const httpRows: string[][] = [];
  for (const report of reports) {
    for (const result of report.http ?? []) {
      httpRows.push([
        report.provider,
        result.name,
        String(result.requests),
        result.requestsPerSecond.toFixed(1),
        ms(result.medianMs),
        ms(result.p95Ms),
        String(result.non2xx + result.errors),
        result.serverRssMb.peak === null ? "-" : `${result.serverRssMb.peak} MB`,
        result.targets.map((target) => target.label).join(", ") || "-",
        result.targets.map((target) => passMark(target.pass)).join(", ") || "-",
      ]);
    }
    if (report.httpSkipped) httpRows.push([report.provider, `(skipped: ${report.httpSkipped})`]);
  }
  if (httpRows.length) {
    log(
      `\nHTTP (${durationSeconds} s per page after ${WARM_UP_REQUESTS} sequential requests and ${WARM_UP_SECONDS} s ` +
        `of unmeasured load; "offered": that many requests a second, evenly spaced, all answered; the rest: ` +
        `${values.connections} connections as fast as answered, requests unanswered at the end not counted)\n`,
    );
    log(
      formatTable(
        [
          "db",
          "page",
          "answered",
          "req/s",
          "median ms",
          "p95 ms",
          "non-2xx/errors",
          "server RSS peak",
          "target",
          "pass",
        ],
        httpRows,
      ),
    );
  }

  log("\nDatasets and memory\n");
  log(
    formatTable(
      ["db", "dataset", "generated in", "measuring process peak RSS", "load avg before/after"],
      reports.map((report) => [
        report.provider,
        `national v${report.database.info.version}, scale ${report.database.info.scale}, ` +
          `${report.database.info.counts.statusUpdates} status updates`,
        report.database.generatedMs ? `${(report.database.generatedMs.total / 1000).toFixed(1)} s` : "reused",
        report.measure ? `${report.measure.maxRssMb} MB` : "-",
        `${report.loadAverage.before.toFixed(1)} / ${report.loadAverage.after.toFixed(1)}`,
      ]),
    ),
  );
  log(
    `\nThis process (generator, HTTP client) peak RSS: ${Math.round(process.resourceUsage().maxRSS / 1024)} MB`,
  );
}
