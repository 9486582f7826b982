// The background work of notifications in each app process: once a minute, today's reminders (run
// by whichever process claims the day first: ./scheduler.ts runScheduledDay) and the deliveries due
// (each claimed by one process: ./deliveries.ts). A pass never overlaps the previous one in a
// process, and an error is logged, never thrown: the next pass tries again.
import "server-only";
import type { Db } from "@/lib/db/client";
import { type SendOptions, sendDueDeliveries } from "./deliveries";
import { runScheduledDay } from "./scheduler";
import { channelSenders } from "./senders";

const PASS_EVERY_MS = 60_000;

export async function notificationPass(
  db: Db,
  now: Date = new Date(),
  { leaseMs }: Pick<SendOptions, "leaseMs"> = {},
): Promise<void> {
  const day = await runScheduledDay(db, now);
  if (day) console.log(`Reminders of ${day.day}: ${day.written} written.`);
  // Until nothing is due, a batch at a time, so that a backlog drains within the pass.
  for (let batch = 0; batch < 100; batch += 1) {
    const sent = await sendDueDeliveries(db, channelSenders(), { limit: 50, leaseMs });
    if (sent.sent + sent.retried + sent.failed === 0) break;
  }
}

/** Starts the loop (once per process); NOTIFICATIONS_WORKER=off leaves it out (tests that drive it). */
export function startNotificationWorker(db: Db): void {
  if (process.env.NOTIFICATIONS_WORKER === "off") return;
  let running = false;
  const pass = async () => {
    if (running) return;
    running = true;
    try {
      await notificationPass(db);
    } catch (error) {
      console.error("Notifications:", error);
    } finally {
      running = false;
    }
  };
  void pass();
  setInterval(pass, PASS_EVERY_MS).unref();
}
