// The statutory clocks of a deputy's proposal (DOMAIN.md "How such proposals are handled"):
// reply within 3 months of assignment (extendable to 6 with approval), answer again within 1 month
// of a dissatisfied feedback, and follow up items classed B or C until they are resolved.

import { DAY_MS } from "@/lib/dates";
import { addMonths, shanghaiDate, toShanghaiDateString } from "../dates";
import type { ReplyClass } from "../db/enums";

export const REPLY_MONTHS = 3;
export const MAX_EXTENDED_REPLY_MONTHS = 6;
export const REHANDLING_MONTHS = 1;

/**
 * replyClock's re-handling rule for a database to apply: a dissatisfied feedback given before the
 * returned day and not answered again is overdue on `today`. (The first day whose month's end is not
 * yet past, as addMonths ends a month: months are not all as long.)
 */
export function firstFeedbackDayNotOverdue(today: Date): Date {
  return firstDayNotOverdue(today, REHANDLING_MONTHS);
}

/** The same for any clock of `months` months: a day on or after it is not yet past its month's end. */
export function firstDayNotOverdue(today: Date, months: number): Date {
  const todayIso = toShanghaiDateString(today);
  let day = addMonths(todayIso, -months);
  while (addMonths(day, months) < todayIso)
    day = toShanghaiDateString(new Date(shanghaiDate(day).getTime() + DAY_MS));
  return shanghaiDate(day);
}

/** The statutory reply deadline ("YYYY-MM-DD") for an assignment date. */
export function replyDueDate(assignedAt: string): string {
  return addMonths(assignedAt, REPLY_MONTHS);
}

type ReplyFields = {
  assignedAt: Date | null;
  replyDueAt: Date | null;
  repliedAt: Date | null;
  replyClass: ReplyClass | null;
  feedbackAt: Date | null;
  rehandlingRepliedAt: Date | null;
};

export type ReplyClock = {
  /** Days past the reply deadline without a reply (today), or null. */
  replyOverdueDays: number | null;
  /** Days the reply came after its deadline, or null when on time. */
  repliedLateDays: number | null;
  /** When a dissatisfied feedback must be answered again, or null when none is needed. */
  rehandlingDueAt: Date | null;
  rehandlingOverdueDays: number | null;
  /** Classed B or C: to be answered again once resolved (跟踪办理). */
  followUpRequired: boolean;
};

const daysBetween = (from: Date, to: Date) => Math.round((to.getTime() - from.getTime()) / DAY_MS);

export function replyClock(item: ReplyFields, dissatisfied: boolean, today: Date): ReplyClock {
  const due = item.replyDueAt;
  const replyOverdueDays = due && !item.repliedAt && due < today ? daysBetween(due, today) : null;
  const repliedLateDays =
    due && item.repliedAt && item.repliedAt > due ? daysBetween(due, item.repliedAt) : null;
  const rehandlingDueAt =
    dissatisfied && item.feedbackAt
      ? shanghaiDate(addMonths(toShanghaiDateString(item.feedbackAt), REHANDLING_MONTHS))
      : null;
  const rehandlingOverdueDays =
    rehandlingDueAt && !item.rehandlingRepliedAt && rehandlingDueAt < today
      ? daysBetween(rehandlingDueAt, today)
      : null;
  return {
    replyOverdueDays,
    repliedLateDays,
    rehandlingDueAt,
    rehandlingOverdueDays,
    followUpRequired: item.replyClass === "B" || item.replyClass === "C",
  };
}
