"use server";
// The admins' writes of the working-day calendar and of the cycle's numbers, each audited.
import { recordAudit } from "@/lib/audit/record";
import { isAdmin } from "@/lib/auth/permissions";
import { shanghaiDate } from "@/lib/dates";
import { db } from "@/lib/db";
import { revalidateApp } from "@/lib/revalidate";
import { formAction } from "@/lib/validation/form-action";
import { calendarDayInput, calendarDayRemoveInput, cycleSettingsInput } from "./calendar-schema";
import { CYCLE_SETTING } from "./settings";

/** Adds a holiday or a 调休 working day, or changes one. */
export const saveCalendarDay = formAction(
  calendarDayInput,
  { allow: isAdmin },
  async ({ input, user, t }) => {
    const day = shanghaiDate(input.day);
    const after = { workday: input.kind === "workday", nameZh: input.nameZh, nameEn: input.nameEn ?? null };
    await db.$transaction(async (tx) => {
      const before = await tx.calendarDay.findUnique({ where: { day } });
      await tx.calendarDay.upsert({ where: { day }, create: { day, ...after }, update: after });
      await recordAudit(tx, {
        actorId: user.id,
        action: "calendarDay.update",
        entityType: "CalendarDay",
        entityId: input.day,
        before: before ? { workday: before.workday, nameZh: before.nameZh, nameEn: before.nameEn } : null,
        after,
      });
    });
    revalidateApp();
    return { notice: t("saved") };
  },
);

/** Takes a day out of the calendar: it is again as its weekday says. */
export const removeCalendarDay = formAction(
  calendarDayRemoveInput,
  { allow: isAdmin },
  async ({ input, user, t }) => {
    const day = shanghaiDate(input.day);
    return db.$transaction(async (tx) => {
      const before = await tx.calendarDay.findUnique({ where: { day } });
      if (!before) return { formError: t("notFound") };
      await tx.calendarDay.delete({ where: { day } });
      await recordAudit(tx, {
        actorId: user.id,
        action: "calendarDay.update",
        entityType: "CalendarDay",
        entityId: input.day,
        before: { workday: before.workday, nameZh: before.nameZh, nameEn: before.nameEn },
        after: null,
      });
      revalidateApp();
      return { notice: t("saved") };
    });
  },
);

/** The cycle's working-day clocks and warning thresholds. */
export const saveCycleSettings = formAction(
  cycleSettingsInput,
  { allow: isAdmin },
  async ({ input, user, t }) => {
    await db.$transaction(async (tx) => {
      const before = await tx.appSetting.findUnique({ where: { key: CYCLE_SETTING } });
      await tx.appSetting.upsert({
        where: { key: CYCLE_SETTING },
        create: { key: CYCLE_SETTING, value: input },
        update: { value: input },
      });
      await recordAudit(tx, {
        actorId: user.id,
        action: "cycleSettings.update",
        entityType: "AppSetting",
        entityId: CYCLE_SETTING,
        before: before?.value,
        after: input,
      });
    });
    revalidateApp();
    return { notice: t("saved") };
  },
);
