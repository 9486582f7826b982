// Throttling of failed sign-ins, kept in the database so that every app process sees the same counts.
// Nothing locks an account outright: each rule makes the next attempt wait a while after the latest
// failure it counts, a wait that doubles with every further failure (2 s, 4 s, 8 s, … up to a cap).
// Failures count for an hour, and a success clears those of its email (and of its email from its
// address).
//
// - An email from one address: 3 failures free, then 2 s, 4 s, … up to 15 minutes. A guesser at one
//   account from one place, or the owner who has forgotten the password.
// - One address, any emails: 20 failures free, then the same up to 15 minutes. Someone trying many
//   accounts (an office's shared address makes 20 the threshold, not 3).
// - One email, any addresses: 5 failures free, then up to 5 minutes, for attempts from addresses that
//   have themselves failed within the hour only. Someone guessing from many addresses is slowed down
//   once each address has failed once; the owner at an address that has not failed is never kept
//   waiting by what others do, so nobody can lock an account by failing at it from elsewhere.
//
// The attempt is recorded (as failed, until it succeeds) before the checks count the others, so that
// parallel requests cannot all slip through between the check and the write: each one counts those
// recorded before it, and a refused attempt is removed, as it checked no password.

import { DAY_MS } from "@/lib/dates";
import type { Db } from "@/lib/db/client";

export const THROTTLE_WINDOW_MINUTES = 60;

type Rule = { free: number; capSeconds: number };
export const THROTTLE_RULES = {
  emailFromAddress: { free: 3, capSeconds: 15 * 60 },
  address: { free: 20, capSeconds: 15 * 60 },
  email: { free: 5, capSeconds: 5 * 60 },
} satisfies Record<string, Rule>;

export type SignInKey = { email: string; ipAddress: string | null };

/** The wait after the latest of `failures` counted failures: none until `free`, then 2 s doubling. */
export function throttleDelaySeconds(failures: number, { free, capSeconds }: Rule): number {
  return failures < free ? 0 : Math.min(2 ** (failures - free + 1), capSeconds);
}

/**
 * When an attempt with this key may be made, or null when it may be made now. `ownAttemptId` is the
 * attempt being checked, left out of the counts.
 */
export async function signInBlockedUntil(
  db: Db,
  { email, ipAddress }: SignInKey,
  now = new Date(),
  ownAttemptId?: string,
): Promise<Date | null> {
  const windowStart = new Date(now.getTime() - THROTTLE_WINDOW_MINUTES * 60_000);
  const others = ownAttemptId ? { not: ownAttemptId } : undefined;
  const lastSuccess = async (where: { email: string; ipAddress?: string | null }) =>
    (
      await db.signInAttempt.findFirst({
        where: { ...where, id: others, succeeded: true, createdAt: { gt: windowStart, lte: now } },
        orderBy: { createdAt: "desc" },
        select: { createdAt: true },
      })
    )?.createdAt ?? windowStart;
  const failures = async (where: { email?: string; ipAddress?: string | null }, since: Date) => {
    const found = await db.signInAttempt.aggregate({
      where: { ...where, id: others, succeeded: false, createdAt: { gt: since, lte: now } },
      _count: { _all: true },
      _max: { createdAt: true },
    });
    return { count: found._count._all, latest: found._max.createdAt };
  };

  const [pairSince, emailSince] = await Promise.all([
    lastSuccess({ email, ipAddress }),
    lastSuccess({ email }),
  ]);
  const [pair, address, account] = await Promise.all([
    failures({ email, ipAddress }, pairSince),
    ipAddress ? failures({ ipAddress }, windowStart) : null,
    failures({ email }, emailSince),
  ]);
  // An unknown address cannot be told apart from an attacker's.
  const addressHasFailed = address === null || address.count > 0;
  const waits: [{ count: number; latest: Date | null }, Rule][] = [[pair, THROTTLE_RULES.emailFromAddress]];
  if (address) waits.push([address, THROTTLE_RULES.address]);
  if (addressHasFailed) waits.push([account, THROTTLE_RULES.email]);

  let until: Date | null = null;
  for (const [{ count, latest }, rule] of waits) {
    const seconds = throttleDelaySeconds(count, rule);
    if (!latest || seconds === 0) continue;
    const allowedAt = new Date(latest.getTime() + seconds * 1000);
    if (allowedAt > now && (!until || allowedAt > until)) until = allowedAt;
  }
  return until;
}

/**
 * Records an attempt before its password is checked, as failed, and checks the throttle against the
 * attempts recorded before it: its id to mark a success with, or when to try again (then nothing is
 * kept of it).
 */
export async function claimSignInAttempt(
  db: Db,
  key: SignInKey,
  now = new Date(),
): Promise<{ attemptId: string } | { retryAt: Date }> {
  const attempt = await recordSignInAttempt(db, { ...key, succeeded: false }, now);
  const retryAt = await signInBlockedUntil(db, key, now, attempt.id);
  if (!retryAt) return { attemptId: attempt.id };
  await db.signInAttempt.delete({ where: { id: attempt.id } });
  return { retryAt };
}

/** The password was right: the attempt counts as a success, which clears the email's failures. */
export async function markSignInSucceeded(db: Db, attemptId: string) {
  await db.signInAttempt.update({ where: { id: attemptId }, data: { succeeded: true } });
}

export async function recordSignInAttempt(db: Db, key: SignInKey & { succeeded: boolean }, now = new Date()) {
  const attempt = await db.signInAttempt.create({ data: { ...key, createdAt: now }, select: { id: true } });
  // Attempts older than a day matter to nobody: keep the table small.
  await db.signInAttempt.deleteMany({ where: { createdAt: { lt: new Date(now.getTime() - DAY_MS) } } });
  return attempt;
}
