// 三色预警: an item's warning level on a day, computed (never stored) so that it moves on by itself as
// days pass. It looks at the item's nearest open deadline — the reply deadline (replyDueAt) while the
// reply has not been accepted, else the due date while the item is not completed — and the admins'
// thresholds (lib/cycle/settings.ts):
//   red    once the deadline is more than redDaysAfter days past (0: from the day after it);
//   yellow from yellowDaysBefore days before the deadline, the deadline's own day included;
//   blue   before that.
// None for a closed item (办结), a completed or not adopted one, or one without a deadline.
//
// The rule is written once, as two instants (`warningBounds`) that both sides compare the deadline
// with: `warningOn` here, and `warningSql` for the table's SQL on both databases. On an as-of day the
// caller gives the item as it was then (item-sql.ts rebuilds the stage, status, reply and deadline).
import { DAY_MS } from "@/lib/dates";
import type { CycleStage, ItemStatus, WarningLevel } from "@/lib/db/enums";
import { raw, type Sql, sql } from "@/lib/db/sql";
import type { CycleSettings } from "./settings";

/** Worst first: the order of the filter, the chart and the sort. */
export const WARNING_LEVELS = ["red", "yellow", "blue"] as const satisfies readonly WarningLevel[];

export type Warned = {
  stage: CycleStage;
  status: ItemStatus;
  replyDueAt: Date | null;
  repliedAt: Date | null;
  dueDate: Date | null;
};

type Thresholds = Pick<CycleSettings, "yellowDaysBefore" | "redDaysAfter">;

/**
 * For the view's `day` (midnight in Shanghai): a deadline before `red` is red, else one before
 * `yellow` is yellow, else blue. Deadlines are days (midnight in Shanghai) too.
 */
export function warningBounds(day: Date, settings: Thresholds): { red: Date; yellow: Date } {
  return {
    red: new Date(day.getTime() - settings.redDaysAfter * DAY_MS),
    yellow: new Date(day.getTime() + (settings.yellowDaysBefore + 1) * DAY_MS),
  };
}

/** The deadline the warning looks at, or null when the item is done with or has none. */
export function warningDeadline(item: Warned): Date | null {
  if (item.stage === "closed" || item.status === "completed" || item.status === "not_adopted") return null;
  if (item.repliedAt === null) return item.replyDueAt ?? item.dueDate;
  return item.dueDate;
}

/** The warning level of an item on `day`, or null (no warning: done with, or no deadline). */
export function warningOn(item: Warned, day: Date, settings: Thresholds): WarningLevel | null {
  const deadline = warningDeadline(item);
  if (deadline === null) return null;
  const bounds = warningBounds(day, settings);
  if (deadline < bounds.red) return "red";
  if (deadline < bounds.yellow) return "yellow";
  return "blue";
}

/**
 * The same rule in SQL, on columns of `alias` named as in Warned (text stage and status, the rebuilt
 * ones on an as-of day): 'red', 'yellow', 'blue' or NULL.
 */
export function warningSql(alias: string, day: Date, settings: Thresholds): Sql {
  const column = (name: string) => raw(`${alias}."${name}"`);
  const bounds = warningBounds(day, settings);
  const deadline = sql`CASE WHEN ${column("repliedAt")} IS NULL
    THEN COALESCE(${column("replyDueAt")}, ${column("dueDate")}) ELSE ${column("dueDate")} END`;
  return sql`CASE
    WHEN ${column("stage")} = 'closed' OR ${column("status")} IN ('completed', 'not_adopted') THEN NULL
    WHEN ${deadline} IS NULL THEN NULL
    WHEN ${deadline} < ${bounds.red} THEN 'red'
    WHEN ${deadline} < ${bounds.yellow} THEN 'yellow'
    ELSE 'blue'
  END`;
}
