// Working days (工作日): Monday to Friday, except 法定节假日, plus the 调休 weekend days worked instead.
// The exceptions are the CalendarDay table, which admins keep; the clocks counted in working days
// (签收 within 3, 退回 within 7) read them from here and nowhere else.
import { DAY_MS, shanghaiDate, toShanghaiDateString } from "@/lib/dates";
import type { DbClient } from "@/lib/db/client";

/** The calendar's exceptions, by "YYYY-MM-DD": true a 调休 working day, false a holiday. */
export type WorkingCalendar = ReadonlyMap<string, boolean>;

export async function loadWorkingCalendar(db: DbClient): Promise<WorkingCalendar> {
  const days = await db.calendarDay.findMany({ select: { day: true, workday: true } });
  return new Map(days.map((row) => [toShanghaiDateString(row.day), row.workday]));
}

const nextDay = (day: string) => toShanghaiDateString(new Date(shanghaiDate(day).getTime() + DAY_MS));

export function isWorkingDay(calendar: WorkingCalendar, day: string): boolean {
  const exception = calendar.get(day);
  if (exception !== undefined) return exception;
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
  return weekday !== 0 && weekday !== 6;
}

/**
 * The day by which something given on `from` must be done within `count` working days: the
 * `count`-th working day after it (the day given does not count, as a deadline "3 working days from
 * assignment" is read).
 */
export function addWorkingDays(calendar: WorkingCalendar, from: string, count: number): string {
  let day = from;
  for (let left = count; left > 0; ) {
    day = nextDay(day);
    if (isWorkingDay(calendar, day)) left -= 1;
  }
  return day;
}

/** How many working days lie after `from` up to and including `to` (0 when `to` is not later). */
export function workingDaysBetween(calendar: WorkingCalendar, from: string, to: string): number {
  let count = 0;
  for (let day = from; day < to; ) {
    day = nextDay(day);
    if (isWorkingDay(calendar, day)) count += 1;
  }
  return count;
}
