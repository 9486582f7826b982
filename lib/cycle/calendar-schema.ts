import { z } from "zod";
import { isoDate, optionalText, requiredText } from "@/lib/validation/fields";
import { cycleSettingsSchema } from "./settings";

/** One exception of the working-day calendar: a holiday, or a 调休 weekend day worked. */
export const calendarDayInput = z.object({
  day: isoDate,
  kind: z.enum(["holiday", "workday"], { error: "invalid" }),
  nameZh: requiredText(40),
  nameEn: optionalText(80),
});

export const calendarDayRemoveInput = z.object({ day: isoDate });

const count = z.coerce.number({ error: "invalid" }).int({ error: "invalid" });
const bounded = (key: keyof typeof cycleSettingsSchema.shape) => {
  const { minValue, maxValue } = cycleSettingsSchema.shape[key];
  return count.min(minValue ?? 0, { error: "outOfRange" }).max(maxValue ?? 0, { error: "outOfRange" });
};

export const cycleSettingsInput = z.object({
  acknowledgeWorkingDays: bounded("acknowledgeWorkingDays"),
  handbackWorkingDays: bounded("handbackWorkingDays"),
  coHandlerViewMonths: bounded("coHandlerViewMonths"),
  yellowDaysBefore: bounded("yellowDaysBefore"),
  redDaysAfter: bounded("redDaysAfter"),
});
