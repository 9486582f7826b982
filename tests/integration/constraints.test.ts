// The database itself refuses bad rows, whatever code path writes them. (SQLite reports a trigger's
// refusal to Prisma as a generic constraint error, so these tests check the refusal and the data.)
import { beforeAll, describe, expect, it } from "vitest";
import { shanghaiDate } from "@/lib/dates";
import { db } from "@/lib/db";
import { createAction, createAgency, createProposal, createRecommendation } from "./factories";

let proposalId: string;
let recommendationId: string;
let actionId: string;

beforeAll(async () => {
  proposalId = (await createProposal()).id;
  recommendationId = (await createRecommendation(proposalId)).id;
  actionId = (await createAction(recommendationId)).id;
});

describe("progress and weights", () => {
  it.each([101, -1])("refuses progress %i on recommendations, actions and history", async (progress) => {
    await expect(
      db.recommendation.update({ where: { id: recommendationId }, data: { progress } }),
    ).rejects.toThrow();
    await expect(db.action.update({ where: { id: actionId }, data: { progress } })).rejects.toThrow();
    await expect(
      db.statusUpdate.create({
        data: { actionId, statusAfter: "in_progress", progressAfter: progress, effectiveDate: new Date() },
      }),
    ).rejects.toThrow();
    const rec = await db.recommendation.findUniqueOrThrow({ where: { id: recommendationId } });
    expect(rec.progress).toBe(0);
  });

  it("accepts the bounds 0 and 100", async () => {
    await db.action.update({ where: { id: actionId }, data: { progress: 100 } });
    await db.action.update({ where: { id: actionId }, data: { progress: 0 } });
  });

  it("refuses a negative weight and a due date before the start", async () => {
    await expect(db.action.update({ where: { id: actionId }, data: { weight: -1 } })).rejects.toThrow();
    await expect(
      db.recommendation.update({
        where: { id: recommendationId },
        data: { startDate: shanghaiDate("2025-06-01"), dueDate: shanghaiDate("2025-05-31") },
      }),
    ).rejects.toThrow();
  });

  it("refuses a status outside the vocabulary, even through raw SQL", async () => {
    await expect(
      db.$executeRaw`UPDATE "Recommendation" SET "status" = 'finished' WHERE "id" = ${recommendationId}`,
    ).rejects.toThrow();
  });
});

describe("keys", () => {
  it("refuses a duplicate recommendation code within a proposal, but not across proposals", async () => {
    await createRecommendation(proposalId, { code: "R1" });
    await expect(createRecommendation(proposalId, { code: "R1" })).rejects.toThrow();
    const other = await createProposal();
    await expect(createRecommendation(other.id, { code: "R1" })).resolves.toBeTruthy();
  });

  it("refuses a duplicate proposal code and blank codes", async () => {
    await createProposal({ code: "SAME" });
    await expect(createProposal({ code: "SAME" })).rejects.toThrow();
    await expect(createProposal({ code: "   " })).rejects.toThrow();
  });

  it("refuses rows pointing at nothing (foreign keys)", async () => {
    await expect(createRecommendation("no-such-proposal")).rejects.toThrow();
    await expect(createAction("no-such-recommendation")).rejects.toThrow();
  });

  it("refuses deleting a proposal that has recommendations", async () => {
    await expect(db.proposal.delete({ where: { id: proposalId } })).rejects.toThrow();
  });
});

describe("deputies", () => {
  it("list co-signers from 1, with names, each account once per proposal; a deputy has no agency", async () => {
    const proposal = await createProposal();
    const deputy = await db.user.create({
      data: { name: "代表", email: `deputy-${proposal.id}@test.example`, role: "deputy" },
    });
    await db.proposal.update({ where: { id: proposal.id }, data: { authorUserId: deputy.id } });
    await db.proposalCosigner.create({
      data: { proposalId: proposal.id, position: 1, nameZh: "联名甲", userId: deputy.id },
    });
    await expect(
      db.proposalCosigner.create({ data: { proposalId: proposal.id, position: 0, nameZh: "联名乙" } }),
    ).rejects.toThrow();
    await expect(
      db.proposalCosigner.create({ data: { proposalId: proposal.id, position: 2, nameZh: "  " } }),
    ).rejects.toThrow();
    await expect(
      db.proposalCosigner.create({
        data: { proposalId: proposal.id, position: 2, nameZh: "联名乙", userId: deputy.id },
      }),
    ).rejects.toThrow();
    const agency = await createAgency();
    await expect(
      db.user.update({ where: { id: deputy.id }, data: { agencyId: agency.id } }),
    ).rejects.toThrow();
    expect(await db.proposalCosigner.count({ where: { proposalId: proposal.id } })).toBe(1);
  });
});

describe("handling agencies", () => {
  it("allows one lead and any number of co-handlers per recommendation", async () => {
    const [lead, co1, co2, secondLead] = await Promise.all([
      createAgency(),
      createAgency(),
      createAgency(),
      createAgency(),
    ]);
    const rec = await createRecommendation(proposalId);
    await db.recommendationAgency.createMany({
      data: [
        { recommendationId: rec.id, agencyId: lead.id, role: "lead" },
        { recommendationId: rec.id, agencyId: co1.id, role: "co_handler" },
        { recommendationId: rec.id, agencyId: co2.id, role: "co_handler" },
      ],
    });
    await expect(
      db.recommendationAgency.create({
        data: { recommendationId: rec.id, agencyId: secondLead.id, role: "lead" },
      }),
    ).rejects.toThrow();
    const action = await createAction(rec.id);
    await db.actionAgency.create({ data: { actionId: action.id, agencyId: lead.id, role: "lead" } });
    await expect(
      db.actionAgency.create({ data: { actionId: action.id, agencyId: co1.id, role: "lead" } }),
    ).rejects.toThrow();
  });
});

describe("evidence", () => {
  const base = { titleZh: "佐证", kind: "news" as const };

  it("accepts an http(s) link on exactly one item", async () => {
    await db.evidence.create({ data: { ...base, url: "https://example.org/a", recommendationId } });
    await db.evidence.create({ data: { ...base, url: "http://example.org/b", actionId } });
  });

  it.each(["javascript:alert(1)", "data:text/html,x", "file:///etc/passwd", "ftp://example.org/x"])(
    "refuses the link %s",
    async (url) => {
      await expect(db.evidence.create({ data: { ...base, url, recommendationId } })).rejects.toThrow();
    },
  );

  it("refuses links over 2,000 characters", async () => {
    const url = `https://example.org/${"a".repeat(2000)}`;
    await expect(db.evidence.create({ data: { ...base, url, recommendationId } })).rejects.toThrow();
  });

  it("refuses evidence attached to both or neither item", async () => {
    await expect(
      db.evidence.create({ data: { ...base, url: "https://example.org/c", recommendationId, actionId } }),
    ).rejects.toThrow();
    await expect(db.evidence.create({ data: { ...base, url: "https://example.org/d" } })).rejects.toThrow();
  });

  it("is withdrawn with a reason, never deleted", async () => {
    const evidence = await db.evidence.create({ data: { ...base, url: "https://example.org/e", actionId } });
    await expect(
      db.evidence.update({ where: { id: evidence.id }, data: { withdrawnAt: new Date() } }),
    ).rejects.toThrow();
    await db.evidence.update({
      where: { id: evidence.id },
      data: { withdrawnAt: new Date(), withdrawnReason: "链接失效" },
    });
    await expect(db.evidence.delete({ where: { id: evidence.id } })).rejects.toThrow();
    expect(await db.evidence.count({ where: { id: evidence.id } })).toBe(1);
  });
});

describe("history is append-only", () => {
  it("refuses to change or delete a status update, and its evidence links", async () => {
    const evidence = await db.evidence.create({
      data: { titleZh: "佐证", url: "https://example.org/h", recommendationId },
    });
    const update = await db.statusUpdate.create({
      data: {
        recommendationId,
        statusBefore: "not_started",
        statusAfter: "in_progress",
        progressBefore: 0,
        progressAfter: 20,
        effectiveDate: shanghaiDate("2025-03-01"),
        comment: "启动",
        evidence: { create: [{ evidenceId: evidence.id }] },
      },
    });
    await expect(
      db.statusUpdate.update({ where: { id: update.id }, data: { comment: "改写历史" } }),
    ).rejects.toThrow();
    await expect(db.statusUpdate.delete({ where: { id: update.id } })).rejects.toThrow();
    await expect(db.statusUpdate.deleteMany({})).rejects.toThrow();
    await expect(
      db.statusUpdateEvidence.deleteMany({ where: { statusUpdateId: update.id } }),
    ).rejects.toThrow();
    const kept = await db.statusUpdate.findUniqueOrThrow({
      where: { id: update.id },
      include: { evidence: true },
    });
    expect(kept.comment).toBe("启动");
    expect(kept.evidence).toHaveLength(1);
  });
});

describe("the history's daily totals", () => {
  // HistoryDay as the triggers keep it, beside the same totals summed from the history, in one
  // statement (one snapshot, whatever other tests write meanwhile): rows in one and not the other.
  const mismatches = () =>
    db.$queryRaw<{ kind: string }[]>`
      WITH summed AS (
        SELECT CASE WHEN "actionId" IS NULL THEN 'recommendation' ELSE 'action' END AS "kind",
          "effectiveDate" AS "day",
          SUM("progressAfter" - COALESCE("progressBefore", 0)) AS "progressChange",
          SUM((CASE WHEN "statusAfter" = 'completed' THEN 1 ELSE 0 END)
            - (CASE WHEN "statusBefore" = 'completed' THEN 1 ELSE 0 END)) AS "completedChange"
        FROM "StatusUpdate" GROUP BY 1, 2),
      kept AS (SELECT "kind", "day", "progressChange", "completedChange" FROM "HistoryDay")
      SELECT "kind" FROM (SELECT * FROM kept EXCEPT SELECT * FROM summed) a
      UNION ALL SELECT "kind" FROM (SELECT * FROM summed EXCEPT SELECT * FROM kept) b`;

  const update = (day: string, progressAfter: number, statusAfter: "in_progress" | "completed") => ({
    actionId,
    statusBefore: "in_progress" as const,
    statusAfter,
    progressBefore: 10,
    progressAfter,
    effectiveDate: shanghaiDate(day),
  });

  it("add up every status update, written in one statement or many, by one transaction or several", async () => {
    await db.$transaction(async (tx) => {
      // Several statements of one transaction on one day, and a second day.
      await tx.statusUpdate.createMany({
        data: [update("2011-04-01", 30, "in_progress"), update("2011-04-01", 100, "completed")],
      });
      await tx.statusUpdate.create({ data: update("2011-04-01", 50, "in_progress") });
      await tx.statusUpdate.createMany({ data: [update("2011-04-02", 40, "in_progress")] });
      await tx.statusUpdate.create({
        data: { ...update("2011-04-01", 20, "in_progress"), actionId: null, recommendationId },
      });
    });
    // Two transactions on the same day at once.
    await Promise.all(
      [60, 70].map((progress) =>
        db.$transaction((tx) =>
          tx.statusUpdate.create({ data: update("2011-04-01", progress, "in_progress") }),
        ),
      ),
    );
    // A transaction rolled back adds nothing.
    await expect(
      db.$transaction(async (tx) => {
        await tx.statusUpdate.create({ data: update("2011-04-01", 90, "completed") });
        throw new Error("rolled back");
      }),
    ).rejects.toThrow("rolled back");

    expect(await mismatches()).toEqual([]);
    const day = await db.historyDay.findUniqueOrThrow({
      where: { kind_day: { kind: "action", day: shanghaiDate("2011-04-02") } },
    });
    expect(day).toMatchObject({ progressChange: 30, completedChange: 0 });
    // No transaction's own rows are left behind.
    expect(await db.historyDay.count({ where: { kind: { contains: "@" } } })).toBe(0);
  });
});
