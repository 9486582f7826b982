// The colours and order the charts give statuses, health and reply classes: one palette for the
// dashboard on screen and the report's charts on paper, so that a status looks the same on both.
import type { ItemStatus, ReplyClass, WarningLevel } from "@/lib/db/enums";
import type { Health } from "./health";

/** Statuses in the order the charts list them: open ones first, then the closed. */
export const STATUS_ORDER = [
  "not_started",
  "in_progress",
  "stalled",
  "completed",
  "not_adopted",
] as const satisfies readonly ItemStatus[];

export const STATUS_COLORS: Record<ItemStatus, string> = {
  not_started: "#6b7280",
  in_progress: "#2563eb",
  completed: "#16a34a",
  stalled: "#d97706",
  not_adopted: "#64748b",
};

export const HEALTH_COLORS: Record<Health, string> = {
  on_track: "#16a34a",
  behind: "#d97706",
  at_risk: "#dc2626",
  overdue: "#7f1d1d",
  not_applicable: "#78716c",
};

export const REPLY_CLASS_ORDER = ["A", "B", "C", "D"] as const satisfies readonly ReplyClass[];

export const REPLY_CLASS_COLORS: Record<ReplyClass, string> = {
  A: "#16a34a",
  B: "#2563eb",
  C: "#d97706",
  D: "#64748b",
};

/** A deputy's satisfaction: red for the levels that count as dissatisfied. */
export const satisfactionColor = (isDissatisfied: boolean) => (isDissatisfied ? "#dc2626" : "#16a34a");

/** Average progress (the dashboard's bars, both timelines' line). */
export const PROGRESS_COLOR = "#1d4ed8";

/** Completed items over time (both timelines' bars): the completed status's colour. */
export const COMPLETED_COLOR = STATUS_COLORS.completed;

/** The bars of the handling cycle's stage mix (one colour: the stages are an order, not categories). */
export const STAGE_COLOR = "#0f766e";

/** 三色预警: its three colours, deep enough to hold against a white background. */
export const WARNING_COLORS: Record<WarningLevel, string> = {
  red: "#dc2626",
  yellow: "#d97706",
  blue: "#2563eb",
};
