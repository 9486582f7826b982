"use client";

import { ArrowDown, ArrowUp } from "lucide-react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { useFormAction } from "@/components/ui/use-form-action";
import { moveRecommendation } from "@/lib/proposals/actions";
import type { FormState } from "@/lib/validation/form-action";

/** Up and down buttons that reorder a recommendation among its proposal's recommendations. */
export function RecommendationMoveButtons({
  recommendationId,
  code,
  first,
  last,
}: {
  recommendationId: string;
  code: string;
  first: boolean;
  last: boolean;
}) {
  const t = useTranslations("manage");
  const { state, onSubmit, pending, form } = useFormAction<FormState>(moveRecommendation, {});
  return (
    <form ref={form} onSubmit={onSubmit} className="flex items-center gap-1">
      <input type="hidden" name="recommendationId" value={recommendationId} />
      <Button
        type="submit"
        name="direction"
        value="up"
        variant="ghost"
        size="sm"
        disabled={first || pending}
        aria-label={t("moveUp", { code })}
      >
        <ArrowUp aria-hidden="true" className="size-4" />
      </Button>
      <Button
        type="submit"
        name="direction"
        value="down"
        variant="ghost"
        size="sm"
        disabled={last || pending}
        aria-label={t("moveDown", { code })}
      >
        <ArrowDown aria-hidden="true" className="size-4" />
      </Button>
      {state.formError && (
        <span role="alert" className="text-xs text-red-700">
          {state.formError}
        </span>
      )}
    </form>
  );
}
