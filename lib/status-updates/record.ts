// Recording a status update: the one write path for the status form and, later, spreadsheet imports.
// In one transaction it checks the user's right and the item's version, writes the item's new state,
// the append-only StatusUpdate (with its evidence), the recommendation's roll-up when an action moved,
// and the audit events. Nothing is written unless everything is.
import { recordAudit } from "@/lib/audit/record";
import { type Actor, canEditAction, canEditRecommendation } from "@/lib/auth/permissions";
import { shanghaiDate, shanghaiToday } from "@/lib/dates";
import type { Db, DbClient, Prisma } from "@/lib/db/client";
import type { ItemStatus } from "@/lib/db/enums";
import { liveActions, liveRecommendations } from "@/lib/db/live";
import { ASSIGNMENTS } from "@/lib/db/selects";
import { type NewEvidence, newEvidence, writeEvidence } from "@/lib/evidence/write";
import { createStatusUpdate } from "@/lib/history-chain/append";
import { notifyStatusChanges } from "@/lib/notifications/changes";
import { type Origin, recordRecommendationRollUp } from "@/lib/recommendations/record-roll-up";
import { type ProposalEvidence, reviewingAgencyOf } from "@/lib/update-review/rule";
import { STATUSES_NEEDING_COMMENT, type StatusUpdateInput } from "./schema";

/** The item as it stands now, shown to a user whose form was based on an older version. */
export type CurrentState = {
  version: number;
  status: ItemStatus;
  progress: number;
  lastUpdate: { authorName: string | null; createdAt: Date; comment: string | null } | null;
};

export type RecordResult =
  | { kind: "recorded"; statusUpdateId: string; recommendationId: string }
  /** Kept for review (its agency's updates need review): nothing of the item moved. */
  | { kind: "proposed"; proposedUpdateId: string }
  /** The item has an update waiting for review already: one at a time. */
  | { kind: "pendingExists" }
  | { kind: "forbidden" }
  | { kind: "notFound" }
  | { kind: "conflict"; current: CurrentState }
  /** Field errors as keys of the "validation" messages. */
  | { kind: "invalid"; errors: Record<string, string[]> };

/** An item as recording an update needs it: its state, and whether the actor may update it. */
export type LoadedItem = {
  id: string;
  code: string;
  recommendationId: string;
  titleZh: string;
  titleEn: string | null;
  version: number;
  status: ItemStatus;
  progress: number;
  startDate: Date | null;
  /** A recommendation with actions takes its progress from them. */
  progressIsRolledUp: boolean;
  allowed: boolean;
};
export type LoadedRecommendation = LoadedItem & { kind: "recommendation"; proposalId: string };
/** An action, with its weight in its recommendation's roll-up. */
export type LoadedAction = LoadedItem & { kind: "action"; weight: number };

const itemWhere = (input: StatusUpdateInput) =>
  input.itemType === "recommendation" ? { recommendationId: input.itemId } : { actionId: input.itemId };

/**
 * How the write treats the review of updates (lib/update-review): by default a staff member of an agency
 * whose updates need review proposes (a ProposedUpdate) instead of recording; `reviewed` is the
 * approval of such a proposal, which records it for its author.
 */
export type RecordOptions = { reviewed?: boolean };

export async function recordStatusUpdate(
  db: Db,
  actor: Actor | null,
  input: StatusUpdateInput,
  origin: Origin,
  now: Date = new Date(),
  options: RecordOptions = {},
): Promise<RecordResult> {
  if (!actor) return { kind: "forbidden" };
  return db.$transaction((tx) => recordStatusUpdateIn(tx, actor, input, origin, now, options));
}

/**
 * The same inside a transaction the caller holds, which an import uses to record many updates all or
 * nothing; a result other than "recorded" has written nothing of its own.
 */
export async function recordStatusUpdateIn(
  tx: Prisma.TransactionClient,
  actor: Actor,
  input: StatusUpdateInput,
  origin: Origin,
  now: Date = new Date(),
  options: RecordOptions = {},
): Promise<RecordResult> {
  const item = await loadItem(tx, actor, input);
  if (!item) return { kind: "notFound" } as const;
  if (!item.allowed) return { kind: "forbidden" } as const;
  if (item.version !== input.version)
    return { kind: "conflict", current: await currentState(tx, input, item) } as const;

  const progress = item.progressIsRolledUp ? item.progress : (input.progress ?? item.progress);
  const errors = await validate(tx, input, item, now);
  if (errors) return { kind: "invalid", errors } as const;

  if (!options.reviewed) {
    const reviewingAgencyId = await reviewingAgencyOf(tx, actor);
    if (reviewingAgencyId) return proposeStatusUpdate(tx, actor, reviewingAgencyId, input, item, progress);
  }

  // Optimistic lock: only the version the user saw may be replaced.
  const data = { status: input.status, progress, version: { increment: 1 } };
  const where = { id: item.id, version: input.version };
  const { count } =
    input.itemType === "recommendation"
      ? await tx.recommendation.updateMany({ where, data })
      : await tx.action.updateMany({ where, data });
  if (count === 0) return { kind: "conflict", current: await currentState(tx, input, item) } as const;

  const evidenceIds = [...input.evidenceIds];
  const evidence = newEvidenceOf(input);
  if (evidence) {
    await writeEvidence(tx, actor.id, [evidence], new Date());
    evidenceIds.push(evidence.id);
  }

  const update = await createStatusUpdate(tx, {
    ...itemWhere(input),
    statusBefore: item.status,
    statusAfter: input.status,
    progressBefore: item.progress,
    progressAfter: progress,
    effectiveDate: shanghaiDate(input.effectiveDate),
    comment: input.comment ?? null,
    source: origin.source,
    importFileName: origin.importFileName ?? null,
    authorId: actor.id,
    evidence: { create: evidenceIds.map((evidenceId) => ({ evidenceId })) },
  });
  await recordAudit(tx, {
    actorId: actor.id,
    action: "statusUpdate.record",
    entityType: input.itemType === "recommendation" ? "Recommendation" : "Action",
    entityId: item.id,
    before: { status: item.status, progress: item.progress, version: item.version },
    after: { status: input.status, progress, version: item.version + 1, statusUpdateId: update.id },
  });

  await notifyStatusChanges(
    tx,
    actor.id,
    [
      {
        itemType: input.itemType,
        itemId: item.id,
        statusUpdateId: update.id,
        statusBefore: item.status,
        statusAfter: input.status,
        progressBefore: item.progress,
        progressAfter: progress,
        comment: input.comment ?? null,
        evidenceTitle: evidence?.fields.titleZh ?? null,
      },
    ],
    now,
  );

  if (input.itemType === "action") {
    await recordRecommendationRollUp(tx, {
      actorId: actor.id,
      recommendationId: item.recommendationId,
      effectiveDate: shanghaiDate(input.effectiveDate),
      cause: { kind: "action_update", actionCode: item.code, statusUpdateId: update.id },
      origin,
    });
  }
  return { kind: "recorded", statusUpdateId: update.id, recommendationId: item.recommendationId } as const;
}

/**
 * Keeps an update for its agency's reviewer: the same rules were checked, nothing of the item moves (its
 * state, version, roll-up and history stay), and its new link waits with it. The database holds one
 * pending proposal an item (a partial unique index), which a concurrent second one runs into.
 */
async function proposeStatusUpdate(
  tx: Prisma.TransactionClient,
  actor: Actor,
  agencyId: string,
  input: StatusUpdateInput,
  item: LoadedItem,
  progress: number,
): Promise<RecordResult> {
  const pending = await tx.proposedUpdate.count({ where: { ...itemWhere(input), state: "pending" } });
  if (pending > 0) return { kind: "pendingExists" } as const;
  const evidence: ProposalEvidence = {
    evidenceIds: [...new Set(input.evidenceIds)],
    ...(input.newEvidenceUrl && input.newEvidenceTitle
      ? {
          url: input.newEvidenceUrl,
          titleZh: input.newEvidenceTitle,
          kind: input.newEvidenceKind ?? "other",
          isPublic: input.newEvidencePublic ?? false,
        }
      : {}),
  };
  const proposal = await tx.proposedUpdate.create({
    data: {
      ...itemWhere(input),
      agencyId,
      baseVersion: item.version,
      statusAfter: input.status,
      progressAfter: progress,
      effectiveDate: shanghaiDate(input.effectiveDate),
      comment: input.comment ?? null,
      evidence,
      authorId: actor.id,
    },
  });
  await recordAudit(tx, {
    actorId: actor.id,
    action: "updateReview.propose",
    entityType: input.itemType === "recommendation" ? "Recommendation" : "Action",
    entityId: item.id,
    before: { status: item.status, progress: item.progress, version: item.version },
    after: { proposedUpdateId: proposal.id, status: input.status, progress, baseVersion: item.version },
  });
  return { kind: "proposed", proposedUpdateId: proposal.id } as const;
}

/** The new link a status update adds, if it adds one: the form's, or an import row's. */
export function newEvidenceOf(input: StatusUpdateInput): NewEvidence | null {
  if (!input.newEvidenceUrl || !input.newEvidenceTitle) return null;
  return newEvidence(
    input.itemType === "recommendation"
      ? { recommendationId: input.itemId, actionId: null }
      : { recommendationId: null, actionId: input.itemId },
    {
      url: input.newEvidenceUrl,
      titleZh: input.newEvidenceTitle,
      kind: input.newEvidenceKind ?? "other",
      isPublic: input.newEvidencePublic ?? false,
    },
  );
}

// What the write needs of either kind of item.
const itemState = {
  id: true,
  code: true,
  titleZh: true,
  titleEn: true,
  version: true,
  status: true,
  progress: true,
  startDate: true,
  agencies: ASSIGNMENTS,
} as const;

/**
 * The items `where` selects, of each kind, as recording an update needs them: one statement a kind
 * (and Prisma's for the agencies), however many items, so that an import of 10,000 rows reads its
 * items in a few statements (a `where` of a few hundred ids or codes each). An archived
 * recommendation, and the actions under it, take no more updates: as if gone.
 */
export async function loadItems(
  db: DbClient,
  actor: Actor,
  where: {
    recommendations?: Prisma.RecommendationWhereInput;
    actions?: Omit<Prisma.ActionWhereInput, "recommendation">;
  },
): Promise<{ recommendations: LoadedRecommendation[]; actions: LoadedAction[] }> {
  const [recommendations, actions] = await Promise.all([
    where.recommendations
      ? db.recommendation.findMany({
          where: liveRecommendations(where.recommendations),
          select: { ...itemState, proposalId: true, _count: { select: { actions: true } } },
        })
      : [],
    where.actions
      ? db.action.findMany({
          where: liveActions(where.actions),
          select: {
            ...itemState,
            recommendationId: true,
            weight: true,
            recommendation: { select: { agencies: ASSIGNMENTS } },
          },
        })
      : [],
  ]);
  return {
    recommendations: recommendations.map(({ agencies, _count, ...rec }) => ({
      ...rec,
      kind: "recommendation",
      recommendationId: rec.id,
      progressIsRolledUp: _count.actions > 0,
      allowed: canEditRecommendation(actor, agencies),
    })),
    actions: actions.map(({ agencies, recommendation, ...action }) => ({
      ...action,
      kind: "action",
      progressIsRolledUp: false,
      allowed: canEditAction(actor, agencies, recommendation.agencies),
    })),
  };
}

/** The one item of a status update: loadItems for one id. */
async function loadItem(tx: DbClient, actor: Actor, input: StatusUpdateInput): Promise<LoadedItem | null> {
  const where = { id: input.itemId };
  const { recommendations, actions } = await loadItems(
    tx,
    actor,
    input.itemType === "recommendation" ? { recommendations: where } : { actions: where },
  );
  return recommendations[0] ?? actions[0] ?? null;
}

/** What the rules need to know of an item besides the update itself. */
export type ItemFacts = Pick<LoadedItem, "status" | "progress" | "startDate" | "progressIsRolledUp"> & {
  kind: StatusUpdateInput["itemType"];
  /** The effective day of the item's latest update, and of its recommendation's (for an action). */
  latestEffective: Date | null;
  recommendationLatestEffective: Date | null;
};

/**
 * The rules of a status update, apart from rights, versions and cited evidence: the form's and an
 * import's, in one place. Field errors as keys of the "validation" messages; empty when it may be made.
 */
export function statusUpdateProblems(
  input: Pick<StatusUpdateInput, "status" | "progress" | "effectiveDate" | "comment"> & {
    /** Whether the update cites or adds evidence, which alone makes it worth recording. */
    hasEvidence: boolean;
  },
  item: ItemFacts,
  now: Date,
): Record<string, string[]> {
  const errors: Record<string, string[]> = {};
  const add = (field: string, key: string) => {
    errors[field] = [...(errors[field] ?? []), key];
  };

  let effective: Date | null = null;
  try {
    effective = shanghaiDate(input.effectiveDate);
  } catch {
    add("effectiveDate", "dateInvalid");
  }
  if (effective) {
    if (effective > shanghaiToday(now)) add("effectiveDate", "dateInFuture");
    else if (item.startDate && effective < item.startDate) add("effectiveDate", "dateBeforeStart");
    // The current state is the latest in the history: an update cannot slip in before it.
    else if (item.latestEffective && effective < item.latestEffective)
      add("effectiveDate", "dateBeforeLatest");
    // An action's update rolls up into its recommendation's history, which is also kept in order.
    else if (
      item.kind === "action" &&
      item.recommendationLatestEffective &&
      effective < item.recommendationLatestEffective
    )
      add("effectiveDate", "dateBeforeRecommendationLatest");
  }

  const progress = item.progressIsRolledUp ? item.progress : (input.progress ?? item.progress);
  const statusChanged = input.status !== item.status;
  if (statusChanged && STATUSES_NEEDING_COMMENT.includes(input.status) && !input.comment)
    add("comment", "commentRequired");
  if (!item.progressIsRolledUp && input.progress === undefined) add("progress", "required");

  const changes = statusChanged || progress !== item.progress;
  if (!changes && !input.comment && !input.hasEvidence) add("form", "nothingToRecord");
  return errors;
}

async function validate(
  tx: DbClient,
  input: StatusUpdateInput,
  item: LoadedItem,
  now: Date,
): Promise<Record<string, string[]> | null> {
  const latestOf = async (where: { recommendationId: string } | { actionId: string }) =>
    (
      await tx.statusUpdate.findFirst({
        where,
        orderBy: { effectiveDate: "desc" },
        select: { effectiveDate: true },
      })
    )?.effectiveDate ?? null;
  const errors = statusUpdateProblems(
    { ...input, hasEvidence: input.evidenceIds.length > 0 || Boolean(input.newEvidenceUrl) },
    {
      ...item,
      kind: input.itemType,
      latestEffective: await latestOf(itemWhere(input)),
      recommendationLatestEffective:
        input.itemType === "action" ? await latestOf({ recommendationId: item.recommendationId }) : null,
    },
    now,
  );
  if (input.evidenceIds.length > 0) {
    const usable = await tx.evidence.count({
      where: { id: { in: input.evidenceIds }, ...itemWhere(input), withdrawnAt: null },
    });
    if (usable !== new Set(input.evidenceIds).size) errors.evidenceIds = ["evidenceInvalid"];
  }
  return Object.keys(errors).length ? errors : null;
}

async function currentState(tx: DbClient, input: StatusUpdateInput, item: LoadedItem): Promise<CurrentState> {
  const select = { version: true, status: true, progress: true } as const;
  const now =
    input.itemType === "recommendation"
      ? await tx.recommendation.findUniqueOrThrow({ where: { id: item.id }, select })
      : await tx.action.findUniqueOrThrow({ where: { id: item.id }, select });
  const last = await tx.statusUpdate.findFirst({
    where: itemWhere(input),
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: { createdAt: true, comment: true, author: { select: { name: true } } },
  });
  return {
    ...now,
    lastUpdate: last
      ? { authorName: last.author?.name ?? null, createdAt: last.createdAt, comment: last.comment }
      : null,
  };
}
