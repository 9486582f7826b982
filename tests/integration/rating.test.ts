// The deputy's rating (评价) on the configurable questionnaire (lib/rating), through the real server actions
// and the real database: the questionnaire's configuration and its checks; the deputy's own rating of an
// accepted reply of their proposal, and what is refused; 不满意 and its re-handling clock and notice; a
// rating recorded on the deputy's behalf (代录); and the public page's satisfaction (issue 19, parts 2 and 5).
import { beforeAll, describe, expect, it } from "vitest";
import { toShanghaiDateString } from "@/lib/dates";
import { db } from "@/lib/db";
import { setProposalPublished } from "@/lib/public/actions";
import { getPublicProgress } from "@/lib/public/queries";
import {
  createRatingQuestion,
  rateReply,
  setRatingQuestionActive,
  updateRatingQuestion,
} from "@/lib/rating/actions";
import { replyClock } from "@/lib/recommendations/reply-clock";
import { saveReply } from "@/lib/replies/actions";
import { SAMPLE_PASSWORD } from "../../prisma/sample-data";
import { seedSampleData } from "../../prisma/seed";
import { callAction, request } from "./support/request-context";
import { sessionCookie } from "./support/session";

const PEOPLE = {
  deputy: "deputy.wang@tracker.example",
  otherDeputy: "rating.other-deputy@tracker.example",
  lead: "staff.jxw@tracker.example",
  coHandler: "staff.kw@tracker.example",
  otherStaff: "staff.sjj@tracker.example",
  office: "office@tracker.example",
  admin: "admin@tracker.example",
  official: "official@tracker.example",
} as const;
type Person = keyof typeof PEOPLE;
const cookies = {} as Record<Person, string>;
let deputyId = "";

beforeAll(async () => {
  await seedSampleData(db);
  // A deputy of no proposal of these tests, with an account of their own.
  const { createAuth } = await import("@/lib/auth/config");
  await createAuth(db).api.createUser({
    body: { email: PEOPLE.otherDeputy, name: "另一位代表", password: SAMPLE_PASSWORD, role: "official" },
  });
  await db.user.update({ where: { email: PEOPLE.otherDeputy }, data: { role: "deputy" } });
  for (const [person, email] of Object.entries(PEOPLE))
    cookies[person as Person] = await sessionCookie(email);
  deputyId = (await db.user.findUniqueOrThrow({ where: { email: PEOPLE.deputy } })).id;
});

function form(fields: Record<string, string | number>) {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.set(name, String(value));
  return data;
}

async function run(
  person: Person,
  action: (state: object, data: FormData) => Promise<unknown>,
  fields: Record<string, string | number>,
) {
  request.headers = new Headers({ cookie: cookies[person] });
  const outcome = await callAction(() => action({}, form(fields)));
  return "returned" in outcome ? outcome.returned : outcome;
}

let counter = 0;
/**
 * A recommendation of a proposal of its own whose first author is the demo deputy, led by SHEITC with
 * STCSM co-handling (as the sample's R3), at `stage`: accepted (replied) unless said otherwise.
 */
async function item(
  stage: "submitted" | "replied" | "closed" = "replied",
  authorUserId: string | null = deputyId,
) {
  const r3 = await db.recommendation.findFirstOrThrow({ where: { code: "R3" }, include: { agencies: true } });
  counter += 1;
  const proposal = await db.proposal.create({
    data: {
      code: `RT-${counter}-${Math.random().toString(36).slice(2, 6)}`,
      titleZh: "评价测试建议",
      authorZh: "王延峰（示例）",
      authorUserId,
      congressSessionZh: "第十六届二次会议",
      submittedAt: new Date("2024-01-26"),
      summaryZh: "摘要",
    },
  });
  const accepted = stage !== "submitted";
  const rec = await db.recommendation.create({
    data: {
      proposalId: proposal.id,
      code: "R1",
      titleZh: `评价测试 ${counter}`,
      descriptionZh: "测试",
      sourceQuote: "测试",
      stage,
      assignedAt: new Date("2026-08-01T00:00:00+08:00"),
      repliedAt: accepted ? new Date("2026-11-02T00:00:00+08:00") : null,
      replyClass: accepted ? "B" : null,
      closedAt: stage === "closed" ? new Date() : null,
      agencies: {
        create: r3.agencies.map((agency) => ({
          agencyId: agency.agencyId,
          role: agency.role,
          acknowledgedAt: new Date(),
        })),
      },
    },
  });
  if (stage !== "replied" && stage !== "closed")
    await db.replyDraft.create({
      data: { recommendationId: rec.id, replyClass: "B", text: "答复稿", draftedById: deputyId },
    });
  return rec.id;
}

const version = async (id: string) => (await db.recommendation.findUniqueOrThrow({ where: { id } })).version;

/** A full answer to the default questionnaire. */
const ANSWERS = {
  q_rating_question_consulted: "yes",
  q_rating_question_attitude: "0",
  q_rating_question_addresses: "1",
  q_rating_question_opinion: "希望尽快落实。",
};
const rate = async (person: Person, id: string, fields: Record<string, string> = {}) =>
  run(person, rateReply, {
    recommendationId: id,
    version: await version(id),
    satisfaction: "satisfied",
    ...ANSWERS,
    ...fields,
  });

describe("the questionnaire", () => {
  it("starts with the default questions, the satisfaction scale as its summary", async () => {
    const questions = await db.ratingQuestion.findMany({
      where: { active: true },
      orderBy: { sortOrder: "asc" },
    });
    expect(questions.map((q) => [q.textZh, q.kind, q.required])).toEqual([
      ["办理前是否与您沟通", "yes_no", true],
      ["办理人员态度", "scale", true],
      ["答复是否针对建议内容", "scale", true],
      ["对办理结果的意见", "text", false],
    ]);
    expect(questions[1]?.options).toEqual([
      { zh: "满意", en: "Satisfied" },
      { zh: "基本满意", en: "Basically satisfied" },
      { zh: "不满意", en: "Dissatisfied" },
    ]);
  });

  it("takes a scale with its options, and refuses a scale of one option, options on yes/no, a blank text", async () => {
    const audits = await db.auditEvent.count({ where: { action: "ratingQuestion.create" } });
    const count = await db.ratingQuestion.count();
    expect(
      await run("admin", createRatingQuestion, {
        kind: "scale",
        textZh: "只有一个选项",
        options: "好",
        sortOrder: 7,
      }),
    ).toEqual({ fieldErrors: { options: ["rating.errors.optionsCount"] } });
    expect(
      await run("admin", createRatingQuestion, {
        kind: "yes_no",
        textZh: "是否",
        options: "是\n否",
        sortOrder: 7,
      }),
    ).toEqual({ fieldErrors: { options: ["rating.errors.optionsOnlyScale"] } });
    expect(await run("admin", createRatingQuestion, { kind: "text", textZh: "  ", sortOrder: 7 })).toEqual({
      fieldErrors: { textZh: ["validation.required"] },
    });
    expect(await run("admin", createRatingQuestion, { kind: "text", textZh: "x", sortOrder: 1 })).toEqual({
      notice: "rating.admin.created",
    });
    expect(
      await run("lead", createRatingQuestion, { kind: "text", textZh: "员工不能加", sortOrder: 1 }),
    ).toEqual({
      formError: "validation.forbidden",
    });
    expect(await db.ratingQuestion.count()).toBe(count + 1);
    expect(
      await run("admin", createRatingQuestion, {
        kind: "scale",
        textZh: "答复是否及时",
        textEn: "Was the reply on time?",
        options: "及时 | On time\n基本及时\n不及时 | Late",
        sortOrder: 8,
        required: "on",
      }),
    ).toEqual({ notice: "rating.admin.created" });
    const created = await db.ratingQuestion.findFirstOrThrow({ where: { textZh: "答复是否及时" } });
    expect(created).toMatchObject({ kind: "scale", required: true, active: true, sortOrder: 8 });
    expect(created.options).toEqual([
      { zh: "及时", en: "On time" },
      { zh: "基本及时", en: null },
      { zh: "不及时", en: "Late" },
    ]);
    expect(await db.auditEvent.count({ where: { action: "ratingQuestion.create" } })).toBe(audits + 2);
    // Retired again: the other tests answer the default questionnaire.
    expect(await run("admin", setRatingQuestionActive, { questionId: created.id, active: "false" })).toEqual({
      notice: "rating.admin.retired",
    });
    const x = await db.ratingQuestion.findFirstOrThrow({ where: { textZh: "x" } });
    await run("admin", setRatingQuestionActive, { questionId: x.id, active: "false" });
  });

  it("edits a question until it is answered, then only retires it, its answers kept", async () => {
    const question = await db.ratingQuestion.create({
      data: { kind: "yes_no", textZh: "是否实地走访", sortOrder: 5 },
    });
    const edit = (fields: Record<string, string | number>) =>
      run("admin", updateRatingQuestion, {
        questionId: question.id,
        kind: "yes_no",
        textZh: "是否实地走访您",
        sortOrder: 5,
        active: "on",
        ...fields,
      });
    expect(await edit({ kind: "text" })).toEqual({ fieldErrors: { kind: ["rating.errors.kindFixed"] } });
    expect(await edit({})).toEqual({ notice: "rating.admin.saved" });
    const id = await item();
    expect(await rate("deputy", id, { [`q_${question.id}`]: "no" })).toEqual({ notice: "rating.saved" });
    expect(await edit({ textZh: "改了已答的问题" })).toEqual({ formError: "rating.errors.answered" });
    expect((await db.ratingQuestion.findUniqueOrThrow({ where: { id: question.id } })).textZh).toBe(
      "是否实地走访您",
    );
    expect(await run("admin", setRatingQuestionActive, { questionId: question.id, active: "false" })).toEqual(
      {
        notice: "rating.admin.retired",
      },
    );
    // Retired: no longer asked, its answer kept with its rating.
    expect(
      await db.ratingAnswer.findMany({ where: { questionId: question.id }, select: { value: true } }),
    ).toEqual([{ value: "no" }]);
    expect(
      await db.auditEvent.count({ where: { action: "ratingQuestion.retire", entityId: question.id } }),
    ).toBe(1);
  });
});

describe("the deputy's own rating", () => {
  it("rates an accepted reply of their proposal: the 评价 step, the summary as the feedback, the answers, the audit", async () => {
    const id = await item();
    const before = await db.recommendation.findUniqueOrThrow({ where: { id } });
    expect(await rate("deputy", id)).toEqual({ notice: "rating.saved" });
    const after = await db.recommendation.findUniqueOrThrow({ where: { id } });
    expect(after.stage).toBe("evaluated");
    expect(after.satisfaction).toBe("satisfied");
    expect(after.feedbackAt && toShanghaiDateString(after.feedbackAt)).toBe(toShanghaiDateString(new Date()));
    expect(after.version).toBe(before.version + 1);
    const rating = await db.replyRating.findFirstOrThrow({
      where: { recommendationId: id },
      include: { answers: true },
    });
    expect(rating).toMatchObject({
      round: 1,
      satisfaction: "satisfied",
      byDeputy: true,
      proxyReason: null,
      recordedById: deputyId,
    });
    expect(Object.fromEntries(rating.answers.map((a) => [a.questionId, a.value]))).toEqual({
      rating_question_consulted: "yes",
      rating_question_attitude: "0",
      rating_question_addresses: "1",
      rating_question_opinion: "希望尽快落实。",
    });
    const event = await db.cycleEvent.findFirstOrThrow({
      where: { recommendationId: id, step: "recordFeedback" },
    });
    expect(event).toMatchObject({ fromStage: "replied", toStage: "evaluated", actorId: deputyId });
    expect(
      await db.auditEvent.count({ where: { entityId: id, action: "rating.record", actorId: deputyId } }),
    ).toBe(1);
    expect(await db.auditEvent.count({ where: { entityId: id, action: "cycle.recordFeedback" } })).toBe(1);
    // The staff's reply form no longer changes it.
    const day = (value: Date | null) => (value ? toShanghaiDateString(value) : "");
    expect(
      await run("lead", saveReply, {
        recommendationId: id,
        version: after.version,
        assignedAt: day(after.assignedAt),
        repliedAt: day(after.repliedAt),
        replyClass: "B",
        satisfaction: "dissatisfied",
        feedbackAt: day(after.feedbackAt),
      }),
    ).toEqual({ fieldErrors: { satisfaction: ["rating.errors.replyFormRated"] } });
    expect((await db.recommendation.findUniqueOrThrow({ where: { id } })).satisfaction).toBe("satisfied");
  });

  it("is refused before the office accepted the reply, once closed, on another's proposal, and twice for a round", async () => {
    const ratings = await db.replyRating.count();
    const submitted = await item("submitted");
    expect(await rate("deputy", submitted)).toEqual({ formError: "rating.refused.notAccepted" });
    const closed = await item("closed");
    expect(await rate("deputy", closed)).toEqual({ formError: "rating.refused.notAccepted" });
    const notTheirs = await item("replied", null);
    expect(await rate("deputy", notTheirs)).toEqual({ formError: "validation.notFound" });
    const theirs = await item();
    expect(await rate("otherDeputy", theirs)).toEqual({ formError: "validation.notFound" });
    expect(await rate("official", theirs)).toEqual({ formError: "rating.refused.forbidden" });
    expect(await rate("coHandler", theirs, { proxyReason: "代表电话反馈" })).toEqual({
      formError: "rating.refused.forbidden",
    });
    expect(await rate("otherStaff", theirs, { proxyReason: "代表电话反馈" })).toEqual({
      formError: "rating.refused.forbidden",
    });
    // Nothing answered: every gap at once.
    expect(
      await run("deputy", rateReply, { recommendationId: theirs, version: await version(theirs) }),
    ).toEqual({
      fieldErrors: {
        satisfaction: ["validation.required"],
        q_rating_question_consulted: ["validation.required"],
        q_rating_question_attitude: ["validation.required"],
        q_rating_question_addresses: ["validation.required"],
      },
    });
    expect(
      await run("lead", rateReply, { recommendationId: theirs, version: await version(theirs) }),
    ).toEqual({
      fieldErrors: {
        satisfaction: ["validation.required"],
        q_rating_question_consulted: ["validation.required"],
        q_rating_question_attitude: ["validation.required"],
        q_rating_question_addresses: ["validation.required"],
        proxyReason: ["rating.errors.reasonRequired"],
      },
    });
    // A required question left out, an answer not among its options.
    expect(await rate("deputy", theirs, { q_rating_question_consulted: "" })).toEqual({
      fieldErrors: { q_rating_question_consulted: ["validation.required"] },
    });
    expect(await rate("deputy", theirs, { q_rating_question_attitude: "7" })).toEqual({
      fieldErrors: { q_rating_question_attitude: ["validation.invalid"] },
    });
    expect(await rate("deputy", theirs, { satisfaction: "no-such-level" })).toEqual({
      fieldErrors: { satisfaction: ["validation.invalid"] },
    });
    expect(await db.replyRating.count()).toBe(ratings);
    expect((await db.recommendation.findUniqueOrThrow({ where: { id: theirs } })).stage).toBe("replied");
    // Stale page: refused as a conflict.
    expect(
      await run("deputy", rateReply, {
        recommendationId: theirs,
        version: (await version(theirs)) - 1 || 99,
        satisfaction: "satisfied",
        ...ANSWERS,
      }),
    ).toEqual({ formError: "rating.refused.conflict" });
    expect(await rate("deputy", theirs)).toEqual({ notice: "rating.saved" });
    expect(await rate("deputy", theirs)).toEqual({ formError: "rating.refused.alreadyRated" });
    // The deputy's own rating is not overwritten by staff.
    expect(await rate("lead", theirs, { proxyReason: "代表电话反馈", satisfaction: "dissatisfied" })).toEqual(
      {
        formError: "rating.refused.deputyRated",
      },
    );
    expect(await db.replyRating.count({ where: { recommendationId: theirs } })).toBe(1);
  });

  it("不满意 starts the re-handling clock (1 month) and tells the lead agency's staff, no other agency's", async () => {
    const id = await item();
    expect(await rate("deputy", id, { satisfaction: "dissatisfied" })).toEqual({
      notice: "rating.savedDissatisfied",
    });
    const rec = await db.recommendation.findUniqueOrThrow({ where: { id } });
    const today = new Date();
    const clock = replyClock(rec, true, today);
    const [year, month, dayOfMonth] = toShanghaiDateString(today).split("-").map(Number) as [
      number,
      number,
      number,
    ];
    const due = toShanghaiDateString(clock.rehandlingDueAt ?? new Date(0));
    // One month after the rating (the month's end where the next month is shorter).
    const next = new Date(Date.UTC(month === 12 ? year + 1 : year, month === 12 ? 0 : month, 1));
    const lastDay = new Date(Date.UTC(next.getUTCFullYear(), next.getUTCMonth() + 1, 0)).getUTCDate();
    const expected = `${next.getUTCFullYear()}-${String(next.getUTCMonth() + 1).padStart(2, "0")}-${String(Math.min(dayOfMonth, lastDay)).padStart(2, "0")}`;
    expect(due).toBe(expected);
    expect(clock.rehandlingOverdueDays).toBeNull();

    const notice = await db.notification.findFirstOrThrow({
      where: { rule: "feedback.dissatisfied", itemId: id },
      include: { recipients: { include: { user: { select: { role: true, agencyId: true } } } } },
    });
    const lead = await db.agency.findUniqueOrThrow({ where: { code: "SHEITC" } });
    const leadStaff = await db.user.findMany({
      where: { role: "staff", agencyId: lead.id },
      select: { id: true },
    });
    const staffTold = notice.recipients
      .filter((r) => r.user.role === "staff")
      .map((r) => r.userId)
      .sort();
    expect(staffTold).toEqual(leadStaff.map((u) => u.id).sort());
    expect(notice.recipients.some((r) => r.userId === deputyId)).toBe(false);
  });

  it("rates the answer after re-handling as a round of its own, the first round's feedback kept", async () => {
    const id = await item();
    expect(await rate("deputy", id, { satisfaction: "dissatisfied" })).toEqual({
      notice: "rating.savedDissatisfied",
    });
    const first = await db.recommendation.findUniqueOrThrow({ where: { id } });
    await db.recommendation.update({ where: { id }, data: { rehandlingRepliedAt: first.feedbackAt } });
    expect(await rate("deputy", id, { satisfaction: "basically_satisfied" })).toEqual({
      notice: "rating.savedRound2",
    });
    const after = await db.recommendation.findUniqueOrThrow({ where: { id } });
    expect(after.satisfaction).toBe("dissatisfied");
    expect(
      (await db.replyRating.findMany({ where: { recommendationId: id }, orderBy: { round: "asc" } })).map(
        (r) => [r.round, r.satisfaction],
      ),
    ).toEqual([
      [1, "dissatisfied"],
      [2, "basically_satisfied"],
    ]);
    expect(await rate("deputy", id)).toEqual({ formError: "rating.refused.alreadyRated" });
  });
});

describe("a rating recorded on the deputy's behalf (代录)", () => {
  it("needs a reason, is marked so, and is recorded by the lead's staff or the office", async () => {
    const id = await item();
    expect(await rate("lead", id)).toEqual({
      fieldErrors: { proxyReason: ["rating.errors.reasonRequired"] },
    });
    expect(await db.replyRating.count({ where: { recommendationId: id } })).toBe(0);
    expect(await rate("lead", id, { proxyReason: "代表电话反馈" })).toEqual({ notice: "rating.saved" });
    const lead = await db.user.findUniqueOrThrow({ where: { email: PEOPLE.lead } });
    expect(await db.replyRating.findFirstOrThrow({ where: { recommendationId: id } })).toMatchObject({
      byDeputy: false,
      proxyReason: "代表电话反馈",
      recordedById: lead.id,
    });
    const audit = await db.auditEvent.findFirstOrThrow({ where: { entityId: id, action: "rating.record" } });
    expect(audit.after).toMatchObject({ byDeputy: false, proxyReason: "代表电话反馈" });
    // The deputy is told that it was recorded for them, and why.
    const deputy = await db.user.findUniqueOrThrow({ where: { email: PEOPLE.deputy } });
    const told = await db.notification.findMany({
      where: { rule: "rating.proxy", itemId: id, recipients: { some: { userId: deputy.id } } },
    });
    expect(told.map((n) => n.payload)).toEqual([expect.objectContaining({ reason: "代表电话反馈" })]);
    // Rated: the deputy cannot rate that round again.
    expect(await rate("deputy", id)).toEqual({ formError: "rating.refused.alreadyRated" });

    const byOffice = await item();
    expect(await rate("office", byOffice, { proxyReason: "座谈会上口头反馈" })).toEqual({
      notice: "rating.saved",
    });
  });
});

describe("the public page", () => {
  it("shows the deputy's satisfaction only when ticked at publication, and only the deputy's own rating", async () => {
    const own = await item();
    const proxied = await db.recommendation.findUniqueOrThrow({ where: { id: own } });
    // A second item of the same proposal, rated on the deputy's behalf; a third not rated.
    const second = await db.recommendation.create({
      data: {
        proposalId: proxied.proposalId,
        code: "R2",
        titleZh: "代录的条目",
        descriptionZh: "",
        sourceQuote: "测试",
        stage: "replied",
        assignedAt: proxied.assignedAt,
        repliedAt: proxied.repliedAt,
        replyClass: "A",
        agencies: {
          create: (await db.recommendationAgency.findMany({ where: { recommendationId: own } })).map((a) => ({
            agencyId: a.agencyId,
            role: a.role,
            acknowledgedAt: new Date(),
          })),
        },
      },
    });
    await db.recommendation.create({
      data: {
        proposalId: proxied.proposalId,
        code: "R3",
        titleZh: "未评价",
        descriptionZh: "",
        sourceQuote: "测试",
      },
    });
    expect(await rate("deputy", own)).toEqual({ notice: "rating.saved" });
    expect(await rate("lead", second.id, { proxyReason: "代表电话反馈" })).toEqual({
      notice: "rating.saved",
    });
    const proposal = await db.proposal.findUniqueOrThrow({ where: { id: proxied.proposalId } });

    const shown = async () =>
      Object.fromEntries(
        ((await getPublicProgress(proposal.code))?.recommendations ?? []).map((r) => [
          r.code,
          r.deputySatisfaction?.zh ?? null,
        ]),
      );
    // Published without the tick: no satisfaction.
    expect(await run("admin", setProposalPublished, { proposalId: proposal.id, publish: "true" })).toEqual({
      notice: "public.publishedNotice",
    });
    expect(await shown()).toEqual({ R1: null, R2: null, R3: null });
    await run("admin", setProposalPublished, { proposalId: proposal.id, publish: "false" });
    // Published with it: the deputy's own rating only.
    expect(
      await run("admin", setProposalPublished, {
        proposalId: proposal.id,
        publish: "true",
        showSatisfaction: "on",
      }),
    ).toEqual({ notice: "public.publishedNotice" });
    expect(await shown()).toEqual({ R1: "满意", R2: null, R3: null });
    const audit = await db.auditEvent.findFirstOrThrow({
      where: { entityId: proposal.id, action: "proposal.publish" },
      orderBy: { createdAt: "desc" },
    });
    expect(audit.after).toMatchObject({ publicSatisfaction: true });
    // Unpublished and published again without the tick: hidden again.
    await run("admin", setProposalPublished, { proposalId: proposal.id, publish: "false" });
    expect((await db.proposal.findUniqueOrThrow({ where: { id: proposal.id } })).publicSatisfaction).toBe(
      false,
    );
  });
});

describe("the sample", () => {
  it("has R3 rated by the demo deputy on the questionnaire and R8 accepted, awaiting the deputy's rating", async () => {
    const sample = await db.proposal.findUniqueOrThrow({ where: { code: "LLM-2024" } });
    const r3 = await db.recommendation.findFirstOrThrow({
      where: { proposalId: sample.id, code: "R3" },
      include: { ratings: { include: { answers: true } } },
    });
    expect(r3.ratings).toHaveLength(1);
    expect(r3.ratings[0]).toMatchObject({
      round: 1,
      byDeputy: true,
      recordedById: deputyId,
      satisfaction: r3.satisfaction,
    });
    expect(r3.ratings[0]?.answers).toHaveLength(4);
    const r8 = await db.recommendation.findFirstOrThrow({ where: { proposalId: sample.id, code: "R8" } });
    expect(r8).toMatchObject({ stage: "replied", satisfaction: null, feedbackAt: null });
    expect(r8.repliedAt).not.toBeNull();
  });
});

describe("the database", () => {
  it("refuses a rating of a third round, 代录 without its reason, and any change to a rating or its answers", async () => {
    const id = await item();
    const base = { recommendationId: id, satisfaction: "satisfied", recordedById: deputyId };
    await expect(db.replyRating.create({ data: { ...base, round: 3, byDeputy: true } })).rejects.toThrow();
    await expect(db.replyRating.create({ data: { ...base, round: 1, byDeputy: false } })).rejects.toThrow();
    await expect(
      db.replyRating.create({ data: { ...base, round: 1, byDeputy: true, proxyReason: "不应有" } }),
    ).rejects.toThrow();
    await expect(
      db.ratingQuestion.create({ data: { kind: "scale", textZh: "没有选项的量表" } }),
    ).rejects.toThrow();
    expect(await rate("deputy", id)).toEqual({ notice: "rating.saved" });
    const rating = await db.replyRating.findFirstOrThrow({ where: { recommendationId: id } });
    await expect(
      db.replyRating.update({ where: { id: rating.id }, data: { satisfaction: "dissatisfied" } }),
    ).rejects.toThrow();
    await expect(db.replyRating.delete({ where: { id: rating.id } })).rejects.toThrow();
    await expect(
      db.ratingAnswer.updateMany({ where: { ratingId: rating.id }, data: { value: "no" } }),
    ).rejects.toThrow();
    await expect(db.ratingAnswer.deleteMany({ where: { ratingId: rating.id } })).rejects.toThrow();
    expect(await db.ratingAnswer.count({ where: { ratingId: rating.id } })).toBe(4);
  });
});
