// 督办 through the real server actions and the real database: the office's priority mark and 督办单, the
// lead agency's acknowledgement and answer, who may take each step and from which stages (a refusal
// changes nothing), and the warning level (三色预警) as the table's SQL works it out, today and on a
// past day, agreeing with lib/cycle/warning.ts on generated items.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as listRecommendations } from "@/app/api/v1/recommendations/route";
import { generateApiToken } from "@/lib/api-tokens/token";
import { CYCLE_SETTING, loadCycleSettings } from "@/lib/cycle/settings";
import { loadOpenNotices } from "@/lib/cycle/supervision";
import { acknowledgeNotice, answerNotice, issueNotice, setPriority } from "@/lib/cycle/supervision-actions";
import { type Warned, warningOn } from "@/lib/cycle/warning";
import { DAY_MS, shanghaiDate, shanghaiToday, toShanghaiDateString } from "@/lib/dates";
import { db } from "@/lib/db";
import type { ItemStatus } from "@/lib/db/enums";
import { getTrackingPage } from "@/lib/tracking/queries";
import { parseTrackingParams } from "@/lib/tracking/search-params";
import { seedSampleData } from "../../prisma/seed";
import { createProposal } from "./factories";
import { callAction, request } from "./support/request-context";
import { sessionCookie } from "./support/session";

const PEOPLE = {
  lead: "staff.jxw@tracker.example",
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

const today = () => toShanghaiDateString(new Date());
const dayAfter = (iso: string, days: number) =>
  toShanghaiDateString(new Date(shanghaiDate(iso).getTime() + days * DAY_MS));

let counter = 0;
/** A recommendation of the sample's proposal led by SHEITC with STCSM co-handling (as R3), at `stage`. */
async function item(stage: "handling" | "unassigned" | "closed" = "handling", leadOnly?: "STCSM") {
  const r3 = await db.recommendation.findFirstOrThrow({ where: { code: "R3" }, include: { agencies: true } });
  const stcsm = await db.agency.findUniqueOrThrow({ where: { code: "STCSM" } });
  counter += 1;
  const agencies =
    stage === "unassigned"
      ? []
      : leadOnly
        ? [{ agencyId: stcsm.id, role: "lead" as const, acknowledgedAt: new Date() }]
        : r3.agencies.map((a) => ({ agencyId: a.agencyId, role: a.role, acknowledgedAt: new Date() }));
  const rec = await db.recommendation.create({
    data: {
      proposalId: r3.proposalId,
      code: `RS${counter}`,
      sortOrder: 200 + counter,
      titleZh: `督办测试 ${counter}`,
      descriptionZh: "测试",
      sourceQuote: "测试",
      stage,
      assignedAt: stage === "unassigned" ? null : shanghaiDate("2026-10-01"),
      replyDueAt: stage === "unassigned" ? null : shanghaiDate("2027-01-01"),
      repliedAt: stage === "closed" ? shanghaiDate("2026-11-01") : null,
      closedAt: stage === "closed" ? new Date() : null,
      agencies: { create: agencies },
    },
  });
  return rec.id;
}

/** What a refusal must leave as it was: the item, its notices, its history and the audit log. */
async function snapshot(id: string) {
  const [rec, notices, events, audits] = await Promise.all([
    db.recommendation.findUniqueOrThrow({
      where: { id },
      select: { version: true, priority: true, stage: true },
    }),
    db.supervisionNotice.findMany({ where: { recommendationId: id }, orderBy: { id: "asc" } }),
    db.cycleEvent.count({ where: { recommendationId: id } }),
    db.auditEvent.count({ where: { entityId: id } }),
  ]);
  return { rec, notices, events, audits };
}

const version = async (id: string) => (await db.recommendation.findUniqueOrThrow({ where: { id } })).version;
const noticeOf = (answerDueAt: string, level = "red") => ({
  level,
  text: "请于期限内报送办理进展。",
  answerDueAt,
});

describe("重点督办", () => {
  it("is marked and unmarked by the office (or an admin), audited, in the table's column and filter", async () => {
    const id = await item();
    expect(
      await run("office", setPriority, { recommendationId: id, version: await version(id), priority: "1" }),
    ).toEqual({
      notice: "supervision.priorityMarked",
    });
    const rec = await db.recommendation.findUniqueOrThrow({ where: { id } });
    expect(rec.priority).toBe(true);
    expect(await db.auditEvent.count({ where: { entityId: id, action: "cycle.setPriority" } })).toBe(1);
    const code = rec.code;
    const marked = await getTrackingPage(db, parseTrackingParams({ priority: "1", perPage: "100" }));
    expect(marked.rows.map((row) => row.code)).toContain(code);
    expect(marked.rows.every((row) => row.priority)).toBe(true);
    // Again the same: refused, nothing written.
    const before = await snapshot(id);
    expect(
      await run("admin", setPriority, { recommendationId: id, version: await version(id), priority: "1" }),
    ).toEqual({ formError: "supervision.priorityUnchanged" });
    expect(await snapshot(id)).toEqual(before);
    expect(
      await run("admin", setPriority, { recommendationId: id, version: await version(id), priority: "0" }),
    ).toEqual({ notice: "supervision.priorityUnmarked" });
    const unmarked = await getTrackingPage(db, parseTrackingParams({ priority: "1", perPage: "100" }));
    expect(unmarked.rows.map((row) => row.code)).not.toContain(code);
  });

  it("is refused to the agencies and officials, on an unassigned or closed item, and on a stale page", async () => {
    const id = await item();
    for (const person of ["lead", "coHandler", "official"] as const) {
      const before = await snapshot(id);
      expect(
        await run(person, setPriority, { recommendationId: id, version: await version(id), priority: "1" }),
      ).toEqual({ formError: "cycle.refused.party" });
      expect(await snapshot(id)).toEqual(before);
    }
    for (const stage of ["unassigned", "closed"] as const) {
      const other = await item(stage);
      const before = await snapshot(other);
      expect(
        await run("office", setPriority, {
          recommendationId: other,
          version: await version(other),
          priority: "1",
        }),
      ).toEqual({ formError: "cycle.refused.stage" });
      expect(await snapshot(other)).toEqual(before);
    }
    // A page loaded before someone else's step: stale.
    const stale = await version(id);
    await run("office", setPriority, { recommendationId: id, version: stale, priority: "1" });
    const before = await snapshot(id);
    expect(await run("office", setPriority, { recommendationId: id, version: stale, priority: "0" })).toEqual(
      {
        formError: "cycle.refused.conflict",
      },
    );
    expect(await snapshot(id)).toEqual(before);
  });
});

describe("a 督办单's life", () => {
  it("is issued by the office to the lead, acknowledged and answered by the lead's staff, and kept", async () => {
    const id = await item();
    const due = dayAfter(today(), 5);
    expect(
      await run("office", issueNotice, {
        recommendationId: id,
        version: await version(id),
        ...noticeOf(due),
      }),
    ).toEqual({
      notice: "supervision.issued",
    });
    const sheitc = await db.agency.findUniqueOrThrow({ where: { code: "SHEITC" } });
    const [notice] = await db.supervisionNotice.findMany({ where: { recommendationId: id } });
    expect(notice).toMatchObject({ agencyId: sheitc.id, level: "red", acknowledgedAt: null, answer: null });
    expect(toShanghaiDateString(notice?.answerDueAt ?? new Date(0))).toBe(due);
    const noticeId = notice?.id ?? "";
    // On the office's desk until answered.
    expect((await loadOpenNotices(db)).map((open) => open.id)).toContain(noticeId);

    // Answered before it is acknowledged: refused.
    let before = await snapshot(id);
    expect(
      await run("lead", answerNotice, {
        recommendationId: id,
        version: await version(id),
        noticeId,
        answer: "已办理",
      }),
    ).toEqual({ formError: "supervision.acknowledgeFirst" });
    expect(await snapshot(id)).toEqual(before);
    // The co-handler is not the lead: refused.
    expect(
      await run("coHandler", acknowledgeNotice, {
        recommendationId: id,
        version: await version(id),
        noticeId,
      }),
    ).toEqual({
      formError: "cycle.refused.party",
    });
    expect(await snapshot(id)).toEqual(before);

    expect(
      await run("lead", acknowledgeNotice, { recommendationId: id, version: await version(id), noticeId }),
    ).toEqual({
      notice: "supervision.acknowledged",
    });
    before = await snapshot(id);
    expect(
      await run("lead", acknowledgeNotice, { recommendationId: id, version: await version(id), noticeId }),
    ).toEqual({
      formError: "supervision.alreadyAcknowledged",
    });
    expect(await snapshot(id)).toEqual(before);
    expect(
      await run("lead", answerNotice, {
        recommendationId: id,
        version: await version(id),
        noticeId,
        answer: "已于本周完成方案报送。",
      }),
    ).toEqual({ notice: "supervision.answered" });
    const answered = await db.supervisionNotice.findUniqueOrThrow({ where: { id: noticeId } });
    expect(answered.answer).toBe("已于本周完成方案报送。");
    expect(answered.acknowledgedAt).not.toBeNull();
    expect(answered.answeredAt).not.toBeNull();
    before = await snapshot(id);
    expect(
      await run("lead", answerNotice, {
        recommendationId: id,
        version: await version(id),
        noticeId,
        answer: "改写",
      }),
    ).toEqual({ formError: "supervision.alreadyAnswered" });
    expect(await snapshot(id)).toEqual(before);
    // The database keeps the answer as written.
    await expect(
      db.supervisionNotice.update({ where: { id: noticeId }, data: { answer: "改写" } }),
    ).rejects.toThrow();
    expect((await loadOpenNotices(db)).map((open) => open.id)).not.toContain(noticeId);

    const steps = await db.cycleEvent.findMany({
      where: { recommendationId: id },
      orderBy: { createdAt: "asc" },
    });
    expect(steps.map((step) => step.step)).toEqual(["issueNotice", "acknowledgeNotice", "answerNotice"]);
    const audits = await db.auditEvent.findMany({ where: { entityId: id }, orderBy: { createdAt: "asc" } });
    expect(audits.map((audit) => audit.action)).toEqual([
      "cycle.issueNotice",
      "cycle.acknowledgeNotice",
      "cycle.answerNotice",
    ]);
  });

  it("lists the late ones first on the office's desk", async () => {
    const id = await item();
    await run("office", issueNotice, {
      recommendationId: id,
      version: await version(id),
      ...noticeOf(dayAfter(today(), 20), "blue"),
    });
    const late = await db.supervisionNotice.create({
      data: {
        recommendationId: id,
        agencyId: (await db.agency.findUniqueOrThrow({ where: { code: "SHEITC" } })).id,
        level: "yellow",
        text: "逾期未答复的督办单",
        answerDueAt: shanghaiDate(dayAfter(today(), -3)),
        issuedById: (await db.user.findUniqueOrThrow({ where: { email: PEOPLE.office } })).id,
      },
    });
    const open = await loadOpenNotices(db);
    expect(open[0]?.id).toBe(late.id);
    expect(open[0]?.late).toBe(true);
    // The late ones form the head of the list.
    const lateCount = open.filter((notice) => notice.late).length;
    expect(open.slice(0, lateCount).every((notice) => notice.late)).toBe(true);
  });

  it("is refused to the wrong party, agency or stage, with bad input, or on a stale page, changing nothing", async () => {
    const id = await item();
    const fields = async () => ({
      recommendationId: id,
      version: await version(id),
      ...noticeOf(dayAfter(today(), 3)),
    });
    for (const person of ["lead", "coHandler", "official"] as const) {
      const before = await snapshot(id);
      expect(await run(person, issueNotice, await fields())).toEqual({ formError: "cycle.refused.party" });
      expect(await snapshot(id)).toEqual(before);
    }
    const stale = await fields();
    await run("office", setPriority, { recommendationId: id, version: await version(id), priority: "1" });
    let before = await snapshot(id);
    expect(
      await run("office", issueNotice, { ...(await fields()), answerDueAt: dayAfter(today(), -1) }),
    ).toEqual({
      fieldErrors: { answerDueAt: ["supervision.answerDuePast"] },
    });
    expect(await run("office", issueNotice, { ...(await fields()), level: "green" })).toMatchObject({
      fieldErrors: { level: expect.any(Array) },
    });
    expect(await run("office", issueNotice, { ...(await fields()), text: "   " })).toMatchObject({
      fieldErrors: { text: expect.any(Array) },
    });
    expect(await run("office", issueNotice, stale)).toEqual({
      formError: "cycle.refused.conflict",
    });
    expect(await snapshot(id)).toEqual(before);
    for (const stage of ["unassigned", "closed"] as const) {
      const other = await item(stage);
      before = await snapshot(other);
      expect(
        await run("office", issueNotice, {
          recommendationId: other,
          version: await version(other),
          ...noticeOf(dayAfter(today(), 3)),
        }),
      ).toEqual({ formError: "cycle.refused.stage" });
      expect(await snapshot(other)).toEqual(before);
    }

    // A notice to STCSM (the lead of another item): SHEITC's staff is no party to that item at all.
    const theirs = await item("handling", "STCSM");
    const theirsBefore = await version(theirs);
    await run("office", issueNotice, {
      recommendationId: theirs,
      version: await version(theirs),
      ...noticeOf(dayAfter(today(), 3)),
    });
    const [notice] = await db.supervisionNotice.findMany({ where: { recommendationId: theirs } });
    const noticeId = notice?.id ?? "";
    before = await snapshot(theirs);
    expect(
      await run("lead", acknowledgeNotice, {
        recommendationId: theirs,
        version: await version(theirs),
        noticeId,
      }),
    ).toEqual({
      formError: "cycle.refused.party",
    });
    // Named with an item of its own agency, the notice is not found there.
    expect(
      await run("lead", acknowledgeNotice, { recommendationId: id, version: await version(id), noticeId }),
    ).toEqual({
      formError: "cycle.refused.notFound",
    });
    // Its own lead's staff on a page loaded before the notice was issued: stale.
    const stcsmLead = await db.user.findUniqueOrThrow({ where: { email: PEOPLE.coHandler } });
    expect(stcsmLead.agencyId).toBe(notice?.agencyId);
    expect(
      await run("coHandler", acknowledgeNotice, {
        recommendationId: theirs,
        version: theirsBefore,
        noticeId,
      }),
    ).toEqual({ formError: "cycle.refused.conflict" });
    expect(await snapshot(theirs)).toEqual(before);
    expect(
      await run("office", acknowledgeNotice, {
        recommendationId: theirs,
        version: await version(theirs),
        noticeId,
      }),
    ).toEqual({
      formError: "cycle.refused.party",
    });
    expect(await snapshot(theirs)).toEqual(before);
  });
});

// Generated items around a day: reply deadlines and due dates from 20 days before to 20 after it,
// replied or not (before or after it), open, completed, not adopted or closed.
function random(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

type Generated = {
  id: string;
  status: ItemStatus;
  replyDueAt: Date | null;
  repliedAt: Date | null;
  dueDate: Date | null;
  assignedAt: Date | null;
  closed: boolean;
};

describe("the warning level in the table", () => {
  const generated: Generated[] = [];
  const now = shanghaiToday();
  const at = (days: number) => new Date(now.getTime() + days * DAY_MS);
  let extensionItem = "";
  let proposalCode = "";

  beforeAll(async () => {
    const proposal = await createProposal({ code: "WARN-1" });
    proposalCode = proposal.code;
    await db.proposal.update({ where: { id: proposal.id }, data: { submittedAt: at(-400) } });
    const next = random(18);
    const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)] as T;
    for (let index = 0; index < 60; index++) {
      const replied = next() < 0.4 ? at(-Math.floor(next() * 20) - 1) : null;
      const closed = replied !== null && next() < 0.25;
      const assigned = next() < 0.9;
      const row = {
        status: pick([
          "not_started",
          "in_progress",
          "in_progress",
          "stalled",
          "completed",
          "not_adopted",
        ] as const),
        replyDueAt: assigned && next() < 0.9 ? at(Math.floor(next() * 41) - 20) : null,
        repliedAt: assigned ? replied : null,
        dueDate: next() < 0.85 ? at(Math.floor(next() * 41) - 20) : null,
        assignedAt: assigned ? at(-Math.floor(next() * 60) - 30) : null,
        closed: assigned && closed,
      };
      const rec = await db.recommendation.create({
        data: {
          proposalId: proposal.id,
          code: `W${String(index).padStart(2, "0")}`,
          sortOrder: index,
          titleZh: `预警 ${index}`,
          descriptionZh: "测试",
          sourceQuote: "测试",
          status: row.status,
          progress: row.status === "completed" ? 100 : 30,
          stage: row.closed
            ? "closed"
            : row.repliedAt
              ? "replied"
              : row.assignedAt
                ? "handling"
                : "unassigned",
          assignedAt: row.assignedAt,
          replyDueAt: row.replyDueAt,
          repliedAt: row.repliedAt,
          closedAt: row.closed ? new Date() : null,
          dueDate: row.dueDate,
        },
      });
      generated.push({ id: rec.id, ...row });
    }
    // Its deadline moved by an extension approved two days ago: ten days ago it was still the old one.
    const office = await db.user.findUniqueOrThrow({ where: { email: PEOPLE.office } });
    const rec = await db.recommendation.create({
      data: {
        proposalId: proposal.id,
        code: "WX",
        sortOrder: 99,
        titleZh: "延期后的预警",
        descriptionZh: "测试",
        sourceQuote: "测试",
        status: "in_progress",
        stage: "handling",
        assignedAt: at(-100),
        replyDueAt: at(30),
        dueDate: at(60),
      },
    });
    extensionItem = rec.id;
    await db.extensionRequest.create({
      data: {
        recommendationId: rec.id,
        previousDueAt: at(-12),
        requestedDueAt: at(30),
        reason: "需要跨部门协调",
        requestedById: office.id,
        state: "approved",
        decidedById: office.id,
        decidedAt: at(-2),
      },
    });
  });

  afterAll(async () => {
    await db.appSetting.deleteMany({ where: { key: CYCLE_SETTING } });
  });

  async function levels(query: Record<string, string>) {
    const page = await getTrackingPage(
      db,
      parseTrackingParams({ proposal: proposalCode, perPage: "100", ...query }),
    );
    return new Map(page.rows.map((row) => [row.id, row.warning]));
  }

  /** The item as it stood at the end of `day` (a past day: no status update, no step recorded). */
  function asOf(item: Generated, day: Date): Warned {
    const end = new Date(day.getTime() + DAY_MS);
    const by = (date: Date | null) => (date && date < end ? date : null);
    const repliedAt = by(item.repliedAt);
    return {
      status: "not_started",
      stage: repliedAt ? "replied" : by(item.assignedAt) ? "handling" : "unassigned",
      replyDueAt: by(item.assignedAt) ? item.replyDueAt : null,
      repliedAt,
      dueDate: item.dueDate,
    };
  }

  it("is in the read API, with its filter", async () => {
    const admin = await db.user.findUniqueOrThrow({ where: { email: PEOPLE.admin } });
    const made = generateApiToken();
    await db.apiToken.create({
      data: { name: "督办", prefix: made.prefix, tokenHash: made.tokenHash, createdById: admin.id },
    });
    const response = await listRecommendations(
      new Request(
        `http://127.0.0.1/api/v1/recommendations?proposal=${proposalCode}&warning=red,yellow&perPage=100`,
        {
          headers: { authorization: `Bearer ${made.token}` },
        },
      ),
      { params: Promise.resolve({}) },
    );
    expect(response.status).toBe(200);
    const body = (await response.json()) as {
      items: { id: string; warning: string | null; priority: boolean }[];
    };
    const table = await levels({ warning: "red,yellow" });
    expect(body.items.map((item) => [item.id, item.warning])).toEqual([...table]);
    expect(body.items.every((item) => item.priority === false)).toBe(true);
    const bad = await listRecommendations(
      new Request("http://127.0.0.1/api/v1/recommendations?warning=green", {
        headers: { authorization: `Bearer ${made.token}` },
      }),
      { params: Promise.resolve({}) },
    );
    expect(bad.status).toBe(400);
  });

  for (const settings of [null, { yellowDaysBefore: 10, redDaysAfter: 3 }]) {
    it(`agrees with warning.ts today and on a past day (${settings ? "thresholds set" : "defaults"})`, async () => {
      await db.appSetting.deleteMany({ where: { key: CYCLE_SETTING } });
      if (settings) await db.appSetting.create({ data: { key: CYCLE_SETTING, value: settings } });
      const thresholds = await loadCycleSettings(db);

      const now = await levels({});
      const expectedNow = (item: Generated): Warned => ({
        status: item.status,
        stage: item.closed
          ? "closed"
          : item.repliedAt
            ? "replied"
            : item.assignedAt
              ? "handling"
              : "unassigned",
        replyDueAt: item.replyDueAt,
        repliedAt: item.repliedAt,
        dueDate: item.dueDate,
      });
      for (const item of generated)
        expect(now.get(item.id), item.id).toBe(warningOn(expectedNow(item), at(0), thresholds));
      const seen = new Set(generated.map((item) => now.get(item.id)));
      expect(seen).toEqual(new Set(["red", "yellow", "blue", null]));

      const past = at(-10);
      const then = await levels({ asOf: toShanghaiDateString(past) });
      for (const item of generated)
        expect(then.get(item.id), item.id).toBe(warningOn(asOf(item, past), past, thresholds));
      // The extension moved the deadline two days ago: ten days ago the old one (two days past) held.
      expect(now.get(extensionItem)).toBe("blue");
      expect(then.get(extensionItem)).toBe(
        warningOn(
          { status: "not_started", stage: "handling", replyDueAt: at(-12), repliedAt: null, dueDate: at(60) },
          past,
          thresholds,
        ),
      );

      // The filter keeps exactly the items of its levels.
      const filtered = await levels({ warning: "red,yellow" });
      const expected = [...now]
        .filter(([, level]) => level === "red" || level === "yellow")
        .map(([id]) => id);
      expect([...filtered.keys()].sort()).toEqual(expected.sort());
      const filteredThen = await levels({ warning: "blue", asOf: toShanghaiDateString(past) });
      expect([...filteredThen.keys()].sort()).toEqual(
        [...then]
          .filter(([, level]) => level === "blue")
          .map(([id]) => id)
          .sort(),
      );
    });
  }
});
