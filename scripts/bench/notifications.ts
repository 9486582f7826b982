// Notifications at national scale (issue 17), on a throwaway copy of the bench database, since both
// parts write:
// - the scheduler's day: every reminder of REMINDERS_DAY worked out (the dry run of `npm run reminders`,
//   beside a floor: the rows it must read, by hand-written SQL), then the day run as the app runs it
//   (runScheduledDay: reminders, inbox rows and e-mail deliveries written), then once more (nothing new);
// - 10,000 e-mails: queued by notify() as the app queues them, then sent by sendDueDeliveries with the
//   real e-mail sender (nodemailer, SMTP_URL) as the worker's pass sends them (sendBacklog), to a local
//   SMTP server (smtp-server, in this process), from a process of its own (./email-drain.ts) whose
//   resident memory is sampled while it sends.
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";
import { shanghaiDate } from "../../lib/dates";
import { createPrismaClient, type Db } from "../../lib/db/client";
import { loadDeadlines } from "../../lib/notifications/deadlines";
import { type NotificationEvent, notify } from "../../lib/notifications/notify";
import { DEADLINE_RULES, daysFromTo } from "../../lib/notifications/rules";
import { dueReminders, runReminders, runScheduledDay } from "../../lib/notifications/scheduler";
import { CLOSED_STATUSES } from "../../lib/recommendations/overdue";
import { childExecArgv } from "./child";
import { type BenchDatabase, scratchCopy } from "./datasets";
import type { EmailDrainResult } from "./email-drain";
import { type Provider, summarize, type Timing } from "./stats";

/**
 * A Monday two days after the national dataset's "today" (2026-11-28): its reminders (about 3,800, to
 * some 5,700 recipients) and the weekly digest. Every day near "today" has as many, as most are the
 * weekly recalls of overdue actions.
 */
export const REMINDERS_DAY = "2026-11-30";
/** Issue 17: one day's scheduler run computes every due reminder within 5 s, on either database. */
export const REMINDERS_TARGET_MS = 5000;
export const EMAILS = 10_000;
/** Issue 17: 10,000 e-mails to a local SMTP server within 60 s, without the app process growing. */
export const EMAILS_TARGET_MS = 60_000;
const DRY_RUNS = 3;
const MAIL_FROM = "建议落实追踪 <notice@bench.example>";

export interface RemindersBenchResult {
  day: string;
  /** Reminders worked out, those that reach somebody, their recipients and e-mail deliveries. */
  reminders: number;
  notifications: number;
  recipients: number;
  deliveries: number;
  dryRun: Timing;
  /** Reading the rows the scheduler needs, by hand-written SQL (no rules applied). */
  floor: Timing;
  /** runScheduledDay: worked out and written in one transaction. */
  writeMs: number;
  written: number;
  deliveriesQueued: number;
  /** Reminders the same day, run again, would write (0). */
  writtenAgain: number;
}

export interface EmailBenchResult {
  emails: number;
  queueMs: number;
  drain: EmailDrainResult | null;
  /** What the SMTP server received: messages, distinct Message-IDs, and the first one's subject. */
  received: number;
  distinctMessageIds: number;
  firstSubject: string | null;
  /** Delivery rows by state afterwards. */
  states: Record<string, number>;
  error: string | null;
}

export interface NotificationsBenchResult {
  provider: Provider;
  reminders: RemindersBenchResult | null;
  emails: EmailBenchResult | null;
  error: string | null;
}

export async function benchNotifications(
  database: BenchDatabase,
  log: (message: string) => void,
): Promise<NotificationsBenchResult> {
  const result: NotificationsBenchResult = {
    provider: database.provider,
    reminders: null,
    emails: null,
    error: null,
  };
  const sink = await startSmtpSink();
  const environment = { SMTP_URL: process.env.SMTP_URL, MAIL_FROM: process.env.MAIL_FROM };
  // E-mail is on, as in a deployment that has it: the scheduler's run queues e-mails too.
  process.env.SMTP_URL = `smtp://127.0.0.1:${sink.port}`;
  process.env.MAIL_FROM = MAIL_FROM;
  log(`  notifications: copying the dataset…`);
  const copy = await scratchCopy(database);
  const db = createPrismaClient(copy.url);
  try {
    const dry = await benchDryRun(db, log);
    result.emails = await benchEmails(db, copy.url, sink, log);
    // The write last: its deliveries are queued, not sent, and would otherwise join the 10,000.
    result.reminders = { ...dry, ...(await benchWrite(db, log)) };
  } catch (error) {
    result.error = error instanceof Error ? (error.message.split("\n")[0] ?? String(error)) : String(error);
    log(`  notifications: failed: ${result.error}`);
  } finally {
    await db.$disconnect();
    await copy.drop();
    await sink.close();
    for (const [key, value] of Object.entries(environment)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  }
  return result;
}

async function benchDryRun(db: Db, log: (message: string) => void) {
  const now = new Date(shanghaiDate(REMINDERS_DAY).getTime() + 9 * 3_600_000);
  const floor = () => Promise.all(FLOOR_QUERIES.map((text) => db.$queryRawUnsafe(text)));
  const dry = () => runReminders(db, REMINDERS_DAY, { dryRun: true, now });
  let plan = (await dry()).plan;
  await floor();
  const dryTimes: number[] = [];
  const floorTimes: number[] = [];
  for (let i = 0; i < DRY_RUNS; i++) {
    let started = performance.now();
    plan = (await dry()).plan;
    dryTimes.push(performance.now() - started);
    started = performance.now();
    await floor();
    floorTimes.push(performance.now() - started);
  }
  // The events before planning: those that reach nobody are not in the plan.
  const events = await dueReminders(db, REMINDERS_DAY);
  const dryRun = summarize(dryTimes);
  log(
    `  reminders of ${REMINDERS_DAY}: ${events.length} worked out, ${plan.notifications.length} reach ` +
      `${plan.recipients.length} recipients (${plan.deliveries.length} e-mails); dry run ` +
      `${Math.round(dryRun.medianMs)} ms (median of ${DRY_RUNS}), floor ${Math.round(summarize(floorTimes).medianMs)} ms`,
  );
  return {
    day: REMINDERS_DAY,
    reminders: events.length,
    notifications: plan.notifications.length,
    recipients: plan.recipients.length,
    deliveries: plan.deliveries.length,
    dryRun,
    floor: summarize(floorTimes),
  };
}

async function benchWrite(db: Db, log: (message: string) => void) {
  const now = new Date(shanghaiDate(REMINDERS_DAY).getTime() + 9 * 3_600_000);
  const before = await db.delivery.count();
  const started = performance.now();
  const run = await runScheduledDay(db, now);
  const writeMs = performance.now() - started;
  if (!run) throw new Error(`runScheduledDay did not run ${REMINDERS_DAY}`);
  const deliveriesQueued = (await db.delivery.count()) - before;
  const again = await runReminders(db, REMINDERS_DAY, { now: new Date(now.getTime() + 3_600_000) });
  log(
    `  reminders of ${REMINDERS_DAY}, written (runScheduledDay): ${run.written} notifications and ` +
      `${deliveriesQueued} e-mails queued in ${Math.round(writeMs)} ms; run again: ${again.written} new`,
  );
  return {
    writeMs: Math.round(writeMs),
    written: run.written,
    deliveriesQueued,
    writtenAgain: again.written,
  };
}

/**
 * The floor of the dry run: the columns the scheduler reads for every open deadline and owed
 * follow-up, read by hand-written SQL, with no rule applied (what reading alone costs).
 */
const FLOOR_QUERIES: string[] = (() => {
  const live = `r."archivedAt" IS NULL AND p."archivedAt" IS NULL`;
  const closed = `(${CLOSED_STATUSES.map((status) => `'${status}'`).join(", ")})`;
  const recommendationColumns = `r."id", r."code", r."titleZh", r."titleEn", p."id" AS "proposalId", p."code" AS "proposalCode",
    r."status", r."dueDate", r."assignedAt", r."replyDueAt", r."repliedAt", r."satisfaction", r."feedbackAt",
    r."rehandlingRepliedAt", r."replyClass"`;
  return [
    `SELECT ${recommendationColumns} FROM "Recommendation" r JOIN "Proposal" p ON p."id" = r."proposalId" WHERE ${live}`,
    `SELECT ra."recommendationId", ra."agencyId", ra."role" FROM "RecommendationAgency" ra
      JOIN "Recommendation" r ON r."id" = ra."recommendationId" JOIN "Proposal" p ON p."id" = r."proposalId" WHERE ${live}`,
    `SELECT a."id", a."code", a."titleZh", a."titleEn", a."dueDate", a."recommendationId" FROM "Action" a
      JOIN "Recommendation" r ON r."id" = a."recommendationId" JOIN "Proposal" p ON p."id" = r."proposalId"
      WHERE ${live} AND a."dueDate" IS NOT NULL AND a."status" NOT IN ${closed}`,
    `SELECT aa."actionId", aa."agencyId", aa."role" FROM "ActionAgency" aa JOIN "Action" a ON a."id" = aa."actionId"
      JOIN "Recommendation" r ON r."id" = a."recommendationId" JOIN "Proposal" p ON p."id" = r."proposalId"
      WHERE ${live} AND a."dueDate" IS NOT NULL AND a."status" NOT IN ${closed}`,
    `SELECT s."recommendationId", MAX(s."createdAt") AS "completedAt" FROM "StatusUpdate" s
      JOIN "Recommendation" r ON r."id" = s."recommendationId" JOIN "Proposal" p ON p."id" = r."proposalId"
      WHERE ${live} AND s."statusAfter" = 'completed' AND r."status" = 'completed' AND r."replyClass" IN ('B', 'C')
        AND r."repliedAt" IS NOT NULL AND r."followUpRepliedAt" IS NULL GROUP BY s."recommendationId"`,
  ];
})();

async function benchEmails(
  db: Db,
  url: string,
  sink: SmtpSink,
  log: (message: string) => void,
): Promise<EmailBenchResult> {
  const day = REMINDERS_DAY;
  const deadlines = (await loadDeadlines(db)).sort(
    (a, b) => a.item.itemId.localeCompare(b.item.itemId) || a.kind.localeCompare(b.kind),
  );
  const chosen = deadlines.slice(0, EMAILS);
  // Staff of the items' agencies: a notification's explicit recipients get e-mail only if they are among
  // the people its items' audience loads (lib/notifications/notify.ts).
  const agencies = [
    ...new Set(chosen.flatMap(({ item }) => [item.leadAgencyId ?? "", ...item.coHandlerAgencyIds])),
  ];
  const people = await db.user.findMany({
    where: { banned: false, role: "staff", agencyId: { in: agencies } },
    orderBy: { id: "asc" },
    select: { id: true },
  });
  if (deadlines.length === 0 || people.length === 0)
    throw new Error(`the dataset has ${deadlines.length} deadlines and ${people.length} staff`);
  // Each a deadline's reminder to one person, so that each is one e-mail (no digest: the default).
  // The national dataset has 35,606 deadlines; a smaller one names some more than once.
  const events: NotificationEvent[] = Array.from({ length: EMAILS }, (_, index) => {
    const deadline = deadlines[index % deadlines.length] as (typeof deadlines)[number];
    const days = daysFromTo(day, deadline.dueDay);
    const rules = DEADLINE_RULES[deadline.kind];
    return {
      rule: days >= 0 ? rules.due : rules.overdue,
      dedupeKey: `bench.email:${index}`,
      day,
      item: deadline.item,
      payload:
        days >= 0
          ? { dueDay: deadline.dueDay, daysLeft: days }
          : { dueDay: deadline.dueDay, daysLate: -days },
      recipientIds: [people[index % people.length]?.id ?? ""],
    };
  });
  let started = performance.now();
  const queued = await db.$transaction((tx) => notify(tx, events), { timeout: 120_000 });
  const queueMs = performance.now() - started;
  if (queued.deliveries !== EMAILS)
    throw new Error(`notify() queued ${queued.deliveries} e-mails, not ${EMAILS}`);
  log(`  e-mails: ${queued.deliveries} queued by notify() in ${Math.round(queueMs)} ms; sending…`);

  sink.reset();
  started = performance.now();
  let drain: EmailDrainResult | null = null;
  let error: string | null = null;
  try {
    drain = await drainInChild(url);
  } catch (caught) {
    error = caught instanceof Error ? caught.message : String(caught);
  }
  const states = Object.fromEntries(
    (await db.delivery.groupBy({ by: ["state"], _count: { _all: true } })).map((row) => [
      row.state,
      row._count._all,
    ]),
  );
  const firstSubject = sink.first ? ((await simpleParser(sink.first)).subject ?? null) : null;
  if (drain)
    log(
      `  e-mails: ${drain.sent} sent in ${Math.round(drain.elapsedMs)} ms ` +
        `(${Math.round((drain.sent / drain.elapsedMs) * 1000)}/s); the server received ${sink.count} ` +
        `(${sink.messageIds.size} distinct Message-IDs); the sender's RSS ${drain.rssMb.before} MB before, ` +
        `${drain.rssMb.peak} MB at its peak, ${drain.rssMb.after} MB after; rows ${JSON.stringify(states)}`,
    );
  if (drain)
    log(
      `  e-mails: the sender's RSS / heap in use every 2 s: ${drain.timeline
        .map((point) => `${point.rssMb} / ${point.heapUsedMb}`)
        .join(", ")} MB; heap kept (after a full collection) ${drain.retainedHeapMb?.before ?? "-"} MB ` +
        `before, ${drain.retainedHeapMb?.after ?? "-"} MB after`,
    );
  else log(`  e-mails: sending failed after ${Math.round(performance.now() - started)} ms: ${error}`);
  return {
    emails: queued.deliveries,
    queueMs: Math.round(queueMs),
    drain,
    received: sink.count,
    distinctMessageIds: sink.messageIds.size,
    firstSubject,
    states,
    error,
  };
}

/** Runs ./email-drain.ts on the copy, in its own process (the app process whose memory is watched). */
async function drainInChild(url: string): Promise<EmailDrainResult> {
  const directory = mkdtempSync(join(tmpdir(), "bench-email-"));
  const resultFile = join(directory, "result.json");
  const execArgv = childExecArgv();
  // --expose-gc: the heap the sending kept is read after a full collection, before and after.
  const child = spawn(
    process.execPath,
    [...execArgv, "--expose-gc", "scripts/bench/email-drain.ts", resultFile],
    {
      env: {
        ...process.env,
        DATABASE_URL: url,
        NOTIFICATIONS_WORKER: "off",
        BETTER_AUTH_URL: "https://tracker.bench.example",
      },
      stdio: "inherit",
    },
  );
  const code = await new Promise<number | null>((resolve) => child.on("exit", resolve));
  try {
    if (code !== 0) throw new Error(`the sending process exited with ${code}`);
    return JSON.parse(readFileSync(resultFile, "utf8")) as EmailDrainResult;
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}

interface SmtpSink {
  port: number;
  count: number;
  messageIds: Set<string>;
  /** The first message received, whole. */
  first: Buffer | null;
  reset(): void;
  close(): Promise<void>;
}

/** A local SMTP server that takes every message and keeps only its Message-ID (and the first message). */
async function startSmtpSink(): Promise<SmtpSink> {
  const sink: SmtpSink = {
    port: 0,
    count: 0,
    messageIds: new Set(),
    first: null,
    reset() {
      sink.count = 0;
      sink.messageIds.clear();
      sink.first = null;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    // The pool's connections stay open while it sends: no limit on clients.
    maxClients: 50,
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        const message = Buffer.concat(chunks);
        const head = message.subarray(0, Math.max(0, message.indexOf("\r\n\r\n"))).toString("latin1");
        const id = /^Message-ID:\s*(\S+)/im.exec(head)?.[1];
        if (id) sink.messageIds.add(id);
        sink.count += 1;
        sink.first ??= message;
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
  sink.port = (server.server.address() as AddressInfo).port;
  return sink;
}
