// Writing an import's updates a few statements at a time rather than a dozen per row. What it writes is
// exactly what recording each row through the status form's path (lib/status-updates/record.ts) would,
// in the same order: each item's new state, its StatusUpdate (and new evidence), the roll-up of its
// recommendation after each action, and every audit event. The rules were checked by the dry run just
// before, in the same transaction; what only the writing can find out is checked here: a version that
// moved since (someone saved meanwhile) and an action's day before its recommendation's latest, which
// an earlier row's roll-up may have moved on.
import { v7 as orderedId } from "uuid";
import type { AuditInput } from "@/lib/audit/record";
import type { DatabaseProvider } from "@/lib/database-url";
import { shanghaiDate } from "@/lib/dates";
import type { Prisma } from "@/lib/db/client";
import type { ItemStatus } from "@/lib/db/enums";
import { join, raw, sql } from "@/lib/db/sql";
import { lockRecommendations } from "@/lib/recommendations/lock";
import { rollUp } from "@/lib/recommendations/roll-up";
import type { StatusUpdateInput } from "@/lib/status-updates/schema";
import type { PlannedRow } from "./plan";

/** A row to write: one the dry run found to be an update, with what the status form would record. */
export type RowToWrite = PlannedRow & { input: StatusUpdateInput; before: State };

type State = { status: ItemStatus; progress: number };
type ItemState = State & { version: number };

/** Why a row could not be written; nothing of the file is then. */
export class RowNotWritten extends Error {
  constructor(
    readonly row: PlannedRow,
    readonly reason: "conflict" | "invalid",
  ) {
    super(`row ${row.row}: ${reason}`);
  }
}

// Rows per statement: well under both databases' limits on bound values.
const CHUNK = 500;

export async function writeImportRows(
  tx: Prisma.TransactionClient,
  provider: DatabaseProvider,
  actor: { id: string },
  rows: RowToWrite[],
  fileName: string,
  now: Date,
): Promise<void> {
  const update = updater(tx, provider, now);
  // Recommendations first, as the status form would be used: an action then rolls up onto its
  // recommendation's new state.
  const ordered = [...rows].sort((a, b) => Number(a.kind === "action") - Number(b.kind === "action"));
  const actionRows = ordered.filter((row) => row.kind === "action");
  const actions = await readActions(
    tx,
    actionRows.map((row) => row.input.itemId),
  );

  // Items are locked as a save locks them, actions before their recommendations, so that an import and
  // a save never wait on each other in a circle.
  for (const part of chunks(actionRows))
    await update(
      "Action",
      part.map((row) => ({
        row,
        id: row.input.itemId,
        state: { status: row.input.status, progress: row.input.progress ?? row.before.progress },
        from: row.input.version,
        to: row.input.version + 1,
      })),
    );
  const parents = [
    ...new Set(actionRows.map((row) => actions.get(row.input.itemId)?.recommendationId ?? "")),
  ];
  await lockRecommendations(tx, parents);
  const family = await readRecommendations(tx, parents);
  // Read after this file's actions were written: each starts from its state before, and takes its new
  // one in turn, as the rows are recorded.
  for (const row of actionRows) {
    const recommendationId = actions.get(row.input.itemId)?.recommendationId ?? "";
    const sibling = family.actions.get(recommendationId)?.find((action) => action.id === row.input.itemId);
    if (sibling) Object.assign(sibling, row.before);
  }

  const history = new History(actor.id, fileName);
  const recommendations = new Map<string, ItemState>();
  for (const row of ordered.filter((row) => row.kind === "recommendation")) {
    const locked = family.states.get(row.input.itemId);
    if (locked && locked.version !== row.input.version) throw new RowNotWritten(row, "conflict");
    const { status, progress } = history.record(row, row.input.itemId);
    recommendations.set(row.input.itemId, { status, progress, version: row.input.version + 1 });
    family.latest.set(row.input.itemId, later(family.latest.get(row.input.itemId), row.input.effectiveDate));
  }
  for (const row of actionRows) {
    const action = actions.get(row.input.itemId);
    if (!action) throw new RowNotWritten(row, "conflict");
    const recommendationId = action.recommendationId;
    const effectiveDate = shanghaiDate(row.input.effectiveDate);
    // The status form's rule, against the recommendation's history as this file has made it so far.
    const latest = family.latest.get(recommendationId);
    if (latest && effectiveDate < latest) throw new RowNotWritten(row, "invalid");
    const updateId = history.record(row, row.input.itemId).id;

    const siblings = family.actions.get(recommendationId) ?? [];
    const moved = siblings.find((sibling) => sibling.id === row.input.itemId);
    if (moved)
      Object.assign(moved, { status: row.input.status, progress: row.input.progress ?? moved.progress });
    const before = recommendations.get(recommendationId) ?? family.states.get(recommendationId);
    if (!before) continue;
    const { progress } = rollUp(siblings);
    if (progress === before.progress) continue;
    // As lib/status-updates/record.ts: the status stays the lead agency's, except that a completed
    // recommendation whose actions are no longer all done is open again.
    const status = before.status === "completed" && progress < 100 ? "in_progress" : before.status;
    history.rollUp(recommendationId, before, { status, progress }, effectiveDate, {
      kind: "action_update",
      actionCode: action.code,
      statusUpdateId: updateId,
    });
    recommendations.set(recommendationId, { status, progress, version: before.version + 1 });
    family.latest.set(recommendationId, later(latest, row.input.effectiveDate));
  }

  // Each recommendation once, to its state after the file's own row and every roll-up; a conflict is
  // told of its own row, or of the first action row that rolled up into it.
  const responsible = new Map<string, RowToWrite>();
  for (const row of ordered) {
    const id =
      row.kind === "recommendation" ? row.input.itemId : actions.get(row.input.itemId)?.recommendationId;
    if (id && !responsible.has(id)) responsible.set(id, row);
  }
  const changes = [...recommendations].flatMap(([id, state]) => {
    const row = responsible.get(id);
    const own = row?.kind === "recommendation" ? row.input.version : undefined;
    const from = own ?? family.states.get(id)?.version;
    return row && from !== undefined ? [{ row, id, state, from, to: state.version }] : [];
  });
  for (const part of chunks(changes)) await update("Recommendation", part);
  await history.write(tx, now);
}

/** The history and audit rows of the import, in the order the status form would write them. */
class History {
  readonly evidence: Prisma.EvidenceCreateManyInput[] = [];
  readonly updates: Prisma.StatusUpdateCreateManyInput[] = [];
  readonly links: Prisma.StatusUpdateEvidenceCreateManyInput[] = [];
  readonly audit: AuditInput[] = [];

  constructor(
    readonly actorId: string,
    readonly fileName: string,
  ) {}

  /** A row's own update (and its new evidence); returns its state after. */
  record(row: RowToWrite, itemId: string): State & { id: string } {
    const { input, before } = row;
    const item = input.itemType === "recommendation" ? { recommendationId: itemId } : { actionId: itemId };
    const progress = input.progress ?? before.progress;
    const id = orderedId();
    if (input.newEvidenceUrl && input.newEvidenceTitle) {
      const evidence = {
        id: orderedId(),
        ...item,
        url: input.newEvidenceUrl,
        titleZh: input.newEvidenceTitle,
        kind: input.newEvidenceKind ?? "other",
        createdById: this.actorId,
      };
      this.evidence.push(evidence);
      this.links.push({ statusUpdateId: id, evidenceId: evidence.id });
      this.audit.push({
        actorId: this.actorId,
        action: "evidence.create",
        entityType: "Evidence",
        entityId: evidence.id,
        after: { url: evidence.url, title: evidence.titleZh, kind: evidence.kind },
      });
    }
    this.updates.push({
      id,
      ...item,
      statusBefore: before.status,
      statusAfter: input.status,
      progressBefore: before.progress,
      progressAfter: progress,
      effectiveDate: shanghaiDate(input.effectiveDate),
      comment: input.comment ?? null,
      source: "import",
      importFileName: this.fileName,
      authorId: this.actorId,
    });
    this.audit.push({
      actorId: this.actorId,
      action: "statusUpdate.record",
      entityType: input.itemType === "recommendation" ? "Recommendation" : "Action",
      entityId: itemId,
      before: { status: before.status, progress: before.progress, version: input.version },
      after: { status: input.status, progress, version: input.version + 1, statusUpdateId: id },
    });
    return { id, status: input.status, progress };
  }

  rollUp(
    recommendationId: string,
    before: ItemState,
    after: State,
    effectiveDate: Date,
    cause: { kind: "action_update"; actionCode: string; statusUpdateId: string },
  ) {
    this.updates.push({
      id: orderedId(),
      recommendationId,
      statusBefore: before.status,
      statusAfter: after.status,
      progressBefore: before.progress,
      progressAfter: after.progress,
      effectiveDate,
      source: "import",
      importFileName: this.fileName,
      authorId: this.actorId,
      rollUpOfId: cause.statusUpdateId,
      rollUpCause: cause.kind,
      rollUpActionCode: cause.actionCode,
    });
    this.audit.push({
      actorId: this.actorId,
      action: "recommendation.rollUp",
      entityType: "Recommendation",
      entityId: recommendationId,
      before: { status: before.status, progress: before.progress, version: before.version },
      after: { ...after, version: before.version + 1, cause },
    });
  }

  async write(tx: Prisma.TransactionClient, now: Date) {
    // One moment for the whole file, as it is recorded at once; ids in the order written break ties.
    for (const part of chunks(this.evidence))
      await tx.evidence.createMany({ data: part.map((row) => ({ ...row, createdAt: now })) });
    for (const part of chunks(this.updates))
      await tx.statusUpdate.createMany({ data: part.map((row) => ({ ...row, createdAt: now })) });
    for (const part of chunks(this.links)) await tx.statusUpdateEvidence.createMany({ data: part });
    for (const part of chunks(this.audit))
      await tx.auditEvent.createMany({
        data: part.map((event) => ({
          actorId: event.actorId,
          action: event.action,
          entityType: event.entityType,
          entityId: event.entityId,
          before: toJson(event.before),
          after: toJson(event.after),
          createdAt: now,
        })),
      });
  }
}

async function readActions(tx: Prisma.TransactionClient, ids: string[]) {
  const actions = new Map<string, { recommendationId: string; code: string }>();
  for (const part of chunks(ids))
    for (const action of await tx.action.findMany({
      where: { id: { in: part } },
      select: { id: true, recommendationId: true, code: true },
    }))
      actions.set(action.id, action);
  return actions;
}

/** The recommendations actions roll up into: their state, all their actions, their latest update's day. */
async function readRecommendations(tx: Prisma.TransactionClient, ids: string[]) {
  const states = new Map<string, ItemState>();
  const actions = new Map<string, { id: string; status: ItemStatus; progress: number; weight: number }[]>();
  const latest = new Map<string, Date>();
  for (const part of chunks(ids)) {
    const found = await tx.recommendation.findMany({
      where: { id: { in: part } },
      select: {
        id: true,
        status: true,
        progress: true,
        version: true,
        actions: { select: { id: true, status: true, progress: true, weight: true } },
      },
    });
    for (const rec of found) {
      states.set(rec.id, { status: rec.status, progress: rec.progress, version: rec.version });
      actions.set(rec.id, rec.actions);
    }
    const days = await tx.statusUpdate.groupBy({
      by: ["recommendationId"],
      where: { recommendationId: { in: part } },
      _max: { effectiveDate: true },
    });
    for (const day of days)
      if (day.recommendationId && day._max.effectiveDate)
        latest.set(day.recommendationId, day._max.effectiveDate);
  }
  return { states, actions, latest };
}

type ItemChange = { row: RowToWrite; id: string; state: State; from: number; to: number };

/**
 * One statement for many items of a table: each to its new state and version, only from the version
 * this import read. One that moved meanwhile (someone saved it) stops the import with its row.
 */
function updater(tx: Prisma.TransactionClient, provider: DatabaseProvider, now: Date) {
  const status = provider === "postgresql" ? raw(`CAST(v."status" AS "ItemStatus")`) : raw(`v."status"`);
  return async (table: "Action" | "Recommendation", changes: ItemChange[]) => {
    if (changes.length === 0) return;
    const name = raw(`"${table}"`);
    const values = changes.map(
      ({ id, state, from, to }) =>
        sql`(${id}, ${state.status}, CAST(${state.progress} AS INTEGER), CAST(${from} AS INTEGER), CAST(${to} AS INTEGER))`,
    );
    const written = await tx.$queryRaw<{ id: string }[]>(sql`
      WITH v ("id", "status", "progress", "from", "to") AS (VALUES ${join(values)})
      UPDATE ${name} SET "status" = ${status}, "progress" = v."progress", "version" = v."to", "updatedAt" = ${now}
      FROM v WHERE ${name}."id" = v."id" AND ${name}."version" = v."from" RETURNING ${name}."id"`);
    if (written.length === changes.length) return;
    const ids = new Set(written.map((item) => item.id));
    const moved = changes.find((change) => !ids.has(change.id)) ?? changes[0];
    if (moved) throw new RowNotWritten(moved.row, "conflict");
  };
}

/** The later of a day and a day of the file ("YYYY-MM-DD"). */
function later(day: Date | undefined, recorded: string): Date {
  const other = shanghaiDate(recorded);
  return day && day > other ? day : other;
}

function chunks<T>(values: T[]): T[][] {
  const result: T[][] = [];
  for (let index = 0; index < values.length; index += CHUNK) result.push(values.slice(index, index + CHUNK));
  return result;
}

// Dates become ISO strings; undefined becomes absent (as lib/audit/record.ts stores them).
function toJson(value: unknown) {
  return value === undefined ? undefined : (JSON.parse(JSON.stringify(value)) as object);
}
