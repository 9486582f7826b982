// The deputy's home page (issue 19, part 1): their proposals, what awaits their rating, and what
// changed since they last looked. Everything here is read through lib/auth/deputy-scope.ts.
import "server-only";
import {
  INTERNAL_CYCLE_STEPS,
  proposalsOfDeputy,
  readableActions,
  readableEvidence,
  readableRecommendations,
} from "@/lib/auth/deputy-scope";
import type { Actor } from "@/lib/auth/permissions";
import { db as appDb } from "@/lib/db";
import type { DbClient } from "@/lib/db/client";
import type { CycleStage, ItemStatus, ReplyClass } from "@/lib/db/enums";
import { liveProposals, liveRecommendations } from "@/lib/db/live";

/** Visits less than this apart are one sitting: a reload does not empty "what changed". */
export const SITTING_MS = 30 * 60 * 1000;
/** On a first visit, "what changed" shows this far back. */
export const FIRST_VISIT_DAYS = 30;
/** At most this many changes are listed, newest first. */
export const MAX_CHANGES = 50;

/**
 * Records the deputy's visit to their home page, in the database, and says since when to show
 * changes: the last visit of the sitting before this one, or null on a first visit. The visits of one
 * sitting (less than SITTING_MS apart) keep the same start.
 */
export async function recordDeputyVisit(db: DbClient, userId: string, now: Date): Promise<Date | null> {
  const visit = await db.deputyVisit.findUnique({ where: { userId } });
  if (!visit) {
    // Two first visits at once: the second finds the row and keeps its start (null).
    await db.deputyVisit.upsert({
      where: { userId },
      create: { userId, sinceAt: null, lastAt: now },
      update: { lastAt: now },
    });
    return null;
  }
  if (now.getTime() - visit.lastAt.getTime() < SITTING_MS) {
    await db.deputyVisit.update({ where: { userId }, data: { lastAt: now } });
    return visit.sinceAt;
  }
  await db.deputyVisit.update({ where: { userId }, data: { sinceAt: visit.lastAt, lastAt: now } });
  return visit.lastAt;
}

export type DeputyRecommendation = {
  id: string;
  code: string;
  titleZh: string;
  titleEn: string | null;
  stage: CycleStage;
  status: ItemStatus;
  progress: number;
  replyDueAt: Date | null;
  repliedAt: Date | null;
  replyClass: ReplyClass | null;
};

export type DeputyProposal = {
  id: string;
  code: string;
  titleZh: string;
  titleEn: string | null;
  /** 领衔 (the first author) or 联名 (a co-signer). */
  role: "author" | "cosigner";
  isSample: boolean;
  recommendations: DeputyRecommendation[];
};

export type DeputyChange = {
  /** The row's own id, prefixed by its kind: a stable key. */
  id: string;
  kind: "status" | "cycle" | "evidence";
  at: Date;
  proposalCode: string;
  recommendationCode: string;
  /** When the change is on an action. */
  actionCode: string | null;
  titleZh: string;
  titleEn: string | null;
  /** status: the new status and progress; cycle: the step and the stage it led to; evidence: its title. */
  status?: ItemStatus;
  progress?: number;
  step?: string;
  toStage?: CycleStage;
  /** A rating recorded on the deputy's behalf (代录). */
  proxy?: boolean;
  evidenceZh?: string;
  evidenceEn?: string | null;
};

export type DeputyHome = {
  proposals: DeputyProposal[];
  /** Replies the office accepted (已答复) and the deputy has not yet rated. */
  awaiting: (DeputyRecommendation & { proposalCode: string })[];
  /** Current contact records (沟通记录) the deputy has neither confirmed nor disputed. */
  toConfirm: {
    id: string;
    contactDate: Date;
    method: string;
    proposalCode: string;
    recommendationCode: string;
    titleZh: string;
    titleEn: string | null;
  }[];
  changes: DeputyChange[];
  /** Where "what changed" starts: the last visit, or null on a first visit (then FIRST_VISIT_DAYS back). */
  since: Date | null;
};

const REC = {
  id: true,
  code: true,
  titleZh: true,
  titleEn: true,
  stage: true,
  status: true,
  progress: true,
  replyDueAt: true,
  repliedAt: true,
  replyClass: true,
} as const;

const ITEM = {
  code: true,
  titleZh: true,
  titleEn: true,
  proposal: { select: { code: true } },
} as const;

/** What the deputy's home page shows, with changes after `since` (or FIRST_VISIT_DAYS before `now`). */
export async function getDeputyHome(
  db: DbClient,
  actor: Actor,
  since: Date | null,
  now: Date,
): Promise<DeputyHome> {
  const from = since ?? new Date(now.getTime() - FIRST_VISIT_DAYS * 24 * 60 * 60 * 1000);
  const recScope = liveRecommendations(readableRecommendations(actor));
  const [proposals, updates, events, evidence, contacts] = await Promise.all([
    db.proposal.findMany({
      where: liveProposals(proposalsOfDeputy(actor.id)),
      orderBy: [{ submittedAt: "desc" }, { code: "asc" }],
      select: {
        id: true,
        code: true,
        titleZh: true,
        titleEn: true,
        isSample: true,
        authorUserId: true,
        recommendations: {
          where: liveRecommendations(),
          orderBy: [{ sortOrder: "asc" }, { code: "asc" }],
          select: REC,
        },
      },
    }),
    // Roll-ups repeat an action's update on its recommendation: the action's own update is listed.
    db.statusUpdate.findMany({
      where: {
        createdAt: { gt: from },
        rollUpOfId: null,
        OR: [
          { recommendation: recScope },
          { action: { ...readableActions(actor), recommendation: recScope } },
        ],
      },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: MAX_CHANGES,
      select: {
        id: true,
        createdAt: true,
        statusAfter: true,
        progressAfter: true,
        recommendation: { select: ITEM },
        action: { select: { code: true, recommendation: { select: ITEM } } },
      },
    }),
    db.cycleEvent.findMany({
      // Not the internal handling (lib/auth/deputy-scope.ts).
      where: { createdAt: { gt: from }, recommendation: recScope, step: { notIn: INTERNAL_CYCLE_STEPS } },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: MAX_CHANGES,
      select: {
        id: true,
        createdAt: true,
        step: true,
        toStage: true,
        data: true,
        recommendation: { select: ITEM },
      },
    }),
    db.evidence.findMany({
      where: { AND: [readableEvidence(actor), { createdAt: { gt: from }, withdrawnAt: null }] },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: MAX_CHANGES,
      select: {
        id: true,
        createdAt: true,
        titleZh: true,
        titleEn: true,
        recommendation: { select: { ...ITEM, archivedAt: true } },
        action: { select: { code: true, recommendation: { select: { ...ITEM, archivedAt: true } } } },
      },
    }),
    db.deputyContact.findMany({
      where: {
        recommendation: recScope,
        supersededBy: null,
        responses: { none: { userId: actor.id } },
      },
      orderBy: [{ contactDate: "desc" }, { id: "desc" }],
      select: { id: true, contactDate: true, method: true, recommendation: { select: ITEM } },
    }),
  ]);

  type Item = { code: string; titleZh: string; titleEn: string | null; proposal: { code: string } };
  const where = (rec: Item, actionCode: string | null) => ({
    proposalCode: rec.proposal.code,
    recommendationCode: rec.code,
    actionCode,
    titleZh: rec.titleZh,
    titleEn: rec.titleEn,
  });
  const changes: DeputyChange[] = [];
  for (const u of updates) {
    const rec = u.recommendation ?? u.action?.recommendation;
    if (!rec) continue;
    changes.push({
      id: `status-${u.id}`,
      kind: "status",
      at: u.createdAt,
      ...where(rec, u.action?.code ?? null),
      status: u.statusAfter,
      progress: u.progressAfter,
    });
  }
  for (const e of events)
    changes.push({
      id: `cycle-${e.id}`,
      kind: "cycle",
      at: e.createdAt,
      ...where(e.recommendation, null),
      step: e.step,
      toStage: e.toStage,
      proxy: e.step === "recordFeedback" && (e.data as { byDeputy?: unknown } | null)?.byDeputy === false,
    });
  for (const e of evidence) {
    const rec = e.recommendation ?? e.action?.recommendation;
    if (!rec || rec.archivedAt) continue;
    changes.push({
      id: `evidence-${e.id}`,
      kind: "evidence",
      at: e.createdAt,
      ...where(rec, e.action?.code ?? null),
      evidenceZh: e.titleZh,
      evidenceEn: e.titleEn,
    });
  }
  changes.sort((a, b) => b.at.getTime() - a.at.getTime());

  const mine: DeputyProposal[] = proposals.map(({ authorUserId, ...p }) => ({
    ...p,
    role: authorUserId === actor.id ? "author" : "cosigner",
  }));
  const awaiting = mine.flatMap((p) =>
    p.recommendations
      .filter((rec) => rec.stage === "replied")
      .map((rec) => ({ ...rec, proposalCode: p.code })),
  );
  const toConfirm = contacts.map((contact) => ({
    id: contact.id,
    contactDate: contact.contactDate,
    method: contact.method,
    proposalCode: contact.recommendation.proposal.code,
    recommendationCode: contact.recommendation.code,
    titleZh: contact.recommendation.titleZh,
    titleEn: contact.recommendation.titleEn,
  }));
  return { proposals: mine, awaiting, toConfirm, changes: changes.slice(0, MAX_CHANGES), since };
}

/** The home page's read for the signed-in deputy: records this visit, then reads what changed since. */
export async function loadDeputyHome(actor: Actor, now = new Date()): Promise<DeputyHome> {
  const since = await recordDeputyVisit(appDb, actor.id, now);
  return getDeputyHome(appDb, actor, since, now);
}
