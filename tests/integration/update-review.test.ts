// Review of status updates (issue 18, step 5) through the real server actions and the real database: a
// reviewing agency's staff propose instead of recording, nothing moves until the reviewer approves (the
// same write as a direct update), a stale proposal is refused alone, a rejection keeps its reason, and the
// wrong people are refused without a trace.
import { beforeAll, describe, expect, it } from "vitest";
import { updateAgency } from "@/lib/admin/actions";
import { parseDashboardParams } from "@/lib/dashboard/params";
import { getDashboard } from "@/lib/dashboard/queries";
import { db } from "@/lib/db";
import type { UserRole } from "@/lib/db/enums";
import { planImport } from "@/lib/import/plan";
import { rollUp } from "@/lib/recommendations/roll-up";
import { submitStatusUpdate } from "@/lib/status-updates/actions";
import { getTrackingPage } from "@/lib/tracking/queries";
import { parseTrackingParams } from "@/lib/tracking/search-params";
import { reviewProposedUpdates } from "@/lib/update-review/actions";
import { getItemProposals, getReviewQueue, pendingReviewCount } from "@/lib/update-review/queries";
import { seedSampleData } from "../../prisma/seed";
import { callAction, request } from "./support/request-context";
import { sessionCookie } from "./support/session";

const PEOPLE = {
  staff: "staff.jxw@tracker.example",
  reviewer: "reviewer.jxw@tracker.example",
  /** STCSM's staff, made STCSM's reviewer below: a reviewer of another agency. */
  otherReviewer: "staff.kw@tracker.example",
  office: "office@tracker.example",
  admin: "admin@tracker.example",
  official: "official@tracker.example",
} as const;
type Person = keyof typeof PEOPLE;
const cookies = {} as Record<Person, string>;
const users = {} as Record<
  Person,
  {
    id: string;
    role: UserRole;
    agencyId: string | null;
    isReviewer: boolean;
  }
>;
let proposalId: string;
let sheitcId: string;

const today = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);

beforeAll(async () => {
  await seedSampleData(db);
  const sheitc = await db.agency.findUniqueOrThrow({ where: { code: "SHEITC" } });
  await db.agency.update({ where: { id: sheitc.id }, data: { updatesNeedReview: true } });
  await db.user.update({ where: { email: PEOPLE.otherReviewer }, data: { isReviewer: true } });
  for (const [person, email] of Object.entries(PEOPLE)) {
    cookies[person as Person] = await sessionCookie(email);
    users[person as Person] = await db.user.findUniqueOrThrow({
      where: { email },
      select: { id: true, role: true, agencyId: true, isReviewer: true },
    });
  }
  proposalId = (await db.proposal.findFirstOrThrow({ where: { code: "LLM-2024" } })).id;
  sheitcId = sheitc.id;
});

function as(person: Person) {
  request.headers = new Headers({ cookie: cookies[person] });
}

let next = 0;
/**
 * A fresh action for a test of its own: the first of two under a recommendation of its own that SHEITC
 * (staff.jxw's agency) leads, so that its roll-up is its own too.
 */
async function freshAction() {
  next += 1;
  const rec = await db.recommendation.create({
    data: {
      proposalId,
      code: `RV${next}`,
      sortOrder: 200 + next,
      titleZh: `审核测试 ${next}`,
      descriptionZh: "测试",
      sourceQuote: "测试",
      agencies: { create: [{ agencyId: sheitcId, role: "lead" }] },
    },
  });
  const actions = [];
  for (const [index, progress] of [20, 60].entries())
    actions.push(
      await db.action.create({
        data: {
          recommendationId: rec.id,
          code: `RV${next}.${index + 1}`,
          sortOrder: index,
          titleZh: `审核测试举措 ${next}.${index + 1}`,
          status: "in_progress",
          progress,
          weight: index + 1,
          agencies: { create: [{ agencyId: sheitcId, role: "lead" }] },
        },
      }),
    );
  return actions[0] as (typeof actions)[number];
}

function statusForm(
  item: { id: string; version: number; progress: number },
  overrides: Record<string, string> = {},
) {
  const form = new FormData();
  const fields = {
    itemType: "action",
    itemId: item.id,
    version: String(item.version),
    status: "in_progress",
    progress: String(item.progress >= 90 ? item.progress - 7 : item.progress + 7),
    effectiveDate: today(),
    comment: "按计划推进",
    returnTo: "/zh-CN/proposals/LLM-2024/R1?saved=1#history-heading",
    ...overrides,
  };
  for (const [name, value] of Object.entries(fields)) form.set(name, value);
  return form;
}

async function submit(person: Person, form: FormData) {
  as(person);
  const outcome = await callAction(() => submitStatusUpdate({}, form));
  return "returned" in outcome ? outcome.returned : outcome;
}

async function review(person: Person, ids: string[], decision: "approve" | "reject", reason?: string) {
  as(person);
  const form = new FormData();
  for (const id of ids) form.append("ids", id);
  form.set("decision", decision);
  if (reason !== undefined) form.set("reason", reason);
  const outcome = await callAction(() => reviewProposedUpdates({}, form));
  return "returned" in outcome ? outcome.returned : outcome;
}

/** Proposes an update of a fresh action as SHEITC's staff; the action as it was, and the proposal. */
async function proposed(overrides: Record<string, string> = {}) {
  const action = await freshAction();
  const outcome = await submit("staff", statusForm(action, overrides));
  expect(outcome).toEqual({ redirectedTo: "/zh-CN/proposals/LLM-2024/R1?saved=review#history-heading" });
  const proposal = await db.proposedUpdate.findFirstOrThrow({
    where: { actionId: action.id, state: "pending" },
  });
  return { action, proposal };
}

/** What an update that counts moves: the item, its recommendation, the history, the figures and the table. */
async function counted(actionId: string) {
  const action = await db.action.findUniqueOrThrow({ where: { id: actionId } });
  const [recommendation, statusUpdates, dashboard, table] = await Promise.all([
    db.recommendation.findUniqueOrThrow({ where: { id: action.recommendationId } }),
    db.statusUpdate.count(),
    getDashboard(db, parseDashboardParams({})),
    getTrackingPage(db, parseTrackingParams({ kind: "action", q: action.code, perPage: "100" })),
  ]);
  return {
    action: { status: action.status, progress: action.progress, version: action.version },
    recommendation: {
      status: recommendation.status,
      progress: recommendation.progress,
      version: recommendation.version,
    },
    statusUpdates,
    dashboard: JSON.stringify(dashboard),
    table: JSON.stringify(table.rows),
  };
}

describe("a status update by staff of an agency whose updates need review", () => {
  it("is pending, moves nothing, and is seen by the agency and the office only", async () => {
    const action = await freshAction();
    const before = await counted(action.id);
    const audits = await db.auditEvent.count();
    const form = statusForm(action, {
      newEvidenceUrl: "https://github.com/InternLM/InternLM",
      newEvidenceTitle: "书生·浦语开源仓库",
      newEvidenceKind: "repository",
    });
    expect(await submit("staff", form)).toEqual({
      redirectedTo: "/zh-CN/proposals/LLM-2024/R1?saved=review#history-heading",
    });
    expect(await counted(action.id)).toEqual(before);
    // Its new link waits with it: no evidence is added before approval.
    expect(
      await db.evidence.count({
        where: { url: "https://github.com/InternLM/InternLM", actionId: action.id },
      }),
    ).toBe(0);

    const proposal = await db.proposedUpdate.findFirstOrThrow({ where: { actionId: action.id } });
    expect(proposal).toMatchObject({
      state: "pending",
      baseVersion: action.version,
      agencyId: users.staff.agencyId,
      authorId: users.staff.id,
      statusAfter: "in_progress",
      comment: "按计划推进",
    });
    expect(await db.auditEvent.count()).toBe(audits + 1);
    expect(
      await db.auditEvent.count({
        where: { action: "updateReview.propose", entityId: action.id, actorId: users.staff.id },
      }),
    ).toBe(1);

    // The agency (its staff and reviewer) and the office see it on the item's page; nobody else does.
    const seen = async (person: Person) =>
      (await getItemProposals(users[person], action.recommendationId)).some((row) => row.id === proposal.id);
    expect(await seen("staff")).toBe(true);
    expect(await seen("reviewer")).toBe(true);
    expect(await seen("office")).toBe(true);
    expect(await seen("admin")).toBe(true);
    expect(await seen("official")).toBe(false);
    expect(await seen("otherReviewer")).toBe(false);
    // In the queue of SHEITC's reviewer and the office, counted in their navigation; not STCSM's.
    const inQueue = async (person: Person) =>
      (await getReviewQueue(users[person], {})).rows.some((row) => row.id === proposal.id);
    expect(await inQueue("reviewer")).toBe(true);
    expect(await inQueue("office")).toBe(true);
    expect(await inQueue("otherReviewer")).toBe(false);
    expect(await pendingReviewCount(users.reviewer)).toBeGreaterThanOrEqual(1);
    expect(await pendingReviewCount(users.staff)).toBe(0);
    expect(await pendingReviewCount(users.official)).toBe(0);
    // The queue's filters.
    expect(
      (await getReviewQueue(users.office, { agency: "STCSM" })).rows.some((r) => r.id === proposal.id),
    ).toBe(false);
    expect(
      (await getReviewQueue(users.office, { kind: "recommendation" })).rows.some((r) => r.id === proposal.id),
    ).toBe(false);
    expect(
      (
        await getReviewQueue(users.office, { agency: "SHEITC", kind: "action", proposal: "LLM-2024" })
      ).rows.some((r) => r.id === proposal.id),
    ).toBe(true);

    // One at a time an item: a second one waits for the first to be reviewed.
    const again = statusForm(action, { comment: "再次提交" });
    expect(await submit("staff", again)).toEqual({ formError: "updateReview.pendingExists" });
    expect(await db.proposedUpdate.count({ where: { actionId: action.id } })).toBe(1);
  });

  it("is recorded at once when made by the agency's reviewer, an admin, or staff of an agency without review", async () => {
    const mine = await freshAction();
    expect(await submit("reviewer", statusForm(mine, { returnTo: "/zh-CN" }))).toEqual({
      redirectedTo: "/zh-CN",
    });
    expect((await db.action.findUniqueOrThrow({ where: { id: mine.id } })).version).toBe(mine.version + 1);
    const admins = await freshAction();
    expect(await submit("admin", statusForm(admins, { returnTo: "/zh-CN" }))).toEqual({
      redirectedTo: "/zh-CN",
    });
    expect((await db.action.findUniqueOrThrow({ where: { id: admins.id } })).version).toBe(
      admins.version + 1,
    );
    expect(await db.proposedUpdate.count({ where: { actionId: { in: [mine.id, admins.id] } } })).toBe(0);
  });

  it("is approved through the normal write: the same roll-up, history by its author, the approval recorded", async () => {
    const { action, proposal } = await proposed({
      newEvidenceUrl: "https://github.com/open-compass/opencompass",
      newEvidenceTitle: "OpenCompass 评测平台",
      newEvidenceKind: "repository",
    });
    const before = await counted(action.id);
    expect(await review("reviewer", [proposal.id], "approve")).toEqual({
      notice: "updateReview.result.approved",
      outcomes: { [proposal.id]: "approved" },
    });

    const after = await db.proposedUpdate.findUniqueOrThrow({
      where: { id: proposal.id },
      include: { statusUpdate: true },
    });
    expect(after).toMatchObject({ state: "approved", reviewedById: users.reviewer.id });
    expect(after.reviewedAt).not.toBeNull();
    // The history's entry is the staff member's, with what they proposed and the link they added.
    expect(after.statusUpdate).toMatchObject({
      actionId: action.id,
      authorId: users.staff.id,
      statusBefore: action.status,
      statusAfter: proposal.statusAfter,
      progressBefore: action.progress,
      progressAfter: proposal.progressAfter,
      comment: "按计划推进",
      source: "form",
    });
    const link = await db.evidence.findFirstOrThrow({
      where: { url: "https://github.com/open-compass/opencompass", actionId: action.id },
    });
    expect(
      await db.statusUpdateEvidence.count({
        where: { statusUpdateId: after.statusUpdateId ?? "", evidenceId: link.id },
      }),
    ).toBe(1);

    // The item moved, and its recommendation rolled up as after any direct update of an action.
    const moved = await db.action.findUniqueOrThrow({ where: { id: action.id } });
    expect(moved).toMatchObject({
      status: proposal.statusAfter,
      progress: proposal.progressAfter,
      version: action.version + 1,
    });
    const siblings = await db.action.findMany({ where: { recommendationId: action.recommendationId } });
    const rec = await db.recommendation.findUniqueOrThrow({ where: { id: action.recommendationId } });
    expect(rec.progress).toBe(rollUp(siblings).progress);
    if (rec.progress !== before.recommendation.progress)
      expect(await db.statusUpdate.count({ where: { rollUpOfId: after.statusUpdateId } })).toBe(1);
    // Now it counts: the figures and the table see it.
    const now = await counted(action.id);
    expect(now.table).not.toEqual(before.table);
    expect(now.statusUpdates).toBeGreaterThan(before.statusUpdates);

    // Audited: the update by its author, the approval by the reviewer.
    expect(
      await db.auditEvent.count({
        where: { action: "statusUpdate.record", entityId: action.id, actorId: users.staff.id },
      }),
    ).toBe(1);
    expect(
      await db.auditEvent.count({
        where: { action: "updateReview.approve", entityId: action.id, actorId: users.reviewer.id },
      }),
    ).toBe(1);
    // Decided once: approving again is refused, changing nothing.
    const statusUpdates = await db.statusUpdate.count();
    const again = (await review("office", [proposal.id], "approve")) as {
      formError?: string;
      notice?: string;
    };
    expect(again.notice).toBeUndefined();
    expect(again.formError).toContain("updateReview.result.refused.notPending");
    expect(await db.statusUpdate.count()).toBe(statusUpdates);
  });

  it("refuses a stale one as a conflict, keeping it pending, while the rest of the batch goes through", async () => {
    const first = await proposed();
    const stale = await proposed();
    const third = await proposed();
    // Someone whose updates need no review changes the second item in the meantime.
    const current = await db.action.findUniqueOrThrow({ where: { id: stale.action.id } });
    expect(
      await submit(
        "admin",
        statusForm(current, { status: "stalled", comment: "资金未到位", returnTo: "/zh-CN" }),
      ),
    ).toEqual({ redirectedTo: "/zh-CN" });
    const staleBefore = await counted(stale.action.id);

    const answer = await review(
      "office",
      [first.proposal.id, stale.proposal.id, third.proposal.id],
      "approve",
    );
    expect(answer).toEqual({
      notice: "updateReview.result.approved",
      formError: "updateReview.result.refused.conflict",
      outcomes: {
        [first.proposal.id]: "approved",
        [stale.proposal.id]: "conflict",
        [third.proposal.id]: "approved",
      },
    });
    expect((await db.proposedUpdate.findUniqueOrThrow({ where: { id: stale.proposal.id } })).state).toBe(
      "pending",
    );
    expect(await counted(stale.action.id)).toEqual({
      ...staleBefore,
      // The other two went through: the history and the figures moved for them only.
      statusUpdates: expect.any(Number),
      dashboard: expect.any(String),
      table: staleBefore.table,
    });
    expect((await db.action.findUniqueOrThrow({ where: { id: stale.action.id } })).status).toBe("stalled");
    for (const done of [first, third])
      expect(await db.action.findUniqueOrThrow({ where: { id: done.action.id } })).toMatchObject({
        progress: done.proposal.progressAfter,
        version: done.action.version + 1,
      });
    expect(
      await db.auditEvent.count({ where: { action: "updateReview.approve", entityId: stale.action.id } }),
    ).toBe(0);
    // In the queue it is marked: the item changed since.
    const row = (await getReviewQueue(users.reviewer, {})).rows.find((r) => r.id === stale.proposal.id);
    expect(row?.stale).toBe(true);
  });

  it("keeps a rejected one in the item's history, with its reason, and lets the staff propose again", async () => {
    const { action, proposal } = await proposed();
    const before = await counted(action.id);
    expect(await review("reviewer", [proposal.id], "reject")).toEqual({
      fieldErrors: { reason: ["updateReview.reasonRequired"] },
    });
    expect(await review("reviewer", [proposal.id], "reject", "   ")).toEqual({
      fieldErrors: { reason: ["updateReview.reasonRequired"] },
    });
    expect((await db.proposedUpdate.findUniqueOrThrow({ where: { id: proposal.id } })).state).toBe("pending");

    expect(await review("reviewer", [proposal.id], "reject", "进度数据与佐证不符，请核实")).toEqual({
      notice: "updateReview.result.rejected",
      outcomes: { [proposal.id]: "rejected" },
    });
    expect(await counted(action.id)).toEqual(before);
    expect(await db.proposedUpdate.findUniqueOrThrow({ where: { id: proposal.id } })).toMatchObject({
      state: "rejected",
      reviewReason: "进度数据与佐证不符，请核实",
      reviewedById: users.reviewer.id,
      statusUpdateId: null,
    });
    const shown = (await getItemProposals(users.staff, action.recommendationId)).find(
      (row) => row.id === proposal.id,
    );
    expect(shown).toMatchObject({ state: "rejected", reviewReason: "进度数据与佐证不符，请核实" });
    expect((await getItemProposals(users.official, action.recommendationId)).length).toBe(0);
    expect(
      await db.auditEvent.count({
        where: { action: "updateReview.reject", entityId: action.id, actorId: users.reviewer.id },
      }),
    ).toBe(1);
    // A rejection is final: it cannot be approved afterwards.
    const late = (await review("reviewer", [proposal.id], "approve")) as { formError?: string };
    expect(late.formError).toContain("refused.notPending");
    expect(await counted(action.id)).toEqual(before);
    // No longer pending: the staff may send a corrected one.
    const fresh = await db.action.findUniqueOrThrow({ where: { id: action.id } });
    expect(await submit("staff", statusForm(fresh, { comment: "已核实后重新填报" }))).toMatchObject({
      redirectedTo: expect.stringContaining("saved=review"),
    });
  });

  it("refuses the wrong reviewer (another agency's), plain staff and officials, changing nothing", async () => {
    const { action, proposal } = await proposed();
    const mixed = await proposed();
    const before = { counted: await counted(action.id), audit: await db.auditEvent.count() };
    const state = async () =>
      (await db.proposedUpdate.findMany({ where: { id: { in: [proposal.id, mixed.proposal.id] } } })).map(
        (p) => p.state,
      );

    expect(await review("otherReviewer", [proposal.id], "approve")).toEqual({
      formError: "validation.forbidden",
    });
    expect(await review("otherReviewer", [proposal.id], "reject", "不是本单位的")).toEqual({
      formError: "validation.forbidden",
    });
    expect(await review("staff", [proposal.id], "approve")).toEqual({ formError: "validation.forbidden" });
    expect(await review("official", [proposal.id], "approve")).toEqual({ formError: "validation.forbidden" });
    // A batch naming one proposal the reviewer may not review is refused whole.
    expect(await review("otherReviewer", [proposal.id, mixed.proposal.id], "approve")).toEqual({
      formError: "validation.forbidden",
    });
    // Unknown ids: not found.
    expect(await review("reviewer", [proposal.id, "no-such-proposal"], "approve")).toEqual({
      formError: "validation.notFound",
    });
    expect(await review("reviewer", [], "approve")).toMatchObject({
      fieldErrors: { ids: ["updateReview.noneChosen"] },
    });

    expect(await state()).toEqual(["pending", "pending"]);
    expect(await counted(action.id)).toEqual(before.counted);
    expect(await db.auditEvent.count()).toBe(before.audit);
  });

  it("keeps the staff's imports from going around the review; an admin's import stays direct", async () => {
    const fresh = await freshAction();
    const action = await db.action.findUniqueOrThrow({
      where: { id: fresh.id },
      include: { recommendation: { include: { proposal: true } } },
    });
    const rows = [
      {
        sheet: null,
        row: 2,
        values: {
          proposal: action.recommendation.proposal.code,
          recommendation: action.recommendation.code,
          code: action.code,
          status: "in_progress",
          progress: String(action.progress >= 90 ? action.progress - 3 : action.progress + 3),
          effectiveDate: today(),
          version: String(action.version),
        },
      },
    ];
    const staffPlan = await planImport(db, users.staff, rows);
    expect(staffPlan.rows[0]).toMatchObject({ outcome: "problem", input: null });
    expect(staffPlan.rows[0]?.problems).toContainEqual({ field: "row", key: "needsReview" });
    const adminPlan = await planImport(db, users.admin, rows);
    expect(adminPlan.rows[0]?.outcome).toBe("update");
  });

  it("is turned on and off by an admin on the agencies page, audited like the agency's other fields", async () => {
    const agency = await db.agency.findUniqueOrThrow({ where: { code: "SHFB" } });
    const fields = (needsReview: boolean) => {
      const form = new FormData();
      form.set("agencyId", agency.id);
      form.set("code", agency.code);
      form.set("nameZh", agency.nameZh);
      form.set("nameEn", agency.nameEn ?? "");
      form.set("shortNameZh", agency.shortNameZh ?? "");
      form.set("shortNameEn", agency.shortNameEn ?? "");
      if (agency.active) form.set("active", "on");
      if (needsReview) form.set("updatesNeedReview", "on");
      return form;
    };
    as("staff");
    expect(await callAction(() => updateAgency({}, fields(true)))).toEqual({
      returned: { formError: "validation.forbidden" },
    });
    expect((await db.agency.findUniqueOrThrow({ where: { id: agency.id } })).updatesNeedReview).toBe(false);
    as("admin");
    expect(await callAction(() => updateAgency({}, fields(true)))).toEqual({
      returned: { notice: "validation.saved" },
    });
    expect((await db.agency.findUniqueOrThrow({ where: { id: agency.id } })).updatesNeedReview).toBe(true);
    const audit = await db.auditEvent.findFirstOrThrow({
      where: { action: "agency.update", entityId: agency.id },
      orderBy: { createdAt: "desc" },
    });
    expect(audit.before).toMatchObject({ updatesNeedReview: false });
    expect(audit.after).toMatchObject({ updatesNeedReview: true });
    await callAction(() => updateAgency({}, fields(false)));
    expect((await db.agency.findUniqueOrThrow({ where: { id: agency.id } })).updatesNeedReview).toBe(false);
  });
});
