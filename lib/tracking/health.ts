// Health of an item on a given day: its actual progress against the progress its schedule expects,
// a straight line from 0 % on the start date to 100 % on the due date.
//   on track ≥ 95 % of expected · behind 85–95 % · at risk < 85 % · overdue: past due and still open.
// Closed items are done with (completed: on track; not adopted: no health), and an open item without
// both dates has no schedule to measure against.
//
// The rule is written twice, here for code and in item-sql.ts for the database; both compare whole
// numbers (20·progress·span against 19 or 17 times 100·elapsed) so that they agree exactly.
import type { ItemStatus } from "@/lib/db/enums";

export const HEALTH = ["on_track", "behind", "at_risk", "overdue", "not_applicable"] as const;
export type Health = (typeof HEALTH)[number];

export type Scheduled = {
  status: ItemStatus;
  progress: number;
  startDate: Date | null;
  dueDate: Date | null;
};

/** The health of an item on `day` (midnight in Shanghai, like the stored dates). */
export function healthOn(item: Scheduled, day: Date): Health {
  if (item.status === "not_adopted") return "not_applicable";
  if (item.status === "completed") return "on_track";
  if (!item.dueDate) return "not_applicable";
  if (item.dueDate < day) return "overdue";
  if (!item.startDate) return "not_applicable";
  const elapsed = (day.getTime() - item.startDate.getTime()) / 1000;
  if (elapsed <= 0) return "on_track";
  const span = (item.dueDate.getTime() - item.startDate.getTime()) / 1000;
  const actual = 20 * item.progress * span;
  if (actual >= 19 * 100 * elapsed) return "on_track";
  if (actual >= 17 * 100 * elapsed) return "behind";
  return "at_risk";
}

/** The progress an item's schedule expects on `day`, in percent (null without a schedule). */
export function expectedProgress(item: Scheduled, day: Date): number | null {
  if (!item.startDate || !item.dueDate) return null;
  const span = item.dueDate.getTime() - item.startDate.getTime();
  if (span <= 0) return day >= item.dueDate ? 100 : 0;
  const elapsed = Math.min(Math.max(day.getTime() - item.startDate.getTime(), 0), span);
  return Math.round((100 * elapsed) / span);
}
