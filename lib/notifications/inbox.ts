// A person's notifications: the bell's unread count and the inbox, paged in the database, unread
// first and then newest, as the page and GET /api/v1/notifications show them.
import "server-only";
import { db } from "@/lib/db";
import type { Db } from "@/lib/db/client";

export const INBOX_PAGE_SIZE = 20;

export async function unreadNotificationCount(userId: string, client: Db = db): Promise<number> {
  return client.notificationRecipient.count({ where: { userId, readAt: null } });
}

export type InboxQuery = { page: number; perPage?: number; unreadOnly?: boolean };

export type InboxEntry = {
  id: string;
  rule: string;
  day: Date;
  payload: unknown;
  createdAt: Date;
  readAt: Date | null;
};

export async function listInbox(
  userId: string,
  { page, perPage = INBOX_PAGE_SIZE, unreadOnly = false }: InboxQuery,
  client: Db = db,
): Promise<{ entries: InboxEntry[]; total: number; unread: number; pageCount: number }> {
  const where = { userId, ...(unreadOnly ? { readAt: null } : {}) };
  const [rows, total, unread] = await client.$transaction([
    client.notificationRecipient.findMany({
      where,
      // Unread first (a null readAt sorts first), then the newest.
      orderBy: [
        { readAt: { sort: "asc", nulls: "first" } },
        { createdAt: "desc" },
        { notificationId: "desc" },
      ],
      skip: (page - 1) * perPage,
      take: perPage,
      select: {
        readAt: true,
        notification: { select: { id: true, rule: true, day: true, payload: true, createdAt: true } },
      },
    }),
    client.notificationRecipient.count({ where }),
    client.notificationRecipient.count({ where: { userId, readAt: null } }),
  ]);
  return {
    entries: rows.map((row) => ({ ...row.notification, readAt: row.readAt })),
    total,
    unread,
    pageCount: Math.max(1, Math.ceil(total / perPage)),
  };
}
