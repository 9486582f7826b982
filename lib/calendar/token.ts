// A calendar feed's secret: it is the whole credential of a URL that calendar apps fetch without a
// session, so it is random (256 bits), shown once, and only its SHA-256 hash is stored.
import { createHash, randomBytes } from "node:crypto";

const TOKEN_PATTERN = /^cf_[A-Za-z0-9_-]{43}$/;

/** A new token ("cf_" + 32 random bytes in base64url) and its hash. */
export function generateCalendarToken(): { token: string; tokenHash: string } {
  const token = `cf_${randomBytes(32).toString("base64url")}`;
  return { token, tokenHash: hashCalendarToken(token) };
}

/** SHA-256 of the token, hex: with 256 random bits no slow hash or salt is needed. */
export function hashCalendarToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

/** Whether `value` has a token's shape (checked before any lookup). */
export function isCalendarToken(value: string): boolean {
  return TOKEN_PATTERN.test(value);
}

/** The feed's path, with the ".ics" that calendar apps look for. */
export function calendarFeedPath(token: string): string {
  return `/api/calendar/${token}.ics`;
}
