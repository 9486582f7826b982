// Calendar dates are Shanghai dates. A date-only value (due date, effective date…) is stored as
// the instant of midnight in Asia/Shanghai, and always formatted in that zone. Shanghai keeps
// UTC+8 all year (no daylight saving), so the fixed offset is exact.

export const TIME_ZONE = "Asia/Shanghai";

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Midnight in Shanghai of a "YYYY-MM-DD" date; throws on a malformed or impossible date. */
export function shanghaiDate(isoDate: string): Date {
  const match = ISO_DATE.exec(isoDate);
  if (!match) throw new RangeError(`Not a YYYY-MM-DD date: ${isoDate}`);
  const date = new Date(`${isoDate}T00:00:00+08:00`);
  if (Number.isNaN(date.getTime()) || toShanghaiDateString(date) !== isoDate) {
    throw new RangeError(`No such date: ${isoDate}`);
  }
  return date;
}

/** The Shanghai calendar date ("YYYY-MM-DD") of an instant. */
export function toShanghaiDateString(instant: Date): string {
  return new Date(instant.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}

/** Today's date in Shanghai, as midnight in Shanghai. */
export function shanghaiToday(now: Date = new Date()): Date {
  return shanghaiDate(toShanghaiDateString(now));
}

/** The same day `months` calendar months later ("YYYY-MM-DD"); the month's last day when that day does not exist. */
export function addMonths(isoDate: string, months: number): string {
  shanghaiDate(isoDate); // validates
  const [year = 0, month = 1, day = 1] = isoDate.split("-").map(Number);
  const monthIndex = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(monthIndex / 12);
  const targetMonth = (monthIndex % 12) + 1;
  const lastDay = new Date(Date.UTC(targetYear, targetMonth, 0)).getUTCDate();
  const pad = (n: number, width = 2) => String(n).padStart(width, "0");
  return `${pad(targetYear, 4)}-${pad(targetMonth)}-${pad(Math.min(day, lastDay))}`;
}
