// The handling cycle on the dashboard: how many recommendations are at each stage, and how many of
// the acknowledgements (签收, in working days), replies and co-handlers' views came on time. Counted
// over the recommendations of the view, as they stood on its day.

import { type ContactRate, contactRate } from "@/lib/contacts/sql";
import { STAGES, VIEWS_OWED_STAGES } from "@/lib/cycle/machine";
import { loadCycleSettings } from "@/lib/cycle/settings";
import { WARNING_LEVELS } from "@/lib/cycle/warning";
import { addWorkingDays, loadWorkingCalendar } from "@/lib/cycle/working-days";
import { addMonths, DAY_MS, toShanghaiDateString } from "@/lib/dates";
import type { Db } from "@/lib/db/client";
import type { CycleStage, WarningLevel } from "@/lib/db/enums";
import { type Sql, sql } from "@/lib/db/sql";
import type { ItemScope } from "@/lib/tracking/item-sql";

/** Of the clocks that have run out or been met: how many were met in time. */
export type OnTime = { onTime: number; late: number };

export type CycleFigures = {
  stages: { stage: CycleStage; items: number }[];
  /** 三色预警 on the view's day (lib/cycle/warning.ts): how many at each level, worst first. */
  warnings: { level: WarningLevel; items: number }[];
  /** The thresholds the levels were worked out with. */
  thresholds: { yellowDaysBefore: number; redDaysAfter: number };
  acknowledged: OnTime;
  replied: OnTime;
  /** Co-handlers' written views while they are owed (lib/cycle/machine.ts): sent, due, overdue. */
  views: { sent: number; awaiting: number; overdue: number };
  /** 面商率: of the replied recommendations, those consulted on or before the reply (lib/contacts/sql.ts). */
  consultation: ContactRate;
};

type Assignment = {
  role: string;
  createdAt: Date | string;
  acknowledgedAt: Date | string | null;
  viewAt: Date | string | null;
  stage: string;
  repliedAt: Date | string | null;
};

/** `replyItems`: the view's recommendations (the item SQL, read as `i`). */
export async function cycleFigures(db: Db, scope: ItemScope, replyItems: Sql): Promise<CycleFigures> {
  const endOfDay = new Date(scope.day.getTime() + DAY_MS);
  const today = toShanghaiDateString(scope.day);
  const [stageRows, warningRows, replyRows, assignments, calendar, settings, consultation] =
    await Promise.all([
      db.$queryRaw<{ stage: CycleStage; items: unknown }[]>(
        sql`SELECT i."stage", COUNT(*) AS "items" FROM ${replyItems} GROUP BY 1`,
      ),
      db.$queryRaw<{ warning: WarningLevel | null; items: unknown }[]>(
        sql`SELECT i."warning", COUNT(*) AS "items" FROM ${replyItems} GROUP BY 1`,
      ),
      // A reply is on time by its (approved) deadline; one not in and past it is late already.
      db.$queryRaw<{ onTime: unknown; late: unknown }[]>(sql`
      SELECT
        SUM(CASE WHEN i."repliedAt" IS NOT NULL AND (i."replyDueAt" IS NULL OR i."repliedAt" <= i."replyDueAt") THEN 1 ELSE 0 END) AS "onTime",
        SUM(CASE WHEN (i."repliedAt" IS NOT NULL AND i."repliedAt" > i."replyDueAt")
          OR (i."repliedAt" IS NULL AND i."replyDueAt" < ${scope.day}) THEN 1 ELSE 0 END) AS "late"
      FROM ${replyItems}`),
      db.$queryRaw<Assignment[]>(sql`
      SELECT CAST(ra."role" AS TEXT) AS "role", ra."createdAt",
        CASE WHEN ra."acknowledgedAt" < ${endOfDay} THEN ra."acknowledgedAt" END AS "acknowledgedAt",
        CASE WHEN ra."viewAt" < ${endOfDay} THEN ra."viewAt" END AS "viewAt",
        i."stage", i."repliedAt"
      FROM "RecommendationAgency" ra JOIN (SELECT i.* FROM ${replyItems}) i ON i."id" = ra."recommendationId"
      WHERE ra."createdAt" < ${endOfDay}`),
      loadWorkingCalendar(db),
      loadCycleSettings(db),
      contactRate(db, replyItems),
    ]);
  const counts = new Map(stageRows.map((row) => [row.stage, Number(row.items)]));
  const acknowledged: OnTime = { onTime: 0, late: 0 };
  const views = { sent: 0, awaiting: 0, overdue: 0 };
  for (const assignment of assignments) {
    const given = toShanghaiDateString(new Date(assignment.createdAt));
    const due = addWorkingDays(calendar, given, settings.acknowledgeWorkingDays);
    const done = assignment.acknowledgedAt ? toShanghaiDateString(new Date(assignment.acknowledgedAt)) : null;
    if (done !== null) acknowledged[done <= due ? "onTime" : "late"] += 1;
    else if (due < today) acknowledged.late += 1;
    if (assignment.role !== "co_handler" || !VIEWS_OWED_STAGES.has(assignment.stage as CycleStage)) continue;
    if (assignment.viewAt) views.sent += 1;
    else views[addMonths(given, settings.coHandlerViewMonths) < today ? "overdue" : "awaiting"] += 1;
  }
  const reply = replyRows[0];
  return {
    stages: STAGES.map((stage) => ({ stage, items: counts.get(stage) ?? 0 })),
    warnings: WARNING_LEVELS.map((level) => ({
      level,
      items: Number(warningRows.find((row) => row.warning === level)?.items ?? 0),
    })),
    thresholds: scope.warning,
    acknowledged,
    replied: { onTime: Number(reply?.onTime ?? 0), late: Number(reply?.late ?? 0) },
    views,
    consultation,
  };
}
