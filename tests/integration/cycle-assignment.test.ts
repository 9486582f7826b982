// The assignment side of the handling cycle on the real database: the office's 交办 through the
// assignment grid (the step, the assignment day and reply deadline), each agency's 签收 (who may, from
// which stage, on which version), and the 签收 clock in working days over the published calendar.
import { beforeAll, describe, expect, it } from "vitest";
import { createAuth } from "@/lib/auth/config";
import { loadAssignmentPanel } from "@/lib/cycle/assignment";
import { acknowledgeAssignment, submitView } from "@/lib/cycle/assignment-actions";
import { CYCLE_SETTING } from "@/lib/cycle/settings";
import { addMonths, shanghaiDate, toShanghaiDateString } from "@/lib/dates";
import { db } from "@/lib/db";
import { sqlReader } from "@/lib/db/client";
import { sql } from "@/lib/db/sql";
import { assignRecommendations } from "@/lib/proposals/actions";
import { replyDueDate } from "@/lib/recommendations/reply-clock";
import { filteredItems, itemScope } from "@/lib/tracking/item-sql";
import { itemFilters } from "@/lib/tracking/search-params";
import type { FormState } from "@/lib/validation/form-action";
import { SAMPLE_PASSWORD } from "../../prisma/sample-data";
import { seedSampleData } from "../../prisma/seed";
import { callAction, request } from "./support/request-context";

process.env.BETTER_AUTH_SECRET ??= "integration-test-secret-0123456789abcdef";

const PEOPLE = {
  admin: "admin@tracker.example",
  office: "office@tracker.example",
  staffJxw: "staff.jxw@tracker.example",
  staffKw: "staff.kw@tracker.example",
  official: "official@tracker.example",
} as const;
type Person = keyof typeof PEOPLE;
const cookies: Partial<Record<Person, string>> = {};
let jxw: string;
let kw: string;

beforeAll(async () => {
  await seedSampleData(db);
  const auth = createAuth(db);
  for (const [person, email] of Object.entries(PEOPLE)) {
    const { headers } = await auth.api.signInEmail({
      body: { email, password: SAMPLE_PASSWORD },
      headers: new Headers(),
      returnHeaders: true,
    });
    cookies[person as Person] = headers.get("set-cookie")?.split(";")[0];
  }
  jxw = (await db.agency.findUniqueOrThrow({ where: { code: "SHEITC" } })).id;
  kw = (await db.agency.findUniqueOrThrow({ where: { code: "STCSM" } })).id;
});

const as = (person: Person) => {
  request.headers = new Headers({ cookie: cookies[person] ?? "" });
};
function form(fields: Record<string, string>): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.set(name, value);
  return data;
}
const returned = (outcome: Awaited<ReturnType<typeof callAction>>) =>
  (outcome as { returned: FormState }).returned;
const unique = () => Math.random().toString(36).slice(2, 8);

/** A proposal of its own with one unassigned recommendation. */
async function unassigned() {
  const proposal = await db.proposal.create({
    data: {
      code: `CA-${unique()}`,
      titleZh: "交办测试建议",
      authorZh: "测试代表",
      congressSessionZh: "第十六届三次会议",
      submittedAt: new Date("2025-01-20"),
      summaryZh: "摘要",
    },
  });
  return db.recommendation.create({
    data: { proposalId: proposal.id, code: "R1", titleZh: "一", descriptionZh: "", sourceQuote: "一。" },
  });
}

const assign = (rec: { id: string; proposalId: string }, version: number, lead: string, co: string[] = []) =>
  callAction(() =>
    assignRecommendations(
      {},
      form({
        proposalId: rec.proposalId,
        rows: JSON.stringify([
          { recommendationId: rec.id, version, leadAgencyId: lead, coAgencyIds: co, weight: 1 },
        ]),
      }),
    ),
  );
const acknowledge = async (recommendationId: string) => {
  const { version } = await db.recommendation.findUniqueOrThrow({ where: { id: recommendationId } });
  return callAction(() => acknowledgeAssignment({}, form({ recommendationId, version: String(version) })));
};
const state = (id: string) =>
  Promise.all([
    db.recommendation.findUniqueOrThrow({
      where: { id },
      include: { agencies: { orderBy: { role: "asc" } } },
    }),
    db.cycleEvent.count({ where: { recommendationId: id } }),
    db.auditEvent.count(),
  ]);

/** An item the office assigned to SHEITC (lead) and STCSM (co-handler), not yet acknowledged. */
async function assigned() {
  const rec = await unassigned();
  as("office");
  expect(returned(await assign(rec, rec.version, jxw, [kw])).notice).toBeTruthy();
  return rec;
}

describe("交办 by the office", () => {
  it("assigns an unassigned item: the step, today's assignment and the reply deadline 3 months on", async () => {
    const rec = await assigned();
    const today = toShanghaiDateString(new Date());
    const after = await db.recommendation.findUniqueOrThrow({
      where: { id: rec.id },
      include: { agencies: true, cycleEvents: true },
    });
    expect(after.stage).toBe("assigned");
    expect(toShanghaiDateString(after.assignedAt as Date)).toBe(today);
    expect(toShanghaiDateString(after.replyDueAt as Date)).toBe(replyDueDate(today));
    expect(after.agencies.map((row) => [row.agencyId, row.role]).sort()).toEqual(
      [
        [jxw, "lead"],
        [kw, "co_handler"],
      ].sort(),
    );
    expect(after.cycleEvents.map((event) => [event.step, event.fromStage, event.toStage])).toEqual([
      ["assign", "unassigned", "assigned"],
    ]);
    const audit = await db.auditEvent.findFirst({ where: { action: "cycle.assign", entityId: rec.id } });
    expect(audit?.actorId).toBe((await db.user.findUniqueOrThrow({ where: { email: PEOPLE.office } })).id);
  });

  it("keeps an assignment day and a deadline already recorded, and takes the step once", async () => {
    const rec = await unassigned();
    await db.recommendation.update({
      where: { id: rec.id },
      data: { assignedAt: shanghaiDate("2025-02-10"), replyDueAt: shanghaiDate("2025-06-30") },
    });
    as("admin");
    expect(returned(await assign(rec, rec.version, jxw)).notice).toBeTruthy();
    let after = await db.recommendation.findUniqueOrThrow({ where: { id: rec.id } });
    expect([after.stage, toShanghaiDateString(after.replyDueAt as Date)]).toEqual(["assigned", "2025-06-30"]);
    expect(toShanghaiDateString(after.assignedAt as Date)).toBe("2025-02-10");
    // Changed again (a co-handler added): an edit, no second 交办; the lead's row keeps its day.
    const leadRow = await db.recommendationAgency.findFirstOrThrow({ where: { recommendationId: rec.id } });
    expect(returned(await assign(rec, after.version, jxw, [kw])).notice).toBeTruthy();
    after = await db.recommendation.findUniqueOrThrow({ where: { id: rec.id } });
    expect(after.stage).toBe("assigned");
    expect(await db.cycleEvent.count({ where: { recommendationId: rec.id, step: "assign" } })).toBe(1);
    const kept = await db.recommendationAgency.findUniqueOrThrow({
      where: { recommendationId_agencyId: { recommendationId: rec.id, agencyId: jxw } },
    });
    expect(kept.createdAt).toEqual(leadRow.createdAt);
  });

  it.each(["staffJxw", "staffKw", "official"] as const)(
    "is refused to %s, nothing written",
    async (person) => {
      const rec = await unassigned();
      const before = await state(rec.id);
      as(person);
      expect(returned(await assign(rec, rec.version, jxw)).formError).toBe("validation.forbidden");
      expect(await state(rec.id)).toEqual(before);
    },
  );

  it("refuses a stale version, nothing written", async () => {
    const rec = await unassigned();
    const before = await state(rec.id);
    as("office");
    expect(returned(await assign(rec, rec.version + 1, jxw)).formError).toBe("manage.editConflict");
    expect(await state(rec.id)).toEqual(before);
  });
});

describe("签收 by each assigned agency", () => {
  it("the co-handler's leaves the stage, the lead's moves the item into handling", async () => {
    const rec = await assigned();
    as("staffKw");
    expect(returned(await acknowledge(rec.id)).notice).toBe("cycle.assignment.acknowledged");
    let after = await db.recommendation.findUniqueOrThrow({
      where: { id: rec.id },
      include: { agencies: true },
    });
    expect(after.stage).toBe("assigned");
    expect(after.agencies.find((row) => row.agencyId === kw)?.acknowledgedAt).not.toBeNull();
    expect(after.agencies.find((row) => row.agencyId === jxw)?.acknowledgedAt).toBeNull();
    as("staffJxw");
    expect(returned(await acknowledge(rec.id)).notice).toBe("cycle.assignment.acknowledged");
    after = await db.recommendation.findUniqueOrThrow({ where: { id: rec.id }, include: { agencies: true } });
    expect(after.stage).toBe("handling");
    const events = await db.cycleEvent.findMany({
      where: { recommendationId: rec.id, step: "acknowledge" },
      orderBy: { createdAt: "asc" },
    });
    expect(events.map((event) => [event.agencyId, event.toStage])).toEqual([
      [kw, "assigned"],
      [jxw, "handling"],
    ]);
    expect(await db.auditEvent.count({ where: { action: "cycle.acknowledge", entityId: rec.id } })).toBe(2);
    // Once: a second acknowledgement is refused, nothing written.
    const before = await state(rec.id);
    expect(returned(await acknowledge(rec.id)).formError).toBe("cycle.assignment.alreadyAcknowledged");
    expect(await state(rec.id)).toEqual(before);
  });

  it.each([
    ["office", "cycle.refused.party"],
    ["admin", "cycle.refused.party"],
    ["official", "cycle.refused.party"],
  ] as const)("is refused to %s, nothing written", async (person, message) => {
    const rec = await assigned();
    const before = await state(rec.id);
    as(person);
    expect(returned(await acknowledge(rec.id)).formError).toBe(message);
    expect(await state(rec.id)).toEqual(before);
  });

  it("is refused to the staff of an agency not assigned", async () => {
    const rec = await unassigned();
    as("office");
    await assign(rec, rec.version, jxw);
    const before = await state(rec.id);
    as("staffKw");
    expect(returned(await acknowledge(rec.id)).formError).toBe("cycle.refused.party");
    expect(await state(rec.id)).toEqual(before);
  });

  it("is refused before the office has assigned the item (stage), and on a stale version", async () => {
    const rec = await unassigned();
    // Agencies recorded, but no 交办 taken: still unassigned.
    await db.recommendationAgency.create({ data: { recommendationId: rec.id, agencyId: jxw, role: "lead" } });
    let before = await state(rec.id);
    as("staffJxw");
    expect(returned(await acknowledge(rec.id)).formError).toBe("cycle.refused.stage");
    expect(await state(rec.id)).toEqual(before);

    const other = await assigned();
    before = await state(other.id);
    const { version } = await db.recommendation.findUniqueOrThrow({ where: { id: other.id } });
    as("staffJxw");
    const stale = await callAction(() =>
      acknowledgeAssignment({}, form({ recommendationId: other.id, version: String(version - 1) })),
    );
    expect(returned(stale).formError).toBe("cycle.refused.conflict");
    expect(await state(other.id)).toEqual(before);
  });
});

describe("the 签收 clock", () => {
  /** An item assigned to SHEITC on `day`, and what its panel says on `today`. */
  async function panelOn(day: string, today: string) {
    const rec = await assigned();
    await db.recommendationAgency.updateMany({
      where: { recommendationId: rec.id },
      data: { createdAt: new Date(`${day}T02:00:00Z`) },
    });
    const staff = await db.user.findUniqueOrThrow({ where: { email: PEOPLE.staffJxw } });
    const panel = await loadAssignmentPanel(db, rec.id, staff, new Date(`${today}T04:00:00Z`));
    return panel?.assignments.find((row) => row.agencyId === jxw);
  }

  it("counts working days: the 调休 Sunday before National Day counts, the holiday week does not", async () => {
    // Fri 27 Sep 2024: Sun 29 Sep (worked) 1, Mon 30 Sep 2, 1–7 Oct off, Tue 8 Oct 3.
    expect(await panelOn("2024-09-27", "2024-10-08")).toMatchObject({
      acknowledgeBy: "2024-10-08",
      overdue: false,
    });
    expect(await panelOn("2024-09-27", "2024-10-09")).toMatchObject({
      acknowledgeBy: "2024-10-08",
      overdue: true,
    });
  });

  it("counts the 调休 Saturday after it (12 Oct 2024) as a working day", async () => {
    // Wed 9 Oct: Thu 10 1, Fri 11 2, Sat 12 (worked) 3.
    expect((await panelOn("2024-10-09", "2024-10-12"))?.acknowledgeBy).toBe("2024-10-12");
  });

  it("offers 签收 to the assigned agency's staff only, until it is done", async () => {
    const rec = await assigned();
    const user = (email: string) => db.user.findUniqueOrThrow({ where: { email } });
    expect((await loadAssignmentPanel(db, rec.id, await user(PEOPLE.staffJxw)))?.canAcknowledge).toBe(true);
    expect((await loadAssignmentPanel(db, rec.id, await user(PEOPLE.office)))?.canAcknowledge).toBe(false);
    as("staffJxw");
    await acknowledge(rec.id);
    const panel = await loadAssignmentPanel(db, rec.id, await user(PEOPLE.staffJxw));
    expect(panel?.canAcknowledge).toBe(false);
    expect(panel?.stage).toBe("handling");
    expect(panel?.assignments.find((row) => row.agencyId === jxw)?.acknowledgedOn).toBe(
      toShanghaiDateString(new Date()),
    );
  });
});

describe("签收 reminders", () => {
  it("name only the agencies that have not acknowledged, due on the working-day deadline", async () => {
    const { loadDeadlines } = await import("@/lib/notifications/deadlines");
    const rec = await assigned();
    const acknowledgeOf = async () =>
      (await loadDeadlines(db, { recommendationIds: [rec.id] })).filter((d) => d.kind === "acknowledge");
    let [deadline] = await acknowledgeOf();
    expect([deadline?.item.leadAgencyId, deadline?.item.coHandlerAgencyIds]).toEqual([jxw, [kw]]);
    as("staffKw");
    await acknowledge(rec.id);
    [deadline] = await acknowledgeOf();
    expect([deadline?.item.leadAgencyId, deadline?.item.coHandlerAgencyIds]).toEqual([jxw, []]);
    as("staffJxw");
    await acknowledge(rec.id);
    expect(await acknowledgeOf()).toEqual([]);
  });
});

describe("协办意见: a co-handler's written view to the lead", () => {
  const sendView = async (recommendationId: string, text: string) => {
    const { version } = await db.recommendation.findUniqueOrThrow({ where: { id: recommendationId } });
    return callAction(() => submitView({}, form({ recommendationId, version: String(version), text })));
  };
  const tableIds = async (views: "awaiting" | "overdue", day: Date, asOf?: string) => {
    const filters = itemFilters.parse({ kind: "recommendation", views, ...(asOf && { asOf }) });
    const reader = sqlReader(db);
    const scope = await itemScope(reader, filters, day);
    const rows = await reader.rows<{ id: string }>(sql`SELECT i."id" FROM ${filteredItems(scope, filters)}`);
    return rows.map((row) => row.id);
  };

  it("is sent once by the co-handler, shows on the item and ends its reminders", async () => {
    const { loadDeadlines } = await import("@/lib/notifications/deadlines");
    const rec = await assigned();
    const viewsOf = async () =>
      (await loadDeadlines(db, { recommendationIds: [rec.id] })).filter((d) => d.kind === "views");
    const due = addMonths(toShanghaiDateString(new Date()), 1);
    expect((await viewsOf()).map((d) => [d.dueDay, d.item.coHandlerAgencyIds])).toEqual([[due, [kw]]]);
    const staffKw = await db.user.findUniqueOrThrow({ where: { email: PEOPLE.staffKw } });
    expect((await loadAssignmentPanel(db, rec.id, staffKw))?.canSubmitView).toBe(true);
    // Today the view is awaited, within its month: in the table's filter of awaited views.
    expect(await tableIds("awaiting", shanghaiDate(toShanghaiDateString(new Date())))).toContain(rec.id);

    as("staffKw");
    expect(returned(await sendView(rec.id, "建议补充算力券的申领条件。")).notice).toBe(
      "cycle.assignment.viewSent",
    );
    const row = await db.recommendationAgency.findUniqueOrThrow({
      where: { recommendationId_agencyId: { recommendationId: rec.id, agencyId: kw } },
    });
    expect(row.viewText).toBe("建议补充算力券的申领条件。");
    const event = await db.cycleEvent.findFirstOrThrow({
      where: { recommendationId: rec.id, step: "submitView" },
    });
    expect([event.agencyId, event.note, event.fromStage, event.toStage]).toEqual([
      kw,
      "建议补充算力券的申领条件。",
      "assigned",
      "assigned",
    ]);
    expect(await db.auditEvent.count({ where: { action: "cycle.submitView", entityId: rec.id } })).toBe(1);
    expect(await viewsOf()).toEqual([]);
    expect(await tableIds("awaiting", shanghaiDate(toShanghaiDateString(new Date())))).not.toContain(rec.id);
    const panel = await loadAssignmentPanel(db, rec.id, staffKw);
    expect(panel?.canSubmitView).toBe(false);
    expect(panel?.assignments.find((a) => a.agencyId === kw)?.view?.text).toBe("建议补充算力券的申领条件。");

    // Once only, and nothing written by the refusal.
    const before = await state(rec.id);
    expect(returned(await sendView(rec.id, "再说一次")).formError).toBe("cycle.assignment.viewAlreadySent");
    expect(await state(rec.id)).toEqual(before);
  });

  it.each(["staffJxw", "office", "official"] as const)(
    "is refused to %s (not a co-handler), nothing written",
    async (person) => {
      const rec = await assigned();
      const before = await state(rec.id);
      as(person);
      expect(returned(await sendView(rec.id, "意见")).formError).toBe("cycle.refused.party");
      expect(await state(rec.id)).toEqual(before);
    },
  );

  it("is overdue a month after the assignment, as the table, the panel and the dashboard say", async () => {
    // Given the item on 15 Jan 2026 (written as the assign step would have, its history included, which
    // the table's as-of stage is rebuilt from): awaited until 15 Feb, overdue from the 16th.
    const given = new Date("2026-01-15T10:00:00+08:00");
    const rec = await unassigned();
    await db.recommendation.update({
      where: { id: rec.id },
      data: {
        stage: "assigned",
        assignedAt: shanghaiDate("2026-01-15"),
        replyDueAt: shanghaiDate("2026-04-15"),
        leadAgencyId: jxw,
        agencies: {
          create: [
            { agencyId: jxw, role: "lead", createdAt: given },
            { agencyId: kw, role: "co_handler", createdAt: given },
          ],
        },
        cycleEvents: {
          create: { step: "assign", fromStage: "unassigned", toStage: "assigned", createdAt: given },
        },
      },
    });
    expect(await tableIds("awaiting", shanghaiDate("2026-02-15"))).toContain(rec.id);
    expect(await tableIds("overdue", shanghaiDate("2026-02-15"))).not.toContain(rec.id);
    expect(await tableIds("overdue", shanghaiDate("2026-02-16"))).toContain(rec.id);
    const official = await db.user.findUniqueOrThrow({ where: { email: PEOPLE.official } });
    const panel = await loadAssignmentPanel(db, rec.id, official, shanghaiDate("2026-02-16"));
    expect(panel?.assignments.find((a) => a.agencyId === kw)).toMatchObject({
      viewBy: "2026-02-15",
      viewOverdue: true,
    });
    // Sent on 20 Feb: as of the 19th still overdue, as of the 20th no longer owed.
    as("staffKw");
    await sendView(rec.id, "同意主办单位意见。");
    await db.recommendationAgency.updateMany({
      where: { recommendationId: rec.id, agencyId: kw },
      data: { viewAt: new Date("2026-02-20T10:00:00+08:00") },
    });
    const now = shanghaiDate(toShanghaiDateString(new Date()));
    expect(await tableIds("overdue", now, "2026-02-19")).toContain(rec.id);
    expect(await tableIds("overdue", now, "2026-02-20")).not.toContain(rec.id);
    // An admin's longer month moves the clock.
    await db.appSetting.upsert({
      where: { key: CYCLE_SETTING },
      create: { key: CYCLE_SETTING, value: { coHandlerViewMonths: 2 } },
      update: { value: { coHandlerViewMonths: 2 } },
    });
    try {
      expect(await tableIds("overdue", now, "2026-02-19")).not.toContain(rec.id);
      expect(await tableIds("awaiting", now, "2026-02-19")).toContain(rec.id);
    } finally {
      await db.appSetting.delete({ where: { key: CYCLE_SETTING } });
    }
  });
});
