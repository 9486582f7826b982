import "server-only";
// The delivery log as admins read it: every e-mail and bot post, newest first, filtered by state and
// paged by the database, with whom it went to and what it said.
import { z } from "zod";
import type { CheckedAdmin } from "@/lib/auth/session";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/db/client";
import type { Locale } from "@/lib/i18n/routing";
import { describeNotification } from "./describe";

export const DELIVERY_PAGE_SIZE = 50;
export const DELIVERY_STATES = ["queued", "sent", "failed"] as const;
export type DeliveryState = (typeof DELIVERY_STATES)[number];

const blankToUndefined = (value: unknown) =>
  typeof value === "string" && value.trim() === "" ? undefined : value;

/** The log's filters, from the page's search parameters; one that cannot be read is left out. */
export const deliveryLogFilters = z.object({
  state: z.preprocess(blankToUndefined, z.enum(DELIVERY_STATES).optional().catch(undefined)),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
});
export type DeliveryLogFilters = z.infer<typeof deliveryLogFilters>;

const DELIVERY_LOG_SELECT = {
  id: true,
  channel: true,
  state: true,
  attempts: true,
  digest: true,
  lastError: true,
  notBefore: true,
  createdAt: true,
  sentAt: true,
  user: { select: { name: true, email: true } },
  webhook: { select: { name: true } },
  notification: { select: { rule: true, payload: true } },
} satisfies Prisma.DeliverySelect;

export type DeliveryLogEntry = {
  id: string;
  channel: string;
  state: string;
  attempts: number;
  digest: boolean;
  lastError: string | null;
  notBefore: Date;
  createdAt: Date;
  sentAt: Date | null;
  /** A person ("name <email>") or a group bot's name. */
  to: string;
  /** What it said: the notification's title and item. */
  about: { title: string; item: string | null };
};

export type DeliveryLogPage = {
  entries: DeliveryLogEntry[];
  total: number;
  page: number;
  pageCount: number;
};

/** One page of the deliveries that match, newest first. */
export async function readDeliveryLog(
  _admin: CheckedAdmin,
  filters: DeliveryLogFilters,
  locale: Locale,
): Promise<DeliveryLogPage> {
  const where: Prisma.DeliveryWhereInput = filters.state ? { state: filters.state } : {};
  const total = await db.delivery.count({ where });
  const pageCount = Math.max(1, Math.ceil(total / DELIVERY_PAGE_SIZE));
  const page = Math.min(filters.page, pageCount);
  const rows = await db.delivery.findMany({
    where,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    skip: (page - 1) * DELIVERY_PAGE_SIZE,
    take: DELIVERY_PAGE_SIZE,
    select: DELIVERY_LOG_SELECT,
  });
  return {
    entries: rows.map(({ user, webhook, notification, ...row }) => {
      const text = describeNotification(notification, locale);
      return {
        ...row,
        to: user ? `${user.name} <${user.email}>` : (webhook?.name ?? "—"),
        about: { title: text.title, item: text.item },
      };
    }),
    total,
    page,
    pageCount,
  };
}

/** The SMTP server's host and port, to show: never the whole SMTP_URL, which may hold a password. */
export function mailServerHost(url: string): string {
  try {
    return new URL(url).host || "?";
  } catch {
    return "?";
  }
}
