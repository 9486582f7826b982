// What the tracker tells, when, and to whom: every rule in one table. A reminder rule fires on the
// Shanghai days its clock reaches (./scheduler.ts); a change rule fires with the change, in its
// transaction (./notify.ts). Each names its audience; the actor of a change is never told of it.
import { DAY_MS, shanghaiDate } from "@/lib/dates";
import type { DeadlineKind } from "./deadlines";

/** Who a rule tells. Staff are told through their agency's role on the item. */
export type Audience = "lead" | "coHandlers" | "admins" | "followers";

/** People choose channels and timing per group of rules. */
export const RULE_GROUPS = ["deadlines", "changes", "following", "mentions", "digest"] as const;
export type RuleGroup = (typeof RULE_GROUPS)[number];

type RuleSpec = { group: RuleGroup; audience: readonly Audience[] };

export const RULES = {
  "reply.due": { group: "deadlines", audience: ["lead", "coHandlers"] },
  "reply.overdue": { group: "deadlines", audience: ["lead", "coHandlers", "admins"] },
  // 签收: told to the agencies that have not acknowledged (the deadline's item names only them).
  "acknowledge.due": { group: "deadlines", audience: ["lead", "coHandlers"] },
  "acknowledge.overdue": { group: "deadlines", audience: ["lead", "coHandlers", "admins"] },
  "views.due": { group: "deadlines", audience: ["coHandlers"] },
  "views.overdue": { group: "deadlines", audience: ["coHandlers", "lead"] },
  "rehandling.due": { group: "deadlines", audience: ["lead"] },
  "rehandling.overdue": { group: "deadlines", audience: ["lead", "admins"] },
  "followUp.owed": { group: "deadlines", audience: ["lead"] },
  "item.due": { group: "deadlines", audience: ["lead", "coHandlers"] },
  "item.overdue": { group: "deadlines", audience: ["lead", "coHandlers", "admins"] },
  "status.stalled": { group: "changes", audience: ["lead", "coHandlers", "admins", "followers"] },
  "feedback.dissatisfied": { group: "changes", audience: ["lead", "admins", "followers"] },
  "reply.recorded": { group: "changes", audience: ["coHandlers", "admins", "followers"] },
  "evidence.withdrawn": { group: "changes", audience: ["lead", "followers"] },
  "cycle.step": { group: "changes", audience: ["lead", "coHandlers", "admins", "followers"] },
  "followed.changed": { group: "following", audience: ["followers"] },
  "digest.weekly": { group: "digest", audience: ["admins"] },
  // 讨论: told to the people a comment mentions, and the staff of the agencies it mentions (named by
  // the event: lib/comments/actions.ts).
  mentioned: { group: "mentions", audience: [] },
  // The deputy in the loop (issue 19), each told to the people its event names: a contact recorded,
  // to the proposal's deputies to confirm or dispute; a dispute, to whoever recorded the contact; a
  // rating recorded on the deputy's behalf (代录), to the proposal's deputies.
  "contact.recorded": { group: "changes", audience: [] },
  "contact.disputed": { group: "changes", audience: [] },
  "rating.proxy": { group: "changes", audience: [] },
} as const satisfies Record<string, RuleSpec>;

export type RuleKey = keyof typeof RULES;
export const RULE_KEYS = Object.keys(RULES) as RuleKey[];

export function ruleGroup(rule: RuleKey): RuleGroup {
  return RULES[rule].group;
}

/** Days before a deadline on which its reminders go, set by admins (AppSetting "notifications.thresholds"). */
export type Thresholds = { reply: number[]; item: number[] };
export const DEFAULT_THRESHOLDS: Thresholds = { reply: [14, 7, 1], item: [14, 7, 1] };
/** An overdue deadline is recalled on its first late day and then every this many days until met. */
export const OVERDUE_EVERY_DAYS = 7;

/** The reminder rules of each kind of deadline, and which of the admins' thresholds it uses. */
export const DEADLINE_RULES: Record<
  DeadlineKind,
  { due: RuleKey; overdue: RuleKey; thresholds: keyof Thresholds }
> = {
  reply: { due: "reply.due", overdue: "reply.overdue", thresholds: "reply" },
  acknowledge: { due: "acknowledge.due", overdue: "acknowledge.overdue", thresholds: "item" },
  views: { due: "views.due", overdue: "views.overdue", thresholds: "reply" },
  rehandling: { due: "rehandling.due", overdue: "rehandling.overdue", thresholds: "reply" },
  item: { due: "item.due", overdue: "item.overdue", thresholds: "item" },
};

/** Whole Shanghai days from `from` to `to` ("YYYY-MM-DD"), negative when `to` is earlier. */
export function daysFromTo(from: string, to: string): number {
  return Math.round((shanghaiDate(to).getTime() - shanghaiDate(from).getTime()) / DAY_MS);
}

/**
 * A deadline's reminder on a day, if one falls due then. `since` is the last day already run (the day
 * before, normally): a threshold passed while no run happened is still told, once, on `day` — that is
 * how a scheduler that missed days catches up. `mark` names the reminder in its once-only key: the
 * threshold, or the overdue recall's number, so that running again or catching up adds nothing.
 */
export function reminderOn(
  dueDay: string,
  day: string,
  since: string,
  thresholds: readonly number[],
):
  | { kind: "due"; daysLeft: number; mark: string }
  | { kind: "overdue"; daysLate: number; mark: string }
  | null {
  const daysLeft = daysFromTo(day, dueDay);
  if (daysLeft >= 0) {
    const sinceLeft = daysFromTo(since, dueDay);
    // The smallest threshold reached since the last run: the most urgent one to tell.
    const reached = [...thresholds].sort((a, b) => a - b).find((t) => t >= daysLeft && t < sinceLeft);
    return reached === undefined ? null : { kind: "due", daysLeft, mark: `t${reached}` };
  }
  const daysLate = -daysLeft;
  const recall = Math.floor((daysLate - 1) / OVERDUE_EVERY_DAYS);
  const sinceLate = -daysFromTo(since, dueDay);
  const sinceRecall = sinceLate >= 1 ? Math.floor((sinceLate - 1) / OVERDUE_EVERY_DAYS) : -1;
  return recall > sinceRecall ? { kind: "overdue", daysLate, mark: `late${recall}` } : null;
}

/** A follow-up owed since `owedSince` is recalled that day and then every OVERDUE_EVERY_DAYS days. */
export function followUpRecallOn(owedSince: string, day: string, since: string): string | null {
  const owed = daysFromTo(owedSince, day);
  if (owed < 0) return null;
  const recall = Math.floor(owed / OVERDUE_EVERY_DAYS);
  const sinceOwed = daysFromTo(owedSince, since);
  const sinceRecall = sinceOwed >= 0 ? Math.floor(sinceOwed / OVERDUE_EVERY_DAYS) : -1;
  return recall > sinceRecall ? `recall${recall}` : null;
}
