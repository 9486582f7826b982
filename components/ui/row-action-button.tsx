"use client";

import { Button } from "@/components/ui/button";
import { FormMessages } from "@/components/ui/form-messages";
import { useFormAction } from "@/components/ui/use-form-action";
import type { FormState } from "@/lib/validation/form-action";

/**
 * One small button that runs a server action on a row of a list (send a delivery again, check a link
 * again): the row's id in a hidden field, the answer in its place, and the button gone once done.
 */
export function RowActionButton({
  action,
  field,
  value,
  label,
  accessibleLabel,
}: {
  action: (state: FormState, form: FormData) => Promise<FormState>;
  /** The hidden field naming the row, and its value. */
  field: string;
  value: string;
  label: string;
  /** What it does to which row, for screen readers (a list has many). */
  accessibleLabel: string;
}) {
  const { state, onSubmit, pending, form } = useFormAction<FormState>(action, {});
  return (
    <form ref={form} onSubmit={onSubmit} className="max-w-xs space-y-2" noValidate>
      <input type="hidden" name={field} value={value} />
      <FormMessages state={state} />
      {!state.notice && (
        <Button type="submit" size="sm" variant="outline" disabled={pending} aria-label={accessibleLabel}>
          {label}
        </Button>
      )}
    </form>
  );
}
