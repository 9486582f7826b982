// The background work of notifications in each app process: once a minute, today's reminders (run
// by whichever process claims the day first: ./scheduler.ts runScheduledDay) and the deliveries due
// (each claimed by one process: ./deliveries.ts). A pass never overlaps the previous one in a
// process, and an error is logged, never thrown: the next pass tries again.
import "server-only";
import type { Db } from "@/lib/db/client";
import { startBackgroundLoop } from "@/lib/workers/loop";
import { type Senders, type SendOptions, type SendResult, sendDueDeliveries } from "./deliveries";
import { runScheduledDay } from "./scheduler";
import { channelSenders } from "./senders";

const PASS_EVERY_MS = 60_000;
/** Deliveries claimed at a time. */
const CLAIM = 50;
/**
 * A pass sends until nothing is due, or for this long (a larger backlog goes on in the next pass).
 * A bound by time, not by claims: a day's reminders at national scale are ten thousand e-mails and
 * more, which a bound of 100 claims of 50 had cut into passes a minute apart.
 */
const MAX_SENDING_MS = 5 * 60_000;

export async function notificationPass(
  db: Db,
  now: Date = new Date(),
  { leaseMs }: Pick<SendOptions, "leaseMs"> = {},
): Promise<void> {
  const day = await runScheduledDay(db, now);
  if (day) console.log(`Reminders of ${day.day}: ${day.written} written.`);
  await sendBacklog(db, channelSenders(), { leaseMs });
}

/**
 * Sends what is due, a claim at a time, until nothing is (or the time is up). A failed send is not
 * due again at once (its retry waits), so this ends however the senders fare.
 */
export async function sendBacklog(
  db: Db,
  senders: Senders,
  { maxMs = MAX_SENDING_MS, leaseMs }: { maxMs?: number } & Pick<SendOptions, "leaseMs"> = {},
): Promise<SendResult & { claims: number }> {
  const total = { sent: 0, retried: 0, failed: 0, claims: 0 };
  const started = Date.now();
  do {
    const result = await sendDueDeliveries(db, senders, { limit: CLAIM, leaseMs });
    total.claims += 1;
    total.sent += result.sent;
    total.retried += result.retried;
    total.failed += result.failed;
    if (result.sent + result.retried + result.failed === 0) break;
  } while (Date.now() - started < maxMs);
  return total;
}

/** Starts the loop (once per process); NOTIFICATIONS_WORKER=off leaves it out (tests that drive it). */
export function startNotificationWorker(db: Db): void {
  startBackgroundLoop("Notifications", "NOTIFICATIONS_WORKER", PASS_EVERY_MS, () => notificationPass(db));
}
