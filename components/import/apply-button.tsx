"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { applyImportBatch } from "@/lib/import/actions";
import type { FormState } from "@/lib/validation/form-action";

export function ApplyButton({ batchId, count }: { batchId: string; count: number }) {
  const t = useTranslations("import.batch");
  const [state, apply, pending] = useActionState<FormState, FormData>(applyImportBatch, {});
  // The batch id is the form's only field: a refusal of it is the form's error.
  const error = state.formError ?? Object.values(state.fieldErrors ?? {})[0]?.[0];
  return (
    <form action={apply} className="space-y-2">
      <input type="hidden" name="batchId" value={batchId} />
      <Button type="submit" disabled={pending}>
        {pending ? t("applying") : t("apply", { count })}
      </Button>
      <p className="text-xs text-slate-600">{t("applyHint")}</p>
      {error && <Alert>{error}</Alert>}
    </form>
  );
}
