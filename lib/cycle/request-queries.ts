import "server-only";
// What the requests panel of a recommendation and the office's desk show: the 延期 and 退回/改办 requests
// with their reasons and decisions, what the signed-in person may ask or decide now (the machine's
// checkStep, the hand-back window in working days, the 6-month cap), and the agencies to choose from.
import type { Actor } from "@/lib/auth/permissions";
import { toShanghaiDateString } from "@/lib/dates";
import { db } from "@/lib/db";
import type { DbClient } from "@/lib/db/client";
import type { AgencyRole, CycleStage, RequestState } from "@/lib/db/enums";
import { liveRecommendations } from "@/lib/db/live";
import { checkStep, partiesOf } from "./machine";
import { extensionLimit, handbackDueDay } from "./request-clock";
import { loadCycleSettings } from "./settings";
import { loadWorkingCalendar } from "./working-days";

export type AgencyName = { id: string; nameZh: string; nameEn: string | null };

type Decision = {
  state: RequestState;
  requestedBy: string;
  createdAt: Date;
  decidedBy: string | null;
  decidedAt: Date | null;
  decisionReason: string | null;
};

export type ExtensionRow = Decision & {
  id: string;
  previousDueOn: string;
  requestedDueOn: string;
  reason: string;
  /** Closed when the lead that asked handed the item back (decideHandback), not decided on its own. */
  closedWithHandback: boolean;
};

export type HandbackRow = Decision & {
  id: string;
  agency: AgencyName;
  /** The agency's part in the item now (null once it has left it). */
  role: AgencyRole | null;
  suggestedAgency: AgencyName | null;
  reason: string;
};

export type RequestPanelData = {
  recommendationId: string;
  version: number;
  stage: CycleStage;
  /** 退回/改办 may be asked within this many working days of an agency's assignment. */
  handbackWorkingDays: number;
  replyDueOn: string | null;
  /** The latest deadline an extension may ask for (6 months from the assignment). */
  extensionLimit: string | null;
  /** The viewer's own agency on the item, and until when it may ask to hand it back. */
  own: { agencyId: string; role: AgencyRole; handbackDueBy: string; handbackOpen: boolean } | null;
  canRequestExtension: boolean;
  canRequestHandback: boolean;
  canDecideExtension: boolean;
  canDecideHandback: boolean;
  extensions: ExtensionRow[];
  handbacks: HandbackRow[];
  /** The active agencies, to suggest or name as the item's new agency. */
  agencies: AgencyName[];
  assigned: { agencyId: string; role: AgencyRole }[];
};

const AGENCY = { select: { id: true, nameZh: true, nameEn: true } } as const;
const PEOPLE = {
  requestedBy: { select: { name: true } },
  decidedBy: { select: { name: true } },
} as const;

const day = (value: Date) => toShanghaiDateString(value);

function decision(row: {
  state: RequestState;
  requestedBy: { name: string };
  createdAt: Date;
  decidedBy: { name: string } | null;
  decidedAt: Date | null;
  decisionReason: string | null;
}): Decision {
  return {
    state: row.state,
    requestedBy: row.requestedBy.name,
    createdAt: row.createdAt,
    decidedBy: row.decidedBy?.name ?? null,
    decidedAt: row.decidedAt,
    decisionReason: row.decisionReason,
  };
}

/**
 * An extension rejected without a reason was closed with its lead's approved hand-back
 * (request-actions.ts decideHandback): the office gives a reason for every rejection it makes.
 */
function closedWithHandback(row: { state: RequestState; decisionReason: string | null }): boolean {
  return row.state === "rejected" && row.decisionReason === null;
}

export function activeAgencies(db: DbClient): Promise<AgencyName[]> {
  return db.agency.findMany({ where: { active: true }, orderBy: { code: "asc" }, ...AGENCY });
}

/**
 * The requests panel for `viewer`, or null when they have no part in the item's requests (neither an
 * agency it is assigned to nor the office) or it is gone.
 */
export async function loadRequestPanel(
  db: DbClient,
  recommendationId: string,
  viewer: Actor,
  now: Date = new Date(),
): Promise<RequestPanelData | null> {
  const rec = await db.recommendation.findUnique({
    where: liveRecommendations({ id: recommendationId }),
    select: {
      id: true,
      version: true,
      stage: true,
      assignedAt: true,
      replyDueAt: true,
      agencies: { select: { agencyId: true, role: true, createdAt: true } },
      extensionRequests: { include: PEOPLE, orderBy: { createdAt: "desc" } },
      handbackRequests: {
        include: { ...PEOPLE, agency: AGENCY, suggestedAgency: AGENCY },
        orderBy: { createdAt: "desc" },
      },
    },
  });
  if (!rec) return null;
  const parties = partiesOf(viewer, rec.agencies);
  if (!parties.has("office") && !parties.has("assignee")) return null;
  const [calendar, settings, agencies] = await Promise.all([
    loadWorkingCalendar(db),
    loadCycleSettings(db),
    activeAgencies(db),
  ]);
  const today = day(now);
  const ownRow = rec.agencies.find((row) => row.agencyId === viewer.agencyId);
  const own = ownRow
    ? (() => {
        const handbackDueBy = handbackDueDay(calendar, day(ownRow.createdAt), settings.handbackWorkingDays);
        return {
          agencyId: ownRow.agencyId,
          role: ownRow.role,
          handbackDueBy,
          handbackOpen: today <= handbackDueBy,
        };
      })()
    : null;
  const may = (step: Parameters<typeof checkStep>[0], outcome?: string) =>
    (checkStep as (...args: unknown[]) => ReturnType<typeof checkStep>)(
      step,
      rec.stage,
      viewer,
      rec.agencies,
      ...(outcome ? [outcome] : []),
    ).ok;
  const extensionPending = rec.extensionRequests.some((row) => row.state === "pending");
  const ownHandbackPending = rec.handbackRequests.some(
    (row) => row.state === "pending" && row.agencyId === viewer.agencyId,
  );
  const roleOf = (agencyId: string) => rec.agencies.find((row) => row.agencyId === agencyId)?.role ?? null;
  return {
    recommendationId: rec.id,
    version: rec.version,
    stage: rec.stage,
    handbackWorkingDays: settings.handbackWorkingDays,
    replyDueOn: rec.replyDueAt ? day(rec.replyDueAt) : null,
    extensionLimit: rec.assignedAt ? extensionLimit(day(rec.assignedAt)) : null,
    own,
    canRequestExtension:
      may("requestExtension") && rec.assignedAt !== null && rec.replyDueAt !== null && !extensionPending,
    canRequestHandback: (own?.handbackOpen ?? false) && !ownHandbackPending && may("requestHandback"),
    canDecideExtension: may("decideExtension"),
    canDecideHandback: may("decideHandback", "rejected"),
    extensions: rec.extensionRequests.map((row) => ({
      id: row.id,
      previousDueOn: day(row.previousDueAt),
      requestedDueOn: day(row.requestedDueAt),
      reason: row.reason,
      closedWithHandback: closedWithHandback(row),
      ...decision(row),
    })),
    handbacks: rec.handbackRequests.map((row) => ({
      id: row.id,
      agency: row.agency,
      role: roleOf(row.agencyId),
      suggestedAgency: row.suggestedAgency,
      reason: row.reason,
      ...decision(row),
    })),
    agencies,
    assigned: rec.agencies.map((row) => ({ agencyId: row.agencyId, role: row.role })),
  };
}

type ItemRef = {
  recommendationId: string;
  recommendationCode: string;
  titleZh: string;
  titleEn: string | null;
  proposalCode: string;
  version: number;
  stage: CycleStage;
  leadAgency: AgencyName | null;
  assigned: { agencyId: string; role: AgencyRole }[];
};

export type PendingRequest =
  | ({ kind: "extension" } & ExtensionRow & ItemRef)
  | ({ kind: "handback" } & HandbackRow & ItemRef);

const ITEM = {
  select: {
    id: true,
    code: true,
    titleZh: true,
    titleEn: true,
    version: true,
    stage: true,
    proposal: { select: { code: true } },
    agencies: { select: { agencyId: true, role: true, agency: AGENCY } },
  },
} as const;

function itemRef(rec: {
  id: string;
  code: string;
  titleZh: string;
  titleEn: string | null;
  version: number;
  stage: CycleStage;
  proposal: { code: string };
  agencies: { agencyId: string; role: AgencyRole; agency: AgencyName }[];
}): ItemRef {
  return {
    recommendationId: rec.id,
    recommendationCode: rec.code,
    titleZh: rec.titleZh,
    titleEn: rec.titleEn,
    proposalCode: rec.proposal.code,
    version: rec.version,
    stage: rec.stage,
    leadAgency: rec.agencies.find((row) => row.role === "lead")?.agency ?? null,
    assigned: rec.agencies.map((row) => ({ agencyId: row.agencyId, role: row.role })),
  };
}

/** The requests waiting for the office's decision (of live items), the longest waiting first. */
export async function loadPendingRequests(db: DbClient): Promise<PendingRequest[]> {
  const live = { recommendation: liveRecommendations({}) };
  const [extensions, handbacks] = await Promise.all([
    db.extensionRequest.findMany({
      where: { state: "pending", ...live },
      orderBy: { createdAt: "asc" },
      include: { ...PEOPLE, recommendation: ITEM },
    }),
    db.handbackRequest.findMany({
      where: { state: "pending", ...live },
      orderBy: { createdAt: "asc" },
      include: { ...PEOPLE, agency: AGENCY, suggestedAgency: AGENCY, recommendation: ITEM },
    }),
  ]);
  const rows: PendingRequest[] = [
    ...extensions.map((row) => ({
      kind: "extension" as const,
      id: row.id,
      previousDueOn: day(row.previousDueAt),
      requestedDueOn: day(row.requestedDueAt),
      reason: row.reason,
      closedWithHandback: false,
      ...decision(row),
      ...itemRef(row.recommendation),
    })),
    ...handbacks.map((row) => ({
      kind: "handback" as const,
      id: row.id,
      agency: row.agency,
      role: row.recommendation.agencies.find((a) => a.agencyId === row.agencyId)?.role ?? null,
      suggestedAgency: row.suggestedAgency,
      reason: row.reason,
      ...decision(row),
      ...itemRef(row.recommendation),
    })),
  ];
  return rows.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
}

/** The panel for a page (pages read through their features, never the database themselves). */
export function requestPanelOf(recommendationId: string, viewer: Actor) {
  return loadRequestPanel(db, recommendationId, viewer);
}

/** The office's desk section: the pending requests and the agencies to reassign to. */
export function pendingRequestsDesk() {
  return Promise.all([loadPendingRequests(db), activeAgencies(db)]);
}
