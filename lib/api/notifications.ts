// GET /api/v1/notifications: the caller's own notifications, unread first, as the inbox shows them.
import { z } from "zod";
import { toShanghaiDateString } from "@/lib/dates";
import type { Locale } from "@/lib/i18n/routing";
import { describeNotification } from "@/lib/notifications/describe";
import type { listInbox } from "@/lib/notifications/inbox";
import { RULE_KEYS } from "@/lib/notifications/rules";
import { namedSchema } from "./components";
import { calendarDateSchema, instantSchema } from "./json";
import { defineApiRoute } from "./openapi";

export const notificationListQuery = z.object({
  page: z.coerce.number().int().min(1).max(100_000).default(1).describe("Page number, from 1."),
  perPage: z.coerce.number().int().min(1).max(100).default(20).describe("Notifications per page, 1–100."),
  unread: z.enum(["true", "false"]).default("false").describe("true: only the unread ones."),
});

const notificationSchema = namedSchema(
  "Notification",
  z.object({
    id: z.string(),
    rule: z.enum(RULE_KEYS).describe("The rule that made it (the README lists them)."),
    day: calendarDateSchema.describe("The day it is about (a reminder's day, a change's day)."),
    createdAt: instantSchema,
    readAt: instantSchema.nullable(),
    title: z.string().describe("What happened or is due, in the language of Accept-Language."),
    item: z.string().nullable().describe("The item's codes and title; null for a digest."),
    lines: z.array(z.string()).describe("Further lines: the change's values, who made it, a digest's lists."),
    path: z.string().describe("Where to read more in the app, with the locale."),
  }),
);

export const notificationListSchema = namedSchema(
  "NotificationList",
  z.object({
    page: z.number().int(),
    perPage: z.number().int(),
    total: z.number().int().describe("How many notifications match."),
    unread: z.number().int().describe("How many of all the caller's notifications are unread."),
    items: z.array(notificationSchema),
  }),
);

export const notificationListRoute = defineApiRoute({
  path: "/api/v1/notifications",
  operationId: "listNotifications",
  summary: "Your notifications, unread first",
  description:
    "The signed-in user's notifications (with an API token: those of the admin who made it), unread first and then newest, paged. Reading them marks nothing read.",
  tags: ["notifications"],
  query: notificationListQuery,
  response: notificationListSchema,
  responseDescription: "One page of notifications.",
});

export function notificationList(
  inbox: Awaited<ReturnType<typeof listInbox>>,
  { page, perPage }: { page: number; perPage: number },
  locale: Locale,
): z.input<typeof notificationListSchema> {
  return {
    page,
    perPage,
    total: inbox.total,
    unread: inbox.unread,
    items: inbox.entries.map((entry) => {
      const text = describeNotification(entry, locale);
      return {
        id: entry.id,
        rule: entry.rule as (typeof RULE_KEYS)[number],
        day: toShanghaiDateString(entry.day),
        createdAt: entry.createdAt.toISOString(),
        readAt: entry.readAt?.toISOString() ?? null,
        title: text.title,
        item: text.item,
        lines: text.lines,
        path: text.path,
      };
    }),
  };
}
