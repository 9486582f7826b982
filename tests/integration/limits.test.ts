// The limits on exports and reports running at once hold when the requests arrive together — many from
// one caller, or one each from many — through the real route handlers, on both databases; and work left
// by a killed app process of this host stops counting as soon as an app process starts again.
import { spawn } from "node:child_process";
import { once } from "node:events";
import { hostname } from "node:os";
import { beforeAll, describe, expect, it } from "vitest";
import { GET as exportView } from "@/app/api/export/route";
import { GET as getReport } from "@/app/api/reports/route";
import { register } from "@/instrumentation";
import { generateApiToken } from "@/lib/api-tokens/token";
import { createAuth } from "@/lib/auth/config";
import { databaseUrl } from "@/lib/database-url";
import { db } from "@/lib/db";
import { createPrismaClient } from "@/lib/db/client";
import { EXPORT_LIMITS } from "@/lib/export/jobs";
import { REPORT_LIMITS } from "@/lib/reports/http";
import { processStart } from "@/lib/slots/holder";
import { claimSlot, SLOT_STALE_MS } from "@/lib/slots/slots";
import { SAMPLE_PASSWORD } from "../../prisma/sample-data";
import { seedSampleData } from "../../prisma/seed";
import { createPipeFillingRecommendation } from "./factories";
import { childProcessesRunning } from "./support/processes";
import { sessionCookie } from "./support/session";

process.env.BETTER_AUTH_SECRET ??= "integration-test-secret-0123456789abcdef";
const auth = createAuth(db);
let adminId: string;
let officialId: string;
const cookies = new Map<string, string>();

beforeAll(async () => {
  await seedSampleData(db);
  adminId = (await db.user.findUniqueOrThrow({ where: { email: "admin@tracker.example" } })).id;
  officialId = (await db.user.findUniqueOrThrow({ where: { email: "official@tracker.example" } })).id;
  // A fifth person who may make reports, beside the sample's four accounts.
  await auth.api.createUser({
    body: { email: "reader@tracker.example", name: "读者", password: SAMPLE_PASSWORD, role: "official" },
  });
  for (const email of [
    "official@tracker.example",
    "admin@tracker.example",
    "staff.jxw@tracker.example",
    "staff.kw@tracker.example",
    "reader@tracker.example",
  ])
    cookies.set(email, await sessionCookie(email));

  // More text than a pipe holds (64 KB): a worker waits on its reader, so that a started export is
  // still running while the other requests arrive.
  await createPipeFillingRecommendation();
});

async function apiToken(name: string) {
  const made = generateApiToken();
  await db.apiToken.create({
    data: { name, prefix: made.prefix, tokenHash: made.tokenHash, createdById: adminId },
  });
  return made.token;
}

const exportAs = (headers: Record<string, string>) =>
  exportView(
    new Request("http://127.0.0.1/api/export?format=csv&part=evidence&proposal=LONG-1&locale=en", {
      headers,
    }),
  );

/** Export workers started by this test process and still running. */
const workersOfThisProcess = () => childProcessesRunning("export-worker");

/** Cancels the downloads that started, and waits until their workers and slots are gone. */
async function stopAll(responses: Response[]) {
  await Promise.all(responses.map((response) => (response.bodyUsed ? null : response.body?.cancel())));
  await expect.poll(() => workersOfThisProcess(), { timeout: 10_000 }).toEqual([]);
  await expect.poll(() => db.jobSlot.count(), { timeout: 10_000 }).toBe(0);
  expect(await db.exportJob.count({ where: { state: "running" } })).toBe(0);
}

const statuses = (responses: Response[]) => responses.map((response) => response.status).sort();
const many = <T>(count: number, make: (i: number) => T) => Array.from({ length: count }, (_, i) => make(i));

describe("exports at once", () => {
  it("start exactly 3 of 20 simultaneous requests of one token; the other 17 get a 429", async () => {
    const token = await apiToken("大屏");
    const responses = await Promise.all(many(20, () => exportAs({ authorization: `Bearer ${token}` })));
    expect(statuses(responses)).toEqual([...many(3, () => 200), ...many(17, () => 429)]);
    expect(workersOfThisProcess()).toHaveLength(EXPORT_LIMITS.perOwner);
    expect(await db.exportJob.count({ where: { state: "running" } })).toBe(3);
    for (const refused of responses.filter((response) => response.status === 429)) {
      expect(refused.headers.get("retry-after")).toBe("30");
      expect(await refused.json()).toMatchObject({
        error: { code: "too_many_requests", message: expect.stringContaining("You already have 3 exports") },
      });
    }
    await stopAll(responses);
  });

  it("start at most 8 in all when 12 callers ask at once", async () => {
    const tokens = await Promise.all(many(12, (i) => apiToken(`接口 ${i}`)));
    const responses = await Promise.all(
      tokens.map((token) => exportAs({ authorization: `Bearer ${token}` })),
    );
    expect(statuses(responses)).toEqual([...many(8, () => 200), ...many(4, () => 429)]);
    expect(workersOfThisProcess()).toHaveLength(EXPORT_LIMITS.total);
    for (const refused of responses.filter((response) => response.status === 429)) {
      expect(await refused.json()).toMatchObject({
        error: { code: "too_many_requests", message: "Too many exports are running; try again shortly." },
      });
    }
    await stopAll(responses);
  });
});

// Drawing reports side by side takes long on a busy machine.
describe("reports at once", { timeout: 120_000 }, () => {
  const report = (email: string, format: "pdf" | "docx", locale = "zh-CN") =>
    getReport(
      new Request(
        `http://127.0.0.1/api/reports?proposal=LLM-2024&asOf=2025-06-30&compareTo=2025-01-31&locale=${locale}&format=${format}`,
        { headers: { cookie: cookies.get(email) ?? "" } },
      ),
    );

  it("draws 2 of 3 simultaneous PDFs of one person; the third gets a 429 in their language", async () => {
    const responses = await Promise.all(many(3, () => report("official@tracker.example", "pdf", "en")));
    expect(statuses(responses)).toEqual([200, 200, 429]);
    const refused = responses.find((response) => response.status === 429);
    expect(refused?.headers.get("retry-after")).toBe("10");
    expect(refused?.headers.get("content-disposition")).toBeNull();
    expect(await refused?.json()).toMatchObject({
      error: {
        code: "too_many_requests",
        message: "You already have 2 reports being made; try again when one of them is ready.",
      },
    });
    for (const response of responses) if (!response.bodyUsed) await response.arrayBuffer();
    // Done, they no longer count.
    expect(await db.jobSlot.count()).toBe(0);
  });

  it("draws at most 4 in all when 5 people ask at once", async () => {
    const emails = [...cookies.keys()];
    expect(emails).toHaveLength(REPORT_LIMITS.total + 1);
    const responses = await Promise.all(emails.map((email) => report(email, "docx")));
    expect(statuses(responses)).toEqual([200, 200, 200, 200, 429]);
    const refused = responses.find((response) => response.status === 429);
    expect(await refused?.json()).toMatchObject({
      error: { code: "too_many_requests", message: "当前正在生成的报告过多，请稍后再试。" },
    });
    expect(await db.jobSlot.count()).toBe(0);
  });
});

describe("claiming slots", () => {
  it("never passes a limit when several app processes claim at once", async () => {
    // Each client is a pool of connections of its own, as each app process has. Two claims racing past
    // a count happen now and then, not every time: hence rounds. (Without PostgreSQL's advisory lock
    // some rounds here let 4 through.)
    const clients = many(3, () => createPrismaClient(databaseUrl()));
    try {
      await Promise.all(clients.map((client) => client.$queryRaw`SELECT 1`));
      for (let round = 0; round < 20; round++) {
        const claims = await Promise.all(
          clients.flatMap((client) =>
            many(10, () => claimSlot(client, { kind: "export", owner: "token:t", perOwner: 3, total: 8 })),
          ),
        );
        expect(claims.filter((claim) => claim.slot)).toHaveLength(3);
        expect(claims.filter((claim) => claim.refused === "perOwner")).toHaveLength(27);
        await Promise.all(claims.map((claim) => claim.slot?.release()));
      }
      expect(await db.jobSlot.count()).toBe(0);
    } finally {
      await Promise.all(clients.map((client) => client.$disconnect()));
    }
  });
});

describe("work of an app process that is gone", () => {
  /** A process of this host that ran and was killed, as an app server would be. */
  async function killedProcess() {
    const child = spawn(process.execPath, ["-e", "setTimeout(() => {}, 60000)"]);
    await once(child, "spawn");
    const pid = child.pid ?? 0;
    const pidStart = processStart(pid) ?? "";
    child.kill("SIGKILL");
    await once(child, "exit");
    return { host: hostname(), pid, pidStart };
  }
  const slotOf = (holder: { host: string; pid: number; pidStart: string }, heartbeatAt = new Date()) => ({
    kind: "export",
    owner: `user:${officialId}`,
    ...holder,
    startedAt: heartbeatAt,
    heartbeatAt,
  });

  it("stops counting as soon as an app process starts again on this host, and its exports fail", async () => {
    const killed = await killedProcess();
    const slots = await db.jobSlot.createManyAndReturn({ data: many(3, () => slotOf(killed)) });
    const jobs = await db.exportJob.createManyAndReturn({
      data: slots.map((slot) => ({
        userId: officialId,
        format: "csv",
        query: "format=csv",
        items: 1,
        batches: 1,
        slotId: slot.id,
      })),
    });
    // Another host's process, renewed just now, may well be alive: its slot counts. One not renewed for
    // longer than a heartbeat allows has ended.
    const elsewhere = { host: "another-host", pid: process.pid, pidStart: "" };
    const [alive, stale] = await db.jobSlot.createManyAndReturn({
      data: [
        { ...slotOf(elsewhere), owner: "user:someone" },
        { ...slotOf(elsewhere, new Date(Date.now() - SLOT_STALE_MS - 1000)), owner: "user:someone" },
      ],
    });

    // The app starts as Next.js starts it.
    process.env.NEXT_RUNTIME = "nodejs";
    try {
      await register();
    } finally {
      delete process.env.NEXT_RUNTIME;
    }
    expect((await db.jobSlot.findMany()).map((slot) => slot.id)).toEqual([alive?.id]);
    const failed = await db.exportJob.findMany({ where: { id: { in: jobs.map((job) => job.id) } } });
    expect(failed.map((job) => job.state)).toEqual(["failed", "failed", "failed"]);
    expect(failed.every((job) => job.finishedAt !== null)).toBe(true);
    expect(stale).toBeDefined();

    // The official may export at once: three more, as the other host's slot leaves room for.
    const responses = await Promise.all(
      many(4, () => exportAs({ cookie: cookies.get("official@tracker.example") ?? "" })),
    );
    expect(statuses(responses)).toEqual([200, 200, 200, 429]);
    await db.jobSlot.delete({ where: { id: alive?.id } });
    await stopAll(responses);
  });

  it("tells a reused process id from the process that held the slot, and keeps this process's own", async () => {
    const reused = { host: hostname(), pid: process.pid, pidStart: "another-boot:1" };
    const stolen = await db.jobSlot.create({ data: slotOf(reused) });
    const { slot } = await claimSlot(db, { kind: "report", owner: "user:x", perOwner: 1, total: 1 });
    expect(slot).toBeDefined();
    const left = await db.jobSlot.findMany();
    expect(left.map((row) => row.id)).toEqual([slot?.id]);
    expect(left.map((row) => row.id)).not.toContain(stolen.id);
    await slot?.release();
    await slot?.release();
    expect(await db.jobSlot.count()).toBe(0);
  });
});
