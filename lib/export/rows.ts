// The rows of an export, produced in batches so that no export holds all its rows at once: the view's
// item ids are read first, in the table's order (ids only: small even for a national view), then each
// batch of items is loaded with its names, its actions, evidence or history.
import "server-only";
import { Prisma } from "@/generated/sqlite/client";
import type { Db } from "@/lib/db/client";
import type { EvidenceKind, ItemStatus, UpdateSource } from "@/lib/db/enums";
import { filteredItems, type ItemScope, itemScope, itemsSql } from "@/lib/tracking/item-sql";
import { ITEM_STATE_COLUMNS, type ItemStateRow, itemOrderSql, withDetails } from "@/lib/tracking/queries";
import type { ExportPart, ExportQuery } from "./params";

const { sql, join } = Prisma;

/** Items per batch: one IN list, and at most a few tens of thousands of history rows behind it. */
export const EXPORT_BATCH = 1000;
const DAY_MS = 86_400_000;

export type ExportItem = Awaited<ReturnType<typeof withDetails>>[number];

export type ExportEvidence = {
  id: string;
  proposalCode: string;
  recommendationCode: string;
  actionCode: string | null;
  titleZh: string;
  titleEn: string | null;
  kind: EvidenceKind;
  url: string;
  publisher: string | null;
  publishedAt: Date | null;
  note: string | null;
  createdAt: Date;
};

export type ExportHistory = {
  id: string;
  proposalCode: string;
  recommendationCode: string;
  actionCode: string | null;
  effectiveDate: Date;
  statusBefore: ItemStatus | null;
  statusAfter: ItemStatus;
  progressBefore: number | null;
  progressAfter: number;
  comment: string | null;
  source: UpdateSource;
  author: string | null;
  createdAt: Date;
};

export type ExportRowOf = {
  items: ExportItem;
  actions: ExportItem;
  evidence: ExportEvidence;
  history: ExportHistory;
};

export type ExportView = {
  kind: ExportQuery["kind"];
  scope: ItemScope;
  /** The view's item ids in the table's order. */
  ids: string[];
};

/**
 * The items of the table's view (its filters and sort), or of the selected rows among them, in order.
 * The selection is still read through the view's filters: a row that no longer matches is left out.
 */
export async function openExportView(db: Db, query: ExportQuery, today: Date): Promise<ExportView> {
  const scope = await itemScope(db, query, today);
  const extra = query.ids ? [sql`i."id" IN (${query.ids.length ? join(query.ids) : sql`NULL`})`] : [];
  const rows = await db.$queryRaw<{ id: string }[]>`
    SELECT i."id" FROM ${filteredItems(scope, query, ...extra)} ORDER BY ${itemOrderSql(scope, query)}`;
  return { kind: query.kind, scope, ids: rows.map((row) => row.id) };
}

function* chunks<T>(list: T[], size: number): Generator<T[]> {
  for (let start = 0; start < list.length; start += size) yield list.slice(start, start + size);
}

/** Items of a kind with their state on the view's day, in the order of `ids`. */
async function itemsInOrder(db: Db, scope: ItemScope, kind: ExportQuery["kind"], ids: string[]) {
  const states = await db.$queryRaw<ItemStateRow[]>`
    SELECT ${ITEM_STATE_COLUMNS} FROM ${itemsSql(scope, kind)} i WHERE i."id" IN (${join(ids)})`;
  const position = new Map(ids.map((id, index) => [id, index]));
  states.sort((a, b) => (position.get(a.id) ?? 0) - (position.get(b.id) ?? 0));
  return withDetails(db, kind, states);
}

/** Where each item of a batch belongs, and the codes its evidence and history rows carry. */
async function batchCodes(db: Db, kind: ExportQuery["kind"], ids: string[]) {
  const actions =
    kind === "action"
      ? await db.action.findMany({
          where: { id: { in: ids } },
          select: { id: true, code: true, sortOrder: true, recommendationId: true },
        })
      : await db.action.findMany({
          where: { recommendationId: { in: ids } },
          select: { id: true, code: true, sortOrder: true, recommendationId: true },
        });
  const recommendationIds = kind === "action" ? [...new Set(actions.map((a) => a.recommendationId))] : ids;
  const recommendations = await db.recommendation.findMany({
    where: { id: { in: recommendationIds } },
    select: { id: true, code: true, proposal: { select: { code: true } } },
  });
  const recommendationById = new Map(recommendations.map((r) => [r.id, r]));
  const actionById = new Map(actions.map((a) => [a.id, a]));
  const position = new Map(ids.map((id, index) => [id, index]));
  /** Rows sort by their item's place in the view, the recommendation's own rows before its actions'. */
  const place = (recommendationId: string | null, actionId: string | null): [number, number] => {
    const action = actionId ? actionById.get(actionId) : undefined;
    if (kind === "action") return [position.get(actionId ?? "") ?? 0, 0];
    return [
      position.get(recommendationId ?? action?.recommendationId ?? "") ?? 0,
      action ? 1 + action.sortOrder : 0,
    ];
  };
  const codes = (recommendationId: string | null, actionId: string | null) => {
    const action = actionId ? actionById.get(actionId) : undefined;
    const recommendation = recommendationById.get(recommendationId ?? action?.recommendationId ?? "");
    return {
      proposalCode: recommendation?.proposal.code ?? "",
      recommendationCode: recommendation?.code ?? "",
      actionCode: action?.code ?? null,
    };
  };
  // Evidence and history of the batch's items: a recommendation's own and its actions'.
  const owners =
    kind === "action"
      ? { actionId: { in: ids } }
      : { OR: [{ recommendationId: { in: ids } }, { actionId: { in: actions.map((a) => a.id) } }] };
  return { place, codes, owners };
}

/** Rows in the order of their keys, compared one after another. */
function byPlace<T>(rows: T[], key: (row: T) => (number | string)[]): T[] {
  return rows
    .map((row) => ({ row, key: key(row) }))
    .sort((a, b) => {
      for (let i = 0; i < a.key.length; i++) {
        const x = a.key[i] as number | string;
        const y = b.key[i] as number | string;
        if (x !== y) return x < y ? -1 : 1;
      }
      return 0;
    })
    .map(({ row }) => row);
}

/** Batches of one part of an export, in the view's order. */
export async function* exportBatches<P extends ExportPart>(
  db: Db,
  view: ExportView,
  part: P,
  batchSize = EXPORT_BATCH,
): AsyncGenerator<ExportRowOf[P][]> {
  const { scope, kind } = view;
  // On an as-of day, what had happened by its end.
  const endOfDay = scope.asOf ? new Date(scope.asOf.getTime() + DAY_MS) : null;
  for (const ids of chunks(view.ids, batchSize)) {
    if (part === "items") {
      yield (await itemsInOrder(db, scope, kind, ids)) as ExportRowOf[P][];
    } else if (part === "actions") {
      const rows = await db.$queryRaw<(ItemStateRow & { recommendationId: string; sortOrder: number })[]>`
        SELECT ${ITEM_STATE_COLUMNS}, i."recommendationId", a."sortOrder"
        FROM ${itemsSql(scope, "action")} i JOIN "Action" a ON a."id" = i."id"
        WHERE i."recommendationId" IN (${join(ids)})`;
      const position = new Map(ids.map((id, index) => [id, index]));
      const ordered = byPlace(rows, (row) => [
        position.get(row.recommendationId) ?? 0,
        Number(row.sortOrder),
        row.id,
      ]);
      yield (await withDetails(db, "action", ordered)) as ExportRowOf[P][];
    } else if (part === "evidence") {
      const { place, codes, owners } = await batchCodes(db, kind, ids);
      const evidence = await db.evidence.findMany({
        where: {
          AND: [
            owners,
            endOfDay
              ? {
                  createdAt: { lt: endOfDay },
                  OR: [{ withdrawnAt: null }, { withdrawnAt: { gte: endOfDay } }],
                }
              : { withdrawnAt: null },
          ],
        },
        select: {
          id: true,
          recommendationId: true,
          actionId: true,
          titleZh: true,
          titleEn: true,
          kind: true,
          url: true,
          publisher: true,
          publishedAt: true,
          note: true,
          createdAt: true,
        },
      });
      yield byPlace(evidence, (row) => [
        ...place(row.recommendationId, row.actionId),
        row.createdAt.getTime(),
        row.id,
      ]).map(({ recommendationId, actionId, ...row }) => ({
        ...row,
        ...codes(recommendationId, actionId),
      })) as ExportRowOf[P][];
    } else {
      const { place, codes, owners } = await batchCodes(db, kind, ids);
      const updates = await db.statusUpdate.findMany({
        where: endOfDay ? { AND: [owners, { effectiveDate: { lt: endOfDay } }] } : owners,
        select: {
          id: true,
          recommendationId: true,
          actionId: true,
          effectiveDate: true,
          statusBefore: true,
          statusAfter: true,
          progressBefore: true,
          progressAfter: true,
          comment: true,
          source: true,
          author: { select: { name: true } },
          createdAt: true,
        },
      });
      yield byPlace(updates, (row) => [
        ...place(row.recommendationId, row.actionId),
        row.effectiveDate.getTime(),
        row.createdAt.getTime(),
        row.id,
      ]).map(({ recommendationId, actionId, author, ...row }) => ({
        ...row,
        author: author?.name ?? null,
        ...codes(recommendationId, actionId),
      })) as ExportRowOf[P][];
    }
  }
}
