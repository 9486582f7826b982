// What the admins' calendar page shows: a year's exceptions and the cycle's settings in force.
import "server-only";
import type { CheckedAdmin } from "@/lib/auth/session";
import { shanghaiDate, toShanghaiDateString } from "@/lib/dates";
import { db } from "@/lib/db";
import { loadCycleSettings } from "./settings";

export async function calendarYear(_admin: CheckedAdmin, year: number) {
  const days = await db.calendarDay.findMany({
    where: { day: { gte: shanghaiDate(`${year}-01-01`), lt: shanghaiDate(`${year + 1}-01-01`) } },
    orderBy: { day: "asc" },
  });
  return days.map((row) => ({ ...row, iso: toShanghaiDateString(row.day) }));
}

/** The years the calendar holds days of, with this one. */
export async function calendarYears(_admin: CheckedAdmin, thisYear: number): Promise<number[]> {
  const [first, last] = await Promise.all([
    db.calendarDay.findFirst({ orderBy: { day: "asc" }, select: { day: true } }),
    db.calendarDay.findFirst({ orderBy: { day: "desc" }, select: { day: true } }),
  ]);
  const yearOf = (row: { day: Date } | null) =>
    row ? Number(toShanghaiDateString(row.day).slice(0, 4)) : thisYear;
  const from = Math.min(yearOf(first), thisYear);
  const to = Math.max(yearOf(last), thisYear + 1);
  return Array.from({ length: to - from + 1 }, (_, index) => from + index);
}

export function cycleSettingsInForce(_admin: CheckedAdmin) {
  return loadCycleSettings(db);
}
