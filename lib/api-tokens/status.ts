import { toShanghaiDateString } from "@/lib/dates";

export type ApiTokenStatus = "active" | "revoked" | "expired" | "creatorInactive";

/** Whether a token works now, and if not, why not (the same rules as verifyApiToken). */
export function apiTokenStatus(
  token: { revokedAt: Date | null; expiresAt: Date | null; createdBy: { banned: boolean } },
  now: Date = new Date(),
): ApiTokenStatus {
  if (token.revokedAt) return "revoked";
  if (token.expiresAt && token.expiresAt <= now) return "expired";
  if (token.createdBy.banned) return "creatorInactive";
  return "active";
}

/**
 * A token chosen to be valid "through 2025-06-30" stops working at the end of that day in Shanghai:
 * expiresAt is the next midnight there. (Shanghai has no daylight saving, so a day is 24 hours.)
 */
export function expiresAtEndOf(day: Date): Date {
  return new Date(day.getTime() + 24 * 3600_000);
}

/** The last Shanghai day on which a token with this expiresAt works ("YYYY-MM-DD"). */
export function validThrough(expiresAt: Date): string {
  return toShanghaiDateString(new Date(expiresAt.getTime() - 1));
}
