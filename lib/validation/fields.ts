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
