import type { ComponentProps } from "react";
import { cn } from "@/lib/utils";

const TONES = {
  /** A refusal or an error: announced at once (role="alert"). */
  error: { role: "alert", className: "border-red-200 bg-red-50 text-red-900" },
  /** A confirmation: announced politely (role="status"). */
  success: { role: "status", className: "border-emerald-200 bg-emerald-50 text-emerald-900" },
} as const;

/** A message box above or in a form: an error, or the confirmation that something was saved. */
export function Alert({
  tone = "error",
  className,
  ...props
}: ComponentProps<"div"> & { tone?: keyof typeof TONES }) {
  return (
    <div
      role={TONES[tone].role}
      className={cn("rounded-md border px-3 py-2 text-sm", TONES[tone].className, className)}
      {...props}
    />
  );
}
