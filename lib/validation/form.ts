import type { z } from "zod";

/** Translated messages per field, from a failed parse whose messages are keys of "validation". */
export type FieldErrors = Record<string, string[]>;

export function fieldErrorsOf(error: z.ZodError, translate: (key: string) => string): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of error.issues) {
    const field = issue.path.join(".") || "form";
    const key = /^[a-zA-Z]+$/.test(issue.message) ? issue.message : "invalid";
    errors[field] = [...(errors[field] ?? []), translate(key)];
  }
  return errors;
}

/** FormData as a plain object; repeated fields (checkbox groups) become arrays. */
export function formValues(form: FormData, arrays: readonly string[] = []): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const key of new Set(form.keys())) {
    values[key] = arrays.includes(key) ? form.getAll(key).map(String) : form.get(key);
  }
  for (const key of arrays) values[key] ??= [];
  return values;
}
