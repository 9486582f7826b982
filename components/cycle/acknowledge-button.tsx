"use client";

import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { FormMessages } from "@/components/ui/form-messages";
import { useFormAction } from "@/components/ui/use-form-action";
import { acknowledgeAssignment } from "@/lib/cycle/assignment-actions";
import type { FormState } from "@/lib/validation/form-action";

/** 签收: the agency's staff acknowledges its assignment. */
export function AcknowledgeButton({
  recommendationId,
  version,
}: {
  recommendationId: string;
  version: number;
}) {
  const t = useTranslations("cycle.assignment");
  const { state, onSubmit, pending, form } = useFormAction<FormState>(acknowledgeAssignment, {});
  return (
    <form ref={form} onSubmit={onSubmit} className="space-y-2">
      <input type="hidden" name="recommendationId" value={recommendationId} />
      <input type="hidden" name="version" value={version} />
      <p className="text-sm text-slate-700">{t("acknowledgeHint")}</p>
      <Button type="submit" disabled={pending}>
        {t("acknowledge")}
      </Button>
      <FormMessages state={state} />
    </form>
  );
}
