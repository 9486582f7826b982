// What the 签收 clock says of a recommendation's assignments: each agency's, acknowledged or due within
// N working days of when it was given the item (RecommendationAgency.createdAt), and overdue after.

import type { Actor } from "@/lib/auth/permissions";
import { addMonths, toShanghaiDateString } from "@/lib/dates";
import { db } from "@/lib/db";
import type { DbClient } from "@/lib/db/client";
import type { AgencyRole, CycleStage } from "@/lib/db/enums";
import { liveProposals, liveRecommendations } from "@/lib/db/live";
import { checkStep, VIEWS_OWED_STAGES } from "./machine";
import { loadCycleSettings } from "./settings";
import { addWorkingDays, loadWorkingCalendar, type WorkingCalendar } from "./working-days";

export type AssignmentState = {
  agencyId: string;
  nameZh: string;
  nameEn: string | null;
  role: AgencyRole;
  /** "YYYY-MM-DD" (Shanghai): when the agency was given the item. */
  assignedOn: string;
  acknowledgedOn: string | null;
  /** The last day to acknowledge it. */
  acknowledgeBy: string;
  overdue: boolean;
  /** A co-handler's written view to the lead (协办意见): sent, or due by `viewBy` (null for the lead). */
  view: { text: string; sentOn: string } | null;
  viewBy: string | null;
  viewOverdue: boolean;
};

export type AssignmentPanelData = {
  recommendationId: string;
  stage: CycleStage;
  version: number;
  assignments: AssignmentState[];
  /** Whether the viewer may acknowledge their own agency's assignment now. */
  canAcknowledge: boolean;
  /** Whether the viewer, a co-handler's staff, may send its view now (once). */
  canSubmitView: boolean;
};

/** The day by which an assignment given on `assignedOn` is to be acknowledged. */
export function acknowledgeDueDay(
  calendar: WorkingCalendar,
  assignedOn: string,
  workingDays: number,
): string {
  return addWorkingDays(calendar, assignedOn, workingDays);
}

export async function loadAssignmentPanel(
  db: DbClient,
  recommendationId: string,
  viewer: Actor,
  now: Date = new Date(),
): Promise<AssignmentPanelData | null> {
  const rec = await db.recommendation.findUnique({
    where: liveRecommendations({ id: recommendationId }),
    select: {
      id: true,
      stage: true,
      version: true,
      agencies: {
        orderBy: [{ role: "asc" }, { createdAt: "asc" }],
        select: {
          agencyId: true,
          role: true,
          createdAt: true,
          acknowledgedAt: true,
          viewText: true,
          viewAt: true,
          agency: { select: { nameZh: true, nameEn: true } },
        },
      },
    },
  });
  if (!rec) return null;
  const [calendar, settings] = await Promise.all([loadWorkingCalendar(db), loadCycleSettings(db)]);
  const today = toShanghaiDateString(now);
  const assignments = rec.agencies.map((row): AssignmentState => {
    const assignedOn = toShanghaiDateString(row.createdAt);
    const acknowledgeBy = acknowledgeDueDay(calendar, assignedOn, settings.acknowledgeWorkingDays);
    const acknowledgedOn = row.acknowledgedAt ? toShanghaiDateString(row.acknowledgedAt) : null;
    const coHandler = row.role === "co_handler";
    const viewBy = coHandler ? addMonths(assignedOn, settings.coHandlerViewMonths) : null;
    const view = row.viewAt ? { text: row.viewText ?? "", sentOn: toShanghaiDateString(row.viewAt) } : null;
    return {
      agencyId: row.agencyId,
      nameZh: row.agency.nameZh,
      nameEn: row.agency.nameEn,
      role: row.role,
      assignedOn,
      acknowledgedOn,
      acknowledgeBy,
      overdue: acknowledgedOn === null && today > acknowledgeBy,
      view,
      viewBy,
      // Owed only while the reply is still being prepared.
      viewOverdue: viewBy !== null && view === null && VIEWS_OWED_STAGES.has(rec.stage) && today > viewBy,
    };
  });
  const own = assignments.find((row) => row.agencyId === viewer.agencyId);
  const canAcknowledge =
    own !== undefined &&
    own.acknowledgedOn === null &&
    checkStep("acknowledge", rec.stage, viewer, rec.agencies, own.role === "lead" ? "lead" : "coHandler").ok;
  const canSubmitView =
    own !== undefined &&
    own.role === "co_handler" &&
    own.view === null &&
    checkStep("submitView", rec.stage, viewer, rec.agencies).ok;
  return {
    recommendationId: rec.id,
    stage: rec.stage,
    version: rec.version,
    assignments,
    canAcknowledge,
    canSubmitView,
  };
}

export type LateAcknowledgement = AssignmentState & {
  recommendationId: string;
  recommendationCode: string;
  titleZh: string;
  titleEn: string | null;
  proposalCode: string;
};

/** The assignments not acknowledged by their due day (the office's list), the longest late first. */
export async function loadLateAcknowledgements(
  db: DbClient,
  now: Date = new Date(),
): Promise<LateAcknowledgement[]> {
  const rows = await db.recommendationAgency.findMany({
    where: {
      acknowledgedAt: null,
      recommendation: liveRecommendations({
        stage: { notIn: ["unassigned", "replied", "evaluated", "closed"] },
      }),
    },
    orderBy: { createdAt: "asc" },
    select: {
      agencyId: true,
      role: true,
      createdAt: true,
      agency: { select: { nameZh: true, nameEn: true } },
      recommendation: {
        select: { id: true, code: true, titleZh: true, titleEn: true, proposal: { select: { code: true } } },
      },
    },
  });
  if (rows.length === 0) return [];
  const [calendar, settings] = await Promise.all([loadWorkingCalendar(db), loadCycleSettings(db)]);
  const today = toShanghaiDateString(now);
  return rows.flatMap((row) => {
    const assignedOn = toShanghaiDateString(row.createdAt);
    const acknowledgeBy = acknowledgeDueDay(calendar, assignedOn, settings.acknowledgeWorkingDays);
    if (today <= acknowledgeBy) return [];
    const rec = row.recommendation;
    return [
      {
        agencyId: row.agencyId,
        nameZh: row.agency.nameZh,
        nameEn: row.agency.nameEn,
        role: row.role,
        assignedOn,
        acknowledgedOn: null,
        acknowledgeBy,
        overdue: true,
        view: null,
        viewBy: null,
        viewOverdue: false,
        recommendationId: rec.id,
        recommendationCode: rec.code,
        titleZh: rec.titleZh,
        titleEn: rec.titleEn,
        proposalCode: rec.proposal.code,
      },
    ];
  });
}

/** The proposals with recommendations still to assign (待交办), for the office's desk. */
export async function loadProposalsToAssign(db: DbClient) {
  return db.proposal.findMany({
    where: liveProposals({ recommendations: { some: liveRecommendations({ stage: "unassigned" }) } }),
    orderBy: { code: "asc" },
    select: {
      code: true,
      titleZh: true,
      titleEn: true,
      _count: { select: { recommendations: { where: liveRecommendations({ stage: "unassigned" }) } } },
    },
  });
}

/** The panel for a page (pages read through their features, never the database themselves). */
export function assignmentPanelOf(recommendationId: string, viewer: Actor) {
  return loadAssignmentPanel(db, recommendationId, viewer);
}

/** The office's desk: the proposals still to assign and the assignments not acknowledged in time. */
export function officeDesk() {
  return Promise.all([loadProposalsToAssign(db), loadLateAcknowledgements(db)]);
}
