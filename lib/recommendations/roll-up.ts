import type { ItemStatus } from "../db/enums";

export interface RollUpInput {
  status: ItemStatus;
  progress: number;
  weight: number;
}

export interface RollUpResult {
  status: ItemStatus;
  progress: number;
}

/**
 * The state of a recommendation from the state of its actions. Progress is the weighted mean over the
 * actions that are not 未采纳 (not adopted); the status is completed or not started only when every
 * counted action is, stalled when something is stalled and nothing is moving, in progress otherwise.
 */
export function rollUp(actions: readonly RollUpInput[]): RollUpResult {
  if (actions.length === 0) return { status: "not_started", progress: 0 };
  const counted = actions.filter((action) => action.status !== "not_adopted");
  if (counted.length === 0) return { status: "not_adopted", progress: 0 };

  const totalWeight = counted.reduce((sum, action) => sum + action.weight, 0);
  // With all weights at zero, every action counts the same rather than dividing by zero.
  const progress =
    totalWeight > 0
      ? counted.reduce((sum, action) => sum + action.weight * action.progress, 0) / totalWeight
      : counted.reduce((sum, action) => sum + action.progress, 0) / counted.length;

  return { status: rolledUpStatus(counted.map((action) => action.status)), progress: Math.round(progress) };
}

function rolledUpStatus(statuses: readonly ItemStatus[]): ItemStatus {
  if (statuses.every((status) => status === "completed")) return "completed";
  if (statuses.every((status) => status === "not_started")) return "not_started";
  if (statuses.includes("stalled") && !statuses.includes("in_progress")) return "stalled";
  return "in_progress";
}
