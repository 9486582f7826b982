"use client";

import { useTranslations } from "next-intl";
import { GroupChoices } from "@/components/notifications/group-choices";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { FormMessages } from "@/components/ui/form-messages";
import { Input } from "@/components/ui/input";
import { useFormAction } from "@/components/ui/use-form-action";
import { saveAgencyNotificationDefaults, saveNotificationThresholds } from "@/lib/notifications/actions";
import type { Choice } from "@/lib/notifications/preferences";
import type { RuleGroup, Thresholds } from "@/lib/notifications/rules";
import type { FormState } from "@/lib/validation/form-action";

/** The days before a deadline on which reminders go, for the reply clocks and for items' due dates. */
export function ThresholdsForm({ thresholds }: { thresholds: Thresholds }) {
  const t = useTranslations("notificationSettings");
  const { state, onSubmit, pending, form } = useFormAction<FormState>(saveNotificationThresholds, {});
  return (
    <form ref={form} onSubmit={onSubmit} className="space-y-4" noValidate>
      <div className="grid gap-4 sm:grid-cols-2">
        {(["reply", "item"] as const).map((name) => (
          <Field
            key={name}
            name={name}
            label={t(`thresholds.${name}`)}
            hint={t(`thresholds.${name}Hint`)}
            errors={state.fieldErrors?.[name]}
          >
            {(control) => (
              <Input {...control} defaultValue={thresholds[name].join(", ")} inputMode="numeric" />
            )}
          </Field>
        ))}
      </div>
      <FormMessages state={state} />
      <Button type="submit" disabled={pending}>
        {pending ? t("saving") : t("thresholds.save")}
      </Button>
    </form>
  );
}

/** An agency's defaults for its staff who have not chosen themselves. */
export function AgencyDefaultsForm({
  agencyId,
  choices,
}: {
  agencyId: string;
  choices: Record<RuleGroup, Choice>;
}) {
  const t = useTranslations("notificationSettings");
  const { state, onSubmit, pending, form } = useFormAction<FormState>(saveAgencyNotificationDefaults, {});
  return (
    // The key makes a newly chosen agency's form start from its own values.
    <form key={agencyId} ref={form} onSubmit={onSubmit} className="space-y-4" noValidate>
      <input type="hidden" name="agencyId" value={agencyId} />
      <GroupChoices choices={choices} hint={t("defaults.hint")} />
      <FormMessages state={state} />
      <Button type="submit" disabled={pending}>
        {pending ? t("saving") : t("defaults.save")}
      </Button>
    </form>
  );
}
