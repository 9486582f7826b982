"use client";

import { type ComponentProps, useEffect, useId, useRef, useState } from "react";
import { Button } from "./button";

/**
 * A submit button for what cannot be undone (a rating, an answer to a contact record): the first tap
 * only asks, in place; the second submits. On a phone a mis-tap is otherwise final.
 */
export function ConfirmedSubmit({
  children,
  question,
  confirmLabel,
  cancelLabel,
  name,
  value,
  disabled,
  variant,
  className,
}: {
  children: string;
  /** What the confirmation says: what will be sent, and that it is final. */
  question: string;
  confirmLabel: string;
  cancelLabel: string;
  /** The submit button's name and value, as a plain submit button would send them. */
  name?: string;
  value?: string;
  disabled?: boolean;
  variant?: ComponentProps<typeof Button>["variant"];
  className?: string;
}) {
  const [asking, setAsking] = useState(false);
  const confirm = useRef<HTMLButtonElement>(null);
  const id = useId();
  useEffect(() => {
    if (asking) confirm.current?.focus();
  }, [asking]);
  // Once the form has been answered (pending, passed as disabled, is over), the next send asks again.
  const wasPending = useRef(false);
  useEffect(() => {
    if (wasPending.current && !disabled) setAsking(false);
    wasPending.current = Boolean(disabled);
  }, [disabled]);
  if (!asking)
    return (
      <Button
        type="button"
        variant={variant}
        disabled={disabled}
        className={className}
        onClick={() => setAsking(true)}
      >
        {children}
      </Button>
    );
  return (
    <div
      role="alertdialog"
      aria-labelledby={`${id}-question`}
      className="w-full space-y-2 rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950"
    >
      <p id={`${id}-question`}>{question}</p>
      <div className="flex flex-wrap gap-2">
        <Button ref={confirm} type="submit" name={name} value={value} disabled={disabled}>
          {confirmLabel}
        </Button>
        <Button type="button" variant="outline" onClick={() => setAsking(false)}>
          {cancelLabel}
        </Button>
      </div>
    </div>
  );
}
