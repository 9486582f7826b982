// The dashboard's view: the items' filters plus the period its timeline and change feed cover.
import { z } from "zod";
import { addMonths, toShanghaiDateString } from "../dates";
import { itemFilterShape, parseLeniently, pastDay } from "../tracking/search-params";

export const dashboardShape = {
  ...itemFilterShape,
  /** First day of the period (default: 24 months before its end). */
  from: pastDay.optional().describe("First day of the period of the timeline and the changes (YYYY-MM-DD)."),
  /** Last day of the period (default: the day the dashboard describes). */
  to: pastDay.optional().describe("Last day of that period (YYYY-MM-DD); by default the day shown."),
};

export const dashboardParams = z.object(dashboardShape);
export type DashboardParams = z.infer<typeof dashboardParams>;

export const DEFAULT_PERIOD_MONTHS = 24;

/** An open item is due soon when due within this many days of the day the dashboard describes. */
export const DUE_SOON_DAYS = 30;

export function parseDashboardParams(
  searchParams: Record<string, string | string[] | undefined> | URLSearchParams,
): DashboardParams {
  return parseLeniently(dashboardShape, searchParams);
}

/** The period as "YYYY-MM-DD" days, the end never after the day the dashboard describes. */
export function resolvePeriod(params: Pick<DashboardParams, "from" | "to">, day: Date) {
  const last = toShanghaiDateString(day);
  const to = params.to && params.to < last ? params.to : last;
  const defaultFrom = `${addMonths(to, -(DEFAULT_PERIOD_MONTHS - 1)).slice(0, 7)}-01`;
  const from = params.from && params.from <= to ? params.from : defaultFrom;
  return { from, to };
}

/** Every month ("YYYY-MM") from the month of `from` to the month of `to`. */
export function monthsBetween(from: string, to: string): string[] {
  const months: string[] = [];
  for (let month = `${from.slice(0, 7)}-01`; month.slice(0, 7) <= to.slice(0, 7); ) {
    months.push(month.slice(0, 7));
    const next = addMonths(month, 1);
    // addMonths stops at the last day it knows: no month after it.
    if (next.slice(0, 7) === month.slice(0, 7)) break;
    month = next;
  }
  return months;
}
