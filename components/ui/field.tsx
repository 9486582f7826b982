import type { ReactNode } from "react";
import { FieldError, Label } from "./input";

/**
 * The visible mark of a required field, after its label. Screen readers hear "required" from the
 * control's own required attribute instead, so the mark is hidden from them.
 */
export function RequiredMark() {
  return (
    <span aria-hidden="true" className="ml-0.5 text-red-700" data-required-mark>
      *
    </span>
  );
}

/** A required field's label and its mark, the mark outside the label so that the label's text stays the field's name. */
export function LabelWithMark({ htmlFor, children }: { htmlFor: string; children: ReactNode }) {
  return (
    <div className="flex items-baseline">
      <Label htmlFor={htmlFor}>{children}</Label>
      <RequiredMark />
    </div>
  );
}

/**
 * A labelled form field with its hint and error messages. `children` receives the attributes the
 * control needs to be described by them (and marked required, shown before anything is sent).
 */
export function Field({
  name,
  label,
  hint,
  errors,
  required = false,
  className,
  children,
}: {
  name: string;
  label: string;
  hint?: string;
  errors?: string[];
  required?: boolean;
  className?: string;
  children: (control: {
    id: string;
    name: string;
    "aria-invalid": boolean;
    "aria-describedby"?: string;
    required?: boolean;
    "aria-required"?: boolean;
  }) => ReactNode;
}) {
  const describedBy = [errors?.length ? `${name}-error` : null, hint ? `${name}-hint` : null]
    .filter(Boolean)
    .join(" ");
  return (
    <div className={`space-y-1.5 ${className ?? ""}`}>
      {required ? (
        <LabelWithMark htmlFor={name}>{label}</LabelWithMark>
      ) : (
        <Label htmlFor={name}>{label}</Label>
      )}
      {children({
        id: name,
        name,
        "aria-invalid": Boolean(errors?.length),
        "aria-describedby": describedBy || undefined,
        ...(required ? { required: true, "aria-required": true } : {}),
      })}
      {hint && (
        <p id={`${name}-hint`} className="text-xs text-slate-600">
          {hint}
        </p>
      )}
      <FieldError id={`${name}-error`} messages={errors} />
    </div>
  );
}
