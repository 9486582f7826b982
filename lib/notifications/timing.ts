// When a message outside the app may go: not during the recipient's quiet hours, and a daily digest's
// at its hour. Times are Shanghai wall-clock "HH:MM"; Shanghai keeps UTC+8 all year.
import { DAY_MS } from "@/lib/dates";

/** The hour of the daily digest, Shanghai time. */
export const DIGEST_TIME = "08:00";

const SHANGHAI_OFFSET_MS = 8 * 3600_000;
const HH_MM = /^([01]\d|2[0-3]):([0-5]\d)$/;

export function isClockTime(value: string): boolean {
  return HH_MM.test(value);
}

function minutesOf(time: string): number {
  const match = HH_MM.exec(time);
  if (!match) throw new RangeError(`Not an HH:MM time: ${time}`);
  return Number(match[1]) * 60 + Number(match[2]);
}

/** Minutes since Shanghai midnight of an instant, and that midnight as an instant. */
function shanghaiClock(instant: Date): { minutes: number; midnight: number } {
  const local = instant.getTime() + SHANGHAI_OFFSET_MS;
  const midnightLocal = Math.floor(local / DAY_MS) * DAY_MS;
  return {
    minutes: Math.floor((local - midnightLocal) / 60_000),
    midnight: midnightLocal - SHANGHAI_OFFSET_MS,
  };
}

/** The first instant at or after `from` whose Shanghai time is `time`. */
export function nextClockTime(from: Date, time: string): Date {
  const { midnight } = shanghaiClock(from);
  const today = new Date(midnight + minutesOf(time) * 60_000);
  return today >= from ? today : new Date(today.getTime() + DAY_MS);
}

export type QuietHours = { quietStart: string | null; quietEnd: string | null };

/** Whether `instant` falls in the quiet hours (which may span midnight, e.g. 22:00–08:00). */
export function inQuietHours(instant: Date, { quietStart, quietEnd }: QuietHours): boolean {
  if (!quietStart || !quietEnd || quietStart === quietEnd) return false;
  const now = shanghaiClock(instant).minutes;
  const start = minutesOf(quietStart);
  const end = minutesOf(quietEnd);
  return start < end ? now >= start && now < end : now >= start || now < end;
}

/** When a message queued at `now` may be sent: at once, or when quiet hours end, or at the digest's hour. */
export function sendableAt(now: Date, quiet: QuietHours, digest: boolean): Date {
  const at = digest ? nextClockTime(now, DIGEST_TIME) : now;
  return inQuietHours(at, quiet) && quiet.quietEnd ? nextClockTime(at, quiet.quietEnd) : at;
}
