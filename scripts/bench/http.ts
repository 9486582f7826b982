// The built app under HTTP load: `next start` on the benchmark database, a signed-in official's
// session cookie made by the authentication library directly, and load against the pages. A page with a
// rate gets it as an open loop (loadtest): one request every 1/rate s, on a new connection whenever none
// is free, timed from when it was due to go. autocannon's own rate sends each second's share back to back
// at the start of the second, a burst that measures the server at full load, not at that rate. Pages
// without a rate are loaded as fast as they are answered, by autocannon.
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import autocannon from "autocannon";
import { type LoadTestOptions, loadTest } from "loadtest";
import { createAuth } from "../../lib/auth/config";
import { databaseProvider } from "../../lib/database-url";
import { createPrismaClient } from "../../lib/db/client";
import { percentile, round } from "./stats";

export interface HttpPage {
  name: string;
  path: string;
  /** Shown as pass/fail columns. */
  target?: { minRequestsPerSecond?: number; maxP95Ms?: number };
  /** Requests per second to offer in all (autocannon's overallRate); unset: as fast as answered. */
  rate?: number;
}

export interface HttpOptions {
  port: number;
  durationSeconds: number;
  connections: number;
  log: (message: string) => void;
}

export interface HttpResult {
  name: string;
  path: string;
  requestsPerSecond: number;
  requests: number;
  medianMs: number;
  p95Ms: number;
  non2xx: number;
  errors: number;
  /** Resident memory of the server's processes: after start, and the peak under load. */
  serverRssMb: { idle: number | null; peak: number | null };
  targets: { label: string; pass: boolean }[];
}

export const HTTP_PAGES: HttpPage[] = [
  // The target as a load: 50 requests a second offered, and how fast they are answered.
  {
    name: "dashboard at 50 req/s offered",
    path: "/zh-CN/dashboard",
    rate: 50,
    target: { minRequestsPerSecond: 49, maxP95Ms: 200 },
  },
  { name: "dashboard, as fast as answered", path: "/zh-CN/dashboard" },
  { name: "API /api/v1/summary", path: "/api/v1/summary" },
  {
    name: "API /api/v1/recommendations?q=人工智能",
    path: `/api/v1/recommendations?${new URLSearchParams({ q: "人工智能" })}`,
  },
  {
    name: "table: search + status, 50 rows",
    path: `/zh-CN/table?${new URLSearchParams({ q: "大模型", status: "in_progress,stalled", perPage: "50" })}`,
  },
  { name: "table: no filter, 50 rows", path: "/zh-CN/table?perPage=50" },
];

const BENCH_USER = { email: "bench@national.example", name: "基准测试", password: "bench-password-2026" };
// Fixed, so that sessions made by one run stay valid for the next; the bench server only.
const BENCH_SECRET = "bench-only-secret-not-for-production-0123456789";
// The app as `npm start` serves it, with two processes for the two cores (WEB_CONCURRENCY overrides).
const SERVE = join("scripts", "serve.mjs");
const WEB_CONCURRENCY = 2;
export const WARM_UP_REQUESTS = 3;
/** Then load as fast as answered, not measured: a fresh server's processes are slow until compiled hot. */
export const WARM_UP_SECONDS = 3;

export function hasBuild(): boolean {
  return existsSync(join(".next", "BUILD_ID"));
}

export async function benchHttp(
  url: string,
  pages: readonly HttpPage[],
  options: HttpOptions,
): Promise<HttpResult[]> {
  const origin = `http://127.0.0.1:${options.port}`;
  const cookie = await signIn(url, origin);
  const server = startServer(url, options.port, origin);
  try {
    await waitUntilHealthy(origin, server);
    const idle = serverRss(server);
    const results: HttpResult[] = [];
    for (const page of pages) {
      options.log(
        `  ${page.name}: warming up, then ${options.durationSeconds} s ` +
          (page.rate ? `at ${page.rate} requests a second…` : `at ${options.connections} connections…`),
      );
      // One request at a time, so that no backlog of slow warm-up requests is left for the measured run.
      for (let i = 0; i < WARM_UP_REQUESTS; i++) await expectSignedInPage(origin + page.path, cookie);
      await load(origin + page.path, cookie, { ...options, durationSeconds: WARM_UP_SECONDS });
      let peak = 0;
      const sampler = setInterval(() => {
        peak = Math.max(peak, serverRss(server) ?? 0);
      }, 250);
      const measured = await (page.rate
        ? loadAtRate(origin + page.path, cookie, page.rate, options.durationSeconds)
        : load(origin + page.path, cookie, options)
      ).finally(() => clearInterval(sampler));
      const targets: HttpResult["targets"] = [];
      if (page.target?.minRequestsPerSecond !== undefined)
        targets.push({
          label: `≥${page.target.minRequestsPerSecond} req/s`,
          pass: measured.requestsPerSecond >= page.target.minRequestsPerSecond,
        });
      if (page.target?.maxP95Ms !== undefined)
        targets.push({
          label: `p95 ≤${page.target.maxP95Ms} ms`,
          pass: measured.p95Ms <= page.target.maxP95Ms,
        });
      const result = {
        name: page.name,
        path: page.path,
        ...measured,
        serverRssMb: { idle, peak: peak || null },
        targets,
      };
      options.log(
        `  ${page.name}: ${result.requestsPerSecond} req/s, median ${result.medianMs} ms, p95 ${result.p95Ms} ms` +
          (result.non2xx || result.errors ? `, ${result.non2xx} non-2xx, ${result.errors} errors` : ""),
      );
      results.push(result);
    }
    return results;
  } finally {
    await stopServer(server);
  }
}

/** An official's session, signed in through the library with the secret the server gets. */
async function signIn(url: string, origin: string, user = BENCH_USER, role = "official"): Promise<string> {
  // createAuth reads these from the environment, as the server will.
  process.env.DATABASE_URL = url;
  process.env.BETTER_AUTH_SECRET = BENCH_SECRET;
  process.env.BETTER_AUTH_URL = origin;
  const db = createPrismaClient(url);
  try {
    const auth = createAuth(db);
    if (!(await db.user.findUnique({ where: { email: user.email } }))) {
      const created = await auth.api.createUser({ body: { ...user, role: "official" } });
      if (role !== "official")
        await db.user.update({ where: { id: created.user.id }, data: { role: role as "admin" } });
    }
    const response = await auth.api.signInEmail({
      body: { email: user.email, password: user.password },
      asResponse: true,
    });
    if (!response.ok) throw new Error(`sign-in failed: ${response.status} ${await response.text()}`);
    const cookies = response.headers.getSetCookie().map((header) => header.split(";")[0]);
    if (!cookies.length) throw new Error("sign-in set no cookie");
    return cookies.join("; ");
  } finally {
    await db.$disconnect();
  }
}

function startServer(
  url: string,
  port: number,
  origin: string,
  processes?: number,
  env: Record<string, string> = {},
): ChildProcess {
  // Its own process group, so that stopping it stops next-server's children too.
  const server = spawn(process.execPath, [SERVE], {
    env: {
      ...process.env,
      ...env,
      PORT: String(port),
      WEB_CONCURRENCY: String(processes ?? process.env.WEB_CONCURRENCY ?? WEB_CONCURRENCY),
      DATABASE_URL: url,
      SAMPLE_DATA: "off",
      BETTER_AUTH_SECRET: BENCH_SECRET,
      BETTER_AUTH_URL: origin,
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
    },
    detached: true,
    stdio: ["ignore", "ignore", "inherit"],
  });
  return server;
}

async function stopServer(server: ChildProcess) {
  if (server.pid === undefined || server.exitCode !== null) return;
  const exited = new Promise((resolve) => server.once("exit", resolve));
  process.kill(-server.pid, "SIGTERM");
  const timeout = setTimeout(() => server.pid && process.kill(-server.pid, "SIGKILL"), 5000);
  await exited;
  clearTimeout(timeout);
}

async function waitUntilHealthy(origin: string, server: ChildProcess) {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`the app exited with code ${server.exitCode}`);
    try {
      const response = await fetch(`${origin}/api/health`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`the app did not answer ${origin}/api/health within 60 s`);
}

/** Refuses to measure a redirect to the sign-in page or an error page. */
async function expectSignedInPage(url: string, cookie: string) {
  const response = await fetch(url, { headers: { cookie }, redirect: "manual" });
  if (response.status !== 200) throw new Error(`${url} answered ${response.status}, not 200 (signed in?)`);
  await response.text();
}

type LoadResult = Pick<
  HttpResult,
  "requestsPerSecond" | "requests" | "medianMs" | "p95Ms" | "non2xx" | "errors"
>;

/** As fast as answered, on a fixed number of connections. */
async function load(
  url: string,
  cookie: string,
  options: Pick<HttpOptions, "durationSeconds" | "connections">,
): Promise<LoadResult> {
  const times: number[] = [];
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      // A slow page answers late rather than not at all: 30 s before a request counts as an error.
      {
        url,
        connections: options.connections,
        duration: options.durationSeconds,
        timeout: 30,
        headers: { cookie },
      },
      (error, result) => (error ? reject(error) : resolve(result)),
    );
    instance.on("response", (_client, _status, _bytes, responseTime) => times.push(responseTime));
  });
  return {
    requestsPerSecond: round(result.requests.total / options.durationSeconds, 1),
    requests: result.requests.total,
    medianMs: times.length ? round(percentile(times, 50), 1) : Number.NaN,
    p95Ms: times.length ? round(percentile(times, 95), 1) : Number.NaN,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
  };
}

/** `rate` requests a second, evenly spaced, for the duration, each timed until its whole answer is in. */
async function loadAtRate(
  url: string,
  cookie: string,
  rate: number,
  durationSeconds: number,
): Promise<LoadResult> {
  const times: number[] = [];
  let non2xx = 0;
  let errors = 0;
  const started = performance.now();
  await new Promise<void>((resolve, reject) => {
    const options: LoadTestOptions = {
      url,
      requestsPerSecond: rate,
      // A number of requests rather than seconds: the run ends when the last one is answered.
      maxRequests: rate * durationSeconds,
      agentKeepAlive: true,
      timeout: 30_000,
      headers: { cookie },
      quiet: true,
      statusCallback: (error, result: { statusCode: number; requestElapsed: number } | undefined) => {
        if (!result) errors++;
        else if (result.statusCode < 200 || result.statusCode > 299) non2xx++;
        else if (!error) times.push(result.requestElapsed);
      },
    };
    loadTest(options, (error: Error | null) => (error ? reject(error) : resolve()));
  });
  const seconds = (performance.now() - started) / 1000;
  return {
    requestsPerSecond: round(times.length / seconds, 1),
    requests: times.length + non2xx + errors,
    medianMs: times.length ? round(percentile(times, 50), 1) : Number.NaN,
    p95Ms: times.length ? round(percentile(times, 95), 1) : Number.NaN,
    non2xx,
    errors,
  };
}

/** Resident memory of every process in the server's group (Linux /proc), in MB; null elsewhere. */
function serverRss(server: ChildProcess, of: "all" | "largest" = "all"): number | null {
  if (server.pid === undefined || !existsSync("/proc")) return null;
  let kilobytes = 0;
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      // Fields after the command name (in parentheses): state, ppid, pgrp, …
      const group = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[2]);
      if (group !== server.pid) continue;
      const rss = Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${entry}/status`, "utf8"))?.[1] ?? 0);
      kilobytes = of === "all" ? kilobytes + rss : Math.max(kilobytes, rss);
    } catch {
      // the process ended meanwhile
    }
  }
  return kilobytes ? Math.round(kilobytes / 1024) : null;
}

export interface HttpExportResult {
  name: string;
  query: string;
  status: number;
  bytes: number;
  firstByteMs: number;
  totalMs: number;
  /** The largest process of the server (the one that answers), before the exports and at its peak. */
  serverRssMb: { idle: number | null; peak: number | null };
}

/**
 * Each export downloaded once from the built app served by one process, as a browser would: the time to
 * its first byte and to its last, and the serving process's memory meanwhile.
 */
export async function benchHttpExports(
  url: string,
  cases: readonly { name: string; query: string }[],
  options: { port: number; log: (message: string) => void },
): Promise<HttpExportResult[]> {
  const origin = `http://127.0.0.1:${options.port}`;
  const cookie = await signIn(url, origin);
  const server = startServer(url, options.port, origin, 1);
  try {
    await waitUntilHealthy(origin, server);
    // The route's first answer loads its code: not part of an export's time.
    await (await fetch(`${origin}/api/export?format=csv&ids=none`, { headers: { cookie } })).arrayBuffer();
    const idle = serverRss(server, "largest");
    const results: HttpExportResult[] = [];
    for (const bench of cases) {
      let peak = 0;
      const sampler = setInterval(() => {
        peak = Math.max(peak, serverRss(server, "largest") ?? 0);
      }, 100);
      const started = performance.now();
      let firstByteMs = 0;
      let bytes = 0;
      const response = await fetch(`${origin}/api/export?${bench.query}`, { headers: { cookie } });
      try {
        const reader = response.body?.getReader();
        for (;;) {
          const chunk = await reader?.read();
          if (!chunk || chunk.done) break;
          if (!bytes) firstByteMs = performance.now() - started;
          bytes += chunk.value.byteLength;
        }
      } finally {
        clearInterval(sampler);
      }
      const result = {
        name: bench.name,
        query: bench.query,
        status: response.status,
        bytes,
        firstByteMs: Math.round(firstByteMs),
        totalMs: Math.round(performance.now() - started),
        serverRssMb: { idle, peak: peak || null },
      };
      options.log(
        `  ${bench.name} over HTTP: ${result.status}, ${result.totalMs} ms (first byte ${result.firstByteMs} ms), ` +
          `server process RSS ${idle} MB idle, ${peak} MB peak`,
      );
      results.push(result);
    }
    return results;
  } finally {
    await stopServer(server);
  }
}

/** What the serving process's memory did in one window (MB): the rise of its peak over its start. */
export interface MemoryRise {
  /** Resident memory, sampled inside the process every 10 ms; the start is after a full collection. */
  rss: number;
  /** The JavaScript heap in use. */
  heapUsed: number;
  /** Memory outside the heap: Buffers and other ArrayBuffers, and what native code reports. */
  external: number;
}

export interface HttpFileResult {
  /** "upload" or "download" of `bytes`, or its floor: the same bytes through the same server without the file store. */
  name: string;
  bytes: number;
  ms: number;
  rise: MemoryRise;
  /** The RSS (MB) at the window's start, after a full collection. */
  rssAtStartMb: number;
  /** For the 20 MB upload and download: the bound on the RSS rise, and whether it held. */
  target: { maxRssRiseMb: number; pass: boolean } | null;
}

/**
 * The bound on the serving process's RSS rise across a 20 MB upload, and across its download. The file
 * goes through in parts of 256 KiB, one at a time; what a transfer costs beyond that is garbage that V8
 * collects at its own pace: Buffers handed on and dropped, collected with the young generation (at the
 * latest once its buffers reach 32 MB, whatever the file's size). The floors (the same bytes through the
 * same server without the store) rise by 10–26 MB on this machine; 40 MB leaves them their room, and
 * is a third of what the Prisma path cost (90–110 MB for the upload).
 */
export const FILE_MAX_RSS_RISE_MB = 40;
/**
 * On SQLite, and beyond that bound: the connection's page cache, which better-sqlite3 sizes at 16 MB
 * (cache_size -16000) and which fills once, with whatever pages pass through it, and then stays that
 * size. A fresh server's cache is empty; 20 MB written fills it.
 */
export const SQLITE_PAGE_CACHE_MB = 16;
const FILE_BYTES = 20 * 1024 * 1024;

const FILES_USER = {
  email: "bench.files@national.example",
  name: "基准附件",
  password: "bench-password-2026",
};

const MB = 1024 * 1024;
type Usage = { rss: number; heapUsed: number; external: number; arrayBuffers: number };

/**
 * The serving process's own view of its memory (scripts/bench/memory-probe.cjs, loaded into it): each
 * call ends one window and starts the next, and answers the window's peak and, after a full garbage
 * collection, where the next one starts.
 */
function memoryProbe(file: string) {
  let seq = 0;
  const read = () => {
    try {
      return JSON.parse(readFileSync(file, "utf8")) as {
        pid: number;
        seq: number;
        peak: Usage;
        after: Usage;
      };
    } catch {
      return null; // not written yet, or being written
    }
  };
  return async (): Promise<{ peak: Usage; after: Usage }> => {
    const pid = read()?.pid;
    if (!pid) throw new Error("the app server loaded no memory probe");
    process.kill(pid, "SIGUSR2");
    const deadline = Date.now() + 10_000;
    for (;;) {
      const answer = read();
      if (answer && answer.seq > seq) {
        seq = answer.seq;
        return answer;
      }
      if (Date.now() > deadline) throw new Error("the memory probe did not answer");
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  };
}

const rise = (start: Usage, peak: Usage): MemoryRise => ({
  rss: round((peak.rss - start.rss) / MB, 1),
  heapUsed: round((peak.heapUsed - start.heapUsed) / MB, 1),
  external: round((peak.external - start.external) / MB, 1),
});

/**
 * A file of 20 MB uploaded to a piece of evidence and downloaded again through the built app served by
 * one process, each beside its floor: the same multipart body posted for an owner that does not exist
 * (Next.js and busboy read it all, nothing is stored), and the same number of bytes served from public/
 * (a file stream piped to the response). Each runs on a server of its own, started afresh and warmed up
 * with a small file: memory a process has taken it keeps for a while, so that a transfer measured after
 * another would look cheaper than it is. Each is a window of the serving process's memory, from a full
 * garbage collection to the end of the transfer (`memoryProbe`), sampled inside it every 10 ms: the
 * rise of its peak RSS, heap and external memory. The client's memory (the body is built in the
 * bench's process) is not counted. The files are deleted afterwards, so that the dataset stays as
 * generated.
 */
export async function benchHttpFiles(
  url: string,
  options: { port: number; log: (message: string) => void },
): Promise<HttpFileResult[]> {
  const origin = `http://127.0.0.1:${options.port}`;
  const cookie = await signIn(url, origin, FILES_USER, "admin");
  const db = createPrismaClient(url);
  const directory = mkdtempSync(join(tmpdir(), "bench-files-"));
  const probeFile = join(directory, "memory.json");
  // Served by the app as any file in public/ is: the download's floor (and a small one to warm up).
  const floorName = `bench-floor-${process.pid}`;
  const floorPaths = [join("public", `${floorName}.txt`), join("public", `${floorName}-small.txt`)] as const;
  writeFileSync(floorPaths[0], Buffer.alloc(FILE_BYTES, 0x20));
  writeFileSync(floorPaths[1], Buffer.alloc(100 * 1024, 0x20));
  const made: string[] = [];
  try {
    const evidence = await db.evidence.findFirstOrThrow({
      where: { withdrawnAt: null, recommendation: { archivedAt: null } },
      select: { id: true },
    });
    const content = Buffer.alloc(FILE_BYTES, 0x20);
    content.write("%PDF-1.4\n", 0, "latin1");
    const post = (owner: string, bytes: Buffer) => {
      const body = new FormData();
      body.set("owner", owner);
      body.set("file", new Blob([bytes as Buffer<ArrayBuffer>]), "bench.pdf");
      return fetch(`${origin}/api/files`, { method: "POST", body, headers: { cookie, origin } });
    };
    const uploadTo = async (owner: string, bytes: Buffer) => {
      const uploaded = await post(owner, bytes);
      const answer = (await uploaded.json()) as { file?: { id: string } };
      if (!answer.file) throw new Error(`upload failed: ${uploaded.status} ${JSON.stringify(answer)}`);
      made.push(answer.file.id);
      return answer.file.id;
    };
    const drain = async (response: Response) => {
      let received = 0;
      const reader = response.body?.getReader();
      for (;;) {
        const chunk = await reader?.read();
        if (!chunk || chunk.done) break;
        received += chunk.value.byteLength;
      }
      return received;
    };
    const small = content.subarray(0, 100 * 1024);
    const owner = `evidence:${evidence.id}`;
    const refusedOwner = "evidence:bench-no-such-evidence";

    const results: HttpFileResult[] = [];
    const measure = async (name: string, target: number | null, transfer: () => Promise<void>) => {
      rmSync(probeFile, { force: true });
      const server = startServer(url, options.port, origin, 1, {
        NODE_OPTIONS: [
          process.env.NODE_OPTIONS,
          "--expose-gc",
          `--require=${resolve("scripts/bench/memory-probe.cjs")}`,
        ]
          .filter(Boolean)
          .join(" "),
        BENCH_MEMORY_PROBE: probeFile,
      });
      try {
        await waitUntilHealthy(origin, server);
        // Warm-up: each route's code loaded and each path run once, with small files.
        const warm = await uploadTo(owner, small);
        await drain(await fetch(`${origin}/api/files/${warm}`, { headers: { cookie } }));
        await (await post(refusedOwner, small)).arrayBuffer();
        await drain(await fetch(`${origin}/${floorName}-small.txt`));
        const probe = memoryProbe(probeFile);
        const { after: start } = await probe();
        const started = performance.now();
        await transfer();
        const elapsed = performance.now() - started;
        const { peak } = await probe();
        const measured = rise(start, peak);
        const result = {
          name,
          bytes: FILE_BYTES,
          ms: Math.round(elapsed),
          rise: measured,
          rssAtStartMb: round(start.rss / MB, 0),
          target: target === null ? null : { maxRssRiseMb: target, pass: measured.rss <= target },
        };
        options.log(
          `  ${name}: ${result.ms} ms; server from ${result.rssAtStartMb} MB RSS, peak rise: RSS +${measured.rss} MB, ` +
            `heap +${measured.heapUsed} MB, external +${measured.external} MB`,
        );
        results.push(result);
      } finally {
        await stopServer(server);
      }
    };
    await measure("upload floor: refused, read through", null, async () => {
      const answer = await post(refusedOwner, content);
      await answer.arrayBuffer();
      if (answer.status !== 404) throw new Error(`the floor's upload answered ${answer.status}`);
    });
    let fileId = "";
    const target = FILE_MAX_RSS_RISE_MB + (databaseProvider(url) === "sqlite" ? SQLITE_PAGE_CACHE_MB : 0);
    await measure("upload, 20 MB", target, async () => {
      fileId = await uploadTo(owner, content);
    });
    await measure("download floor: a file in public/", null, async () => {
      const received = await drain(await fetch(`${origin}/${floorName}.txt`));
      if (received !== FILE_BYTES) throw new Error(`the floor served ${received} of ${FILE_BYTES} bytes`);
    });
    await measure("download, 20 MB", target, async () => {
      const received = await drain(await fetch(`${origin}/api/files/${fileId}`, { headers: { cookie } }));
      if (received !== FILE_BYTES) throw new Error(`downloaded ${received} of ${FILE_BYTES} bytes`);
    });
    return results;
  } finally {
    for (const path of floorPaths) rmSync(path, { force: true });
    rmSync(directory, { recursive: true, force: true });
    const files = await db.storedFile.findMany({ where: { id: { in: made } }, select: { storageKey: true } });
    await db.fileChunk.deleteMany({ where: { storageKey: { in: files.map((file) => file.storageKey) } } });
    await db.storedFile.deleteMany({ where: { id: { in: made } } });
    await db.$disconnect();
  }
}
