// The link checks' background loop in each app process: every minute, new links get their rows and
// the due ones are checked (each by one process: ./rounds.ts). A pass never overlaps the previous one
// in a process; an error is logged, never thrown: the next pass tries again.
import "server-only";
import type { Db } from "@/lib/db/client";
import { startBackgroundLoop } from "@/lib/workers/loop";
import { addNewLinks, checkDueLinks, type RoundOptions } from "./rounds";

const PASS_EVERY_MS = 60_000;
/** A pass checks until nothing is due, or for this long (the rest go on in the next pass). */
const MAX_PASS_MS = 5 * 60_000;

export async function linkCheckPass(db: Db, options: Omit<RoundOptions, "now"> = {}) {
  await addNewLinks(db);
  const started = Date.now();
  const total = { checked: 0, broken: 0 };
  do {
    const round = await checkDueLinks(db, { ...options, now: new Date() });
    total.checked += round.checked;
    total.broken += round.broken;
    if (round.checked === 0) break;
  } while (Date.now() - started < MAX_PASS_MS);
  return total;
}

/** Starts the loop (once per process); LINK_CHECKS_WORKER=off leaves it out (tests that drive it). */
export function startLinkCheckWorker(db: Db): void {
  startBackgroundLoop("Link checks", "LINK_CHECKS_WORKER", PASS_EVERY_MS, () => linkCheckPass(db));
}
