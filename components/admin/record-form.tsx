"use client";

import { Button } from "@/components/ui/button";
import { InlineFormMessages } from "@/components/ui/form-messages";
import { FieldError, Input, Label, Select } from "@/components/ui/input";
import { useFormAction } from "@/components/ui/use-form-action";
import type { FormState } from "@/lib/validation/form-action";

export type FieldSpec =
  | {
      kind: "text" | "email" | "password" | "number" | "date";
      name: string;
      label: string;
      value?: string;
      width?: string;
    }
  | {
      kind: "select";
      name: string;
      label: string;
      value?: string;
      options: { value: string; label: string }[];
      width?: string;
    }
  | { kind: "checkbox"; name: string; label: string; checked?: boolean };

/**
 * A compact form for one record of the admin pages (a row to edit, or a new one): the fields side
 * by side, one button, and the server's answer underneath. `idPrefix` keeps labels unique per row.
 */
export function RecordForm({
  action,
  idPrefix,
  hidden = {},
  fields,
  submitLabel,
  submitAriaLabel,
}: {
  action: (state: FormState, form: FormData) => Promise<FormState>;
  idPrefix: string;
  hidden?: Record<string, string>;
  fields: FieldSpec[];
  submitLabel: string;
  /** The button's accessible name where the visible label repeats on every row ("保存"). */
  submitAriaLabel?: string;
}) {
  const { state, onSubmit, pending, form } = useFormAction<FormState>(action, {});
  const errors = state.fieldErrors ?? {};
  return (
    <form ref={form} onSubmit={onSubmit} className="space-y-2" noValidate>
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <div className="flex flex-wrap items-end gap-3">
        {fields.map((field) => {
          const id = `${idPrefix}-${field.name}`;
          const invalid = Boolean(errors[field.name]);
          const described = invalid ? `${id}-error` : undefined;
          if (field.kind === "checkbox") {
            return (
              <label
                key={field.name}
                htmlFor={id}
                className="flex items-center gap-2 pb-2 text-sm text-slate-700"
              >
                <input
                  id={id}
                  type="checkbox"
                  name={field.name}
                  defaultChecked={field.checked}
                  className="accent-brand-600"
                />
                {field.label}
              </label>
            );
          }
          return (
            <div key={field.name} className={`w-full space-y-1 ${field.width ?? "sm:w-44"}`}>
              <Label htmlFor={id} className="text-xs">
                {field.label}
              </Label>
              {field.kind === "select" ? (
                <Select
                  id={id}
                  name={field.name}
                  defaultValue={field.value}
                  aria-invalid={invalid}
                  aria-describedby={described}
                >
                  {field.options.map((option) => (
                    <option key={option.value} value={option.value}>
                      {option.label}
                    </option>
                  ))}
                </Select>
              ) : (
                <Input
                  id={id}
                  name={field.name}
                  type={field.kind}
                  defaultValue={field.value}
                  aria-invalid={invalid}
                  aria-describedby={described}
                  autoComplete={field.kind === "password" ? "new-password" : undefined}
                />
              )}
              <FieldError id={`${id}-error`} messages={errors[field.name]} />
            </div>
          );
        })}
        <Button
          type="submit"
          size="sm"
          variant="outline"
          disabled={pending}
          className="mb-0.5"
          aria-label={submitAriaLabel}
        >
          {submitLabel}
        </Button>
      </div>
      <InlineFormMessages state={state} />
    </form>
  );
}
