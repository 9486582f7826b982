// Writing an import's updates a few statements at a time rather than a dozen per row. What it writes is
// exactly what recording each row through the status form's path (lib/status-updates/record.ts) would,
// in the same order: each item's new state, its StatusUpdate (and new evidence), the roll-up of its
// recommendation after each action, and every audit event. The rules were checked by the dry run just
// before; what only the writing can find out is checked here: a version that moved since (someone
// saved meanwhile) and an action's day before its recommendation's latest, which an earlier row's
// roll-up may have moved on. Ids are time-ordered (UUID v7) so that rows written at one moment keep
// the order they were written in.
import { v7 as orderedId } from "uuid";
import type { AuditAction, AuditEntityType } from "@/lib/audit/actions";
import type { DatabaseProvider } from "@/lib/database-url";
import { shanghaiDate } from "@/lib/dates";
import type { Prisma } from "@/lib/db/client";
import type { ItemStatus } from "@/lib/db/enums";
import { type EncodedRows, encodeRows, insertEncoded, rowsFromJson } from "@/lib/db/insert";
import { raw, sql } from "@/lib/db/sql";
import { type NewEvidence, writeEvidence } from "@/lib/evidence/write";
import { type EncodedChainRows, encodeChainRows, insertChainRows } from "@/lib/history-chain/append";
import { notifyStatusChanges, type StatusChange } from "@/lib/notifications/changes";
import { lockRecommendations } from "@/lib/recommendations/lock";
import { rollUp } from "@/lib/recommendations/roll-up";
import { newEvidenceOf } from "@/lib/status-updates/record";
import type { StatusUpdateInput } from "@/lib/status-updates/schema";
import type { Families, PlannedRow } from "./plan";

/** A row to write: one the dry run found to be an update, with what the status form would record. */
export type RowToWrite = PlannedRow & {
  input: StatusUpdateInput;
  before: State;
  item: NonNullable<PlannedRow["item"]>;
};

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

/** What an import will write, worked out from the data as it was read, and what it relied on. */
export type PreparedWrites = {
  actionChanges: ItemChange[];
  recommendationChanges: ItemChange[];
  history: History;
  /** The recommendations actions roll up into, and every action under them, at the versions read. */
  parents: string[];
  versionsRead: Map<string, number>;
  responsible: Map<string, RowToWrite>;
};

/**
 * Works out every row an import writes, from what its dry run read (`families`); writes nothing. May
 * be called outside the writing transaction (writePrepared then checks that nothing it relied on
 * moved). It changes the families' actions as it goes: give it a dry run's own, used for nothing else.
 */
export function prepareWrites(
  provider: DatabaseProvider,
  families: Families,
  actor: { id: string },
  rows: RowToWrite[],
  fileName: string,
  now: Date,
): PreparedWrites {
  // Recommendations first, as the status form would be used: an action then rolls up onto its
  // recommendation's new state.
  const ordered = [...rows].sort((a, b) => Number(a.kind === "action") - Number(b.kind === "action"));
  const actionRows = ordered.filter((row) => row.kind === "action");
  // What the dry run read of each item: its code, its recommendation, that one's latest day.
  const actions = new Map(actionRows.map((row) => [row.input.itemId, row.item]));
  const parents = [...new Set(actionRows.map((row) => row.item.recommendationId))];
  const family = {
    states: families.states,
    actions: families.actions,
    action: new Map([...families.actions.values()].flat().map((action) => [action.id, action])),
    latest: new Map<string, Date>(),
  };
  for (const row of actionRows)
    if (row.item.recommendationLatest)
      family.latest.set(row.item.recommendationId, row.item.recommendationLatest);
  const versionsRead = new Map<string, number>();
  for (const [id, state] of family.states) versionsRead.set(id, state.version);
  for (const [id, action] of family.action) versionsRead.set(id, action.version);

  const history = new History(actor.id, fileName, now);
  const recommendations = new Map<string, ItemState>();
  for (const row of ordered.filter((row) => row.kind === "recommendation")) {
    const read = family.states.get(row.input.itemId);
    if (read && read.version !== row.input.version) throw new RowNotWritten(row, "conflict");
    const { status, progress } = history.record(row, row.input.itemId);
    recommendations.set(row.input.itemId, { status, progress, version: row.input.version + 1 });
    family.latest.set(row.input.itemId, later(family.latest.get(row.input.itemId), row.input.effectiveDate));
  }
  for (const row of actionRows) {
    const action = actions.get(row.input.itemId);
    const sibling = family.action.get(row.input.itemId);
    if (!action || !sibling || sibling.version !== row.input.version)
      throw new RowNotWritten(row, "conflict");
    const recommendationId = action.recommendationId;
    const effectiveDate = shanghaiDate(row.input.effectiveDate);
    // The status form's rule, against the recommendation's history as this file has made it so far.
    const latest = family.latest.get(recommendationId);
    if (latest && effectiveDate < latest) throw new RowNotWritten(row, "invalid");
    const updateId = history.record(row, row.input.itemId).id;

    Object.assign(sibling, { status: row.input.status, progress: row.input.progress ?? sibling.progress });
    const before = recommendations.get(recommendationId) ?? family.states.get(recommendationId);
    if (!before) continue;
    const { progress } = rollUp(family.actions.get(recommendationId) ?? []);
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
  const recommendationChanges = [...recommendations].flatMap(([id, state]) => {
    const row = responsible.get(id);
    const own = row?.kind === "recommendation" ? row.input.version : undefined;
    const from = own ?? family.states.get(id)?.version;
    return row && from !== undefined ? [{ row, id, state, from, to: state.version }] : [];
  });
  const actionChanges = actionRows.map((row) => ({
    row,
    id: row.input.itemId,
    state: { status: row.input.status, progress: row.input.progress ?? row.before.progress },
    from: row.input.version,
    to: row.input.version + 1,
  }));
  history.encode(provider);
  return { actionChanges, recommendationChanges, history, parents, versionsRead, responsible };
}

/**
 * Writes what prepareWrites worked out, in the transaction that applies the import. Every item it
 * changes, and every action its roll-ups were computed from, must still be at the version read: one
 * that moved (someone saved meanwhile) stops it with its row as a conflict, before anything of the
 * file is committed.
 */
export async function writePrepared(
  tx: Prisma.TransactionClient,
  provider: DatabaseProvider,
  prepared: PreparedWrites,
  now: Date,
) {
  const update = updater(tx, provider, now);
  // Items are locked as a save locks them, actions before their recommendations, so that an import and
  // a save never wait on each other in a circle.
  await update("Action", prepared.actionChanges);
  await lockRecommendations(tx, prepared.parents);
  const written = new Map(prepared.actionChanges.map((change) => [change.id, change.to]));
  for (const part of chunks(prepared.parents)) {
    const [recommendations, actions] = await Promise.all([
      tx.recommendation.findMany({ where: { id: { in: part } }, select: { id: true, version: true } }),
      tx.action.findMany({
        where: { recommendationId: { in: part } },
        select: { id: true, version: true, recommendationId: true },
      }),
    ]);
    const moved = [
      ...recommendations
        .filter((rec) => rec.version !== prepared.versionsRead.get(rec.id))
        .map((rec) => rec.id),
      ...actions
        .filter(
          (action) => action.version !== (written.get(action.id) ?? prepared.versionsRead.get(action.id)),
        )
        .map((action) => action.recommendationId),
    ];
    const row = moved[0] ? prepared.responsible.get(moved[0]) : undefined;
    if (row) throw new RowNotWritten(row, "conflict");
  }
  await update("Recommendation", prepared.recommendationChanges);
  // The notifications before the history: appending to the history chains takes their lock, which
  // every other save on PostgreSQL then waits for until this commits (lib/history-chain/append.ts).
  await notifyStatusChanges(tx, prepared.history.actorId, prepared.history.changes(), now);
  await prepared.history.write(tx);
}

type Row = Record<string, string | number | boolean | Date | object | null>;

/** The history and audit rows of the import, in the order the status form would write them. */
class History {
  readonly evidence: NewEvidence[] = [];
  readonly updates: Row[] = [];
  readonly links: Row[] = [];
  readonly audit: Row[] = [];

  constructor(
    readonly actorId: string,
    readonly fileName: string,
    readonly now: Date,
  ) {}

  /** A row's own update (and its new evidence); returns its state after. */
  record(row: RowToWrite, itemId: string): State & { id: string } {
    const { input, before } = row;
    const item =
      input.itemType === "recommendation"
        ? { recommendationId: itemId, actionId: null }
        : { recommendationId: null, actionId: itemId };
    const progress = input.progress ?? before.progress;
    const id = orderedId();
    const evidence = newEvidenceOf(input);
    if (evidence) {
      this.evidence.push(evidence);
      this.links.push({ statusUpdateId: id, evidenceId: evidence.id });
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
      rollUpOfId: null,
      rollUpCause: null,
      rollUpActionCode: null,
    });
    this.event(
      "statusUpdate.record",
      input.itemType === "recommendation" ? "Recommendation" : "Action",
      itemId,
      { status: before.status, progress: before.progress, version: input.version },
      { status: input.status, progress, version: input.version + 1, statusUpdateId: id },
    );
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
      actionId: null,
      statusBefore: before.status,
      statusAfter: after.status,
      progressBefore: before.progress,
      progressAfter: after.progress,
      effectiveDate,
      comment: null,
      rollUpOfId: cause.statusUpdateId,
      rollUpCause: cause.kind,
      rollUpActionCode: cause.actionCode,
    });
    this.event(
      "recommendation.rollUp",
      "Recommendation",
      recommendationId,
      { status: before.status, progress: before.progress, version: before.version },
      { ...after, version: before.version + 1, cause },
    );
  }

  /** An audit event as lib/audit/record.ts stores one. */
  event(action: AuditAction, entityType: AuditEntityType, entityId: string, before: unknown, after: unknown) {
    this.audit.push({
      id: orderedId(),
      actorId: this.actorId,
      action,
      entityType,
      entityId,
      before: before ?? null,
      after: after ?? null,
      createdAt: this.now,
    });
  }

  /** The file's own updates (not roll-ups), as the notifications tell of them. */
  changes(): StatusChange[] {
    const titles = new Map(this.links.map((link) => [link.statusUpdateId, link.evidenceId]));
    const evidenceTitle = new Map(this.evidence.map((piece) => [piece.id, piece.fields.titleZh]));
    return this.updates
      .filter((row) => row.rollUpOfId === null)
      .map((row) => ({
        itemType: row.actionId ? ("action" as const) : ("recommendation" as const),
        itemId: String(row.actionId ?? row.recommendationId),
        statusUpdateId: String(row.id),
        statusBefore: row.statusBefore as ItemStatus,
        statusAfter: row.statusAfter as ItemStatus,
        progressBefore: Number(row.progressBefore),
        progressAfter: Number(row.progressAfter),
        comment: (row.comment as string | null) ?? null,
        evidenceTitle: evidenceTitle.get(String(titles.get(row.id as string) ?? "")) ?? null,
      }));
  }

  #encoded: { updates: EncodedChainRows; links: EncodedRows; audit: EncodedChainRows } | undefined;

  /**
   * Turns the rows into the statements' documents, as the writes are worked out: not in the writing
   * transaction, which on SQLite holds the whole database (for 10,000 rows, a quarter of its time).
   * The history and audit rows' content hashes too: in the transaction only their links to the
   * chains' heads are worked out (lib/history-chain/append.ts).
   */
  encode(provider: DatabaseProvider) {
    // One moment for the whole file, as it is recorded at once; ids in the order written break ties.
    const common = {
      source: "import",
      importFileName: this.fileName,
      authorId: this.actorId,
      createdAt: this.now,
    };
    this.#encoded = {
      updates: encodeChainRows(
        provider,
        "StatusUpdate",
        UPDATE_COLUMNS,
        this.updates.map((row) => ({ ...row, ...common })),
      ),
      links: encodeRows(provider, ["statusUpdateId", "evidenceId"], this.links),
      audit: encodeChainRows(provider, "AuditEvent", AUDIT_COLUMNS, this.audit),
    };
  }

  async write(tx: Prisma.TransactionClient) {
    if (!this.#encoded) throw new Error("The import's history was not encoded before writing");
    await writeEvidence(tx, this.actorId, this.evidence, this.now);
    await insertChainRows(tx, this.#encoded.updates);
    await insertEncoded(tx, "StatusUpdateEvidence", this.#encoded.links);
    await insertChainRows(tx, this.#encoded.audit);
  }
}

const UPDATE_COLUMNS = [
  "id",
  "recommendationId",
  "actionId",
  "statusBefore",
  "statusAfter",
  "progressBefore",
  "progressAfter",
  "effectiveDate",
  "comment",
  "source",
  "importFileName",
  "authorId",
  "rollUpOfId",
  "rollUpCause",
  "rollUpActionCode",
  "createdAt",
];
const AUDIT_COLUMNS = ["id", "actorId", "action", "entityType", "entityId", "before", "after", "createdAt"];

type ItemChange = { row: RowToWrite; id: string; state: State; from: number; to: number };

/**
 * One statement for many items of a table: each to its new state and version, only from the version
 * this import read. One that moved meanwhile (someone saved it) stops the import with its row.
 */
function updater(tx: Prisma.TransactionClient, provider: DatabaseProvider, now: Date) {
  return async (table: "Action" | "Recommendation", changes: ItemChange[]) => {
    if (changes.length === 0) return;
    const name = raw(`"${table}"`);
    const values = rowsFromJson(
      provider,
      "v",
      { id: "text", status: '"ItemStatus"', progress: "integer", from: "integer", to: "integer" },
      changes.map(({ id, state, from, to }) => ({
        id,
        status: state.status,
        progress: state.progress,
        from,
        to,
      })),
    );
    const written = await tx.$queryRaw<{ id: string }[]>(sql`
      UPDATE ${name} SET "status" = v."status", "progress" = v."progress", "version" = v."to", "updatedAt" = ${now}
      FROM ${values} WHERE ${name}."id" = v."id" AND ${name}."version" = v."from" RETURNING ${name}."id"`);
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
