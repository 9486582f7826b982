"use client";

import { useTranslations } from "next-intl";
import type { Choice } from "@/lib/notifications/preferences";
import { RULE_GROUPS, type RuleGroup } from "@/lib/notifications/rules";

/**
 * Per group of rules, the two boxes a person (or an agency's default) chooses: also by e-mail, and
 * in the daily digest rather than at once. Each group is a fieldset named by its title, so a box is read with its group's name.
 */
export function GroupChoices({ choices, hint }: { choices: Record<RuleGroup, Choice>; hint: string }) {
  const t = useTranslations("notifications.preferences");
  return (
    <div className="space-y-3">
      <h2 className="text-base font-semibold">{t("groups")}</h2>
      <p className="text-sm text-slate-600">{hint}</p>
      <div className="divide-y divide-slate-200 rounded-md border border-slate-200">
        {RULE_GROUPS.map((group) => (
          <fieldset
            key={group}
            aria-labelledby={`group-${group}`}
            className="flex flex-col gap-2 px-3 py-3 sm:flex-row sm:items-center sm:justify-between"
          >
            <div className="text-sm">
              <p id={`group-${group}`} className="font-medium">
                {t(`group.${group}`)}
              </p>
              <p className="text-slate-600">{t(`groupHint.${group}`)}</p>
            </div>
            <div className="flex flex-wrap gap-4 text-sm">
              <label className="flex items-center gap-2">
                <input
                  type="checkbox"
                  name={`${group}Email`}
                  defaultChecked={choices[group].email}
                  className="h-4 w-4"
                />
                {t("email")}
              </label>
              <label className="flex items-center gap-2">
                <input
                  type="checkbox"
                  name={`${group}Daily`}
                  defaultChecked={choices[group].daily}
                  className="h-4 w-4"
                />
                {t("daily")}
              </label>
            </div>
          </fieldset>
        ))}
      </div>
    </div>
  );
}
