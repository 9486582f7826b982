// The notifications of changes, built where each change is written and written in its transaction:
// a status update (by the form or an import), a reply or the deputy's feedback, evidence added or
// withdrawn. Two rules may tell of one change (stalled, and "an item you follow changed"): each person
// hears of it once, by the first.
import "server-only";
import { toShanghaiDateString } from "@/lib/dates";
import type { DbClient } from "@/lib/db/client";
import type { ItemStatus } from "@/lib/db/enums";
import { type ItemRef, loadItemRefs } from "./items";
import { type NotificationEvent, notify } from "./notify";

type ItemKey = { itemType: "recommendation" | "action"; itemId: string };

export type StatusChange = ItemKey & {
  statusUpdateId: string;
  statusBefore: ItemStatus;
  statusAfter: ItemStatus;
  progressBefore: number;
  progressAfter: number;
  comment: string | null;
  /** The title of the evidence the update added, if it added one. */
  evidenceTitle?: string | null;
};

async function actorName(tx: DbClient, actorId: string): Promise<string | null> {
  return (await tx.user.findUnique({ where: { id: actorId }, select: { name: true } }))?.name ?? null;
}

/** Tells of status updates: "stalled" to its handlers and admins, and every change to followers. */
export async function notifyStatusChanges(
  tx: DbClient,
  actorId: string,
  changes: readonly StatusChange[],
  now: Date = new Date(),
): Promise<void> {
  // Most updates tell nobody (no one follows anything, nothing stalls): then nothing is read.
  const stalls = (change: StatusChange) =>
    change.statusAfter === "stalled" && change.statusBefore !== "stalled";
  const anyFollow = (await tx.follow.findFirst({ select: { userId: true } })) !== null;
  const told = anyFollow ? changes : changes.filter(stalls);
  if (told.length === 0) return;
  const [refs, name] = await Promise.all([loadItemRefs(tx, told), actorName(tx, actorId)]);
  const day = toShanghaiDateString(now);
  const events: NotificationEvent[] = [];
  for (const change of told) {
    const item = refs.get(change.itemId);
    if (!item) continue;
    const payload = {
      statusBefore: change.statusBefore,
      statusAfter: change.statusAfter,
      progressBefore: change.progressBefore,
      progressAfter: change.progressAfter,
      ...(change.comment ? { comment: change.comment } : {}),
      ...(change.evidenceTitle ? { change: "evidence", evidenceTitle: change.evidenceTitle } : {}),
      ...(name ? { actorName: name } : {}),
    };
    const common = { day, item, actorId, cause: change.statusUpdateId, payload };
    if (stalls(change))
      events.push({
        rule: "status.stalled",
        dedupeKey: `status.stalled:${change.statusUpdateId}`,
        ...common,
      });
    events.push({
      rule: "followed.changed",
      dedupeKey: `followed.changed:${change.statusUpdateId}`,
      ...common,
    });
  }
  await notify(tx, events, now);
}

/** What a reply save changed that people are told of. */
export type ReplyChange = {
  recommendationId: string;
  /** The version the save wrote: one change, one key. */
  version: number;
  replyRecorded: boolean;
  replyClass: string | null;
  dissatisfied: boolean;
};

/** Tells of a reply recorded, of a dissatisfied feedback, and followers of any reply change. */
export async function notifyReplyChange(
  tx: DbClient,
  actorId: string,
  change: ReplyChange,
  now: Date = new Date(),
): Promise<void> {
  const [refs, name] = await Promise.all([
    loadItemRefs(tx, [{ itemType: "recommendation", itemId: change.recommendationId }]),
    actorName(tx, actorId),
  ]);
  const item = refs.get(change.recommendationId);
  if (!item) return;
  const cause = `reply:${change.recommendationId}:v${change.version}`;
  const common = {
    day: toShanghaiDateString(now),
    item,
    actorId,
    cause,
    payload: {
      change: "reply",
      ...(change.replyClass ? { replyClass: change.replyClass } : {}),
      ...(name ? { actorName: name } : {}),
    },
  };
  const events: NotificationEvent[] = [];
  if (change.dissatisfied)
    events.push({ rule: "feedback.dissatisfied", dedupeKey: `feedback.dissatisfied:${cause}`, ...common });
  if (change.replyRecorded)
    events.push({ rule: "reply.recorded", dedupeKey: `reply.recorded:${cause}`, ...common });
  events.push({ rule: "followed.changed", dedupeKey: `followed.changed:${cause}`, ...common });
  await notify(tx, events, now);
}

/** Tells of evidence withdrawn (to the lead agency and followers) or added (to followers). */
export async function notifyEvidenceChange(
  tx: DbClient,
  actorId: string,
  evidence: {
    id: string;
    titleZh: string;
    recommendationId: string | null;
    actionId: string | null;
    isInternal?: boolean;
  },
  change: { kind: "withdrawn"; reason: string } | { kind: "added" },
  now: Date = new Date(),
): Promise<void> {
  const key: ItemKey = evidence.actionId
    ? { itemType: "action", itemId: evidence.actionId }
    : { itemType: "recommendation", itemId: evidence.recommendationId ?? "" };
  const [refs, name] = await Promise.all([loadItemRefs(tx, [key]), actorName(tx, actorId)]);
  const item: ItemRef | undefined = refs.get(key.itemId);
  if (!item) return;
  const payload = {
    evidenceTitle: evidence.titleZh,
    ...(change.kind === "withdrawn"
      ? { change: "evidenceWithdrawn", reason: change.reason }
      : { change: "evidence" }),
    ...(name ? { actorName: name } : {}),
  };
  const common = { day: toShanghaiDateString(now), item, actorId, payload, internal: evidence.isInternal };
  await notify(
    tx,
    [
      change.kind === "withdrawn"
        ? { rule: "evidence.withdrawn", dedupeKey: `evidence.withdrawn:${evidence.id}`, ...common }
        : { rule: "followed.changed", dedupeKey: `followed.changed:evidence:${evidence.id}`, ...common },
    ],
    now,
  );
}

export type CycleStepChange = {
  recommendationId: string;
  /** The machine's step (lib/cycle/machine.ts). */
  step: string;
  version: number;
  to: string;
  agencyId: string | null;
  note?: string | null;
};

/**
 * Tells of a step of the handling cycle (签收, a request, its decision, a reply's sign-off…): the one
 * entry point every step calls (lib/cycle/take-step.ts), to the item's agencies, the office and followers.
 */
export async function notifyCycleStep(
  tx: DbClient,
  actorId: string,
  change: CycleStepChange,
  now: Date = new Date(),
): Promise<void> {
  const [refs, name] = await Promise.all([
    loadItemRefs(tx, [{ itemType: "recommendation", itemId: change.recommendationId }]),
    actorName(tx, actorId),
  ]);
  const item = refs.get(change.recommendationId);
  if (!item) return;
  const cause = `cycle:${change.recommendationId}:v${change.version}`;
  await notify(
    tx,
    [
      {
        rule: "cycle.step",
        dedupeKey: `cycle.step:${cause}`,
        day: toShanghaiDateString(now),
        item,
        actorId,
        cause,
        payload: {
          step: change.step,
          stage: change.to,
          ...(change.note ? { reason: change.note } : {}),
          ...(name ? { actorName: name } : {}),
        },
      },
    ],
    now,
  );
}

/**
 * A change on a recommendation told to the people it names (`recipientIds`), by a rule of no audience
 * of its own (lib/notifications/rules.ts): the deputy in the loop's contacts and ratings.
 */
export async function notifyNamed(
  tx: DbClient,
  actorId: string,
  change: {
    rule: "contact.recorded" | "contact.disputed" | "rating.proxy";
    /** The change's own id: told once. */
    id: string;
    recommendationId: string;
    recipientIds: readonly string[];
    payload?: Record<string, unknown>;
  },
  now: Date = new Date(),
): Promise<void> {
  if (change.recipientIds.length === 0) return;
  const key: ItemKey = { itemType: "recommendation", itemId: change.recommendationId };
  const [refs, name] = await Promise.all([loadItemRefs(tx, [key]), actorName(tx, actorId)]);
  const item = refs.get(key.itemId);
  if (!item) return;
  await notify(
    tx,
    [
      {
        rule: change.rule,
        dedupeKey: `${change.rule}:${change.id}`,
        day: toShanghaiDateString(now),
        item,
        actorId,
        payload: { ...change.payload, ...(name ? { actorName: name } : {}) },
        recipientIds: change.recipientIds,
      },
    ],
    now,
  );
}
