// The as-of reconstruction (lib/tracking/item-sql.ts) against the recorded sample history and the
// current values.
import { beforeAll, describe, expect, it } from "vitest";
import { shanghaiDate, shanghaiToday, toShanghaiDateString } from "@/lib/dates";
import { db } from "@/lib/db";
import { getTrackingPage } from "@/lib/tracking/queries";
import { parseTrackingParams } from "@/lib/tracking/search-params";
import { SAMPLE_RECOMMENDATIONS } from "../../prisma/sample-data";
import { seedSampleData } from "../../prisma/seed";

beforeAll(async () => {
  await seedSampleData(db);
});

/** Code → state of every item of a kind at the end of `day` ("YYYY-MM-DD"). */
async function stateOn(kind: "recommendation" | "action", day: string) {
  const page = await getTrackingPage(db, parseTrackingParams({ kind, asOf: day, perPage: "100" }));
  return new Map(page.rows.map((row) => [row.code, { status: row.status, progress: row.progress }]));
}

describe("state as of a day", () => {
  it("equals the current values today", async () => {
    const today = toShanghaiDateString(shanghaiToday());
    for (const kind of ["recommendation", "action"] as const) {
      const state = await stateOn(kind, today);
      const items =
        kind === "action"
          ? await db.action.findMany({ select: { code: true, status: true, progress: true } })
          : await db.recommendation.findMany({ select: { code: true, status: true, progress: true } });
      expect(state.size).toBe(items.length);
      for (const item of items)
        expect(state.get(item.code), item.code).toEqual({ status: item.status, progress: item.progress });
    }
  });

  it("equals each action's recorded history on every day it changed, and the day before", async () => {
    for (const action of SAMPLE_RECOMMENDATIONS.flatMap((rec) => rec.actions)) {
      for (const [index, entry] of action.history.entries()) {
        const on = await stateOn("action", entry.effectiveDate);
        expect(on.get(action.code), `${action.code} on ${entry.effectiveDate}`).toEqual({
          status: entry.status,
          progress: entry.progress,
        });
        const before = await stateOn("action", previousDay(entry.effectiveDate));
        const previous = action.history[index - 1];
        const expected = previous && previous.effectiveDate < entry.effectiveDate ? previous : undefined;
        expect(before.get(action.code), `${action.code} before ${entry.effectiveDate}`).toEqual(
          expected
            ? { status: expected.status, progress: expected.progress }
            : { status: "not_started", progress: 0 },
        );
      }
    }
  });

  it("shows a reply and the last change only from the day they happened", async () => {
    const replied = await db.recommendation.findFirstOrThrow({ where: { repliedAt: { not: null } } });
    const repliedOn = toShanghaiDateString(replied.repliedAt ?? new Date());
    const row = async (day: string) =>
      (await getTrackingPage(db, parseTrackingParams({ asOf: day, perPage: "100" }))).rows.find(
        (r) => r.id === replied.id,
      );
    expect((await row(previousDay(repliedOn)))?.replyClass).toBeNull();
    expect((await row(repliedOn))?.replyClass).toBe(replied.replyClass);
    const filtered = await getTrackingPage(
      db,
      parseTrackingParams({
        asOf: previousDay(repliedOn),
        replyClass: replied.replyClass ?? "A",
        perPage: "100",
      }),
    );
    expect(filtered.rows.map((r) => r.id)).not.toContain(replied.id);

    // Last changed, then: the effective date of the latest update by that day.
    const latest = await db.statusUpdate.findFirstOrThrow({
      where: { recommendationId: replied.id, effectiveDate: { lte: shanghaiDate(repliedOn) } },
      orderBy: [{ effectiveDate: "desc" }, { createdAt: "desc" }],
    });
    expect((await row(repliedOn))?.updatedAt).toEqual(latest.effectiveDate);
  });

  it("shows nothing before the proposal was submitted", async () => {
    expect((await stateOn("recommendation", "2024-01-01")).size).toBe(0);
  });
});

function previousDay(day: string): string {
  return toShanghaiDateString(new Date(new Date(`${day}T00:00:00+08:00`).getTime() - 86_400_000));
}
