import { z } from "zod";
import { RULE_GROUPS } from "./rules";
import { isClockTime } from "./timing";

const id = z.string().min(1, { error: "invalid" }).max(100, { error: "invalid" });

/** Marks one notification read (`notificationId`), or all of them (`all=1`). */
export const markReadInput = z.union([
  z.object({ notificationId: id }),
  z.object({ all: z.literal("1", { error: "invalid" }) }),
]);

/** Opens a notification: marks it read and goes to its item. */
export const openNotificationInput = z.object({ notificationId: id });

export const FOLLOWABLE = ["proposal", "recommendation", "action"] as const;
export const followInput = z.object({
  itemType: z.enum(FOLLOWABLE, { error: "invalid" }),
  itemId: id,
  follow: z.enum(["1", "0"], { error: "invalid" }),
});

const clockTime = z.preprocess(
  (value) => (value === "" ? undefined : value),
  z.string().refine(isClockTime, { error: "clockTime" }).optional(),
);
const checkbox = z.preprocess((value) => value === "on" || value === "true" || value === "1", z.boolean());

/** The preferences form: per group an e-mail and a daily-digest box; the weekly digest; quiet hours. */
export const preferencesInput = z
  .object({
    ...Object.fromEntries(
      RULE_GROUPS.flatMap((group) => [
        [`${group}Email`, checkbox],
        [`${group}Daily`, checkbox],
      ]),
    ),
    weeklyDigest: checkbox,
    quietStart: clockTime,
    quietEnd: clockTime,
  })
  .refine((input) => Boolean(input.quietStart) === Boolean(input.quietEnd), {
    error: "quietHoursBoth",
    path: ["quietEnd"],
  });

/** An agency's defaults, set by admins: the same boxes for an agency. */
export const agencyDefaultsInput = z.object({
  agencyId: id,
  ...Object.fromEntries(
    RULE_GROUPS.flatMap((group) => [
      [`${group}Email`, checkbox],
      [`${group}Daily`, checkbox],
    ]),
  ),
});

/** Whole days from 1 to 180, at most 6, checked as one list so that the error names the field. */
const days = z.preprocess(
  (value) =>
    typeof value === "string"
      ? value
          .split(/[,，、\s]+/)
          .filter(Boolean)
          .map(Number)
      : value,
  z.custom<number[]>(
    (list) =>
      Array.isArray(list) &&
      list.length <= 6 &&
      list.every((day) => Number.isInteger(day) && day >= 1 && day <= 180),
    { error: "thresholdDays" },
  ),
);

/** The admins' day thresholds: e.g. "14, 7, 1" for the reply clocks and for items' due dates. */
export const thresholdsInput = z.object({ reply: days, item: days });
