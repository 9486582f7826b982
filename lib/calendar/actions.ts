"use server";

// A person's calendar feed: each signed-in user makes and revokes their own, and only their own (the
// session says whose). Making one revokes the one before; the secret is returned once and never
// stored or audited.
import "server-only";
import { getTranslations } from "next-intl/server";
import { recordAudit } from "@/lib/audit/record";
import { db } from "@/lib/db";
import type { DbClient } from "@/lib/db/client";
import { appBaseUrl } from "@/lib/notifications/links";
import { revalidateApp } from "@/lib/revalidate";
import { type FormState, formAction } from "@/lib/validation/form-action";
import { calendarFeedCreateInput, calendarFeedRevokeInput } from "./schema";
import { calendarFeedPath, generateCalendarToken } from "./token";

/** What the form that makes a feed gets back: its URL, this once. */
export type CalendarFeedFormState = FormState & { url?: string };

/** Revokes every working feed of the user (normally one), each audited; how many it revoked. */
async function revokeFeedsOf(tx: DbClient, userId: string, revokedAt: Date): Promise<number> {
  const active = await tx.calendarFeed.findMany({
    where: { userId, revokedAt: null },
    select: { id: true, createdAt: true },
  });
  let revoked = 0;
  for (const feed of active) {
    // Only a feed not yet revoked: of two revocations at once, one records it.
    const { count } = await tx.calendarFeed.updateMany({
      where: { id: feed.id, revokedAt: null },
      data: { revokedAt },
    });
    if (count === 0) continue;
    revoked += 1;
    await recordAudit(tx, {
      actorId: userId,
      action: "calendarFeed.revoke",
      entityType: "CalendarFeed",
      entityId: feed.id,
      before: { createdAt: feed.createdAt, revokedAt: null },
      after: { createdAt: feed.createdAt, revokedAt },
    });
  }
  return revoked;
}

export const createCalendarFeed = formAction(
  calendarFeedCreateInput,
  // Every signed-in role keeps a feed of its own.
  { allow: (user) => user !== null },
  async ({ user }): Promise<CalendarFeedFormState> => {
    const t = await getTranslations("calendar");
    const { token, tokenHash } = generateCalendarToken();
    await db.$transaction(async (tx) => {
      await revokeFeedsOf(tx, user.id, new Date());
      const created = await tx.calendarFeed.create({ data: { userId: user.id, tokenHash } });
      await recordAudit(tx, {
        actorId: user.id,
        action: "calendarFeed.create",
        entityType: "CalendarFeed",
        entityId: created.id,
        after: { userId: user.id, createdAt: created.createdAt },
      });
    });
    revalidateApp();
    return { notice: t("created"), url: `${appBaseUrl()}${calendarFeedPath(token)}` };
  },
);

/** Revokes the user's feed at once: calendars subscribed to it get nothing more. */
export const revokeCalendarFeed = formAction(
  calendarFeedRevokeInput,
  { allow: (user) => user !== null },
  async ({ user }) => {
    const t = await getTranslations("calendar");
    const revoked = await db.$transaction((tx) => revokeFeedsOf(tx, user.id, new Date()));
    if (revoked === 0) return { formError: t("noFeed") };
    revalidateApp();
    return { notice: t("revoked") };
  },
);
