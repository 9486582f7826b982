// What the admins' notifications page shows: the day thresholds in force, and an agency's defaults
// for its staff who have not chosen themselves (the group's own default where the agency has none).
import "server-only";
import type { CheckedAdmin } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { type Choice, GROUP_DEFAULTS } from "./preferences";
import { RULE_GROUPS, type RuleGroup } from "./rules";
import { loadThresholds } from "./scheduler";

export function notificationThresholds(_admin: CheckedAdmin) {
  return loadThresholds(db);
}

export type AgencyDefaults = {
  agency: { id: string; code: string; nameZh: string; nameEn: string | null };
  choices: Record<RuleGroup, Choice>;
  /** Whether an admin has set them (else they are the groups' own defaults). */
  set: boolean;
};

/** The defaults of `agency` (one of the admins' list of agencies). */
export async function agencyNotificationDefaults(
  _admin: CheckedAdmin,
  agency: AgencyDefaults["agency"],
): Promise<AgencyDefaults> {
  const rows = await db.agencyNotificationDefault.findMany({ where: { agencyId: agency.id } });
  const chosen = new Map(rows.map((row) => [row.group, row]));
  const choices = Object.fromEntries(
    RULE_GROUPS.map((group) => {
      const row = chosen.get(group) ?? GROUP_DEFAULTS[group];
      return [group, { email: row.email, daily: row.daily }];
    }),
  ) as Record<RuleGroup, Choice>;
  return { agency, choices, set: rows.length > 0 };
}
