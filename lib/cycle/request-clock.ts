// The clocks of the requests to the office (DOMAIN.md "The whole handling cycle", 3 and 5): an agency
// may ask to hand an item back (退回/改办) within N working days of its own assignment, and the lead may
// ask for a reply deadline later than the one in force, at most 6 months from the item's assignment.
import { addMonths } from "@/lib/dates";
import { MAX_EXTENDED_REPLY_MONTHS } from "@/lib/recommendations/reply-clock";
import { addWorkingDays, type WorkingCalendar } from "./working-days";

/** The last day ("YYYY-MM-DD") an agency given the item on `assignedOn` may ask to hand it back. */
export function handbackDueDay(calendar: WorkingCalendar, assignedOn: string, workingDays: number): string {
  return addWorkingDays(calendar, assignedOn, workingDays);
}

/** Whether a hand-back asked on `today` is in time. */
export function handbackInTime(
  calendar: WorkingCalendar,
  assignedOn: string,
  today: string,
  workingDays: number,
): boolean {
  return today <= handbackDueDay(calendar, assignedOn, workingDays);
}

/** The latest reply deadline an extension may ask for: 6 months after the item's assignment. */
export function extensionLimit(assignedOn: string): string {
  return addMonths(assignedOn, MAX_EXTENDED_REPLY_MONTHS);
}

/** Why a deadline of `requested` cannot be asked for (or granted), or null when it can. */
export type ExtensionProblem = "notLater" | "beyondLimit";

export function extensionProblem(
  requested: string,
  currentDue: string,
  assignedOn: string,
): ExtensionProblem | null {
  if (requested <= currentDue) return "notLater";
  if (requested > extensionLimit(assignedOn)) return "beyondLimit";
  return null;
}
