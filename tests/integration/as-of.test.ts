// The as-of reconstruction against the recorded history and the current values.
import { beforeAll, describe, expect, it } from "vitest";
import { shanghaiDate, shanghaiToday } from "@/lib/dates";
import { db } from "@/lib/db";
import { stateAsOf } from "@/lib/history/as-of";
import { SAMPLE_RECOMMENDATIONS } from "../../prisma/sample-data";
import { seedSampleData } from "../../prisma/seed";

let proposalId: string;

beforeAll(async () => {
  await seedSampleData(db);
  proposalId = (await db.proposal.findFirstOrThrow()).id;
});

describe("state as of a day", () => {
  it("equals the current values today", async () => {
    const state = await stateAsOf(db, proposalId, shanghaiToday());
    const items = [
      ...(await db.recommendation.findMany({ select: { id: true, status: true, progress: true } })),
      ...(await db.action.findMany({ select: { id: true, status: true, progress: true } })),
    ];
    for (const item of items)
      expect(state.get(item.id), item.id).toEqual({ status: item.status, progress: item.progress });
  });

  it("equals each action's recorded history on every day it changed, and the day before", async () => {
    const actions = new Map(
      (await db.action.findMany({ select: { id: true, code: true } })).map((a) => [a.code, a.id]),
    );
    for (const action of SAMPLE_RECOMMENDATIONS.flatMap((rec) => rec.actions)) {
      for (const [index, entry] of action.history.entries()) {
        const day = shanghaiDate(entry.effectiveDate);
        const on = await stateAsOf(db, proposalId, day);
        expect(on.get(actions.get(action.code) ?? ""), `${action.code} on ${entry.effectiveDate}`).toEqual({
          status: entry.status,
          progress: entry.progress,
        });
        const before = await stateAsOf(db, proposalId, new Date(day.getTime() - 86_400_000));
        const previous = action.history[index - 1];
        const expected = previous && previous.effectiveDate < entry.effectiveDate ? previous : undefined;
        expect(
          before.get(actions.get(action.code) ?? ""),
          `${action.code} before ${entry.effectiveDate}`,
        ).toEqual(expected ? { status: expected.status, progress: expected.progress } : undefined);
      }
    }
  });

  it("knows nothing before the first update", async () => {
    expect((await stateAsOf(db, proposalId, shanghaiDate("2024-01-01"))).size).toBe(0);
  });
});
