// GET /api/calendar/<token>.ics: a person's deadlines as an iCalendar feed that Outlook, WPS and phone
// calendars subscribe to. The URL is the credential (calendar apps send no session), so the token is
// looked up by its hash only, and anything but a live feed of an active user is the same plain 404.
import "server-only";
import ical, { ICalAlarmType } from "ical-generator";
import { createTranslator } from "next-intl";
import { readableRecommendations } from "@/lib/auth/deputy-scope";
import { type Actor, isDeputy } from "@/lib/auth/permissions";
import { DAY_MS, shanghaiDate, TIME_ZONE, toShanghaiDateString } from "@/lib/dates";
import { db } from "@/lib/db";
import type { Db } from "@/lib/db/client";
import { type Deadline, loadDeadlines } from "@/lib/notifications/deadlines";
import { itemLabel, itemPath } from "@/lib/notifications/describe";
import type { ItemRef } from "@/lib/notifications/items";
import { appBaseUrl } from "@/lib/notifications/links";
import zh from "@/messages/zh-CN.json";
import { hashCalendarToken, isCalendarToken } from "./token";

/** Feeds are written in Chinese, the office's language (the page explains them in either). */
const FEED_LOCALE = "zh-CN";
/** The reminder: 09:00 (Shanghai) the day before, i.e. 15 hours before the all-day event starts. */
const ALARM_BEFORE_SECONDS = 15 * 3600;
/** How often calendar apps should fetch the feed again (X-PUBLISHED-TTL, REFRESH-INTERVAL). */
const REFRESH_SECONDS = 3600;

const FEED_SUFFIX = ".ics";

/** The owner of a live feed with this token: known, not revoked, the owner's newest, owner active. */
export async function findFeedOwner(client: Db, token: string): Promise<Actor | null> {
  if (!isCalendarToken(token)) return null;
  const feed = await client.calendarFeed.findUnique({
    where: { tokenHash: hashCalendarToken(token) },
    select: {
      id: true,
      revokedAt: true,
      user: { select: { id: true, role: true, agencyId: true, banned: true } },
    },
  });
  if (!feed || feed.revokedAt || feed.user.banned) return null;
  // At most one feed of a person works: should two creations have raced, only the newer one.
  const newest = await client.calendarFeed.findFirst({
    where: { userId: feed.user.id, revokedAt: null },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: { id: true },
  });
  if (newest?.id !== feed.id) return null;
  const { banned: _banned, ...owner } = feed.user;
  return owner;
}

/** What holds an item, as a follow names it: its proposal, its recommendation, the action itself. */
function followKeys(item: ItemRef): string[] {
  const keys = [`proposal:${item.proposalId}`, `recommendation:${item.recommendationId}`];
  if (item.itemType === "action") keys.push(`action:${item.itemId}`);
  return keys;
}

/** A deadline's identity across fetches: the UID calendar apps match, so they update, not duplicate. */
export function deadlineUid(deadline: Deadline): string {
  return `${deadline.kind}.${deadline.item.itemType}.${deadline.item.itemId}@proposal-tracker`;
}

/**
 * The deadlines that concern this person: staff, those of the items their agency leads or
 * co-handles; admins, every reply, views and rehandling deadline (the office supervises those);
 * everyone, those of the items they follow (a followed proposal covers its recommendations and
 * actions, a followed recommendation its actions).
 */
export async function deadlinesFor(client: Db, actor: Actor): Promise<Deadline[]> {
  const follows = await client.follow.findMany({
    where: { userId: actor.id },
    select: { itemType: true, itemId: true },
  });
  const followed = new Set(follows.map((follow) => `${follow.itemType}:${follow.itemId}`));
  const isFollowed = (item: ItemRef) => followKeys(item).some((key) => followed.has(key));
  const agencyId = actor.role === "staff" ? actor.agencyId : null;
  const handles = (item: ItemRef) =>
    agencyId !== null && (item.leadAgencyId === agencyId || item.coHandlerAgencyIds.includes(agencyId));

  const found: Deadline[] = [];
  if (actor.role === "admin") {
    found.push(
      ...(await loadDeadlines(client)).filter(
        (deadline) => deadline.kind !== "item" || isFollowed(deadline.item),
      ),
    );
  } else {
    if (agencyId !== null)
      found.push(...(await loadDeadlines(client, { agencyIds: [agencyId] })).filter((d) => handles(d.item)));
    // A deputy's follows cover only their own proposals' items (lib/auth/deputy-scope.ts).
    const recommendationIds = await followedRecommendationIds(client, follows, actor);
    if (recommendationIds.length > 0)
      found.push(...(await loadDeadlines(client, { recommendationIds })).filter((d) => isFollowed(d.item)));
  }
  const unique = new Map(found.map((deadline) => [deadlineUid(deadline), deadline]));
  return [...unique.values()].sort(
    (a, b) => a.dueDay.localeCompare(b.dueDay) || deadlineUid(a).localeCompare(deadlineUid(b)),
  );
}

/** The recommendations whose deadlines a person's follows may cover, in at most two queries. */
async function followedRecommendationIds(
  client: Db,
  follows: readonly { itemType: string; itemId: string }[],
  actor: Actor,
): Promise<string[]> {
  const of = (type: string) => follows.filter((f) => f.itemType === type).map((f) => f.itemId);
  const [proposalIds, recommendationIds, actionIds] = [of("proposal"), of("recommendation"), of("action")];
  const or = [
    ...(proposalIds.length > 0 ? [{ proposalId: { in: proposalIds } }] : []),
    ...(actionIds.length > 0 ? [{ actions: { some: { id: { in: actionIds } } } }] : []),
  ];
  const held =
    or.length > 0 ? await client.recommendation.findMany({ where: { OR: or }, select: { id: true } }) : [];
  const all = [...new Set([...recommendationIds, ...held.map((rec) => rec.id)])];
  if (!isDeputy(actor) || all.length === 0) return all;
  const readable = await client.recommendation.findMany({
    where: { id: { in: all }, ...readableRecommendations(actor) },
    select: { id: true },
  });
  return readable.map((rec) => rec.id);
}

/** The day after a "YYYY-MM-DD" day: an all-day event's exclusive end. */
function nextDay(day: string): string {
  return toShanghaiDateString(new Date(shanghaiDate(day).getTime() + DAY_MS));
}

/** The feed's text: one all-day event per deadline, on its Shanghai day, with a reminder the day before. */
export function calendarFeedText(deadlines: readonly Deadline[]): string {
  const t = createTranslator({ locale: FEED_LOCALE, messages: zh, namespace: "calendar" });
  const base = appBaseUrl();
  // The zone is declared as X-WR-TIMEZONE only: every event is a date, which needs no VTIMEZONE, and
  // ical-generator's `timezone` option would also write DTSTAMP without its "Z" (RFC 5545 wants UTC).
  const calendar = ical({
    name: t("feed.name"),
    description: t("feed.description"),
    prodId: { company: "proposal-tracker", product: "calendar", language: "ZH" },
    ttl: REFRESH_SECONDS,
    x: { "X-WR-TIMEZONE": TIME_ZONE },
  });
  for (const deadline of deadlines) {
    const label = itemLabel(FEED_LOCALE, deadline.item);
    const url = `${base}${itemPath(FEED_LOCALE, deadline.item)}`;
    const summary = `${t(`kind.${deadline.kind}`)} · ${label}`;
    calendar.createEvent({
      id: deadlineUid(deadline),
      // Strings, not Dates: a date string is written as that very day, whatever the server's zone.
      start: deadline.dueDay,
      end: nextDay(deadline.dueDay),
      allDay: true,
      summary,
      description: `${t(`kindDescription.${deadline.kind}`, { dueDay: deadline.dueDay })}\n${label}\n${url}`,
      url,
      alarms: [{ type: ICalAlarmType.display, triggerBefore: ALARM_BEFORE_SECONDS, description: summary }],
    });
  }
  return calendar.toString();
}

const notFound = () =>
  new Response("Not found\n", {
    status: 404,
    headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
  });

/** The answer to GET /api/calendar/<segment>, where the segment is "<token>.ics". */
export async function calendarFeedResponse(segment: string): Promise<Response> {
  if (!segment.endsWith(FEED_SUFFIX)) return notFound();
  const owner = await findFeedOwner(db, segment.slice(0, -FEED_SUFFIX.length));
  if (!owner) return notFound();
  const body = calendarFeedText(await deadlinesFor(db, owner));
  return new Response(body, {
    headers: {
      "Content-Type": "text/calendar; charset=utf-8",
      // A person's own deadlines: no shared cache may keep them.
      "Cache-Control": "no-store",
      "Content-Disposition": 'inline; filename="deadlines.ics"',
    },
  });
}
