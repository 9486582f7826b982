// Limits on heavy work that hold across every app process: at most `perOwner` pieces of one kind at
// once for one person (or API token), and `total` in all. A piece of work runs only in a slot, a row of
// JobSlot claimed before the work starts and deleted when it ends:
//
//     const claim = await claimSlot(db, { kind: "report", owner: `user:${user.id}`, ...REPORT_LIMITS });
//     if (!claim.slot) return tooMany(claim.refused);
//     try { … } finally { await claim.slot.release(); }
//
// The claim is one INSERT … SELECT that inserts only while both counts are under their limits, so that
// requests arriving together cannot all pass a count made before any of them was recorded.
// - SQLite: that statement is atomic even across processes, as a writing statement takes the
//   database's write lock before it reads anything. (A count, then an insert, would not be, even in a
//   transaction: Prisma's begin DEFERRED, holding no lock until their first write.)
// - PostgreSQL: under READ COMMITTED two such statements can both count the same rows (the tests see
//   it), so the claim first takes a transaction-level advisory lock for its kind: claims of one kind
//   queue for a moment, nothing else waits, and the lock ends with the transaction whatever happens.
//   (A slot table with a unique (owner, n) would need no lock, but a claim for each of the two limits,
//   a retry on every collision, and an undo when the second fails.)
// A slot's process renews it while the work runs; one whose process is gone stops counting: at once
// when that process ran on this host (lib/slots/holder.ts), else once it has not been renewed for a
// while. Each claim, and each app process as it starts (instrumentation.ts), clears those first.
import { randomUUID } from "node:crypto";
import { type Db, providerOf } from "@/lib/db/client";
import { sql } from "@/lib/db/sql";
import { isRunningHere, thisProcess } from "./holder";

/** What runs in a slot; each kind has limits of its own. */
export type SlotKind = "export" | "report" | "import";

export type SlotLimits = { perOwner: number; total: number };

/** A claimed slot. Release it when the work ends, however it ends. */
export type Slot = { id: string; release(): Promise<void> };

export type SlotClaim = { slot: Slot; refused?: undefined } | { slot?: undefined; refused: keyof SlotLimits };

const HEARTBEAT_MS = 30_000;
/** A slot of another host's not renewed for this long lost its process (this host's we can see). */
export const SLOT_STALE_MS = 3 * HEARTBEAT_MS;

/**
 * Claims a slot of `kind` for `owner` ("user:<id>" or "token:<id>") if both limits allow one more,
 * or says which limit is reached.
 */
export async function claimSlot(
  db: Db,
  request: { kind: SlotKind; owner: string } & SlotLimits,
): Promise<SlotClaim> {
  const { kind, owner, perOwner, total } = request;
  await releaseDeadSlots(db);
  const id = randomUUID();
  const holder = thisProcess();
  const now = new Date();
  const insert = sql`
    INSERT INTO "JobSlot" ("id", "kind", "owner", "host", "pid", "pidStart", "startedAt", "heartbeatAt")
    SELECT ${id}, ${kind}, ${owner}, ${holder.host}, ${holder.pid}, ${holder.pidStart}, ${now}, ${now}
    WHERE (SELECT count(*) FROM "JobSlot" WHERE "kind" = ${kind} AND "owner" = ${owner}) < ${perOwner}
      AND (SELECT count(*) FROM "JobSlot" WHERE "kind" = ${kind}) < ${total}`;
  const inserted =
    providerOf(db) === "postgresql"
      ? (
          await db.$transaction([
            db.$executeRaw(sql`SELECT pg_advisory_xact_lock(hashtext(${`JobSlot:${kind}`}))`),
            db.$executeRaw(insert),
          ])
        )[1]
      : await db.$executeRaw(insert);
  if (inserted === 1) return { slot: heldSlot(db, id) };
  // Which limit, for the message: counted again, as it stands now.
  const mine = await db.jobSlot.count({ where: { kind, owner } });
  return { refused: mine >= perOwner ? "perOwner" : "total" };
}

/** Renews the slot while it is held, and deletes it on release (once, however often it is called). */
function heldSlot(db: Db, id: string): Slot {
  const timer = setInterval(() => {
    db.jobSlot
      .updateMany({ where: { id }, data: { heartbeatAt: new Date() } })
      .catch((error: unknown) => console.error("job slot", id, error));
  }, HEARTBEAT_MS);
  // A slot's renewal must not keep a process alive that has nothing else to do.
  timer.unref();
  let released: Promise<void> | undefined;
  return {
    id,
    release() {
      clearInterval(timer);
      released ??= db.jobSlot.deleteMany({ where: { id } }).then(() => undefined);
      return released;
    },
  };
}

/**
 * Deletes the slots whose process is gone: those of this host whose process no longer runs (an app
 * server killed and started again frees its slots at once), and those of other hosts not renewed for
 * SLOT_STALE_MS.
 */
export async function releaseDeadSlots(db: Db): Promise<void> {
  const me = thisProcess();
  await db.jobSlot.deleteMany({
    where: { host: { not: me.host }, heartbeatAt: { lt: new Date(Date.now() - SLOT_STALE_MS) } },
  });
  const here = await db.jobSlot.findMany({
    where: { host: me.host, NOT: { pid: me.pid, pidStart: me.pidStart } },
    select: { id: true, pid: true, pidStart: true },
  });
  const dead = here.filter((slot) => !isRunningHere(slot)).map((slot) => slot.id);
  if (dead.length > 0) await db.jobSlot.deleteMany({ where: { id: { in: dead } } });
}
