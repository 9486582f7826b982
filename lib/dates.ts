// Calendar dates are Shanghai dates. A date-only value (due date, effective date…) is stored as
// the instant of midnight in Asia/Shanghai, and always formatted in that zone. Shanghai keeps
// UTC+8 all year (no daylight saving), so the fixed offset is exact.

export const TIME_ZONE = "Asia/Shanghai";

/** A day in milliseconds: Shanghai keeps no daylight saving, so each of its days is this long. */
export const DAY_MS = 86_400_000;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

// The days the app takes and works out. Nothing it tracks is older than 1900; and a Shanghai midnight
// in year 1 would be year 0 in UTC, which PostgreSQL refuses, while views reach months before the day
// asked (the dashboard's period, a report's comparison). Beyond 9999 a date has no YYYY form.
const FIRST_YEAR = 1900;
const LAST_YEAR = 9999;
export const FIRST_DAY = `${FIRST_YEAR}-01-01`;
export const LAST_DAY = `${LAST_YEAR}-12-31`;

/** Whether `value` is a "YYYY-MM-DD" day that exists, from FIRST_DAY to LAST_DAY. */
export function isIsoDate(value: string): boolean {
  const match = ISO_DATE.exec(value);
  if (!match || value < FIRST_DAY || value > LAST_DAY) return false;
  const [, year, month, day] = match.map(Number);
  const date = new Date(Date.UTC(year ?? 0, (month ?? 0) - 1, day ?? 0));
  return date.getUTCMonth() === (month ?? 0) - 1 && date.getUTCDate() === day;
}

/** Midnight in Shanghai of a "YYYY-MM-DD" date; throws on a malformed, impossible or out-of-range date. */
export function shanghaiDate(isoDate: string): Date {
  if (!ISO_DATE.test(isoDate)) throw new RangeError(`Not a YYYY-MM-DD date: ${isoDate}`);
  if (!isIsoDate(isoDate)) throw new RangeError(`No such date: ${isoDate}`);
  return new Date(`${isoDate}T00:00:00+08:00`);
}

/** The Shanghai calendar date ("YYYY-MM-DD") of an instant. */
export function toShanghaiDateString(instant: Date): string {
  return new Date(instant.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}

/** Today's date in Shanghai, as midnight in Shanghai. */
export function shanghaiToday(now: Date = new Date()): Date {
  return shanghaiDate(toShanghaiDateString(now));
}

/**
 * The same day `months` calendar months later ("YYYY-MM-DD"); the month's last day when that day does
 * not exist, and never before FIRST_DAY or after LAST_DAY.
 */
export function addMonths(isoDate: string, months: number): string {
  shanghaiDate(isoDate); // validates
  const [year = 0, month = 1, day = 1] = isoDate.split("-").map(Number);
  const monthIndex = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(monthIndex / 12);
  const targetMonth = (monthIndex % 12) + 1;
  const lastDay = new Date(Date.UTC(targetYear, targetMonth, 0)).getUTCDate();
  const pad = (n: number, width = 2) => String(n).padStart(width, "0");
  if (targetYear < FIRST_YEAR) return FIRST_DAY;
  if (targetYear > LAST_YEAR) return LAST_DAY;
  return `${pad(targetYear, 4)}-${pad(targetMonth)}-${pad(Math.min(day, lastDay))}`;
}
