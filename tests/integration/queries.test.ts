// The pages' queries, checked against a brute-force computation over the same rows.
import { beforeAll, describe, expect, it } from "vitest";
import { shanghaiToday } from "@/lib/dates";
import { db } from "@/lib/db";
import { getProposalOverview } from "@/lib/proposals/queries";
import { isOverdue } from "@/lib/recommendations/overdue";
import { getRecommendationPage } from "@/lib/recommendations/queries";
import { seedSampleData } from "../../prisma/seed";

beforeAll(async () => {
  await seedSampleData(db);
});

describe("proposal overview", () => {
  it("lists the recommendations in order with their figures", async () => {
    const overview = await getProposalOverview("LLM-2024");
    if (!overview) throw new Error("no overview");
    const rows = await db.recommendation.findMany({
      include: {
        agencies: { include: { agency: true } },
        actions: { include: { statusUpdates: true } },
        statusUpdates: true,
      },
    });

    expect(overview.recommendations.map((rec) => rec.code)).toEqual([
      "R1",
      "R2",
      "R3",
      "R4",
      "R5",
      "R6",
      "R7",
      "R8",
    ]);
    expect(overview.figures.total).toBe(rows.length);
    const counted = Object.values(overview.figures.countByStatus).reduce((sum, n) => sum + (n ?? 0), 0);
    expect(counted).toBe(rows.length);
    for (const status of ["not_started", "in_progress", "completed", "stalled", "not_adopted"] as const) {
      expect(overview.figures.countByStatus[status] ?? 0, status).toBe(
        rows.filter((r) => r.status === status).length,
      );
    }
    const weights = rows.reduce((sum, r) => sum + r.weight, 0);
    expect(overview.figures.weightedProgress).toBe(
      Math.round(rows.reduce((sum, r) => sum + r.weight * r.progress, 0) / weights),
    );
    const today = shanghaiToday();
    expect(overview.figures.overdue).toBe(rows.filter((r) => isOverdue(r, today)).length);

    for (const rec of overview.recommendations) {
      const row = rows.find((r) => r.id === rec.id);
      if (!row) throw new Error(rec.code);
      expect(rec.leadAgency?.nameZh, rec.code).toBe(
        row.agencies.find((a) => a.role === "lead")?.agency.nameZh,
      );
      const updates = [...row.statusUpdates, ...row.actions.flatMap((a) => a.statusUpdates)];
      const latest = Math.max(...updates.map((u) => u.createdAt.getTime()));
      expect(rec.lastUpdateAt?.getTime(), rec.code).toBe(latest);
    }
  });

  it("picks the earliest proposal without a code, and answers null for an unknown one", async () => {
    expect((await getProposalOverview())?.proposal.code).toBe("LLM-2024");
    expect(await getProposalOverview("NO-SUCH")).toBeNull();
  });
});

describe("recommendation page", () => {
  it("has the item, its actions, all evidence and the whole history of it and its actions", async () => {
    const page = await getRecommendationPage("LLM-2024", "R3");
    if (!page) throw new Error("no page");
    const rec = await db.recommendation.findFirstOrThrow({
      where: { code: "R3" },
      include: { actions: true },
    });
    const actionIds = rec.actions.map((a) => a.id);
    const mine = { OR: [{ recommendationId: rec.id }, { actionId: { in: actionIds } }] };

    expect(page.recommendation.actions.map((a) => a.code)).toEqual(rec.actions.map((a) => a.code).sort());
    expect(page.evidence.length).toBe(await db.evidence.count({ where: mine }));
    // Roll-ups are not entries of their own: they come inside the action update that caused them.
    expect(page.history.length).toBe(await db.statusUpdate.count({ where: { ...mine, rollUpOfId: null } }));
    const rollUps = await db.statusUpdate.count({
      where: { recommendationId: rec.id, rollUpOfId: { not: null } },
    });
    expect(page.history.filter((entry) => entry.rolledUpInto).length).toBe(rollUps);
    const dates = page.history.map((entry) => entry.effectiveDate.getTime());
    expect(dates).toEqual([...dates].sort((a, b) => b - a));
    expect(page.history.some((entry) => entry.evidence.length > 0)).toBe(true);
  });

  it("answers null for an unknown recommendation or proposal", async () => {
    expect(await getRecommendationPage("LLM-2024", "R99")).toBeNull();
    expect(await getRecommendationPage("NO-SUCH", "R1")).toBeNull();
  });
});
