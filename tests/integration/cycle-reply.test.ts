// The reply workflow (起草 → 提交 → 会签 → 审核 → 受理) and closing (办结, 重新打开) through the real server
// actions and the real database: who may take each step, from which stages, with stale pages, the
// rounds of the draft and the office's corrected class.
import { beforeAll, describe, expect, it } from "vitest";
import { loadCycleHistory } from "@/lib/cycle/history";
import {
  acceptReply,
  closeRecommendation,
  draftReply,
  reopenRecommendation,
  returnReply,
  reviewReply,
  signoffReply,
  submitDraft,
} from "@/lib/cycle/reply-actions";
import { toShanghaiDateString } from "@/lib/dates";
import { db } from "@/lib/db";
import { saveReply } from "@/lib/replies/actions";
import { seedSampleData } from "../../prisma/seed";
import { callAction, request } from "./support/request-context";
import { sessionCookie } from "./support/session";

const PEOPLE = {
  lead: "staff.jxw@tracker.example",
  reviewer: "reviewer.jxw@tracker.example",
  coHandler: "staff.kw@tracker.example",
  office: "office@tracker.example",
  admin: "admin@tracker.example",
  official: "official@tracker.example",
} as const;
type Person = keyof typeof PEOPLE;
const cookies = {} as Record<Person, string>;

beforeAll(async () => {
  await seedSampleData(db);
  for (const [person, email] of Object.entries(PEOPLE))
    cookies[person as Person] = await sessionCookie(email);
});

function as(person: Person) {
  request.headers = new Headers({ cookie: cookies[person] });
}

function form(fields: Record<string, string | number>) {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.set(name, String(value));
  return data;
}

let counter = 0;
/** A recommendation of the sample's proposal led by SHEITC (with STCSM co-handling, unless alone), handling. */
async function handlingItem(coHandled = true) {
  const r3 = await db.recommendation.findFirstOrThrow({ where: { code: "R3" }, include: { agencies: true } });
  counter += 1;
  const rec = await db.recommendation.create({
    data: {
      proposalId: r3.proposalId,
      code: `RT${counter}`,
      sortOrder: 100 + counter,
      titleZh: `答复流程测试 ${counter}`,
      descriptionZh: "测试",
      sourceQuote: "测试",
      stage: "handling",
      assignedAt: new Date("2026-10-01T00:00:00+08:00"),
      agencies: {
        create: r3.agencies
          .filter((agency) => coHandled || agency.role === "lead")
          .map((agency) => ({ agencyId: agency.agencyId, role: agency.role, acknowledgedAt: new Date() })),
      },
    },
  });
  return rec.id;
}

const version = async (id: string) => (await db.recommendation.findUniqueOrThrow({ where: { id } })).version;

async function run(
  person: Person,
  action: (state: object, data: FormData) => Promise<unknown>,
  fields: Record<string, string | number>,
) {
  as(person);
  const outcome = await callAction(() => action({}, form(fields)));
  return "returned" in outcome ? outcome.returned : outcome;
}

const SAVED = { notice: "validation.saved" };
const DRAFT = {
  replyClass: "B",
  text: "经研究，答复如下……",
  letterUrl: "https://www.sheitc.sh.gov.cn/reply/1.pdf",
};

async function draftAndSubmit(id: string) {
  expect(
    await run("lead", draftReply, { recommendationId: id, version: await version(id), ...DRAFT }),
  ).toEqual(SAVED);
  expect(await run("lead", submitDraft, { recommendationId: id, version: await version(id) })).toEqual(SAVED);
}

describe("the reply workflow", () => {
  it("goes from a draft through sign-off, review and acceptance with a corrected class", async () => {
    const id = await handlingItem();
    await draftAndSubmit(id);
    expect((await db.recommendation.findUniqueOrThrow({ where: { id } })).stage).toBe("cosigning");
    expect(
      await run("coHandler", signoffReply, {
        recommendationId: id,
        version: await version(id),
        decision: "signed",
      }),
    ).toEqual(SAVED);
    expect((await db.recommendation.findUniqueOrThrow({ where: { id } })).stage).toBe("reviewing");
    // Not yet replied: only the office's acceptance counts.
    expect((await db.recommendation.findUniqueOrThrow({ where: { id } })).repliedAt).toBeNull();
    expect(
      await run("reviewer", reviewReply, {
        recommendationId: id,
        version: await version(id),
        decision: "approved",
      }),
    ).toEqual(SAVED);
    expect((await db.recommendation.findUniqueOrThrow({ where: { id } })).stage).toBe("submitted");
    expect(
      await run("office", acceptReply, { recommendationId: id, version: await version(id), replyClass: "A" }),
    ).toEqual(SAVED);

    const rec = await db.recommendation.findUniqueOrThrow({ where: { id }, include: { reply: true } });
    expect(rec.stage).toBe("replied");
    expect(rec.replyClass).toBe("A");
    expect(toShanghaiDateString(rec.repliedAt ?? new Date(0))).toBe(toShanghaiDateString(new Date()));
    expect(rec.reply).toMatchObject({
      replyClass: "B",
      acceptedClass: "A",
      round: 1,
      letterUrl: DRAFT.letterUrl,
    });
    const steps = await db.cycleEvent.findMany({
      where: { recommendationId: id },
      orderBy: { createdAt: "asc" },
    });
    expect(steps.map((s) => [s.step, s.toStage])).toEqual([
      ["draftReply", "drafting"],
      ["submitDraft", "cosigning"],
      ["signoff", "reviewing"],
      ["reviewReply", "submitted"],
      ["acceptReply", "replied"],
    ]);
    expect(steps.at(-1)?.data).toMatchObject({ replyClass: "A", draftClass: "B" });
    expect(await db.auditEvent.count({ where: { entityId: id, action: "cycle.acceptReply" } })).toBe(1);
    // The item's history shows the steps newest first, the correction with both classes.
    const history = await loadCycleHistory(db, id);
    expect(history.map((entry) => entry.step)).toEqual([
      "acceptReply",
      "reviewReply",
      "signoff",
      "submitDraft",
      "draftReply",
    ]);
    expect(history[0]).toMatchObject({ correctedClass: { drafted: "B", accepted: "A" }, actorName: "陈静" });
    expect(history[2]).toMatchObject({ decision: "signed", agency: { nameZh: "上海市科学技术委员会" } });
  });

  it("goes straight to review when there are no co-handlers, and lets the lead revise while drafting", async () => {
    const id = await handlingItem(false);
    expect(
      await run("lead", draftReply, { recommendationId: id, version: await version(id), ...DRAFT }),
    ).toEqual(SAVED);
    expect(
      await run("lead", draftReply, {
        recommendationId: id,
        version: await version(id),
        ...DRAFT,
        text: "修改后",
      }),
    ).toEqual(SAVED);
    expect((await db.replyDraft.findUniqueOrThrow({ where: { recommendationId: id } })).text).toBe("修改后");
    expect(await run("lead", submitDraft, { recommendationId: id, version: await version(id) })).toEqual(
      SAVED,
    );
    expect((await db.recommendation.findUniqueOrThrow({ where: { id } })).stage).toBe("reviewing");
  });

  it("sends a commented draft back to the lead as a new round, keeping the earlier sign-offs", async () => {
    const id = await handlingItem();
    await draftAndSubmit(id);
    expect(
      await run("coHandler", signoffReply, {
        recommendationId: id,
        version: await version(id),
        decision: "commented",
      }),
    ).toEqual({
      fieldErrors: { comment: ["cycle.reply.commentRequired"] },
    });
    expect(
      await run("coHandler", signoffReply, {
        recommendationId: id,
        version: await version(id),
        decision: "commented",
        comment: "请补充数据",
      }),
    ).toEqual(SAVED);
    let rec = await db.recommendation.findUniqueOrThrow({ where: { id }, include: { reply: true } });
    expect(rec.stage).toBe("drafting");
    expect(rec.reply?.round).toBe(2);
    await draftAndSubmit(id);
    expect(
      await run("coHandler", signoffReply, {
        recommendationId: id,
        version: await version(id),
        decision: "signed",
      }),
    ).toEqual(SAVED);
    rec = await db.recommendation.findUniqueOrThrow({ where: { id }, include: { reply: true } });
    expect(rec.stage).toBe("reviewing");
    const signoffs = await db.replySignoff.findMany({
      where: { recommendationId: id },
      orderBy: { round: "asc" },
    });
    expect(signoffs.map((s) => [s.round, s.decision, s.comment])).toEqual([
      [1, "commented", "请补充数据"],
      [2, "signed", null],
    ]);
    // The reviewer rejects (a reason is needed): round 3.
    expect(
      await run("reviewer", reviewReply, {
        recommendationId: id,
        version: await version(id),
        decision: "rejected",
      }),
    ).toEqual({
      fieldErrors: { reason: ["cycle.reply.reasonRequired"] },
    });
    expect(
      await run("reviewer", reviewReply, {
        recommendationId: id,
        version: await version(id),
        decision: "rejected",
        reason: "措辞欠妥",
      }),
    ).toEqual(SAVED);
    rec = await db.recommendation.findUniqueOrThrow({ where: { id }, include: { reply: true } });
    expect([rec.stage, rec.reply?.round]).toEqual(["drafting", 3]);
    // Through again, and the office returns it: round 4, never replied.
    await draftAndSubmit(id);
    await run("coHandler", signoffReply, {
      recommendationId: id,
      version: await version(id),
      decision: "signed",
    });
    await run("reviewer", reviewReply, {
      recommendationId: id,
      version: await version(id),
      decision: "approved",
    });
    expect(
      await run("office", returnReply, {
        recommendationId: id,
        version: await version(id),
        reason: "请核实类别",
      }),
    ).toEqual(SAVED);
    rec = await db.recommendation.findUniqueOrThrow({ where: { id }, include: { reply: true } });
    expect([rec.stage, rec.reply?.round, rec.repliedAt]).toEqual(["drafting", 4, null]);
  });

  it("refuses each step to whoever may not take it, and changes nothing", async () => {
    const id = await handlingItem();
    const fields = { recommendationId: id, version: await version(id), ...DRAFT };
    // (The reviewer is staff of the lead as well: the lead's steps are theirs too.)
    for (const person of ["coHandler", "office", "official"] as const)
      expect(await run(person, draftReply, fields)).toEqual({ formError: "validation.forbidden" });
    const alone = await handlingItem(false);
    expect(
      await run("coHandler", draftReply, {
        ...fields,
        recommendationId: alone,
        version: await version(alone),
      }),
    ).toEqual({
      formError: "validation.forbidden",
    });
    expect(await db.replyDraft.count({ where: { recommendationId: { in: [id, alone] } } })).toBe(0);
    expect(await db.cycleEvent.count({ where: { recommendationId: { in: [id, alone] } } })).toBe(0);

    await draftAndSubmit(id);
    for (const person of ["lead", "office", "official"] as const)
      expect(
        await run(person, signoffReply, {
          recommendationId: id,
          version: await version(id),
          decision: "signed",
        }),
      ).toEqual({
        formError: "validation.forbidden",
      });
    await run("coHandler", signoffReply, {
      recommendationId: id,
      version: await version(id),
      decision: "signed",
    });
    for (const person of ["lead", "coHandler", "office"] as const)
      expect(
        await run(person, reviewReply, {
          recommendationId: id,
          version: await version(id),
          decision: "approved",
        }),
      ).toEqual({
        formError: "validation.forbidden",
      });
    await run("reviewer", reviewReply, {
      recommendationId: id,
      version: await version(id),
      decision: "approved",
    });
    for (const person of ["lead", "reviewer", "coHandler", "official"] as const)
      expect(
        await run(person, acceptReply, { recommendationId: id, version: await version(id), replyClass: "A" }),
      ).toEqual({
        formError: "validation.forbidden",
      });
    expect((await db.recommendation.findUniqueOrThrow({ where: { id } })).stage).toBe("submitted");
    // An admin acts as the office.
    expect(
      await run("admin", acceptReply, { recommendationId: id, version: await version(id), replyClass: "B" }),
    ).toEqual(SAVED);
  });

  it("refuses a step from the wrong stage, and one on a stale page", async () => {
    const id = await handlingItem();
    expect(await run("lead", submitDraft, { recommendationId: id, version: await version(id) })).toEqual({
      formError: "cycle.refused.stage",
    });
    expect(
      await run("office", acceptReply, { recommendationId: id, version: await version(id), replyClass: "A" }),
    ).toEqual({
      formError: "cycle.refused.stage",
    });
    expect(
      await run("coHandler", signoffReply, {
        recommendationId: id,
        version: await version(id),
        decision: "signed",
      }),
    ).toEqual({
      formError: "cycle.refused.stage",
    });
    const stale = await version(id);
    expect(await run("lead", draftReply, { recommendationId: id, version: stale, ...DRAFT })).toEqual(SAVED);
    expect(
      await run("lead", draftReply, { recommendationId: id, version: stale, ...DRAFT, text: "旧页面" }),
    ).toEqual({
      formError: "cycle.refused.conflict",
    });
    expect((await db.replyDraft.findUniqueOrThrow({ where: { recommendationId: id } })).text).toBe(
      DRAFT.text,
    );
    // A sample item already answered cannot be drafted again.
    const r3 = await db.recommendation.findFirstOrThrow({ where: { code: "R3" } });
    expect(await run("lead", draftReply, { recommendationId: r3.id, version: r3.version, ...DRAFT })).toEqual(
      {
        formError: "cycle.refused.stage",
      },
    );
  });

  it("checks the draft's fields", async () => {
    const id = await handlingItem();
    const base = { recommendationId: id, version: await version(id) };
    expect(await run("lead", draftReply, { ...base, ...DRAFT, letterUrl: "http://example.org/x" })).toEqual({
      fieldErrors: { letterUrl: ["cycle.reply.letterHttps"] },
    });
    expect(await run("lead", draftReply, { ...base, ...DRAFT, letterUrl: "javascript:alert(1)" })).toEqual({
      fieldErrors: { letterUrl: ["validation.urlScheme"] },
    });
    expect(await run("lead", draftReply, { ...base, ...DRAFT, replyClass: "E", text: " " })).toMatchObject({
      fieldErrors: { replyClass: ["cycle.reply.classRequired"], text: ["validation.required"] },
    });
    expect(await run("lead", draftReply, { ...base, ...DRAFT, letterUrl: "" })).toEqual(SAVED);
    expect((await db.replyDraft.findUniqueOrThrow({ where: { recommendationId: id } })).letterUrl).toBeNull();
  });
});

describe("closing and reopening", () => {
  it("closes a replied item, with an account of open actions, and reopens it with a reason", async () => {
    // A sample item (rated in 2024) with actions still open.
    const r3 = await db.recommendation.findFirstOrThrow({
      where: { stage: "evaluated", actions: { some: { status: { notIn: ["completed", "not_adopted"] } } } },
    });
    const base = async () => ({ recommendationId: r3.id, version: await version(r3.id) });
    expect(await run("lead", closeRecommendation, await base())).toEqual({
      formError: "validation.forbidden",
    });
    expect(await run("office", closeRecommendation, await base())).toEqual({
      fieldErrors: { note: ["cycle.closing.openActionsNeedNote"] },
    });
    expect((await db.recommendation.findUniqueOrThrow({ where: { id: r3.id } })).stage).toBe("evaluated");
    expect(
      await run("office", closeRecommendation, { ...(await base()), note: "其余举措转入常态化工作" }),
    ).toEqual(SAVED);
    let rec = await db.recommendation.findUniqueOrThrow({ where: { id: r3.id } });
    expect(rec.stage).toBe("closed");
    expect(rec.closedAt).not.toBeNull();
    expect(await run("office", closeRecommendation, { ...(await base()), note: "再次" })).toEqual({
      formError: "cycle.refused.stage",
    });
    expect(await run("office", reopenRecommendation, { ...(await base()), reason: " " })).toEqual({
      fieldErrors: { reason: ["validation.required"] },
    });
    expect(await run("lead", reopenRecommendation, { ...(await base()), reason: "x" })).toEqual({
      formError: "validation.forbidden",
    });
    expect(await run("office", reopenRecommendation, { ...(await base()), reason: "代表再次反映" })).toEqual(
      SAVED,
    );
    rec = await db.recommendation.findUniqueOrThrow({ where: { id: r3.id } });
    expect([rec.stage, rec.closedAt]).toEqual(["evaluated", null]);
  });

  it("closes without a note when every action is done, and reopens to replied without feedback", async () => {
    const id = await handlingItem(false);
    await draftAndSubmit(id);
    await run("reviewer", reviewReply, {
      recommendationId: id,
      version: await version(id),
      decision: "approved",
    });
    await run("office", acceptReply, { recommendationId: id, version: await version(id), replyClass: "C" });
    expect(
      await run("office", closeRecommendation, { recommendationId: id, version: await version(id) }),
    ).toEqual(SAVED);
    expect(
      await run("office", reopenRecommendation, {
        recommendationId: id,
        version: await version(id),
        reason: "重新核实",
      }),
    ).toEqual(SAVED);
    expect((await db.recommendation.findUniqueOrThrow({ where: { id } })).stage).toBe("replied");
  });
});

describe("the reply form (补录 by the office, feedback by the lead's staff)", () => {
  it("lets only the office record a reply made outside the tracker, as a step of the cycle", async () => {
    const id = await handlingItem();
    const reply = {
      recommendationId: id,
      assignedAt: "2026-10-01",
      repliedAt: "2026-11-20",
      replyClass: "B",
    };
    expect(await run("lead", saveReply, { ...reply, version: await version(id) })).toEqual({
      fieldErrors: { repliedAt: ["cycle.reply.officeOnly"], replyClass: ["cycle.reply.officeOnly"] },
    });
    expect(await run("coHandler", saveReply, { ...reply, version: await version(id) })).toEqual({
      formError: "validation.forbidden",
    });
    expect((await db.recommendation.findUniqueOrThrow({ where: { id } })).repliedAt).toBeNull();
    expect(await run("office", saveReply, { ...reply, version: await version(id) })).toEqual(SAVED);
    const rec = await db.recommendation.findUniqueOrThrow({ where: { id } });
    expect([rec.stage, rec.replyClass]).toEqual(["replied", "B"]);
    expect(
      await db.cycleEvent.findFirst({ where: { recommendationId: id }, select: { step: true } }),
    ).toEqual({
      step: "recordReply",
    });

    // The lead's staff then record the deputy's feedback (the cycle's fields not sent): 已评价.
    expect(
      await run("lead", saveReply, {
        recommendationId: id,
        version: await version(id),
        satisfaction: "satisfied",
        feedbackAt: "2026-11-25",
      }),
    ).toEqual(SAVED);
    const rated = await db.recommendation.findUniqueOrThrow({ where: { id } });
    expect([
      rated.stage,
      rated.satisfaction,
      rated.replyClass,
      toShanghaiDateString(rated.repliedAt ?? new Date(0)),
    ]).toEqual(["evaluated", "satisfied", "B", "2026-11-20"]);
    const steps = await db.cycleEvent.findMany({
      where: { recommendationId: id },
      orderBy: { createdAt: "asc" },
    });
    expect(steps.map((s) => s.step)).toEqual(["recordReply", "recordFeedback"]);
  });

  it("records a reply with its feedback at once as evaluated, and refuses clearing a reply", async () => {
    const id = await handlingItem();
    const fields = {
      recommendationId: id,
      assignedAt: "2026-10-01",
      repliedAt: "2026-11-20",
      replyClass: "C",
      satisfaction: "satisfied",
      feedbackAt: "2026-11-25",
    };
    expect(await run("admin", saveReply, { ...fields, version: await version(id) })).toEqual(SAVED);
    expect((await db.recommendation.findUniqueOrThrow({ where: { id } })).stage).toBe("evaluated");
    expect(
      await run("office", saveReply, {
        recommendationId: id,
        assignedAt: "2026-10-01",
        version: await version(id),
      }),
    ).toEqual({ fieldErrors: { repliedAt: ["cycle.reply.repliedAtKept"] } });
  });
});
