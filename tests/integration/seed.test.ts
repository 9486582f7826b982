// The sample loads into a freshly migrated database, completely and consistently.

import { beforeAll, describe, expect, it } from "vitest";
import { shanghaiDate } from "@/lib/dates";
import { db } from "@/lib/db";
import { rollUp } from "@/lib/recommendations/roll-up";
import { SAMPLE_EVIDENCE, SAMPLE_RECOMMENDATIONS, SAMPLE_USERS } from "../../prisma/sample-data";
import { seedSampleData } from "../../prisma/seed";

beforeAll(async () => {
  const counts = await seedSampleData(db, { onlyIfEmpty: true });
  expect(counts).not.toBeNull();
});

describe("sample data", () => {
  it("is all there", async () => {
    const actions = SAMPLE_RECOMMENDATIONS.flatMap((rec) => rec.actions);
    expect(await db.proposal.count()).toBe(1);
    expect(await db.recommendation.count()).toBe(8);
    expect(await db.action.count()).toBe(actions.length);
    expect(await db.evidence.count()).toBe(SAMPLE_EVIDENCE.length);
    expect(await db.statusUpdateEvidence.count()).toBe(SAMPLE_EVIDENCE.length);
    expect(await db.statusUpdate.count({ where: { actionId: { not: null } } })).toBe(
      actions.reduce((sum, action) => sum + action.history.length, 0),
    );
    expect(await db.recommendationAgency.count({ where: { role: "lead" } })).toBe(8);
    expect(await db.user.count()).toBe(SAMPLE_USERS.length);
    // The handling cycle's history as far as the sample's dates tell it, on the working-day calendar,
    // and the stories of the other steps (prisma/sample-cycle.ts).
    // R3 closed, R8 awaiting the deputy's rating (prisma/sample-rating.ts), the others rated.
    expect(await db.recommendation.count({ where: { stage: "evaluated" } })).toBe(6);
    expect(await db.recommendation.findMany({ where: { stage: "replied" }, select: { code: true } })).toEqual(
      [{ code: "R8" }],
    );
    expect(await db.recommendation.findMany({ where: { stage: "closed" }, select: { code: true } })).toEqual([
      { code: "R3" },
    ]);
    expect(await db.recommendationAgency.count({ where: { acknowledgedAt: null } })).toBe(1);
    expect(await db.cycleEvent.count({ where: { step: "acceptReply" } })).toBe(8);
    const requests = await db.extensionRequest.findMany({
      select: {
        state: true,
        recommendation: { select: { code: true, replyDueAt: true } },
        requestedDueAt: true,
      },
      orderBy: { createdAt: "asc" },
    });
    expect(requests.map((r) => [r.recommendation.code, r.state])).toEqual([
      ["R2", "approved"],
      ["R4", "rejected"],
    ]);
    // Only the approved extension moved its reply deadline.
    expect(requests[0]?.recommendation.replyDueAt).toEqual(requests[0]?.requestedDueAt);
    expect(requests[1]?.recommendation.replyDueAt).not.toEqual(requests[1]?.requestedDueAt);
    expect(await db.handbackRequest.count({ where: { state: "rejected" } })).toBe(1);
    expect(await db.replySignoff.count({ where: { decision: "signed" } })).toBe(1);
    expect(await db.replyDraft.findFirst({ select: { replyClass: true, acceptedClass: true } })).toEqual({
      replyClass: "B",
      acceptedClass: "A",
    });
    expect(
      (await db.supervisionNotice.findMany({ select: { level: true, answeredAt: true } })).map((n) => [
        n.level,
        n.answeredAt !== null,
      ]),
    ).toEqual(
      expect.arrayContaining([
        ["red", true],
        ["yellow", true],
      ]),
    );
    expect(await db.recommendation.count({ where: { priority: true } })).toBe(2);
    // 市数据局's updates need review: one sent back, one waiting, neither moving its action.
    const proposed = await db.proposedUpdate.findMany({
      select: { state: true, action: { select: { code: true, progress: true } }, progressAfter: true },
      orderBy: { createdAt: "asc" },
    });
    expect(proposed.map((p) => [p.action?.code, p.state])).toEqual([
      ["R6.3", "rejected"],
      ["R6.2", "pending"],
    ]);
    expect(proposed.every((p) => p.action?.progress !== p.progressAfter)).toBe(true);
    expect(await db.calendarDay.count({ where: { day: shanghaiDate("2024-10-12"), workday: true } })).toBe(1);
  });

  it("is not loaded twice", async () => {
    expect(await seedSampleData(db, { onlyIfEmpty: true })).toBeNull();
    expect(await db.proposal.count()).toBe(1);
  });

  it("keeps every item's current state equal to the end of its history, and the history chained", async () => {
    const items = [
      ...(
        await db.recommendation.findMany({ select: { id: true, code: true, status: true, progress: true } })
      ).map((item) => ({ ...item, where: { recommendationId: item.id } })),
      ...(await db.action.findMany({ select: { id: true, code: true, status: true, progress: true } })).map(
        (item) => ({ ...item, where: { actionId: item.id } }),
      ),
    ];
    for (const item of items) {
      const history = await db.statusUpdate.findMany({
        where: item.where,
        orderBy: [{ effectiveDate: "asc" }, { createdAt: "asc" }],
      });
      expect(history.length, item.code).toBeGreaterThan(0);
      expect(history[0]?.statusBefore, item.code).toBeNull();
      for (let i = 1; i < history.length; i++) {
        expect(history[i]?.statusBefore, item.code).toBe(history[i - 1]?.statusAfter);
        expect(history[i]?.progressBefore, item.code).toBe(history[i - 1]?.progressAfter);
      }
      expect(history.at(-1)?.statusAfter, item.code).toBe(item.status);
      expect(history.at(-1)?.progressAfter, item.code).toBe(item.progress);
    }
  });

  it("rolls each recommendation up from its actions", async () => {
    const recommendations = await db.recommendation.findMany({
      select: {
        code: true,
        status: true,
        progress: true,
        actions: { select: { status: true, progress: true, weight: true } },
      },
    });
    for (const rec of recommendations) {
      expect({ status: rec.status, progress: rec.progress }, rec.code).toEqual(rollUp(rec.actions));
    }
  });
});
