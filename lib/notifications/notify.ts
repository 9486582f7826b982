// Writes notifications: the inbox rows of everyone a rule's audience names, and the e-mails and bot
// posts to send, all with the caller's transaction, so that a change and what it tells commit or roll
// back together (an outbox: ./deliveries.ts sends what is queued here, after the commit). Set-based, so
// that a day's reminders at national scale or an import of thousands of rows take a few statements.
import "server-only";
import { randomUUID } from "node:crypto";
import { proposalsOfDeputy } from "@/lib/auth/deputy-scope";
import { shanghaiDate } from "@/lib/dates";
import { type DbClient, providerOfClient } from "@/lib/db/client";
import type { UserRole } from "@/lib/db/enums";
import { insertRows, type Value } from "@/lib/db/insert";
import type { ItemRef } from "./items";
import { mailSettings } from "./mail-settings";
import { loadPreferences } from "./preferences";
import { type Audience, RULES, type RuleKey } from "./rules";
import { sendableAt } from "./timing";

export type NotificationEvent = {
  rule: RuleKey;
  /** Once only: a second event with the same key adds nothing (a reminder run again, a retried write). */
  dedupeKey: string;
  /** The Shanghai day it is about ("YYYY-MM-DD"). */
  day: string;
  /** The item it is about; null for a digest. */
  item: ItemRef | null;
  /** What its message says beyond the item (days left, the new status…), kept as written. */
  payload?: Record<string, unknown>;
  /** Who made the change: never told of it themselves. */
  actorId?: string | null;
  /** Instead of the rule's audience (a digest's readers). */
  recipientIds?: readonly string[];
  /** The change it tells of, when two rules tell of one change: each person hears of it once. */
  cause?: string;
  /** About something kept from deputies (internal evidence, lib/auth/deputy-scope.ts): none is told. */
  internal?: boolean;
};

export type NotifyResult = { notifications: number; recipients: number; deliveries: number };

/** What notify() writes, worked out but not written (the reminders command's dry run prints it). */
export type NotificationPlan = {
  /** Each new event with the people it reaches. */
  events: { event: NotificationEvent; recipientIds: string[] }[];
  notifications: Record<string, Value>[];
  recipients: Record<string, Value>[];
  deliveries: Record<string, Value>[];
};

const CHUNK = 500;

/** Writes the events not written before, with their recipients and deliveries. */
export async function notify(
  tx: DbClient,
  events: readonly NotificationEvent[],
  now: Date = new Date(),
): Promise<NotifyResult> {
  return writePlan(tx, await planNotifications(tx, events, now));
}

/** Writes what planNotifications worked out, in the caller's transaction. */
export async function writePlan(tx: DbClient, plan: NotificationPlan): Promise<NotifyResult> {
  const provider = providerOfClient(tx);
  if (plan.notifications.length > 0)
    await insertRows(tx, provider, "Notification", NOTIFICATION_COLUMNS, plan.notifications);
  if (plan.recipients.length > 0)
    await insertRows(
      tx,
      provider,
      "NotificationRecipient",
      ["notificationId", "userId", "createdAt"],
      plan.recipients,
    );
  if (plan.deliveries.length > 0)
    await insertRows(tx, provider, "Delivery", DELIVERY_COLUMNS, plan.deliveries);
  return {
    notifications: plan.notifications.length,
    recipients: plan.recipients.length,
    deliveries: plan.deliveries.length,
  };
}

/**
 * The rows for the events not written before. Events of one `cause` (a change that two rules tell
 * of) reach each person once: by the first of them that names the person.
 */
export async function planNotifications(
  tx: DbClient,
  events: readonly NotificationEvent[],
  now: Date = new Date(),
): Promise<NotificationPlan> {
  const plan: NotificationPlan = { events: [], notifications: [], recipients: [], deliveries: [] };
  const fresh = await unwritten(tx, events);
  if (fresh.length === 0) return plan;
  const audience = await loadAudience(tx, fresh);
  const mail = mailSettings();

  const told = new Map<string, Set<string>>();
  const readers = new Set<string>();
  for (const event of fresh) {
    const ids = event.recipientIds ? [...event.recipientIds] : audience.of(event);
    const already = event.cause ? (told.get(event.cause) ?? new Set<string>()) : new Set<string>();
    const people = [...new Set(ids)].filter((id) => id !== event.actorId && !already.has(id));
    for (const id of people) {
      readers.add(id);
      already.add(id);
    }
    if (event.cause) told.set(event.cause, already);
    // One that reaches nobody is not written: a reminder finds its readers again when run again.
    if (people.length > 0 || audience.webhooksOf(event).length > 0)
      plan.events.push({ event, recipientIds: people });
  }
  const preferences = await loadPreferences(tx, audience.people([...readers]));

  for (const { event, recipientIds } of plan.events) {
    const id = randomUUID();
    plan.notifications.push({
      id,
      rule: event.rule,
      dedupeKey: event.dedupeKey,
      itemType: event.item?.itemType ?? "digest",
      itemId: event.item?.itemId ?? null,
      day: shanghaiDate(event.day),
      payload: { ...(event.item ? { item: event.item } : {}), ...event.payload },
      actorId: event.actorId ?? null,
      createdAt: now,
    });
    const group = RULES[event.rule].group;
    for (const userId of recipientIds) {
      plan.recipients.push({ notificationId: id, userId, createdAt: now });
      const preference = preferences.get(userId);
      if (!mail || !preference?.choices[group].email) continue;
      const digest = preference.choices[group].daily;
      plan.deliveries.push(
        delivery(id, "email", { userId, digest, notBefore: sendableAt(now, preference.quiet, digest) }, now),
      );
    }
    for (const webhook of audience.webhooksOf(event))
      plan.deliveries.push(
        delivery(
          id,
          webhook.platform,
          { webhookId: webhook.id, notBefore: sendableAt(now, webhook, false) },
          now,
        ),
      );
  }
  return plan;
}

const NOTIFICATION_COLUMNS = [
  "id",
  "rule",
  "dedupeKey",
  "itemType",
  "itemId",
  "day",
  "payload",
  "actorId",
  "createdAt",
];

const DELIVERY_COLUMNS = [
  "id",
  "dedupeKey",
  "notificationId",
  "channel",
  "userId",
  "webhookId",
  "digest",
  "state",
  "attempts",
  "notBefore",
  "createdAt",
  "updatedAt",
];

function delivery(
  notificationId: string,
  channel: string,
  to: { userId?: string; webhookId?: string; digest?: boolean; notBefore: Date },
  now: Date,
): Record<string, Value> {
  return {
    id: randomUUID(),
    dedupeKey: `${notificationId}:${channel}:${to.userId ?? to.webhookId}`,
    notificationId,
    channel,
    userId: to.userId ?? null,
    webhookId: to.webhookId ?? null,
    digest: to.digest ?? false,
    state: "queued",
    attempts: 0,
    notBefore: to.notBefore,
    createdAt: now,
    updatedAt: now,
  };
}

/** The events whose key is new, once each. */
async function unwritten(tx: DbClient, events: readonly NotificationEvent[]): Promise<NotificationEvent[]> {
  const unique = [...new Map(events.map((event) => [event.dedupeKey, event])).values()];
  const written = new Set<string>();
  for (let start = 0; start < unique.length; start += CHUNK) {
    const keys = unique.slice(start, start + CHUNK).map((event) => event.dedupeKey);
    const rows = await tx.notification.findMany({
      where: { dedupeKey: { in: keys } },
      select: { dedupeKey: true },
    });
    for (const row of rows) written.add(row.dedupeKey);
  }
  return unique.filter((event) => !written.has(event.dedupeKey));
}

type Person = { id: string; role: UserRole; agencyId: string | null };
type Bot = {
  id: string;
  platform: string;
  agencyId: string | null;
  quietStart: string | null;
  quietEnd: string | null;
};

/** Who each event's audience names: staff by agency, admins, followers of the item or what holds it. */
async function loadAudience(tx: DbClient, events: readonly NotificationEvent[]) {
  const needs = (part: Audience) =>
    events.some(
      (event) => !event.recipientIds && (RULES[event.rule].audience as readonly Audience[]).includes(part),
    );
  const agencyIds = new Set<string>();
  const followed = new Set<string>();
  for (const event of events) {
    if (!event.item) continue;
    if (event.item.leadAgencyId) agencyIds.add(event.item.leadAgencyId);
    for (const id of event.item.coHandlerAgencyIds) agencyIds.add(id);
    for (const key of followKeys(event.item)) followed.add(key);
  }
  const [users, follows, webhooks] = await Promise.all([
    tx.user.findMany({
      where: {
        banned: false,
        OR: [
          { role: "staff", agencyId: { in: [...agencyIds] } },
          // The office (交办/督办部门) supervises what admins are told of.
          ...(needs("admins") ? [{ role: { in: ["admin" as const, "office" as const] } }] : []),
        ],
      },
      select: { id: true, role: true, agencyId: true },
    }),
    needs("followers") ? loadFollows(tx, followed) : Promise.resolve([]),
    tx.webhook.findMany({
      where: { active: true },
      select: { id: true, platform: true, agencyId: true, quietStart: true, quietEnd: true },
    }),
  ]);

  const staffOf = new Map<string, string[]>();
  const admins: string[] = [];
  const people = new Map<string, Person>();
  for (const user of users) {
    people.set(user.id, user);
    if (user.role === "admin" || user.role === "office") admins.push(user.id);
    else if (user.agencyId) staffOf.set(user.agencyId, [...(staffOf.get(user.agencyId) ?? []), user.id]);
  }
  const followersOf = new Map<string, string[]>();
  for (const follow of follows) {
    const key = `${follow.itemType}:${follow.itemId}`;
    followersOf.set(key, [...(followersOf.get(key) ?? []), follow.userId]);
  }
  // Followers, and the people an event names itself (the weekly digest's officials), when no
  // agency or admin query found them: their preferences are read as everyone's are.
  const named = events.flatMap((event) => event.recipientIds ?? []);
  const extra = await tx.user.findMany({
    where: {
      id: { in: [...new Set([...follows.map((f) => f.userId), ...named])].filter((id) => !people.has(id)) },
      banned: false,
    },
    select: { id: true, role: true, agencyId: true },
  });
  for (const user of extra) people.set(user.id, user);
  // A deputy hears, as a follower, only of their own proposals' items (lib/auth/deputy-scope.ts):
  // a follow kept from before (another role, a co-signer taken off) tells them nothing more.
  const deputyIds = [...people.values()].filter((p) => p.role === "deputy").map((p) => p.id);
  const ownProposals = new Map<string, Set<string>>();
  for (const id of deputyIds)
    ownProposals.set(
      id,
      new Set(
        (await tx.proposal.findMany({ where: proposalsOfDeputy(id), select: { id: true } })).map((p) => p.id),
      ),
    );
  const mayHear = (id: string, event: NotificationEvent, item: ItemRef) =>
    people.get(id)?.role !== "deputy" ||
    (!event.internal && (ownProposals.get(id)?.has(item.proposalId) ?? false));

  const audienceOf = (event: NotificationEvent): readonly Audience[] => RULES[event.rule].audience;
  return {
    of(event: NotificationEvent): string[] {
      const item = event.item;
      const ids: string[] = [];
      for (const part of audienceOf(event)) {
        if (part === "admins") ids.push(...admins);
        if (!item) continue;
        if (part === "lead" && item.leadAgencyId) ids.push(...(staffOf.get(item.leadAgencyId) ?? []));
        if (part === "coHandlers")
          for (const id of item.coHandlerAgencyIds) ids.push(...(staffOf.get(id) ?? []));
        if (part === "followers")
          for (const key of followKeys(item))
            ids.push(
              ...(followersOf.get(key) ?? []).filter((id) => people.has(id) && mayHear(id, event, item)),
            );
      }
      return ids;
    },
    people(ids: readonly string[]): Person[] {
      return ids.flatMap((id) => {
        const person = people.get(id);
        return person ? [person] : [];
      });
    },
    /** The bots of the agencies a rule tells through their staff, and the office's when it tells admins. */
    webhooksOf(event: NotificationEvent): Bot[] {
      const parts = audienceOf(event);
      const agencies = new Set<string>();
      if (event.item && parts.includes("lead") && event.item.leadAgencyId)
        agencies.add(event.item.leadAgencyId);
      if (event.item && parts.includes("coHandlers"))
        for (const id of event.item.coHandlerAgencyIds) agencies.add(id);
      return webhooks.filter((bot) => (bot.agencyId ? agencies.has(bot.agencyId) : parts.includes("admins")));
    },
  };
}

/** Following an item, what holds it (its recommendation, its proposal) counts too. */
function followKeys(item: ItemRef): string[] {
  const keys = [`proposal:${item.proposalId}`, `recommendation:${item.recommendationId}`];
  if (item.itemType === "action") keys.push(`action:${item.itemId}`);
  return keys;
}

async function loadFollows(tx: DbClient, keys: ReadonlySet<string>) {
  const byType = new Map<string, string[]>();
  for (const key of keys) {
    const [type = "", id = ""] = key.split(":");
    byType.set(type, [...(byType.get(type) ?? []), id]);
  }
  return tx.follow.findMany({
    where: { OR: [...byType].map(([itemType, ids]) => ({ itemType, itemId: { in: ids } })) },
    select: { userId: true, itemType: true, itemId: true },
  });
}
