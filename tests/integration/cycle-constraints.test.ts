// The handling cycle's rules the database itself keeps, whatever code path writes (the
// *_handling_cycle_constraints migrations): each refused write changes nothing.
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { shanghaiDate } from "@/lib/dates";
import { db } from "@/lib/db";
import { createAction, createAgency, createProposal, createRecommendation } from "./factories";

let recommendationId: string;
let actionId: string;
let agencyId: string;
let userId: string;

beforeAll(async () => {
  const proposal = await createProposal();
  recommendationId = (await createRecommendation(proposal.id)).id;
  actionId = (await createAction(recommendationId)).id;
  agencyId = (await createAgency()).id;
  userId = (
    await db.user.create({
      data: { name: "办理人", email: `${randomUUID()}@tracker.example`, role: "staff", agencyId },
    })
  ).id;
});

const stage = async () =>
  (await db.recommendation.findUniqueOrThrow({ where: { id: recommendationId } })).stage;

describe("a recommendation's stage", () => {
  it("agrees with its reply and its closing", async () => {
    const day = shanghaiDate("2024-05-10");
    await expect(
      db.recommendation.update({ where: { id: recommendationId }, data: { repliedAt: day } }),
    ).rejects.toThrow();
    await expect(
      db.recommendation.update({ where: { id: recommendationId }, data: { stage: "replied" } }),
    ).rejects.toThrow();
    await expect(
      db.recommendation.update({
        where: { id: recommendationId },
        data: { stage: "closed", repliedAt: day },
      }),
    ).rejects.toThrow();
    expect(await stage()).toBe("unassigned");
    await db.recommendation.update({
      where: { id: recommendationId },
      data: { stage: "replied", repliedAt: day },
    });
    await db.recommendation.update({
      where: { id: recommendationId },
      data: { stage: "closed", closedAt: day },
    });
    await db.recommendation.update({
      where: { id: recommendationId },
      data: { stage: "handling", repliedAt: null, closedAt: null },
    });
  });

  it("refuses a stage outside the vocabulary, even through raw SQL", async () => {
    await expect(
      db.$executeRaw`UPDATE "Recommendation" SET "stage" = 'finished' WHERE "id" = ${recommendationId}`,
    ).rejects.toThrow();
  });
});

describe("the cycle's history", () => {
  it("is append-only, and so are the sign-offs", async () => {
    const event = await db.cycleEvent.create({
      data: {
        recommendationId,
        step: "assign",
        fromStage: "unassigned",
        toStage: "assigned",
        actorId: userId,
      },
    });
    await expect(db.cycleEvent.update({ where: { id: event.id }, data: { note: "改写" } })).rejects.toThrow();
    await expect(db.cycleEvent.delete({ where: { id: event.id } })).rejects.toThrow();
    const key = { recommendationId, round: 1, agencyId };
    await db.replySignoff.create({ data: { ...key, decision: "signed", userId } });
    await expect(
      db.replySignoff.update({
        where: { recommendationId_round_agencyId: key },
        data: { decision: "commented", comment: "x" },
      }),
    ).rejects.toThrow();
    await expect(
      db.replySignoff.delete({ where: { recommendationId_round_agencyId: key } }),
    ).rejects.toThrow();
    await expect(
      db.replySignoff.create({ data: { ...key, round: 2, decision: "commented", comment: "  ", userId } }),
    ).rejects.toThrow();
    expect(await db.cycleEvent.findUniqueOrThrow({ where: { id: event.id } })).toMatchObject({ note: null });
  });
});

describe("requests to the office", () => {
  it("are decided once, with who and when, never changed or deleted afterwards", async () => {
    const request = await db.handbackRequest.create({
      data: { recommendationId, agencyId, reason: "不属本单位职责", requestedById: userId },
    });
    await expect(
      db.handbackRequest.update({ where: { id: request.id }, data: { state: "approved" } }),
    ).rejects.toThrow();
    await db.handbackRequest.update({
      where: { id: request.id },
      data: { state: "rejected", decidedById: userId, decidedAt: new Date(), decisionReason: "职责相关" },
    });
    await expect(
      db.handbackRequest.update({ where: { id: request.id }, data: { state: "approved" } }),
    ).rejects.toThrow();
    await expect(
      db.handbackRequest.update({ where: { id: request.id }, data: { reason: "改写" } }),
    ).rejects.toThrow();
    await expect(db.handbackRequest.delete({ where: { id: request.id } })).rejects.toThrow();
    expect(await db.handbackRequest.findUniqueOrThrow({ where: { id: request.id } })).toMatchObject({
      state: "rejected",
      reason: "不属本单位职责",
    });
  });

  it("wait one at a time, with a reason and (an extension) a later deadline", async () => {
    const ask = (requestedDueAt: string, reason = "涉及多部门协调") =>
      db.extensionRequest.create({
        data: {
          recommendationId,
          previousDueAt: shanghaiDate("2024-06-05"),
          requestedDueAt: shanghaiDate(requestedDueAt),
          reason,
          requestedById: userId,
        },
      });
    await expect(ask("2024-06-01")).rejects.toThrow();
    await expect(ask("2024-08-05", " ")).rejects.toThrow();
    await ask("2024-08-05");
    await expect(ask("2024-09-05")).rejects.toThrow();
    expect(await db.extensionRequest.count({ where: { recommendationId } })).toBe(1);
  });
});

describe("a proposed update", () => {
  const propose = (item: { recommendationId?: string; actionId?: string }, progressAfter = 40) =>
    db.proposedUpdate.create({
      data: {
        ...item,
        agencyId,
        baseVersion: 1,
        statusAfter: "in_progress",
        progressAfter,
        effectiveDate: shanghaiDate("2024-06-01"),
        authorId: userId,
      },
    });

  it("is about exactly one item, one waiting at a time, with progress 0–100", async () => {
    await expect(propose({ recommendationId, actionId })).rejects.toThrow();
    await expect(propose({})).rejects.toThrow();
    await expect(propose({ actionId }, 101)).rejects.toThrow();
    await propose({ actionId });
    await expect(propose({ actionId })).rejects.toThrow();
  });

  it("is rejected only with a reason, approved only with the update written, and then kept", async () => {
    const proposed = await db.proposedUpdate.findFirstOrThrow({ where: { actionId, state: "pending" } });
    const reviewed = { reviewedById: userId, reviewedAt: new Date() };
    await expect(
      db.proposedUpdate.update({ where: { id: proposed.id }, data: { state: "rejected", ...reviewed } }),
    ).rejects.toThrow();
    await expect(
      db.proposedUpdate.update({ where: { id: proposed.id }, data: { state: "approved", ...reviewed } }),
    ).rejects.toThrow();
    await db.proposedUpdate.update({
      where: { id: proposed.id },
      data: { state: "rejected", reviewReason: "进度与佐证不符", ...reviewed },
    });
    await expect(
      db.proposedUpdate.update({ where: { id: proposed.id }, data: { reviewReason: "改写" } }),
    ).rejects.toThrow();
    await expect(db.proposedUpdate.delete({ where: { id: proposed.id } })).rejects.toThrow();
  });
});

describe("a supervision notice (督办单)", () => {
  it("is answered only once acknowledged, and neither is changed afterwards", async () => {
    const notice = await db.supervisionNotice.create({
      data: {
        recommendationId,
        agencyId,
        level: "yellow",
        text: "请于期限内报送办理进展。",
        answerDueAt: shanghaiDate("2024-07-01"),
        issuedById: userId,
      },
    });
    const answer = { answer: "已报送。", answeredAt: new Date(), answeredById: userId };
    await expect(db.supervisionNotice.update({ where: { id: notice.id }, data: answer })).rejects.toThrow();
    await db.supervisionNotice.update({
      where: { id: notice.id },
      data: { acknowledgedAt: new Date(), acknowledgedById: userId },
    });
    await db.supervisionNotice.update({ where: { id: notice.id }, data: answer });
    await expect(
      db.supervisionNotice.update({ where: { id: notice.id }, data: { answer: "改写" } }),
    ).rejects.toThrow();
    await expect(
      db.supervisionNotice.update({ where: { id: notice.id }, data: { level: "red" } }),
    ).rejects.toThrow();
    await expect(db.supervisionNotice.delete({ where: { id: notice.id } })).rejects.toThrow();
    expect(await db.supervisionNotice.findUniqueOrThrow({ where: { id: notice.id } })).toMatchObject({
      answer: "已报送。",
      level: "yellow",
    });
  });
});

describe("a reviewer (单位负责人)", () => {
  it("is a staff member of an agency", async () => {
    await expect(
      db.user.create({
        data: { name: "x", email: `${randomUUID()}@tracker.example`, role: "official", isReviewer: true },
      }),
    ).rejects.toThrow();
    await expect(
      db.user.update({ where: { id: userId }, data: { agencyId: null, isReviewer: true } }),
    ).rejects.toThrow();
    await db.user.update({ where: { id: userId }, data: { isReviewer: true } });
    await expect(db.user.update({ where: { id: userId }, data: { role: "office" } })).rejects.toThrow();
    expect(await db.user.findUniqueOrThrow({ where: { id: userId } })).toMatchObject({ role: "staff" });
  });
});
