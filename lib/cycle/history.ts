// The cycle's history of one recommendation, as its page shows it: every step taken (CycleEvent, which
// only takeStep writes and the database keeps append-only), oldest last.
import { mayReadCycleStep, seesInternalHandling } from "@/lib/auth/deputy-scope";
import type { Actor } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import type { DbClient } from "@/lib/db/client";
import type { CycleStage } from "@/lib/db/enums";

export type CycleHistoryEntry = {
  id: string;
  step: string;
  fromStage: CycleStage;
  toStage: CycleStage;
  at: Date;
  agency: { nameZh: string; nameEn: string | null } | null;
  actorName: string | null;
  note: string | null;
  /** A reply's class as the office corrected it, next to the one drafted ("C → B"). */
  correctedClass: { drafted: string; accepted: string } | null;
  /** What the step decided, as its data says: a request's or sign-off's decision, a new deadline… */
  decision: "approved" | "rejected" | "signed" | "commented" | null;
  requestedDueAt: string | null;
  level: "blue" | "yellow" | "red" | null;
  priority: boolean | null;
  /** A rating recorded on the deputy's behalf (代录): its note is the reason. */
  proxy: boolean;
};

const DECISIONS = new Set(["approved", "rejected", "signed", "commented"]);
const LEVELS = new Set(["blue", "yellow", "red"]);
const ofSet = <T extends string>(set: Set<string>, value: unknown): T | null =>
  typeof value === "string" && set.has(value) ? (value as T) : null;

export async function loadCycleHistory(
  client: DbClient,
  recommendationId: string,
): Promise<CycleHistoryEntry[]> {
  const events = await client.cycleEvent.findMany({
    where: { recommendationId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: {
      id: true,
      step: true,
      fromStage: true,
      toStage: true,
      createdAt: true,
      note: true,
      data: true,
      agency: { select: { nameZh: true, nameEn: true } },
      actor: { select: { name: true } },
    },
  });
  return events.map((event) => {
    const data = (event.data ?? {}) as Record<string, unknown>;
    const corrected =
      typeof data.draftClass === "string" && typeof data.replyClass === "string"
        ? { drafted: data.draftClass, accepted: data.replyClass }
        : null;
    return {
      id: event.id,
      step: event.step,
      fromStage: event.fromStage,
      toStage: event.toStage,
      at: event.createdAt,
      agency: event.agency,
      actorName: event.actor?.name ?? null,
      note: event.note,
      correctedClass: corrected,
      decision: ofSet(DECISIONS, data.decision),
      requestedDueAt:
        typeof data.requestedDueAt === "string" && event.step.endsWith("Extension")
          ? data.requestedDueAt.slice(0, 10)
          : null,
      level: ofSet(LEVELS, data.level),
      priority: event.step === "setPriority" && typeof data.priority === "boolean" ? data.priority : null,
      proxy: event.step === "recordFeedback" && data.byDeputy === false,
    };
  });
}

/**
 * For a page (pages read through their features, never the database themselves), as `viewer` may read
 * it: a deputy's, without the internal handling (lib/auth/deputy-scope.ts).
 */
export async function cycleHistoryOf(recommendationId: string, viewer: Actor) {
  const entries = await loadCycleHistory(db, recommendationId);
  const internal = seesInternalHandling(viewer);
  return entries
    .filter((entry) => mayReadCycleStep(viewer, entry.step))
    .map((entry) => (internal ? entry : { ...entry, correctedClass: null }));
}
