// Taking one step of the handling cycle on a recommendation, inside the caller's transaction: the
// machine's check against the item as it is now (stage, agencies, version), then the stage moved on
// with the version (so that two people acting at once cannot both succeed), the step's CycleEvent in
// the item's history, its audit row and its notification. What the step writes besides (a request, a
// draft, a sign-off) the caller writes in the same transaction, after this has said yes.
import "server-only";
import type { Prisma } from "@/generated/sqlite/client";
import type { AuditAction } from "@/lib/audit/actions";
import { recordAudit } from "@/lib/audit/record";
import { canReadProposal } from "@/lib/auth/deputy-scope";
import { type Actor, isDeputy } from "@/lib/auth/permissions";
import type { DbClient } from "@/lib/db/client";
import type { AgencyRole, CycleStage } from "@/lib/db/enums";
import { liveRecommendations } from "@/lib/db/live";
import { notifyCycleStep } from "@/lib/notifications/changes";
import { checkStep, type Outcome, type Step } from "./machine";

export type StepItem = {
  id: string;
  proposalId: string;
  stage: CycleStage;
  version: number;
  agencies: { agencyId: string; role: AgencyRole; createdAt: Date; acknowledgedAt: Date | null }[];
};

/** Why a step was not taken: each has its translated message (cycle.refused.*). */
export type StepRefusal = "notFound" | "stage" | "party" | "conflict";

export type StepResult =
  | { ok: true; item: StepItem; from: CycleStage; to: CycleStage; version: number }
  | { ok: false; reason: StepRefusal };

/** The recommendation as a step sees it, or null when it is gone (or archived). */
export async function loadStepItem(tx: DbClient, recommendationId: string): Promise<StepItem | null> {
  return tx.recommendation.findUnique({
    where: liveRecommendations({ id: recommendationId }),
    select: {
      id: true,
      proposalId: true,
      stage: true,
      version: true,
      agencies: { select: { agencyId: true, role: true, createdAt: true, acknowledgedAt: true } },
    },
  });
}

export type StepInput<S extends Step> = {
  step: S;
  recommendationId: string;
  /** The version the person saw: a step on a stale page is refused as a conflict. */
  version: number;
  actor: Actor;
  /** How the step went, where the machine needs it to know the next stage. */
  outcome?: Outcome<S>;
  /** The agency the step is taken for (by default the actor's). */
  agencyId?: string | null;
  note?: string | null;
  /** What else the step decided, for the history and the audit log. */
  data?: Record<string, unknown>;
  /** Other columns of the recommendation the step changes (repliedAt, closedAt…). */
  changes?: Prisma.RecommendationUpdateManyMutationInput;
  now?: Date;
};

export async function takeStep<S extends Step>(tx: DbClient, input: StepInput<S>): Promise<StepResult> {
  const { step, actor } = input;
  const now = input.now ?? new Date();
  const item = await loadStepItem(tx, input.recommendationId);
  if (!item) return { ok: false, reason: "notFound" };
  const check = (checkStep as (...args: unknown[]) => ReturnType<typeof checkStep>)(
    step,
    item.stage,
    actor,
    item.agencies,
    ...(input.outcome === undefined ? [] : [input.outcome]),
  );
  if (!check.ok) return { ok: false, reason: check.reason };
  // A deputy takes a step only on an item of their own proposals.
  if (isDeputy(actor) && !(await canReadProposal(tx, actor, item.proposalId)))
    return { ok: false, reason: "party" };
  if (item.version !== input.version) return { ok: false, reason: "conflict" };
  const { count } = await tx.recommendation.updateMany({
    where: { id: item.id, version: input.version },
    data: { ...input.changes, stage: check.to, version: { increment: 1 } },
  });
  if (count === 0) return { ok: false, reason: "conflict" };
  const agencyId = input.agencyId === undefined ? actor.agencyId : input.agencyId;
  await tx.cycleEvent.create({
    data: {
      recommendationId: item.id,
      step,
      fromStage: item.stage,
      toStage: check.to,
      agencyId,
      actorId: actor.id,
      note: input.note ?? null,
      data: (input.data ?? undefined) as Prisma.InputJsonValue | undefined,
      createdAt: now,
    },
  });
  await recordAudit(tx, {
    actorId: actor.id,
    action: `cycle.${step}` as AuditAction,
    entityType: "Recommendation",
    entityId: item.id,
    before: { stage: item.stage, version: item.version },
    after: {
      stage: check.to,
      version: item.version + 1,
      ...(agencyId ? { agencyId } : {}),
      ...(input.note ? { note: input.note } : {}),
      ...input.data,
    },
  });
  await notifyCycleStep(
    tx,
    actor.id,
    { recommendationId: item.id, step, version: item.version + 1, to: check.to, agencyId, note: input.note },
    now,
  );
  return { ok: true, item, from: item.stage, to: check.to, version: item.version + 1 };
}
