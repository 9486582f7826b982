import "server-only";
import type { Actor } from "@/lib/auth/permissions";
import { db } from "@/lib/db";

/** The signed-in person's working feed (their newest not revoked), without its hash; null if none. */
export function getActiveCalendarFeed(user: Actor) {
  return db.calendarFeed.findFirst({
    where: { userId: user.id, revokedAt: null },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: { id: true, createdAt: true },
  });
}
