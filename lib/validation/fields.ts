import { z } from "zod";

// Form fields shared by the schemas. Messages are keys of the "validation" messages.

/** Optional text: an empty or blank field means "none". */
export const optionalText = (max: number) =>
  z.preprocess(
    (value) => (typeof value === "string" && value.trim() === "" ? undefined : value),
    z.string().trim().max(max, { error: "tooLong" }).optional(),
  );

export const requiredText = (max: number) =>
  z.string().trim().min(1, { error: "required" }).max(max, { error: "tooLong" });

/** A "YYYY-MM-DD" date (its existence is checked where it is turned into a Shanghai date). */
export const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: "dateInvalid" });

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
