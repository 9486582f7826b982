// The requests to the office on the real database, through the real server actions: 延期 (the lead asks
// for a later reply deadline, at most 6 months from assignment; only an approved one moves it) and
// 退回/改办 (an assigned agency asks within N working days, over the holiday calendar; the office approves,
// reassigning with the clocks restarted, or rejects). Who may, from which stage, on which version: a
// refusal says why and changes nothing.
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { loadAssignmentPanel } from "@/lib/cycle/assignment";
import {
  decideExtension,
  decideHandback,
  requestExtension,
  requestHandback,
} from "@/lib/cycle/request-actions";
import { loadPendingRequests, loadRequestPanel } from "@/lib/cycle/request-queries";
import { addWorkingDays, loadWorkingCalendar } from "@/lib/cycle/working-days";
import { shanghaiDate, toShanghaiDateString } from "@/lib/dates";
import { db } from "@/lib/db";
import { replyClock, replyDueDate } from "@/lib/recommendations/reply-clock";
import type { FormState } from "@/lib/validation/form-action";
import { seedSampleData } from "../../prisma/seed";
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
let jxw: string; // SHEITC, the lead
let kw: string; // STCSM, the co-handler
let drc: string; // SHDRC, not assigned
let data: string; // SHDATA, not assigned

beforeAll(async () => {
  await seedSampleData(db);
  for (const [person, email] of Object.entries(PEOPLE))
    cookies[person as Person] = await sessionCookie(email);
  const id = async (code: string) => (await db.agency.findUniqueOrThrow({ where: { code } })).id;
  [jxw, kw, drc, data] = await Promise.all([id("SHEITC"), id("STCSM"), id("SHDRC"), id("SHDATA")]);
  // A test calendar in March 2025 (no published exception there): Thu 6 Mar a holiday, Sat 15 Mar worked.
  for (const [day, workday] of [
    ["2025-03-06", false],
    ["2025-03-15", true],
  ] as const) {
    await db.calendarDay.upsert({
      where: { day: shanghaiDate(day) },
      create: { day: shanghaiDate(day), workday, nameZh: workday ? "测试调休" : "测试假日" },
      update: { workday },
    });
  }
}, 120_000);

afterEach(() => {
  vi.useRealTimers();
});

/** Today (Shanghai) is `day`, at noon: only Date is faked, the database's timers stay real. */
function today(day: string) {
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(new Date(`${day}T12:00:00+08:00`));
}

function form(fields: Record<string, string | number | undefined>) {
  const values = new FormData();
  for (const [name, value] of Object.entries(fields))
    if (value !== undefined) values.set(name, String(value));
  return values;
}

async function run(
  person: Person,
  action: (state: FormState, data: FormData) => Promise<FormState>,
  fields: Record<string, string | number | undefined>,
): Promise<FormState> {
  request.headers = new Headers({ cookie: cookies[person] });
  const outcome = await callAction(() => action({}, form(fields)));
  if (!("returned" in outcome)) throw new Error(`redirected to ${outcome.redirectedTo}`);
  return outcome.returned;
}

let counter = 0;
/**
 * An item of a proposal of its own, led by SHEITC and co-handled by STCSM, at `stage`, assigned on
 * `assignedOn` (each agency's assignment that day too, unless said) with the reply due 3 months on.
 */
async function item({
  stage = "handling",
  assignedOn = "2025-03-03",
  coAssignedOn,
}: {
  stage?: "assigned" | "handling" | "drafting" | "replied";
  assignedOn?: string;
  coAssignedOn?: string;
} = {}) {
  counter += 1;
  const proposal = await db.proposal.create({
    data: {
      code: `CR-${counter}-${Math.random().toString(36).slice(2, 6)}`,
      titleZh: "延期与退回测试建议",
      authorZh: "测试代表",
      congressSessionZh: "第十六届三次会议",
      submittedAt: new Date("2025-01-20"),
      summaryZh: "摘要",
    },
  });
  const at = (day: string) => new Date(`${day}T10:00:00+08:00`);
  const replied = stage === "replied";
  const rec = await db.recommendation.create({
    data: {
      proposalId: proposal.id,
      code: "R1",
      titleZh: "测试条目",
      descriptionZh: "",
      sourceQuote: "测试。",
      stage,
      assignedAt: shanghaiDate(assignedOn),
      replyDueAt: shanghaiDate(replyDueDate(assignedOn)),
      repliedAt: replied ? shanghaiDate("2025-05-20") : null,
      replyClass: replied ? "B" : null,
      agencies: {
        create: [
          {
            agencyId: jxw,
            role: "lead",
            createdAt: at(assignedOn),
            acknowledgedAt: stage === "assigned" ? null : at(assignedOn),
          },
          {
            agencyId: kw,
            role: "co_handler",
            createdAt: at(coAssignedOn ?? assignedOn),
            acknowledgedAt: at(coAssignedOn ?? assignedOn),
          },
        ],
      },
    },
  });
  return rec.id;
}

const recOf = (id: string) =>
  db.recommendation.findUniqueOrThrow({
    where: { id },
    include: { agencies: { orderBy: { agencyId: "asc" } } },
  });
const versionOf = async (id: string) => (await recOf(id)).version;
/** Everything a refused request might have touched. */
const state = (id: string) =>
  Promise.all([
    recOf(id),
    db.extensionRequest.findMany({ where: { recommendationId: id }, orderBy: { id: "asc" } }),
    db.handbackRequest.findMany({ where: { recommendationId: id }, orderBy: { id: "asc" } }),
    db.cycleEvent.count({ where: { recommendationId: id } }),
    db.auditEvent.count(),
  ]);
const day = (value: Date | null) => (value ? toShanghaiDateString(value) : null);

const askExtension = async (id: string, requestedDueAt: string, person: Person = "lead") =>
  run(person, requestExtension, {
    recommendationId: id,
    version: await versionOf(id),
    requestedDueAt,
    reason: "涉及多部门协调，需延长答复期限。",
  });
const pendingExtension = async (id: string) =>
  (await db.extensionRequest.findFirstOrThrow({ where: { recommendationId: id, state: "pending" } })).id;
const decideExt = async (id: string, decision: string, reason?: string, person: Person = "office") =>
  run(person, decideExtension, {
    recommendationId: id,
    version: await versionOf(id),
    requestId: await pendingExtension(id),
    decision,
    reason,
  });

describe("延期: the lead asks, the office decides", () => {
  it("an approved extension moves the reply deadline (and the reply clock reading it)", async () => {
    today("2025-04-01");
    const id = await item({ assignedOn: "2025-03-10" });
    expect(await askExtension(id, "2025-08-15")).toEqual({ notice: "cycleRequests.extension.requested" });
    let rec = await recOf(id);
    expect(day(rec.replyDueAt)).toBe("2025-06-10"); // asked, not moved
    const asked = await db.extensionRequest.findFirstOrThrow({ where: { recommendationId: id } });
    expect([asked.state, day(asked.previousDueAt), day(asked.requestedDueAt)]).toEqual([
      "pending",
      "2025-06-10",
      "2025-08-15",
    ]);
    // On the office's desk, waiting.
    expect((await loadPendingRequests(db)).some((row) => row.id === asked.id)).toBe(true);

    expect(await decideExt(id, "approved")).toEqual({ notice: "cycleRequests.extension.approved" });
    rec = await recOf(id);
    expect(day(rec.replyDueAt)).toBe("2025-08-15");
    expect(rec.stage).toBe("handling");
    const decided = await db.extensionRequest.findUniqueOrThrow({ where: { id: asked.id } });
    expect(decided.state).toBe("approved");
    expect(decided.decidedById).toBe(
      (await db.user.findUniqueOrThrow({ where: { email: PEOPLE.office } })).id,
    );
    expect((await loadPendingRequests(db)).some((row) => row.id === asked.id)).toBe(false);
    // The history and the audit log have both steps.
    const events = await db.cycleEvent.findMany({
      where: { recommendationId: id },
      orderBy: { createdAt: "asc" },
    });
    expect(events.map((event) => [event.step, event.agencyId])).toEqual([
      ["requestExtension", jxw],
      ["decideExtension", jxw],
    ]);
    expect(events[1]?.data).toMatchObject({ decision: "approved", requestedDueAt: "2025-08-15" });
    expect(
      await db.auditEvent.count({
        where: { entityId: id, action: { in: ["cycle.requestExtension", "cycle.decideExtension"] } },
      }),
    ).toBe(2);
    // Past the old deadline, not overdue.
    expect(replyClock(rec, false, shanghaiDate("2025-07-01")).replyOverdueDays).toBeNull();
    const panel = await loadRequestPanel(
      db,
      id,
      await db.user.findUniqueOrThrow({ where: { email: PEOPLE.lead } }),
    );
    expect(panel?.replyDueOn).toBe("2025-08-15");
    expect(panel?.canRequestExtension).toBe(true);
  });

  it("a rejected one (with its reason) leaves the deadline; a rejection needs a reason", async () => {
    const id = await item({ assignedOn: "2025-03-10" });
    await askExtension(id, "2025-07-31");
    const before = await state(id);
    expect((await decideExt(id, "rejected")).fieldErrors?.reason).toEqual(["cycleRequests.reasonRequired"]);
    expect(await state(id)).toEqual(before);
    expect(await decideExt(id, "rejected", "理由不充分")).toEqual({
      notice: "cycleRequests.extension.rejected",
    });
    const rec = await recOf(id);
    expect(day(rec.replyDueAt)).toBe("2025-06-10");
    const decided = await db.extensionRequest.findFirstOrThrow({ where: { recommendationId: id } });
    expect([decided.state, decided.decisionReason]).toEqual(["rejected", "理由不充分"]);
    const event = await db.cycleEvent.findFirstOrThrow({
      where: { recommendationId: id, step: "decideExtension" },
    });
    expect([event.note, (event.data as { decision: string }).decision]).toEqual(["理由不充分", "rejected"]);
    // Decided once: deciding it again is refused.
    const after = await state(id);
    expect(
      await run("office", decideExtension, {
        recommendationId: id,
        version: await versionOf(id),
        requestId: decided.id,
        decision: "approved",
      }),
    ).toEqual({ formError: "cycleRequests.refused.decided" });
    expect(await state(id)).toEqual(after);
  });

  it("asks at most 6 months from the assignment, and later than the deadline in force", async () => {
    const id = await item({ assignedOn: "2025-03-10" });
    const before = await state(id);
    expect((await askExtension(id, "2025-09-11")).fieldErrors?.requestedDueAt).toEqual([
      "cycleRequests.refused.beyondLimit",
    ]);
    expect((await askExtension(id, "2025-06-10")).fieldErrors?.requestedDueAt).toEqual([
      "cycleRequests.refused.notLater",
    ]);
    expect((await askExtension(id, "2025-02-30")).fieldErrors?.requestedDueAt).toEqual([
      "validation.dateInvalid",
    ]);
    expect(await state(id)).toEqual(before);
    // The 6th month's day itself is allowed.
    expect(await askExtension(id, "2025-09-10")).toEqual({ notice: "cycleRequests.extension.requested" });
  });

  it("keeps one request pending at a time", async () => {
    const id = await item();
    await askExtension(id, "2025-07-01");
    const before = await state(id);
    expect(await askExtension(id, "2025-07-02")).toEqual({ formError: "cycleRequests.refused.pending" });
    expect(await state(id)).toEqual(before);
  });

  it("does not grant a deadline the assignment no longer allows", async () => {
    const id = await item({ assignedOn: "2025-03-10" });
    await askExtension(id, "2025-09-01");
    // The office corrected the assignment to an earlier day meanwhile: the cap came nearer.
    await db.recommendation.update({
      where: { id },
      data: { assignedAt: shanghaiDate("2025-02-10"), replyDueAt: shanghaiDate("2025-05-10") },
    });
    const before = await state(id);
    expect(await decideExt(id, "approved")).toEqual({ formError: "cycleRequests.refused.beyondLimitNow" });
    expect(await state(id)).toEqual(before);
  });

  it.each([
    ["coHandler", "cycle.refused.party"],
    ["office", "cycle.refused.party"],
    ["admin", "cycle.refused.party"],
    ["official", "cycle.refused.party"],
  ] as const)("is asked by the lead only: %s is refused, nothing written", async (person, message) => {
    const id = await item();
    const before = await state(id);
    expect(await askExtension(id, "2025-07-01", person)).toEqual({ formError: message });
    expect(await state(id)).toEqual(before);
  });

  it("is decided by the office (or an admin) only", async () => {
    const id = await item();
    await askExtension(id, "2025-07-01");
    const before = await state(id);
    for (const person of ["lead", "coHandler", "official"] as const)
      expect(await decideExt(id, "approved", undefined, person)).toEqual({
        formError: "cycle.refused.party",
      });
    expect(await state(id)).toEqual(before);
    expect(await decideExt(id, "approved", undefined, "admin")).toEqual({
      notice: "cycleRequests.extension.approved",
    });
  });

  it("is refused once replied (stage), to an agency not assigned, and on a stale version", async () => {
    const replied = await item({ stage: "replied" });
    let before = await state(replied);
    expect(await askExtension(replied, "2025-07-01")).toEqual({ formError: "cycle.refused.stage" });
    expect(await state(replied)).toEqual(before);

    // SHEITC's staff on an item SHEITC has no part in.
    const other = await item();
    await db.recommendationAgency.deleteMany({ where: { recommendationId: other } });
    await db.recommendationAgency.create({ data: { recommendationId: other, agencyId: drc, role: "lead" } });
    before = await state(other);
    expect(await askExtension(other, "2025-07-01")).toEqual({ formError: "cycle.refused.party" });
    expect(await state(other)).toEqual(before);

    const id = await item();
    before = await state(id);
    const stale = await run("lead", requestExtension, {
      recommendationId: id,
      version: (await versionOf(id)) + 1,
      requestedDueAt: "2025-07-01",
      reason: "过期页面",
    });
    expect(stale).toEqual({ formError: "cycle.refused.conflict" });
    expect(await state(id)).toEqual(before);
  });
});

const askHandback = async (id: string, person: Person = "lead", suggestedAgencyId?: string) =>
  run(person, requestHandback, {
    recommendationId: id,
    version: await versionOf(id),
    reason: "该事项不属于本单位职责。",
    suggestedAgencyId,
  });
const pendingHandback = async (id: string) =>
  (await db.handbackRequest.findFirstOrThrow({ where: { recommendationId: id, state: "pending" } })).id;
const decideBack = async (
  id: string,
  decision: string,
  fields: { agencyId?: string; reason?: string } = {},
  person: Person = "office",
) =>
  run(person, decideHandback, {
    recommendationId: id,
    version: await versionOf(id),
    requestId: await pendingHandback(id),
    decision,
    ...fields,
  });

describe("退回/改办: the window in working days", () => {
  it("skips a holiday: assigned Mon 3 Mar, the 7th working day is Thu 13 Mar (Thu 6 is off)", async () => {
    const id = await item({ assignedOn: "2025-03-03" });
    const calendar = await loadWorkingCalendar(db);
    expect(addWorkingDays(calendar, "2025-03-03", 7)).toBe("2025-03-13");
    today("2025-03-13");
    expect(await askHandback(id)).toEqual({ notice: "cycleRequests.handback.requested" });
  });

  it("counts a 调休 Saturday: assigned Mon 10 Mar, the window ends Tue 18 Mar (Sat 15 worked)", async () => {
    const id = await item({ assignedOn: "2025-03-10" });
    today("2025-03-19");
    const before = await state(id);
    expect(await askHandback(id)).toEqual({ formError: "cycleRequests.refused.late" });
    expect(await state(id)).toEqual(before);
    today("2025-03-18");
    expect(await askHandback(id)).toEqual({ notice: "cycleRequests.handback.requested" });
  });

  it("runs from each agency's own assignment: a co-handler added later may still ask", async () => {
    const id = await item({ assignedOn: "2025-03-03", coAssignedOn: "2025-03-12" });
    today("2025-03-17");
    expect(await askHandback(id, "lead")).toEqual({ formError: "cycleRequests.refused.late" });
    expect(await askHandback(id, "coHandler", data)).toEqual({ notice: "cycleRequests.handback.requested" });
    const panel = await loadRequestPanel(
      db,
      id,
      await db.user.findUniqueOrThrow({ where: { email: PEOPLE.lead } }),
    );
    expect(panel?.own).toMatchObject({ role: "lead", handbackDueBy: "2025-03-13", handbackOpen: false });
    expect(panel?.canRequestHandback).toBe(false);
  });
});

describe("退回/改办: who may ask and decide", () => {
  it.each(["office", "admin", "official"] as const)(
    "is refused to %s (no agency on the item)",
    async (person) => {
      const id = await item({ assignedOn: toShanghaiDateString(new Date()) });
      const before = await state(id);
      expect(await askHandback(id, person)).toEqual({ formError: "cycle.refused.party" });
      expect(await state(id)).toEqual(before);
    },
  );

  it("is refused to the staff of an agency not assigned, from a later stage, on a stale version", async () => {
    const todayOn = toShanghaiDateString(new Date());
    const other = await item({ assignedOn: todayOn });
    await db.recommendationAgency.deleteMany({ where: { recommendationId: other, agencyId: kw } });
    let before = await state(other);
    expect(await askHandback(other, "coHandler")).toEqual({ formError: "cycle.refused.party" });
    expect(await state(other)).toEqual(before);

    const drafting = await item({ stage: "drafting", assignedOn: todayOn });
    before = await state(drafting);
    expect(await askHandback(drafting)).toEqual({ formError: "cycle.refused.stage" });
    expect(await state(drafting)).toEqual(before);

    const id = await item({ assignedOn: todayOn });
    before = await state(id);
    expect(
      await run("lead", requestHandback, {
        recommendationId: id,
        version: (await versionOf(id)) + 1,
        reason: "过期页面",
      }),
    ).toEqual({ formError: "cycle.refused.conflict" });
    expect(await askHandback(id, "lead", jxw)).toEqual({
      fieldErrors: { suggestedAgencyId: ["cycleRequests.refused.suggestedSelf"] },
    });
    expect(await state(id)).toEqual(before);
    await askHandback(id);
    before = await state(id);
    expect(await askHandback(id)).toEqual({ formError: "cycleRequests.refused.pending" });
    // Decided by the office only.
    for (const person of ["lead", "coHandler", "official"] as const)
      expect(await decideBack(id, "rejected", { reason: "否" }, person)).toEqual({
        formError: "cycle.refused.party",
      });
    expect(await state(id)).toEqual(before);
  });
});

describe("退回/改办: the office's decision", () => {
  it("approving the lead's reassigns it: a new lead's row, back to 待签收, the clocks from today", async () => {
    const id = await item({ assignedOn: "2025-03-03" });
    today("2025-03-05");
    expect(await askExtension(id, "2025-07-01")).toEqual({ notice: "cycleRequests.extension.requested" });
    expect(await askHandback(id, "lead", drc)).toEqual({ notice: "cycleRequests.handback.requested" });
    let before = await state(id);
    expect(await decideBack(id, "approved", { agencyId: "" })).toEqual({
      fieldErrors: { agencyId: ["cycleRequests.refused.newLeadRequired"] },
    });
    expect(await decideBack(id, "approved", { agencyId: jxw })).toEqual({
      fieldErrors: { agencyId: ["cycleRequests.refused.sameAgency"] },
    });
    expect(await state(id)).toEqual(before);

    today("2025-03-07");
    expect(await decideBack(id, "approved", { agencyId: drc, reason: "改由市发展改革委主办" })).toEqual({
      notice: "cycleRequests.handback.approved",
    });
    const rec = await recOf(id);
    expect(rec.stage).toBe("assigned");
    expect(rec.leadAgencyId).toBe(drc);
    expect([day(rec.assignedAt), day(rec.replyDueAt)]).toEqual(["2025-03-07", replyDueDate("2025-03-07")]);
    const rows = rec.agencies.map((row) => [row.agencyId, row.role, row.acknowledgedAt === null]);
    expect(rows.sort()).toEqual(
      [
        [drc, "lead", true],
        [kw, "co_handler", false],
      ].sort(),
    );
    const newLead = rec.agencies.find((row) => row.agencyId === drc);
    expect(day(newLead?.createdAt ?? null)).toBe("2025-03-07");
    const event = await db.cycleEvent.findFirstOrThrow({
      where: { recommendationId: id, step: "decideHandback" },
    });
    expect([event.fromStage, event.toStage, event.agencyId, event.note]).toEqual([
      "handling",
      "assigned",
      jxw,
      "改由市发展改革委主办",
    ]);
    // The leaving lead's pending extension goes with it, closed by the same decision.
    const extension = await db.extensionRequest.findFirstOrThrow({ where: { recommendationId: id } });
    expect([extension.state, extension.decisionReason, day(extension.decidedAt)]).toEqual([
      "rejected",
      null,
      "2025-03-07",
    ]);
    expect(event.data).toMatchObject({
      decision: "approved",
      role: "lead",
      toAgencyId: drc,
      closedExtensionIds: [extension.id],
    });
    const requests = await loadRequestPanel(
      db,
      id,
      await db.user.findUniqueOrThrow({ where: { email: PEOPLE.office } }),
    );
    expect(requests?.extensions.map((row) => row.closedWithHandback)).toEqual([true]);
    expect(await db.auditEvent.count({ where: { entityId: id, action: "cycle.decideHandback" } })).toBe(1);
    // The 签收 clock starts again from the new assignment (Fri 7 Mar: Mon 10, Tue 11, Wed 12).
    const office = await db.user.findUniqueOrThrow({ where: { email: PEOPLE.office } });
    const panel = await loadAssignmentPanel(db, id, office, new Date("2025-03-12T04:00:00Z"));
    expect(panel?.assignments.find((row) => row.agencyId === drc)).toMatchObject({
      role: "lead",
      assignedOn: "2025-03-07",
      acknowledgedOn: null,
      acknowledgeBy: "2025-03-12",
      overdue: false,
    });
    // The agency that left takes no more steps on it.
    before = await state(id);
    expect(await askExtension(id, "2025-07-01")).toEqual({ formError: "cycle.refused.party" });
    expect(await state(id)).toEqual(before);
  });

  it("approving a co-handler's removes it, or replaces it by the agency named; the stage stays", async () => {
    const todayOn = toShanghaiDateString(new Date());
    const removed = await item({ assignedOn: todayOn });
    await askHandback(removed, "coHandler");
    expect(await decideBack(removed, "approved")).toEqual({ notice: "cycleRequests.handback.approved" });
    let rec = await recOf(removed);
    expect([rec.stage, rec.agencies.map((row) => row.agencyId)]).toEqual(["handling", [jxw]]);

    const replaced = await item({ assignedOn: "2025-03-03" });
    today("2025-03-04");
    await askHandback(replaced, "coHandler", data);
    const before = await state(replaced);
    expect(await decideBack(replaced, "approved", { agencyId: jxw })).toEqual({
      fieldErrors: { agencyId: ["cycleRequests.refused.alreadyAssigned"] },
    });
    expect(await state(replaced)).toEqual(before);
    expect(await decideBack(replaced, "approved", { agencyId: data })).toEqual({
      notice: "cycleRequests.handback.approved",
    });
    rec = await recOf(replaced);
    expect(rec.stage).toBe("handling");
    expect(rec.leadAgencyId).toBe(jxw);
    expect(day(rec.replyDueAt)).toBe(replyDueDate("2025-03-03")); // the lead's clock is not touched
    const newCo = rec.agencies.find((row) => row.agencyId === data);
    expect([newCo?.role, day(newCo?.createdAt ?? null), newCo?.acknowledgedAt]).toEqual([
      "co_handler",
      "2025-03-04",
      null,
    ]);
    expect(rec.agencies.some((row) => row.agencyId === kw)).toBe(false);
  });

  it("rejecting (with a reason) changes nothing but the request, and shows in the history", async () => {
    const id = await item({ assignedOn: toShanghaiDateString(new Date()) });
    await askHandback(id, "lead", drc);
    const before = await recOf(id);
    expect((await decideBack(id, "rejected")).fieldErrors?.reason).toEqual(["cycleRequests.reasonRequired"]);
    expect(await decideBack(id, "rejected", { reason: "属于本单位职责" })).toEqual({
      notice: "cycleRequests.handback.rejected",
    });
    const after = await recOf(id);
    expect([after.stage, after.agencies, after.replyDueAt, after.assignedAt]).toEqual([
      before.stage,
      before.agencies,
      before.replyDueAt,
      before.assignedAt,
    ]);
    const decided = await db.handbackRequest.findFirstOrThrow({ where: { recommendationId: id } });
    expect([decided.state, decided.decisionReason]).toEqual(["rejected", "属于本单位职责"]);
    const steps = await db.cycleEvent.findMany({
      where: { recommendationId: id },
      orderBy: { createdAt: "asc" },
      select: { step: true, toStage: true },
    });
    expect(steps).toEqual([
      { step: "requestHandback", toStage: "handling" },
      { step: "decideHandback", toStage: "handling" },
    ]);
  });
});
