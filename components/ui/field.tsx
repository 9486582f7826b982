import type { ReactNode } from "react";
import { FieldError, Label } from "./input";

/**
 * A labelled form field with its hint and error messages. `children` receives the attributes the
 * control needs to be described by them.
 */
export function Field({
  name,
  label,
  hint,
  errors,
  className,
  children,
}: {
  name: string;
  label: string;
  hint?: string;
  errors?: string[];
  className?: string;
  children: (control: {
    id: string;
    name: string;
    "aria-invalid": boolean;
    "aria-describedby"?: string;
  }) => ReactNode;
}) {
  const describedBy = [errors?.length ? `${name}-error` : null, hint ? `${name}-hint` : null]
    .filter(Boolean)
    .join(" ");
  return (
    <div className={`space-y-1.5 ${className ?? ""}`}>
      <Label htmlFor={name}>{label}</Label>
      {children({
        id: name,
        name,
        "aria-invalid": Boolean(errors?.length),
        "aria-describedby": describedBy || undefined,
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
