// Where each item is in the handling cycle, as the table, the API and the exports read it: today from
// the item, on a past day from the cycle's history (or, for an item handled before the cycle was
// recorded, from its dates), and filtered by it.
import { beforeAll, describe, expect, it } from "vitest";
import { parseDashboardParams } from "@/lib/dashboard/params";
import { getDashboard } from "@/lib/dashboard/queries";
import { shanghaiDate } from "@/lib/dates";
import { db } from "@/lib/db";
import { getTrackingPage } from "@/lib/tracking/queries";
import { parseTrackingParams } from "@/lib/tracking/search-params";
import { seedSampleData } from "../../prisma/seed";
import { createAgency, createProposal, createRecommendation } from "./factories";

let legacyId: string;

beforeAll(async () => {
  await seedSampleData(db);
  // Assigned and replied to before the tracker recorded the cycle: no step in its history.
  const proposal = await createProposal({ code: "OLD-2023" });
  await db.proposal.update({ where: { id: proposal.id }, data: { submittedAt: shanghaiDate("2024-01-10") } });
  legacyId = (await createRecommendation(proposal.id, { code: "R1" })).id;
  await db.recommendation.update({
    where: { id: legacyId },
    data: {
      assignedAt: shanghaiDate("2024-03-01"),
      repliedAt: shanghaiDate("2024-06-01"),
      replyClass: "B",
      stage: "replied",
    },
  });
});

const stagesOn = async (query: Record<string, string>) => {
  const page = await getTrackingPage(db, parseTrackingParams({ perPage: "100", ...query }));
  return new Map(page.rows.map((row) => [`${row.proposalCode} ${row.code}`, row.stage]));
};

describe("an item's stage", () => {
  it("is the item's today, and where its steps had led on a past day", async () => {
    // LLM-2024 R1: assigned 2024-02-20, replied 2024-05-10, rated 2024-05-24 (the sample's dates).
    expect((await stagesOn({})).get("LLM-2024 R1")).toBe("evaluated");
    expect((await stagesOn({ asOf: "2024-02-19" })).get("LLM-2024 R1")).toBe("unassigned");
    expect((await stagesOn({ asOf: "2024-02-20" })).get("LLM-2024 R1")).toBe("assigned");
    expect((await stagesOn({ asOf: "2024-03-01" })).get("LLM-2024 R1")).toBe("handling");
    expect((await stagesOn({ asOf: "2024-05-15" })).get("LLM-2024 R1")).toBe("replied");
    expect((await stagesOn({ asOf: "2024-05-24" })).get("LLM-2024 R1")).toBe("evaluated");
  });

  it("of an item handled before the cycle was recorded, follows its dates", async () => {
    expect((await stagesOn({ asOf: "2024-02-01" })).get("OLD-2023 R1")).toBe("unassigned");
    expect((await stagesOn({ asOf: "2024-04-01" })).get("OLD-2023 R1")).toBe("handling");
    expect((await stagesOn({ asOf: "2024-07-01" })).get("OLD-2023 R1")).toBe("replied");
  });

  it("filters the table, an action taking its recommendation's", async () => {
    const replied = await stagesOn({ stage: "replied", asOf: "2024-05-12" });
    // Of the sample, R1 (replied 05-10, rated 05-24) and R8 (05-08, 05-22) had been replied to and
    // not yet rated then; R3 (04-26, 05-10) had been rated already.
    expect([...replied.keys()].sort()).toEqual(["LLM-2024 R1", "LLM-2024 R8"]);
    expect((await stagesOn({ asOf: "2024-05-12" })).get("LLM-2024 R3")).toBe("evaluated");
    expect(new Set(replied.values())).toEqual(new Set(["replied"]));
    const actions = await getTrackingPage(
      db,
      parseTrackingParams({ kind: "action", stage: "handling,assigned", perPage: "100" }),
    );
    expect(actions.total).toBe(0);
    // Today R3 is closed (办结, 2026-08-20), R8 awaits the deputy's rating, the others rated.
    expect((await stagesOn({ stage: "evaluated" })).size).toBe(6);
    expect(
      [...(await stagesOn({ stage: "replied" })).keys()].filter((key) => key.startsWith("LLM-2024")),
    ).toEqual(["LLM-2024 R8"]);
    expect([...(await stagesOn({ stage: "closed" })).keys()]).toEqual(["LLM-2024 R3"]);
    expect((await stagesOn({ stage: "closed", asOf: "2026-08-19" })).size).toBe(0);
  });
});

describe("the dashboard's handling cycle", () => {
  it("counts the stages, and the clocks met in working days, with the holidays", async () => {
    // Assigned on Friday 27 September 2024 to a lead and a co-handler. Three working days on: 8
    // October, past the National Day holiday (1–7 October) and the 调休 Sunday 29 September.
    const proposal = await createProposal({ code: "CYC-2024" });
    const rec = await createRecommendation(proposal.id, { code: "R1" });
    const [lead, co] = [await createAgency(), await createAgency()];
    const given = new Date("2024-09-27T09:00:00+08:00");
    await db.recommendation.update({
      where: { id: rec.id },
      data: {
        assignedAt: shanghaiDate("2024-09-27"),
        replyDueAt: shanghaiDate("2024-12-27"),
        stage: "handling",
      },
    });
    await db.recommendationAgency.createMany({
      data: [
        // Acknowledged on the last day allowed: on time only because the holiday is not counted.
        {
          recommendationId: rec.id,
          agencyId: lead.id,
          role: "lead",
          createdAt: given,
          acknowledgedAt: new Date("2024-10-08T10:00:00+08:00"),
        },
        { recommendationId: rec.id, agencyId: co.id, role: "co_handler", createdAt: given },
      ],
    });
    const dashboard = await getDashboard(
      db,
      parseDashboardParams({ proposal: "CYC-2024" }),
      shanghaiDate("2024-12-01"),
    );
    expect(dashboard.cycle.stages.find((row) => row.stage === "handling")?.items).toBe(1);
    expect(dashboard.cycle.stages.reduce((sum, row) => sum + row.items, 0)).toBe(1);
    // The co-handler never acknowledged, and its view (due a month after assignment) is owed.
    expect(dashboard.cycle.acknowledged).toEqual({ onTime: 1, late: 1 });
    expect(dashboard.cycle.views).toEqual({ sent: 0, awaiting: 0, overdue: 1 });
    // Not yet due on 1 December: the reply counts neither way.
    expect(dashboard.cycle.replied).toEqual({ onTime: 0, late: 0 });

    // Without the holiday calendar, the 8th is past the deadline (2 October).
    await db.calendarDay.deleteMany({
      where: { day: { gte: shanghaiDate("2024-09-29"), lte: shanghaiDate("2024-10-07") } },
    });
    const plain = await getDashboard(
      db,
      parseDashboardParams({ proposal: "CYC-2024" }),
      shanghaiDate("2024-12-31"),
    );
    expect(plain.cycle.acknowledged).toEqual({ onTime: 0, late: 2 });
    expect(plain.cycle.replied).toEqual({ onTime: 0, late: 1 });
  });

  it("of the sample: every assignment acknowledged on time but R1's 市财政局, replies as their deadlines say", async () => {
    const dashboard = await getDashboard(db, parseDashboardParams({ proposal: "LLM-2024" }));
    const assignments = await db.recommendationAgency.count({
      where: { recommendation: { proposal: { code: "LLM-2024" } } },
    });
    expect(dashboard.cycle.acknowledged).toEqual({ onTime: assignments - 1, late: 1 });
    const replies = await db.recommendation.findMany({
      where: { proposal: { code: "LLM-2024" } },
      select: { repliedAt: true, replyDueAt: true },
    });
    const onTime = replies.filter((r) => r.repliedAt && r.replyDueAt && r.repliedAt <= r.replyDueAt).length;
    expect(dashboard.cycle.replied).toEqual({ onTime, late: replies.length - onTime });
    expect(dashboard.cycle.stages.find((row) => row.stage === "evaluated")?.items).toBe(6);
    expect(dashboard.cycle.stages.find((row) => row.stage === "closed")?.items).toBe(1);
  });
});
