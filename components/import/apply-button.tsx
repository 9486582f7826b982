"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { type ApplyState, applyImportBatch } from "@/lib/import/actions";

export function ApplyButton({ batchId, count }: { batchId: string; count: number }) {
  const t = useTranslations("import.batch");
  const [state, apply, pending] = useActionState<ApplyState, FormData>(applyImportBatch, {});
  return (
    <form action={apply} className="space-y-2">
      <input type="hidden" name="batchId" value={batchId} />
      <Button type="submit" disabled={pending}>
        {pending ? t("applying") : t("apply", { count })}
      </Button>
      <p className="text-xs text-slate-600">{t("applyHint")}</p>
      {state.message && (
        <p role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-900">
          {state.message}
        </p>
      )}
    </form>
  );
}
