// The handling cycle's numbers, where published rules differ (DOMAIN.md): admins set them, the
// defaults are the ones the brief gives. Kept in AppSetting under one key.
import { z } from "zod";
import type { DbClient } from "@/lib/db/client";

export const CYCLE_SETTING = "cycle";

export const cycleSettingsSchema = z.object({
  /** 签收 within this many working days of assignment. */
  acknowledgeWorkingDays: z.number().int().min(1).max(30),
  /** 退回/改办 may be asked within this many working days of assignment. */
  handbackWorkingDays: z.number().int().min(1).max(60),
  /** A co-handler's written view is due this many months after its assignment. */
  coHandlerViewMonths: z.number().int().min(1).max(3),
  /** 三色预警: yellow from this many days before a due date… */
  yellowDaysBefore: z.number().int().min(0).max(90),
  /** …red once this many days past it (0: as soon as it is overdue). */
  redDaysAfter: z.number().int().min(0).max(90),
  /** 重答复轻办理: a reply of class A or B with no status update and no evidence for this many months. */
  neglectMonths: z.number().int().min(1).max(24),
});

export type CycleSettings = z.infer<typeof cycleSettingsSchema>;

export const DEFAULT_CYCLE_SETTINGS: CycleSettings = {
  acknowledgeWorkingDays: 3,
  handbackWorkingDays: 7,
  coHandlerViewMonths: 1,
  yellowDaysBefore: 7,
  redDaysAfter: 0,
  neglectMonths: 3,
};

/** The settings in force: each one an admin saved, else its default. */
export async function loadCycleSettings(db: DbClient): Promise<CycleSettings> {
  const row = await db.appSetting.findUnique({ where: { key: CYCLE_SETTING } });
  return cycleSettingsOf(row?.value);
}

/**
 * The settings in force from the stored value (as Prisma reads it, or as raw SQL does: text on
 * SQLite, an object on PostgreSQL); what is missing or invalid keeps its default.
 */
export function cycleSettingsOf(value: unknown): CycleSettings {
  let stored = value ?? {};
  if (typeof stored === "string") {
    try {
      stored = JSON.parse(stored);
    } catch {
      stored = {};
    }
  }
  const saved = cycleSettingsSchema.partial().safeParse(stored);
  return { ...DEFAULT_CYCLE_SETTINGS, ...(saved.success ? saved.data : {}) };
}
