// Where each item is in the handling cycle, as the table, the API and the exports read it: today from
// the item, on a past day from the cycle's history (or, for an item handled before the cycle was
// recorded, from its dates), and filtered by it.
import { beforeAll, describe, expect, it } from "vitest";
import { shanghaiDate } from "@/lib/dates";
import { db } from "@/lib/db";
import { getTrackingPage } from "@/lib/tracking/queries";
import { parseTrackingParams } from "@/lib/tracking/search-params";
import { seedSampleData } from "../../prisma/seed";
import { createProposal, createRecommendation } from "./factories";

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
    expect((await stagesOn({ stage: "evaluated" })).size).toBe(8);
  });
});
