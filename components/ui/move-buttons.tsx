"use client";

import { ArrowDown, ArrowUp } from "lucide-react";
import { Button } from "@/components/ui/button";
import { useFormAction } from "@/components/ui/use-form-action";
import type { FormState } from "@/lib/validation/form-action";

/**
 * Up and down buttons that reorder one item of a list through a server action taking `direction`
 * ("up" or "down") and the item's id under `idField`.
 */
export function MoveButtons({
  move,
  idField,
  id,
  first,
  last,
  labels,
}: {
  move: (previous: FormState, form: FormData) => Promise<FormState>;
  idField: string;
  id: string;
  first: boolean;
  last: boolean;
  labels: { up: string; down: string };
}) {
  const { state, onSubmit, pending, form } = useFormAction<FormState>(move, {});
  return (
    <form ref={form} onSubmit={onSubmit} className="flex items-center gap-1">
      <input type="hidden" name={idField} value={id} />
      <Button
        type="submit"
        name="direction"
        value="up"
        variant="ghost"
        size="sm"
        disabled={first || pending}
        aria-label={labels.up}
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
        aria-label={labels.down}
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
