// The sending side of the e-mail bench (./notifications.ts), in a process of its own as an app process
// would be: sends every queued delivery as the background worker's pass does (sendBacklog,
// lib/notifications/worker.ts: sendDueDeliveries, a claim of 50 at a time, with the app's senders)
// until nothing is due, and samples its resident memory meanwhile. Started as
//   tsx --conditions=react-server scripts/bench/email-drain.ts RESULT_FILE   (DATABASE_URL, SMTP_URL set)
import { writeFileSync } from "node:fs";
import { createPrismaClient } from "../../lib/db/client";
import { closeEmailTransport } from "../../lib/notifications/email";
import { channelSenders } from "../../lib/notifications/senders";
import { sendBacklog } from "../../lib/notifications/worker";

export interface EmailDrainResult {
  sent: number;
  retried: number;
  failed: number;
  claims: number;
  elapsedMs: number;
  /** Resident memory when ready to send, its highest sample (every 50 ms) while sending, and after. */
  rssMb: { before: number; peak: number; after: number };
  /** V8's heap in use after a full collection, before and after sending: what the sending kept. */
  retainedHeapMb: { before: number; after: number } | null;
  /** Resident memory and V8's heap in use every 2 s while sending: a leak climbs, a heap settling levels off. */
  timeline: { atMs: number; rssMb: number; heapUsedMb: number }[];
  /** The process's peak resident memory over its whole life (process.resourceUsage). */
  maxRssMb: number;
}

const mb = (bytes: number) => Math.round(bytes / 1024 / 1024);
/** With --expose-gc (./notifications.ts starts this with it). */
const gc = (globalThis as { gc?: () => void }).gc;
const retainedHeap = () => {
  if (!gc) return null;
  gc();
  return mb(process.memoryUsage().heapUsed);
};

const resultFile = process.argv[2];
if (!resultFile) throw new Error("usage: email-drain.ts RESULT_FILE");
const db = createPrismaClient(process.env.DATABASE_URL);
await db.$queryRawUnsafe("SELECT 1");
const heapBefore = retainedHeap();
const before = process.memoryUsage.rss();
let peak = before;
const timeline: EmailDrainResult["timeline"] = [];
const started = performance.now();
let samples = 0;
const sampler = setInterval(() => {
  peak = Math.max(peak, process.memoryUsage.rss());
  samples += 1;
  if (samples % 40 === 0) {
    const memory = process.memoryUsage();
    timeline.push({
      atMs: Math.round(performance.now() - started),
      rssMb: mb(memory.rss),
      heapUsedMb: mb(memory.heapUsed),
    });
  }
}, 50);
const totals = await sendBacklog(db, channelSenders(), { maxMs: Number.POSITIVE_INFINITY });
const elapsedMs = performance.now() - started;
clearInterval(sampler);
const after = process.memoryUsage.rss();
peak = Math.max(peak, after);
closeEmailTransport();
const heapAfter = retainedHeap();
await db.$disconnect();
const output: EmailDrainResult = {
  ...totals,
  elapsedMs: Math.round(elapsedMs),
  rssMb: { before: mb(before), peak: mb(peak), after: mb(after) },
  retainedHeapMb: heapBefore === null || heapAfter === null ? null : { before: heapBefore, after: heapAfter },
  timeline,
  maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
};
writeFileSync(resultFile, JSON.stringify(output));
