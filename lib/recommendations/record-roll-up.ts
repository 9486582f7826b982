// A recommendation's progress, rolled up from its actions, written as history of its own: after an
// action's status update, a new action or a changed weight.
import { recordAudit } from "@/lib/audit/record";
import type { DbClient } from "@/lib/db/client";
import type { RollUpCause, UpdateSource } from "@/lib/db/enums";
import { createStatusUpdate } from "@/lib/history-chain/append";
import { lockRecommendations } from "./lock";
import { rollUp } from "./roll-up";

/** Where a history record came from: a form, or a spreadsheet import (with the file's name). */
export type Origin = { source: Extract<UpdateSource, "form" | "import">; importFileName?: string };

/**
 * Recomputes a recommendation's progress from its actions and, when it changed, writes it with a
 * history record (linked to the action update that caused it, if one did) and an audit event.
 */
export async function recordRecommendationRollUp(
  tx: DbClient,
  change: {
    actorId: string;
    recommendationId: string;
    effectiveDate: Date;
    /** What moved it: an action's update (its id), a new action, or a changed weight. */
    cause: { kind: RollUpCause; actionCode: string; statusUpdateId?: string };
    origin: Origin;
  },
) {
  const { actorId, recommendationId, effectiveDate, cause, origin } = change;
  const causeId = cause.statusUpdateId ?? null;
  await lockRecommendations(tx, [recommendationId]);
  const rec = await tx.recommendation.findUniqueOrThrow({
    where: { id: recommendationId },
    select: {
      status: true,
      progress: true,
      version: true,
      actions: { select: { status: true, progress: true, weight: true } },
    },
  });
  const { progress } = rollUp(rec.actions);
  if (progress === rec.progress) return;
  // The status stays the lead agency's to set, except that a completed recommendation whose actions
  // are no longer all done is open again.
  const status = rec.status === "completed" && progress < 100 ? "in_progress" : rec.status;
  await tx.recommendation.update({
    where: { id: recommendationId },
    data: { progress, status, version: { increment: 1 } },
  });
  await createStatusUpdate(tx, {
    recommendationId,
    statusBefore: rec.status,
    statusAfter: status,
    progressBefore: rec.progress,
    progressAfter: progress,
    effectiveDate,
    source: origin.source,
    importFileName: origin.importFileName ?? null,
    authorId: actorId,
    rollUpOfId: causeId,
    rollUpCause: cause.kind,
    rollUpActionCode: cause.actionCode,
  });
  await recordAudit(tx, {
    actorId,
    action: "recommendation.rollUp",
    entityType: "Recommendation",
    entityId: recommendationId,
    before: { status: rec.status, progress: rec.progress, version: rec.version },
    after: { status, progress, version: rec.version + 1, cause },
  });
}
