import type { ComponentProps } from "react";
import { cn } from "@/lib/utils";

const field =
  "block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm text-slate-900 shadow-sm placeholder:text-slate-400 focus:border-brand-600 focus:outline-none focus:ring-2 focus:ring-brand-600/30 aria-[invalid=true]:border-red-500 disabled:bg-slate-100";

export function Input({ className, ...props }: ComponentProps<"input">) {
  return <input className={cn(field, className)} {...props} />;
}

export function Textarea({ className, ...props }: ComponentProps<"textarea">) {
  return <textarea className={cn(field, "min-h-20", className)} {...props} />;
}

export function Select({ className, ...props }: ComponentProps<"select">) {
  return <select className={cn(field, "pr-8", className)} {...props} />;
}

/** One choice of a ChoiceSelect. */
export type Choice = { value: string; label: string };

/** A select of `choices` that starts with the empty choice `empty` ("none", "all", "choose…"). */
export function ChoiceSelect({
  choices,
  empty,
  ...props
}: ComponentProps<"select"> & { choices: readonly Choice[]; empty: string }) {
  return (
    <Select {...props}>
      <option value="">{empty}</option>
      {choices.map((choice) => (
        <option key={choice.value} value={choice.value}>
          {choice.label}
        </option>
      ))}
    </Select>
  );
}

export function Label({ className, ...props }: ComponentProps<"label">) {
  // biome-ignore lint/a11y/noLabelWithoutControl: callers pass htmlFor
  return <label className={cn("block text-sm font-medium text-slate-700", className)} {...props} />;
}

/** A field's error messages, linked to the field by id (aria-describedby). */
export function FieldError({ id, messages }: { id: string; messages?: string[] }) {
  if (!messages?.length) return null;
  return (
    <p id={id} className="text-sm text-red-700">
      {messages.join(" ")}
    </p>
  );
}
