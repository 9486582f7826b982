// Sends what notify() queued: e-mails and bot posts, each by exactly one app process, with retries.
//
// Why row leases rather than a job queue library: the queue must work on SQLite as on PostgreSQL
// (pg-boss is PostgreSQL only), and the Delivery rows are the delivery log admins read anyway. A
// process claims due rows with one conditional UPDATE that writes its own claim token: on PostgreSQL
// a second UPDATE of the same rows waits for the first to commit and then finds them leased (READ
// COMMITTED re-checks the WHERE), on SQLite each writing statement holds the database's write lock —
// so two processes never hold one row. A process killed mid-send loses nothing: its lease runs out and
// another process claims the row again (the attempt counts). A failure is retried with exponential
// back-off, then marked failed with its error; an admin may queue it again.
import "server-only";
import { randomUUID } from "node:crypto";
import type { Db } from "@/lib/db/client";
import { thisProcess } from "@/lib/slots/holder";

export const DELIVERY_CHANNELS = ["email", "wecom", "dingtalk", "feishu"] as const;
export type DeliveryChannel = (typeof DELIVERY_CHANNELS)[number];

/** Attempts before a delivery is given up as failed. */
export const MAX_ATTEMPTS = 5;
/** How long a claim lasts: a send that takes longer is presumed lost with its process. */
export const LEASE_MS = 120_000;
const FIRST_RETRY_MS = 60_000;

/** The wait before attempt `attempts + 1`: 1, 4, 16, 64 minutes. */
export function retryDelayMs(attempts: number): number {
  return FIRST_RETRY_MS * 4 ** Math.max(0, attempts - 1);
}

/** A notification as a message renders it. */
export type OutgoingNotification = {
  id: string;
  rule: string;
  day: Date;
  payload: unknown;
  createdAt: Date;
};

/**
 * What one send carries: an e-mail to one person (several notifications when it is their daily
 * digest), or one bot post. A sender throws when the message did not go.
 */
export type DeliveryBatch = {
  channel: DeliveryChannel;
  deliveryIds: string[];
  notifications: OutgoingNotification[];
  digest: boolean;
  user: { id: string; name: string; email: string } | null;
  webhook: { id: string; platform: string; url: string; secret: string | null } | null;
};

export type Sender = (batch: DeliveryBatch) => Promise<void>;
export type Senders = Partial<Record<DeliveryChannel, Sender>>;

export type SendResult = { sent: number; retried: number; failed: number };

export type SendOptions = {
  now?: Date;
  /** At most this many sends. */
  limit?: number;
  /** How long the claim lasts (LEASE_MS); the test of a process killed mid-send shortens it. */
  leaseMs?: number;
};

/**
 * Claims the deliveries due at `now` (up to `limit` sends) and sends them. Called by the app's
 * background loop in every process (./worker.ts), and by tests and the reminders command directly.
 */
export async function sendDueDeliveries(
  db: Db,
  senders: Senders,
  { now = new Date(), limit = 50, leaseMs = LEASE_MS }: SendOptions = {},
): Promise<SendResult> {
  const result: SendResult = { sent: 0, retried: 0, failed: 0 };
  const { token, batches } = await claimDue(db, now, limit, leaseMs);
  for (const batch of batches) {
    const sender = senders[batch.channel];
    // What happened is written only to the rows still ours: a send that outlasted its lease may have
    // been taken over by another process meanwhile, whose outcome must not be overwritten (a failure
    // here would queue again what the other process sent).
    const ours = { id: { in: batch.deliveryIds }, leasedBy: token, state: "queued" };
    try {
      if (!sender) throw new Error(`No sender for ${batch.channel}: is it configured?`);
      await sender(batch);
      await db.delivery.updateMany({
        where: ours,
        data: { state: "sent", sentAt: new Date(), leaseUntil: null, lastError: null },
      });
      result.sent += batch.deliveryIds.length;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const rows = await db.delivery.findMany({ where: ours, select: { id: true, attempts: true } });
      for (const row of rows) {
        const failed = row.attempts >= MAX_ATTEMPTS;
        await db.delivery.updateMany({
          where: { ...ours, id: row.id },
          data: {
            state: failed ? "failed" : "queued",
            lastError: message.slice(0, 1000),
            leaseUntil: null,
            notBefore: failed ? undefined : new Date(Date.now() + retryDelayMs(row.attempts)),
          },
        });
        if (failed) result.failed += 1;
        else result.retried += 1;
      }
    }
  }
  return result;
}

/** Claims due rows for this process and groups them into sends (a person's digest rows go together). */
async function claimDue(
  db: Db,
  now: Date,
  limit: number,
  leaseMs: number,
): Promise<{ token: string; batches: DeliveryBatch[] }> {
  const due = {
    state: "queued",
    notBefore: { lte: now },
    OR: [{ leaseUntil: null }, { leaseUntil: { lt: now } }],
  };
  const candidates = await db.delivery.findMany({
    where: due,
    orderBy: { notBefore: "asc" },
    take: limit,
    select: { id: true, digest: true, userId: true },
  });
  const holder = thisProcess();
  const token = `${holder.host}:${holder.pid}:${randomUUID()}`;
  if (candidates.length === 0) return { token, batches: [] };
  const lease = {
    leasedBy: token,
    leaseUntil: new Date(now.getTime() + leaseMs),
    attempts: { increment: 1 },
  };
  const single = candidates.filter((row) => !row.digest).map((row) => row.id);
  if (single.length > 0) await db.delivery.updateMany({ where: { ...due, id: { in: single } }, data: lease });
  // A digest is every due digest row of its person, claimed together.
  const digestUsers = [
    ...new Set(candidates.filter((row) => row.digest && row.userId).map((row) => row.userId as string)),
  ];
  if (digestUsers.length > 0)
    await db.delivery.updateMany({
      where: { ...due, digest: true, userId: { in: digestUsers } },
      data: lease,
    });

  const claimed = await db.delivery.findMany({
    where: { leasedBy: token, state: "queued" },
    select: {
      id: true,
      channel: true,
      digest: true,
      notification: { select: { id: true, rule: true, day: true, payload: true, createdAt: true } },
      user: { select: { id: true, name: true, email: true } },
      webhook: { select: { id: true, platform: true, url: true, secret: true } },
    },
    orderBy: { createdAt: "asc" },
  });
  const batches = new Map<string, DeliveryBatch>();
  for (const row of claimed) {
    const key = row.digest && row.user ? `digest:${row.user.id}` : row.id;
    const batch = batches.get(key) ?? {
      channel: row.channel as DeliveryChannel,
      deliveryIds: [],
      notifications: [],
      digest: row.digest,
      user: row.user,
      webhook: row.webhook,
    };
    batch.deliveryIds.push(row.id);
    batch.notifications.push(row.notification);
    batches.set(key, batch);
  }
  return { token, batches: [...batches.values()] };
}
