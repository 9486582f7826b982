// Each item's leadAgencyId (a copy the dashboard groups by) follows its lead assignment through
// every kind of change, made by database triggers.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createAction, createAgency, createProposal, createRecommendation } from "./factories";

describe("the lead agency copy", () => {
  it("follows assignment, reassignment and removal of the lead, for recommendations and actions", async () => {
    const proposal = await createProposal();
    const recommendation = await createRecommendation(proposal.id);
    const action = await createAction(recommendation.id);
    const [first, second] = [await createAgency(), await createAgency()];
    const lead = async () => [
      (await db.recommendation.findUniqueOrThrow({ where: { id: recommendation.id } })).leadAgencyId,
      (await db.action.findUniqueOrThrow({ where: { id: action.id } })).leadAgencyId,
    ];
    expect(await lead()).toEqual([null, null]);

    await db.recommendationAgency.createMany({
      data: [
        { recommendationId: recommendation.id, agencyId: first.id, role: "lead" },
        { recommendationId: recommendation.id, agencyId: second.id, role: "co_handler" },
      ],
    });
    await db.actionAgency.create({ data: { actionId: action.id, agencyId: second.id, role: "co_handler" } });
    expect(await lead()).toEqual([first.id, null]);

    // The lead changes hands: the old lead steps down, the co-handler steps up.
    await db.recommendationAgency.update({
      where: { recommendationId_agencyId: { recommendationId: recommendation.id, agencyId: first.id } },
      data: { role: "co_handler" },
    });
    expect((await lead())[0]).toBeNull();
    await db.recommendationAgency.update({
      where: { recommendationId_agencyId: { recommendationId: recommendation.id, agencyId: second.id } },
      data: { role: "lead" },
    });
    await db.actionAgency.update({
      where: { actionId_agencyId: { actionId: action.id, agencyId: second.id } },
      data: { role: "lead" },
    });
    expect(await lead()).toEqual([second.id, second.id]);

    await db.recommendationAgency.deleteMany({
      where: { recommendationId: recommendation.id, role: "lead" },
    });
    await db.actionAgency.deleteMany({ where: { actionId: action.id } });
    expect(await lead()).toEqual([null, null]);
  });
});
