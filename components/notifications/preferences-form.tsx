"use client";

import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { FormMessages } from "@/components/ui/form-messages";
import { useFormAction } from "@/components/ui/use-form-action";
import { saveNotificationPreferences } from "@/lib/notifications/actions";
import type { Preferences } from "@/lib/notifications/preferences";
import type { FormState } from "@/lib/validation/form-action";
import { GroupChoices } from "./group-choices";

/** Per group of rules: also by e-mail, and at once or in the daily digest; the weekly digest; quiet hours. */
export function PreferencesForm({ preferences, mailOn }: { preferences: Preferences; mailOn: boolean }) {
  const t = useTranslations("notifications.preferences");
  const { state, onSubmit, pending, form } = useFormAction<FormState>(saveNotificationPreferences, {});
  const fieldError = (name: string) => state.fieldErrors?.[name]?.join(" ");
  return (
    <form ref={form} onSubmit={onSubmit} className="space-y-5" noValidate>
      <GroupChoices choices={preferences.choices} hint={mailOn ? t("inboxAlways") : t("mailOff")} />

      <label className="flex items-start gap-2 text-sm">
        <input
          type="checkbox"
          name="weeklyDigest"
          defaultChecked={preferences.weeklyDigest}
          className="mt-0.5 h-4 w-4"
        />
        <span>
          <span className="font-medium">{t("weeklyDigest")}</span>
          <span className="block text-slate-600">{t("weeklyDigestHint")}</span>
        </span>
      </label>

      <fieldset className="space-y-2">
        <legend className="text-base font-semibold">{t("quietHours")}</legend>
        <p className="text-sm text-slate-600">{t("quietHoursHint")}</p>
        <div className="flex flex-wrap gap-4">
          {(["quietStart", "quietEnd"] as const).map((name) => (
            <div key={name} className="space-y-1 text-sm">
              <label htmlFor={name} className="block font-medium">
                {t(name)}
              </label>
              <input
                id={name}
                name={name}
                type="time"
                defaultValue={preferences.quiet[name] ?? ""}
                aria-invalid={fieldError(name) ? true : undefined}
                aria-describedby={fieldError(name) ? `${name}-error` : undefined}
                className="h-9 rounded-md border border-slate-300 px-2"
              />
              {fieldError(name) && (
                <p id={`${name}-error`} className="text-red-700">
                  {fieldError(name)}
                </p>
              )}
            </div>
          ))}
        </div>
      </fieldset>

      <FormMessages state={state} />
      <Button type="submit" disabled={pending}>
        {pending ? t("saving") : t("save")}
      </Button>
    </form>
  );
}
