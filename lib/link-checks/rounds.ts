// The rounds of link checks, run by every app process's background loop (./worker.ts) and each link
// checked by exactly one of them: a new link (evidence or a contact record's) gets its LinkCheck row,
// due at once; a process claims due rows with one conditional UPDATE writing its own claim token, as
// deliveries are claimed (lib/notifications/deliveries.ts: on PostgreSQL the second UPDATE waits and
// re-checks its WHERE, on SQLite the write lock orders them); it checks them and writes the outcome
// only to rows still its own, due again a week later. A process killed mid-check loses nothing: its
// lease runs out and another process claims the rows.
import { randomUUID } from "node:crypto";
import { type Db, providerOf } from "@/lib/db/client";
import { encodeRows } from "@/lib/db/insert";
import { raw, sql } from "@/lib/db/sql";
import { thisProcess } from "@/lib/slots/holder";
import { type CheckResult, checkLink } from "./check";
import type { FetchOptions } from "./fetch";
import { loadAllowedHosts } from "./settings";

export const RECHECK_AFTER_MS = 7 * 24 * 60 * 60_000;
/** How long a claim lasts: far beyond a check's time-out, so only a lost process lets it lapse. */
export const CHECK_LEASE_MS = 5 * 60_000;
/** New links given their rows in one pass, at most. */
const DISCOVER_BATCH = 2000;
/** Checks run at once by one process. */
const PARALLEL_CHECKS = 4;

export type RoundOptions = {
  now?: Date;
  limit?: number;
  leaseMs?: number;
  /** The fetch's limits; allowedHosts defaults to the admins' setting. */
  fetch?: FetchOptions;
};

const httpOnly = { OR: [{ url: { startsWith: "http://" } }, { url: { startsWith: "https://" } }] };

/** Gives every live http(s) link without one its LinkCheck row, due now. Answers how many were added. */
export async function addNewLinks(db: Db, now: Date = new Date()): Promise<number> {
  const [evidence, contactLinks] = await Promise.all([
    db.evidence.findMany({
      where: { linkCheck: null, withdrawnAt: null, ...httpOnly },
      select: { id: true, url: true },
      take: DISCOVER_BATCH,
    }),
    db.deputyContactLink.findMany({
      where: { linkCheck: null, ...httpOnly },
      select: { contactId: true, position: true, url: true },
      take: DISCOVER_BATCH,
    }),
  ]);
  // Ids from what they check: two processes adding one link at once write the same row, and the
  // second's is skipped (ON CONFLICT DO NOTHING) rather than failing the statement.
  const rows = [
    ...evidence.map((piece) => ({ id: `ev:${piece.id}`, evidenceId: piece.id, url: piece.url })),
    ...contactLinks.map((link) => ({
      id: `cl:${link.contactId}:${link.position}`,
      contactId: link.contactId,
      contactPosition: link.position,
      url: link.url,
    })),
  ].map((row) => ({ ...row, dueAt: now, createdAt: now, updatedAt: now }));
  if (rows.length === 0) return 0;
  const provider = providerOf(db);
  const { documents } = encodeRows(provider, NEW_ROW_COLUMNS, rows);
  const names = raw(NEW_ROW_COLUMNS.map((column) => `"${column}"`).join(", "));
  let added = 0;
  for (const document of documents)
    added += await db.$executeRaw(
      provider === "postgresql"
        ? sql`INSERT INTO "LinkCheck" (${names}) SELECT ${raw(NEW_ROW_COLUMNS.map((c) => `r."${c}"`).join(", "))} FROM json_populate_recordset(NULL::"LinkCheck", ${document}::json) r ON CONFLICT DO NOTHING`
        : // "WHERE true": without it SQLite would read ON CONFLICT as the SELECT's join condition.
          sql`INSERT INTO "LinkCheck" (${names}) SELECT ${raw(NEW_ROW_COLUMNS.map((_, i) => `r.value ->> ${i}`).join(", "))} FROM json_each(${document}) r WHERE true ON CONFLICT DO NOTHING`,
    );
  return added;
}

const NEW_ROW_COLUMNS = [
  "id",
  "evidenceId",
  "contactId",
  "contactPosition",
  "url",
  "dueAt",
  "createdAt",
  "updatedAt",
];

/** Claims the links due at `now` (up to `limit`), checks them and records the outcomes. */
export async function checkDueLinks(
  db: Db,
  { now = new Date(), limit = 20, leaseMs = CHECK_LEASE_MS, fetch }: RoundOptions = {},
): Promise<{ checked: number; broken: number }> {
  const due = { dueAt: { lte: now }, OR: [{ leaseUntil: null }, { leaseUntil: { lt: now } }] };
  const candidates = await db.linkCheck.findMany({
    where: due,
    orderBy: { dueAt: "asc" },
    take: limit,
    select: { id: true },
  });
  if (candidates.length === 0) return { checked: 0, broken: 0 };
  const holder = thisProcess();
  const token = `${holder.host}:${holder.pid}:${randomUUID()}`;
  await db.linkCheck.updateMany({
    where: { ...due, id: { in: candidates.map((row) => row.id) } },
    data: { leasedBy: token, leaseUntil: new Date(now.getTime() + leaseMs) },
  });
  const claimed = await db.linkCheck.findMany({
    where: { leasedBy: token },
    select: { id: true, url: true, baselineHash: true },
  });
  const allowedHosts = fetch?.allowedHosts ?? (await loadAllowedHosts(db));
  const result = { checked: 0, broken: 0 };
  const queue = [...claimed];
  const runOne = async () => {
    for (let row = queue.shift(); row; row = queue.shift()) {
      const outcome = await checkLink(row.url, { ...fetch, allowedHosts });
      await recordOutcome(db, row, token, outcome);
      result.checked += 1;
      if (outcome.outcome === "broken") result.broken += 1;
    }
  };
  await Promise.all(Array.from({ length: PARALLEL_CHECKS }, runOne));
  return result;
}

async function recordOutcome(
  db: Db,
  row: { id: string; baselineHash: string | null },
  token: string,
  outcome: CheckResult,
) {
  const checkedAt = new Date();
  // The first good check after the link was cited is what later ones are compared with.
  const baseline =
    row.baselineHash === null && outcome.textHash !== null
      ? { baselineHash: outcome.textHash, baselineAt: checkedAt }
      : {};
  await db.linkCheck.updateMany({
    where: { id: row.id, leasedBy: token },
    data: {
      ...outcome,
      ...baseline,
      checkedAt,
      checks: { increment: 1 },
      dueAt: new Date(checkedAt.getTime() + RECHECK_AFTER_MS),
      // leasedBy stays: it tells which process checked.
      leaseUntil: null,
    },
  });
}
