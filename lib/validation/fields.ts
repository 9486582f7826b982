import { z } from "zod";
import { isIsoDate } from "@/lib/dates";

// Form fields shared by the schemas. Messages are keys of the "validation" messages.

/**
 * Whether text holds a control character: NUL, which PostgreSQL cannot store in text (and which ends a
 * string in SQLite's full-text queries), or any other that nobody types, tab and line breaks excepted.
 * No text of the app may hold one: forms (formAction), filters and path segments refuse it.
 */
export function hasControlCharacters(value: string): boolean {
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if ((code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d) || (code >= 0x7f && code <= 0x9f))
      return true;
  }
  return false;
}

/** Text without control characters: the base of every text field and filter. */
export const plainText = () =>
  z.string().refine((value) => !hasControlCharacters(value), { error: "controlCharacters" });

/** Optional text: an empty or blank field means "none". */
export const optionalText = (max: number) =>
  z.preprocess(
    (value) => (typeof value === "string" && value.trim() === "" ? undefined : value),
    plainText().trim().max(max, { error: "tooLong" }).optional(),
  );

export const requiredText = (max: number) =>
  plainText().trim().min(1, { error: "required" }).max(max, { error: "tooLong" });

/** A "YYYY-MM-DD" day that exists, in the years the app knows (lib/dates.ts). */
export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: "dateInvalid" })
  .refine(isIsoDate, { error: "dateInvalid" });

export const optionalDate = z.preprocess(
  (value) => (value === "" || value === null ? undefined : value),
  isoDate.optional(),
);

/** An HTML checkbox: "on" when ticked, absent otherwise. */
export const checkbox = z.preprocess((value) => value === "on" || value === "true", z.boolean());

/** The code of a proposal, recommendation or action, as links carry it: letters, digits, ".", "_", "-". */
export const itemCode = z
  .string()
  .trim()
  .min(1, { error: "required" })
  .max(20, { error: "tooLong" })
  .regex(/^[\p{L}\p{N}._-]+$/u, { error: "codeInvalid" });

/** An item's weight in its parent's progress: relative, and above 0, which would silently drop it. */
export const itemWeight = z.coerce
  .number({ error: "weightInvalid" })
  .gt(0, { error: "weightInvalid" })
  .max(100, { error: "weightInvalid" });

/** The agencies that co-handle an item. */
export const coAgencyIds = z.array(z.string().min(1)).max(20, { error: "tooMany" }).default([]);

/**
 * What a recommendation's or action's dates and agencies must say together: due no earlier than it
 * starts, its lead not also a co-handler, and no co-handler twice.
 */
export function checkScheduleAndAgencies(
  input: { startDate?: string; dueDate?: string; leadAgencyId?: string; coAgencyIds: string[] },
  ctx: z.RefinementCtx,
) {
  if (input.startDate && input.dueDate && input.dueDate < input.startDate) {
    ctx.addIssue({ code: "custom", path: ["dueDate"], message: "dueBeforeStart" });
  }
  if (input.leadAgencyId && input.coAgencyIds.includes(input.leadAgencyId)) {
    ctx.addIssue({ code: "custom", path: ["coAgencyIds"], message: "leadAlsoCoHandler" });
  }
  if (new Set(input.coAgencyIds).size !== input.coAgencyIds.length) {
    ctx.addIssue({ code: "custom", path: ["coAgencyIds"], message: "invalid" });
  }
}
