// Throttling of repeated failed sign-ins, kept in the database so that every app process sees the
// same counts: 5 failures for one email, or 20 from one address, within 15 minutes lock further
// attempts until the oldest of them is 15 minutes old. A success clears the email's count.
import type { Db } from "@/lib/db/client";

export const THROTTLE_WINDOW_MINUTES = 15;
export const MAX_FAILURES_PER_EMAIL = 5;
export const MAX_FAILURES_PER_ADDRESS = 20;

type Key = { email: string; ipAddress: string | null };

/** When the next attempt is allowed, or null when it is allowed now. */
export async function signInBlockedUntil(
  db: Db,
  { email, ipAddress }: Key,
  now = new Date(),
): Promise<Date | null> {
  const windowStart = new Date(now.getTime() - THROTTLE_WINDOW_MINUTES * 60_000);
  const lastSuccess = await db.signInAttempt.findFirst({
    where: { email, succeeded: true, createdAt: { gte: windowStart } },
    orderBy: { createdAt: "desc" },
    select: { createdAt: true },
  });
  const emailSince = lastSuccess && lastSuccess.createdAt > windowStart ? lastSuccess.createdAt : windowStart;
  const checks = [
    blockedBy(db, { email, succeeded: false, createdAt: { gt: emailSince } }, MAX_FAILURES_PER_EMAIL),
    ipAddress
      ? blockedBy(
          db,
          { ipAddress, succeeded: false, createdAt: { gt: windowStart } },
          MAX_FAILURES_PER_ADDRESS,
        )
      : Promise.resolve(null),
  ];
  const until = (await Promise.all(checks)).filter((date): date is Date => date !== null);
  return until.length ? new Date(Math.max(...until.map((date) => date.getTime()))) : null;
}

async function blockedBy(
  db: Db,
  where: NonNullable<Parameters<Db["signInAttempt"]["findMany"]>[0]>["where"],
  max: number,
): Promise<Date | null> {
  const recent = await db.signInAttempt.findMany({
    where,
    orderBy: { createdAt: "desc" },
    take: max,
    select: { createdAt: true },
  });
  const oldest = recent[max - 1];
  return oldest ? new Date(oldest.createdAt.getTime() + THROTTLE_WINDOW_MINUTES * 60_000) : null;
}

export async function recordSignInAttempt(db: Db, key: Key & { succeeded: boolean }, now = new Date()) {
  await db.signInAttempt.create({ data: { ...key, createdAt: now } });
  // Attempts older than a day matter to nobody: keep the table small.
  await db.signInAttempt.deleteMany({ where: { createdAt: { lt: new Date(now.getTime() - 86_400_000) } } });
}
