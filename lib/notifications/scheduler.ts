// The day's reminders: every deadline whose clock reaches one of the admins' thresholds, or is
// overdue (first late day, then weekly), every owed follow-up (weekly), and on Mondays the weekly
// digest. Each reminder's key holds its rule, item, deadline and threshold, so that running a day
// again, or catching up on missed days, writes nothing new. One app process runs a day (SchedulerRun);
// `npm run reminders` runs one on demand.
import "server-only";
import { randomUUID } from "node:crypto";
import { DAY_MS, shanghaiDate, toShanghaiDateString } from "@/lib/dates";
import type { Db } from "@/lib/db/client";
import { liveRecommendations } from "@/lib/db/live";
import { thisProcess } from "@/lib/slots/holder";
import { type Deadline, loadDeadlines, loadOwedFollowUps } from "./deadlines";
import type { DigestEntry, DigestPayload } from "./describe";
import { loadItemRefs } from "./items";
import { type NotificationEvent, type NotificationPlan, planNotifications, writePlan } from "./notify";
import { loadPreferences } from "./preferences";
import { DEADLINE_RULES, DEFAULT_THRESHOLDS, followUpRecallOn, reminderOn, type Thresholds } from "./rules";

/** A scheduler that missed days catches up on at most this many. */
export const MAX_CATCH_UP_DAYS = 14;
/** A run whose process has not finished it in this long is presumed dead, and taken over. */
const RUN_LEASE_MS = 10 * 60_000;
/** Items each part of the weekly digest names (the count says how many in all). */
const DIGEST_LIST = 10;

export const THRESHOLDS_SETTING = "notifications.thresholds";

export function addDays(day: string, days: number): string {
  return toShanghaiDateString(new Date(shanghaiDate(day).getTime() + days * DAY_MS));
}

/** The admins' day thresholds, or the defaults. */
export async function loadThresholds(db: Db): Promise<Thresholds> {
  const row = await db.appSetting.findUnique({ where: { key: THRESHOLDS_SETTING } });
  const value = (row?.value ?? {}) as Partial<Thresholds>;
  const list = (days: unknown, fallback: number[]) =>
    Array.isArray(days) && days.every((d) => Number.isInteger(d) && d > 0) ? (days as number[]) : fallback;
  return {
    reply: list(value.reply, DEFAULT_THRESHOLDS.reply),
    item: list(value.item, DEFAULT_THRESHOLDS.item),
  };
}

/** The reminders of `day`, counting what fell due after `since` (the last day run; the day before by default). */
export async function dueReminders(
  db: Db,
  day: string,
  since: string = addDays(day, -1),
): Promise<NotificationEvent[]> {
  const [thresholds, deadlines, followUps] = await Promise.all([
    loadThresholds(db),
    loadDeadlines(db),
    loadOwedFollowUps(db),
  ]);
  const events: NotificationEvent[] = [];
  for (const deadline of deadlines) {
    const rules = DEADLINE_RULES[deadline.kind];
    const reminder = reminderOn(deadline.dueDay, day, since, thresholds[rules.thresholds]);
    if (!reminder) continue;
    const rule = reminder.kind === "due" ? rules.due : rules.overdue;
    events.push({
      rule,
      dedupeKey: `${rule}:${deadline.item.itemId}:${deadline.dueDay}:${reminder.mark}`,
      day,
      item: deadline.item,
      payload:
        reminder.kind === "due"
          ? { dueDay: deadline.dueDay, daysLeft: reminder.daysLeft }
          : { dueDay: deadline.dueDay, daysLate: reminder.daysLate },
    });
  }
  for (const owed of followUps) {
    const mark = followUpRecallOn(owed.owedSince, day, since);
    if (!mark) continue;
    events.push({
      rule: "followUp.owed",
      dedupeKey: `followUp.owed:${owed.item.itemId}:${owed.owedSince}:${mark}`,
      day,
      item: owed.item,
      payload: { replyClass: owed.replyClass },
    });
  }
  const monday = lastMondayIn(since, day);
  if (monday) {
    const digest = await weeklyDigest(db, monday, deadlines);
    if (digest) events.push(digest);
  }
  return events;
}

/** The latest Monday after `since` and on or before `day`, if any. */
function lastMondayIn(since: string, day: string): string | null {
  for (let d = day; d > since; d = addDays(d, -1)) if (isMonday(d)) return d;
  return null;
}

function isMonday(day: string): boolean {
  // A Shanghai midnight is 16:00 UTC of the day before: read the weekday of the day itself.
  return new Date(`${day}T00:00:00Z`).getUTCDay() === 1;
}

/** The weekly digest for the week before `monday`, to the people who take it. */
async function weeklyDigest(
  db: Db,
  monday: string,
  deadlines: Deadline[],
): Promise<NotificationEvent | null> {
  const weekStart = addDays(monday, -7);
  const people = await db.user.findMany({
    where: { banned: false },
    select: { id: true, role: true, agencyId: true },
  });
  const preferences = await loadPreferences(db, people);
  const readers = people
    .filter((person) => preferences.get(person.id)?.weeklyDigest)
    .map((person) => person.id);
  if (readers.length === 0) return null;

  const updates = await db.statusUpdate.findMany({
    where: {
      createdAt: { gte: shanghaiDate(weekStart), lt: shanghaiDate(monday) },
      rollUpOfId: null,
      OR: [{ recommendation: liveRecommendations() }, { action: { recommendation: liveRecommendations() } }],
    },
    select: { recommendationId: true, actionId: true },
    orderBy: { createdAt: "desc" },
  });
  const moved = [
    ...new Map(
      updates.map((u) => {
        const item = u.actionId
          ? { itemType: "action" as const, itemId: u.actionId }
          : { itemType: "recommendation" as const, itemId: u.recommendationId ?? "" };
        return [item.itemId, item];
      }),
    ).values(),
  ];
  const refs = await loadItemRefs(db, moved.slice(0, DIGEST_LIST));
  const entries = (list: Deadline[]): DigestEntry[] =>
    list.slice(0, DIGEST_LIST).map((deadline) => ({ item: deadline.item, dueDay: deadline.dueDay }));
  const byDay = (a: Deadline, b: Deadline) => a.dueDay.localeCompare(b.dueDay);
  const late = deadlines.filter((d) => d.dueDay >= weekStart && d.dueDay < monday).sort(byDay);
  const dueNextWeek = deadlines
    .filter((d) => d.dueDay >= monday && d.dueDay < addDays(monday, 7))
    .sort(byDay);
  const payload: DigestPayload = {
    counts: { moved: moved.length, late: late.length, dueNextWeek: dueNextWeek.length },
    moved: moved.slice(0, DIGEST_LIST).flatMap((item) => {
      const ref = refs.get(item.itemId);
      return ref ? [{ item: ref }] : [];
    }),
    late: entries(late),
    dueNextWeek: entries(dueNextWeek),
  };
  return {
    rule: "digest.weekly",
    dedupeKey: `digest.weekly:${monday}`,
    day: monday,
    item: null,
    payload: payload as unknown as Record<string, unknown>,
    recipientIds: readers,
  };
}

/** Works out the reminders of `day` and writes them (or, with dryRun, only says what they would be). */
export async function runReminders(
  db: Db,
  day: string,
  { since, dryRun = false, now = new Date() }: { since?: string; dryRun?: boolean; now?: Date } = {},
): Promise<{ plan: NotificationPlan; written: number }> {
  const events = await dueReminders(db, day, since);
  if (dryRun) return { plan: await planNotifications(db, events, now), written: 0 };
  return db.$transaction(
    async (tx) => {
      const plan = await planNotifications(tx, events, now);
      const { notifications } = await writePlan(tx, plan);
      return { plan, written: notifications };
    },
    { timeout: 120_000 },
  );
}

/**
 * Runs today's reminders unless another process has, or is: claims the day's SchedulerRun (or takes
 * over one whose process died), catches up from the last day run, and records the run as finished.
 * Returns null when there was nothing to do here.
 */
export async function runScheduledDay(
  db: Db,
  now: Date = new Date(),
): Promise<{ day: string; written: number } | null> {
  const day = toShanghaiDateString(now);
  const dayStart = shanghaiDate(day);
  const holder = thisProcess();
  const token = `${holder.host}:${holder.pid}:${randomUUID()}`;
  const lease = { leasedBy: token, leaseUntil: new Date(now.getTime() + RUN_LEASE_MS) };
  const existing = await db.schedulerRun.findUnique({ where: { day: dayStart } });
  if (existing?.finishedAt) return null;
  if (!existing) {
    try {
      await db.schedulerRun.create({ data: { day: dayStart, startedAt: now, ...lease } });
    } catch {
      return null; // another process created it first
    }
  } else {
    const { count } = await db.schedulerRun.updateMany({
      where: { day: dayStart, finishedAt: null, leaseUntil: { lt: now } },
      data: { ...lease, startedAt: now },
    });
    if (count === 0) return null;
  }
  const last = await db.schedulerRun.findFirst({
    where: { day: { lt: dayStart }, finishedAt: { not: null } },
    orderBy: { day: "desc" },
  });
  const earliest = addDays(day, -MAX_CATCH_UP_DAYS);
  const lastDay = last ? toShanghaiDateString(last.day) : addDays(day, -1);
  const since = [lastDay, earliest].sort()[1] ?? lastDay;
  const { written } = await runReminders(db, day, { since, now });
  await db.schedulerRun.updateMany({
    where: { day: dayStart, leasedBy: token },
    data: { finishedAt: new Date(), reminders: written },
  });
  return { day, written };
}
