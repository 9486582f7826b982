// What each person chose: per group of rules, whether e-mails go too (the inbox always gets it) and
// whether they wait for the daily digest; quiet hours; the weekly digest. A person without a choice
// of their own has their agency's default (set by admins), else the group's.
import "server-only";
import type { DbClient } from "@/lib/db/client";
import type { UserRole } from "@/lib/db/enums";
import { RULE_GROUPS, type RuleGroup } from "./rules";
import type { QuietHours } from "./timing";

export type Choice = { email: boolean; daily: boolean };

export const GROUP_DEFAULTS: Readonly<Record<RuleGroup, Choice>> = {
  deadlines: { email: true, daily: false },
  changes: { email: true, daily: false },
  following: { email: true, daily: false },
  mentions: { email: true, daily: false },
  digest: { email: true, daily: false },
};

export type Preferences = {
  choices: Record<RuleGroup, Choice>;
  quiet: QuietHours;
  /** Admins get the weekly digest unless they turn it off; officials and staff when they turn it on. */
  weeklyDigest: boolean;
};

type Person = { id: string; role: UserRole; agencyId: string | null };

/** The preferences of many people, in three queries. */
export async function loadPreferences(
  tx: DbClient,
  people: readonly Person[],
): Promise<Map<string, Preferences>> {
  const ids = people.map((person) => person.id);
  const agencyIds = [...new Set(people.flatMap((person) => (person.agencyId ? [person.agencyId] : [])))];
  const [own, agencyDefaults, settings] = await Promise.all([
    tx.notificationPreference.findMany({ where: { userId: { in: ids } } }),
    tx.agencyNotificationDefault.findMany({ where: { agencyId: { in: agencyIds } } }),
    tx.notificationSettings.findMany({ where: { userId: { in: ids } } }),
  ]);
  const key = (owner: string, group: string) => `${owner}\u0000${group}`;
  const ownChoice = new Map(own.map((row) => [key(row.userId, row.group), row]));
  const agencyChoice = new Map(agencyDefaults.map((row) => [key(row.agencyId, row.group), row]));
  const settingsOf = new Map(settings.map((row) => [row.userId, row]));

  const preferences = new Map<string, Preferences>();
  for (const person of people) {
    const choices = {} as Record<RuleGroup, Choice>;
    for (const group of RULE_GROUPS) {
      const chosen =
        ownChoice.get(key(person.id, group)) ??
        (person.agencyId ? agencyChoice.get(key(person.agencyId, group)) : undefined) ??
        GROUP_DEFAULTS[group];
      choices[group] = { email: chosen.email, daily: chosen.daily };
    }
    const setting = settingsOf.get(person.id);
    preferences.set(person.id, {
      choices,
      quiet: { quietStart: setting?.quietStart ?? null, quietEnd: setting?.quietEnd ?? null },
      weeklyDigest: setting?.weeklyDigest ?? person.role === "admin",
    });
  }
  return preferences;
}
