import type { z } from "zod";
import { hasControlCharacters } from "./fields";

/** Translated messages per field, from a failed parse whose messages are keys of "validation" (or "namespace.key"). */
export type FieldErrors = Record<string, string[]>;

export function fieldErrorsOf(error: z.ZodError, translate: (key: string) => string): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of error.issues) {
    const field = issue.path.join(".") || "form";
    // A key of "validation", or of another namespace ("webhooks.urlHttps") that `translate` knows.
    const key = /^[a-zA-Z]+(\.[a-zA-Z]+)*$/.test(issue.message) ? issue.message : "invalid";
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

/**
 * Every field of a form that holds a control character (see hasControlCharacters), with its message:
 * the actions refuse these before their schemas read anything, whichever the field.
 */
export function controlCharacterErrors(
  form: FormData,
  translate: (key: string) => string,
): FieldErrors | null {
  const errors: FieldErrors = {};
  for (const [key, value] of form.entries()) {
    if (typeof value === "string" && hasControlCharacters(value))
      errors[key] = [translate("controlCharacters")];
  }
  return Object.keys(errors).length ? errors : null;
}

/** Field errors from message keys of "validation" (a rule's answer), translated. */
export function fieldErrorsFromKeys(
  errors: Record<string, string[]>,
  translate: (key: string) => string,
): FieldErrors {
  return Object.fromEntries(
    Object.entries(errors).map(([field, keys]) => [field, keys.map((key) => translate(key))]),
  );
}
