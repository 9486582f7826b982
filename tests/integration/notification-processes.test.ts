// Two app processes on one PostgreSQL database send each due message once, and a process killed
// mid-send loses nothing. Two real OS processes (./support/notification-process.ts) each run the app's
// background notification pass with its real senders; notify() queues posts to two WeCom group bots,
// which a local HTTP server stands in for, counting what it receives. Then the server holds one post
// unanswered, the process that sent it is killed with SIGKILL while it holds the rows it had claimed,
// and once their lease runs out the other process sends them: each row sent, its attempts saying so.
// PostgreSQL only: on SQLite the one app process sends (README, Notifications).
import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { databaseProvider, databaseUrl } from "@/lib/database-url";
import { db } from "@/lib/db";
import { type ItemRef, loadItemRefs } from "@/lib/notifications/items";
import { notify } from "@/lib/notifications/notify";
import { createAgency, createProposal, createRecommendation } from "./factories";

/** The children's lease: long beside a batch's sends (well under a second here), short for a test. */
const LEASE_MS = 3000;
const WEBHOOK_PATHS = ["/wecom/agency-a", "/wecom/agency-b"];
const WAVES = 3;

type Worker = { child: ChildProcess; pid: number; output: () => string };
const workers: Worker[] = [];

/** What the stand-in WeCom received: how many times each message (bot path and the message's mark). */
const received = new Map<string, number>();
/** Set to hold the next post unanswered; resolved with its message's key when it arrives. */
let holdNext: ((key: string) => void) | null = null;
const held: ServerResponse[] = [];
let server: Server;
let base: string;
let adminId: string;
let item: ItemRef;

const keyOf = (path: string, mark: string) => `${path} ${mark}`;
const MARK = /procs-[a-z0-9]+-\d+/;

function receive(req: IncomingMessage, res: ServerResponse) {
  const chunks: Buffer[] = [];
  req.on("data", (chunk: Buffer) => chunks.push(chunk));
  req.on("end", () => {
    const path = new URL(req.url ?? "/", "http://127.0.0.1").pathname;
    const body = JSON.parse(Buffer.concat(chunks).toString("utf8") || "{}");
    const mark = MARK.exec(String(body?.markdown?.content ?? ""))?.[0] ?? "unmarked";
    const key = keyOf(path, mark);
    received.set(key, (received.get(key) ?? 0) + 1);
    if (holdNext) {
      const arrived = holdNext;
      holdNext = null;
      held.push(res);
      arrived(key);
      return;
    }
    // A moment's wait, as a real platform takes, so that the two processes' batches overlap.
    setTimeout(() => {
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify({ errcode: 0, errmsg: "ok" }));
    }, 2);
  });
}

function startWorker(): Promise<Worker> {
  const child = spawn(
    process.execPath,
    [
      "--import",
      "tsx",
      "--conditions=react-server",
      "tests/integration/support/notification-process.ts",
      String(LEASE_MS),
    ],
    {
      // The vitest process's module flags must not reach the child.
      env: { ...process.env, NODE_OPTIONS: "", DATABASE_URL: process.env.DATABASE_URL },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  let output = "";
  const worker = { child, pid: child.pid ?? 0, output: () => output };
  workers.push(worker);
  return new Promise((resolve, reject) => {
    child.stdout?.on("data", (chunk) => {
      output += chunk;
      if (output.includes("ready")) resolve(worker);
    });
    child.stderr?.on("data", (chunk) => {
      output += chunk;
    });
    child.once("exit", (code) => reject(new Error(`A notification process exited (${code}):\n${output}`)));
  });
}

/** Queues `count` stalls of the item, as a status update does: a post to each bot per stall. */
async function queueStalls(phase: string, count: number) {
  const events = Array.from({ length: count }, (_, n) => ({
    rule: "status.stalled" as const,
    dedupeKey: `procs:${phase}:${n}`,
    day: "2026-12-02",
    item,
    payload: { statusBefore: "in_progress", statusAfter: "stalled", comment: `procs-${phase}-${n}` },
  }));
  await db.$transaction((tx) => notify(tx, events));
  const rows = await deliveriesOf(phase);
  expect(rows).toHaveLength(count * WEBHOOK_PATHS.length);
  return rows;
}

/** The deliveries of the stalls whose phase starts with `phase`, each with the key its message arrives under. */
async function deliveriesOf(phase: string) {
  const rows = await db.delivery.findMany({
    where: { notification: { dedupeKey: { startsWith: `procs:${phase}` } } },
    select: {
      id: true,
      state: true,
      attempts: true,
      leasedBy: true,
      leaseUntil: true,
      sentAt: true,
      webhook: { select: { url: true } },
      notification: { select: { payload: true } },
    },
  });
  return rows.map(({ webhook, notification, ...row }) => ({
    ...row,
    key: keyOf(
      new URL(webhook?.url ?? "http://x/").pathname,
      String((notification.payload as { comment?: string }).comment),
    ),
  }));
}

/** Waits until every delivery of the phase is sent (or `ms` have gone), and answers the rows. */
async function allSent(phase: string, ms: number) {
  const deadline = Date.now() + ms;
  for (;;) {
    const rows = await deliveriesOf(phase);
    if (rows.every((row) => row.state === "sent") || Date.now() > deadline) return rows;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** The process a claim token ("host:pid:uuid") belongs to. */
const pidOf = (token: string | null) => Number(token?.split(":").at(-2));
const timesReceived = (key: string) => received.get(key) ?? 0;

describe.skipIf(databaseProvider(databaseUrl()) === "sqlite")(
  "two app processes sending notifications",
  () => {
    beforeAll(async () => {
      server = createServer(receive);
      await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
      base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      const admin = await db.user.create({
        data: { name: "管理员", email: "procs.admin@example.org", role: "admin" },
      });
      adminId = admin.id;
      const agency = await createAgency();
      const proposal = await createProposal({ code: "PROCS-2026" });
      const recommendation = await createRecommendation(proposal.id, { code: "R1" });
      await db.recommendationAgency.create({
        data: { recommendationId: recommendation.id, agencyId: agency.id, role: "lead" },
      });
      item = (await loadItemRefs(db, [{ itemType: "recommendation", itemId: recommendation.id }])).get(
        recommendation.id,
      ) as ItemRef;
      // The agency's bots only (an office bot would also get the weekly digest the passes may write).
      // The http URL is written directly: the admin's form takes https only.
      for (const path of WEBHOOK_PATHS)
        await db.webhook.create({
          data: {
            name: path,
            platform: "wecom",
            url: `${base}${path}`,
            agencyId: agency.id,
            createdById: adminId,
          },
        });
      await Promise.all([startWorker(), startWorker()]);
    }, 60_000);

    afterAll(async () => {
      for (const { child } of workers)
        if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
      for (const res of held) res.destroy();
      await new Promise((resolve) => server?.close(resolve));
    });

    it("send each queued post once, both taking part", async () => {
      // In waves, as changes come: each a new race between the two processes' claims.
      for (let wave = 0; wave < WAVES; wave += 1) {
        await queueStalls(`drain${wave}`, 50);
        await allSent(`drain${wave}`, 10_000);
      }
      const queued = await deliveriesOf("drain");
      const rows = await allSent("drain", 10_000);
      expect(rows).toHaveLength(WAVES * 50 * WEBHOOK_PATHS.length);
      expect(rows.filter((row) => row.state !== "sent")).toEqual([]);
      expect(rows.filter((row) => row.attempts !== 1)).toEqual([]);
      for (const row of queued) expect(timesReceived(row.key), row.key).toBe(1);
      expect([...received.keys()].filter((key) => key.includes("procs-drain"))).toHaveLength(queued.length);
      // Each process sent some: the race was run.
      const senders = new Set(rows.map((row) => pidOf(row.leasedBy)));
      expect([...senders].sort()).toEqual(workers.map((w) => w.pid).sort());
    });

    it("lose nothing when one is killed mid-send: the other sends its rows once their lease runs out", async () => {
      const arrived = new Promise<string>((resolve) => {
        holdNext = resolve;
      });
      const queued = await queueStalls("kill", 50);
      const heldKey = await arrived;
      const heldRow = queued.find((row) => row.key === heldKey);
      const before = await deliveriesOf("kill");
      const token = before.find((row) => row.id === heldRow?.id)?.leasedBy ?? null;
      const victim = workers.find((w) => w.pid === pidOf(token));
      const survivor = workers.find((w) => w !== victim);
      if (!victim || !survivor) throw new Error(`The held post's row is not a worker's: ${token}`);
      // What the killed process holds: the row it is sending, and those it claimed with it.
      const stranded = before.filter((row) => row.leasedBy === token && row.state === "queued");
      expect(stranded.length).toBeGreaterThanOrEqual(1);

      victim.child.kill("SIGKILL");
      await once(victim.child, "exit");
      const rows = await allSent("kill", LEASE_MS + 15_000);
      expect(rows.filter((row) => row.state !== "sent")).toEqual([]);
      const strandedIds = new Set(stranded.map((row) => row.id));
      for (const row of rows) {
        if (!strandedIds.has(row.id)) {
          expect(row.attempts, row.key).toBe(1);
          expect(timesReceived(row.key), row.key).toBe(1);
          continue;
        }
        // Claimed again by the survivor, and only after the dead process's lease ran out.
        expect(row.attempts, row.key).toBe(2);
        expect(pidOf(row.leasedBy)).toBe(survivor.pid);
        const lease = stranded.find((s) => s.id === row.id)?.leaseUntil;
        expect(row.sentAt?.getTime()).toBeGreaterThanOrEqual(lease?.getTime() ?? Number.POSITIVE_INFINITY);
        // The post held open reached the platform before its process died: it arrives a second time
        // (a send whose answer never came is sent again). Every other one arrives once.
        expect(timesReceived(row.key), row.key).toBe(row.key === heldKey ? 2 : 1);
      }
      console.log(`The killed process held ${stranded.length} of ${rows.length} rows.`);
    }, 30_000);
  },
);
