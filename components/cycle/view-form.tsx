"use client";

import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { FormMessages } from "@/components/ui/form-messages";
import { Textarea } from "@/components/ui/input";
import { useFormAction } from "@/components/ui/use-form-action";
import { submitView } from "@/lib/cycle/assignment-actions";
import type { FormState } from "@/lib/validation/form-action";

/** 协办意见: a co-handler's staff writes the agency's view for the lead, who drafts the reply. */
export function ViewForm({
  recommendationId,
  version,
  viewBy,
}: {
  recommendationId: string;
  version: number;
  viewBy: string | null;
}) {
  const t = useTranslations("cycle.assignment");
  const { state, onSubmit, pending, form } = useFormAction<FormState>(submitView, {});
  return (
    <form ref={form} onSubmit={onSubmit} className="space-y-2" noValidate data-testid="view-form">
      <input type="hidden" name="recommendationId" value={recommendationId} />
      <input type="hidden" name="version" value={version} />
      <FormMessages state={state} />
      <Field
        name="text"
        label={t("viewLabel")}
        hint={viewBy ? t("viewHint", { day: viewBy }) : undefined}
        errors={state.fieldErrors?.text}
        required
      >
        {(control) => <Textarea {...control} rows={4} maxLength={4000} />}
      </Field>
      <Button type="submit" disabled={pending}>
        {t("sendView")}
      </Button>
    </form>
  );
}
