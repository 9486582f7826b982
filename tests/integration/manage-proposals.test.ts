// Managing proposals and recommendations through the server actions, on the real database: one audit
// row per changed field, archived items keep their history and leave the lists, bad input is refused
// with nothing written, edits use optimistic versioning.
import { beforeAll, describe, expect, it } from "vitest";
import { createAuth } from "@/lib/auth/config";
import { toShanghaiDateString } from "@/lib/dates";
import { db } from "@/lib/db";
import { createEvidence } from "@/lib/evidence/actions";
import { createMeasure } from "@/lib/measures/actions";
import {
  archiveProposal,
  archiveRecommendation,
  assignRecommendations,
  createProposalFromEntry,
  createRecommendation,
  editProposal,
  editRecommendation,
  moveRecommendation,
} from "@/lib/proposals/actions";
import { getProposalOverview } from "@/lib/proposals/queries";
import { entryPayload, planEntry, segmentProposalText } from "@/lib/proposals/segment";
import { getRecommendationPage } from "@/lib/recommendations/queries";
import { replyDueDate } from "@/lib/recommendations/reply-clock";
import { saveReply } from "@/lib/replies/actions";
import { recordStatusUpdate } from "@/lib/status-updates/record";
import { getTrackingPage } from "@/lib/tracking/queries";
import { parseTrackingParams } from "@/lib/tracking/search-params";
import type { FormState } from "@/lib/validation/form-action";
import { SAMPLE_PASSWORD } from "../../prisma/sample-data";
import { seedSampleData } from "../../prisma/seed";
import { callAction, request } from "./support/request-context";

process.env.BETTER_AUTH_SECRET ??= "integration-test-secret-0123456789abcdef";
let adminId: string;
let agencies: { id: string; code: string }[];

beforeAll(async () => {
  await seedSampleData(db);
  const { headers } = await createAuth(db).api.signInEmail({
    body: { email: "admin@tracker.example", password: SAMPLE_PASSWORD },
    headers: new Headers(),
    returnHeaders: true,
  });
  request.headers = new Headers({ cookie: headers.get("set-cookie")?.split(";")[0] ?? "" });
  adminId = (await db.user.findUniqueOrThrow({ where: { email: "admin@tracker.example" } })).id;
  agencies = await db.agency.findMany({ orderBy: { code: "asc" }, select: { id: true, code: true } });
});

function form(fields: Record<string, string | string[]>): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) {
    for (const one of Array.isArray(value) ? value : [value]) data.append(name, one);
  }
  return data;
}

const PROPOSAL = {
  titleZh: "关于推进城市数据开放的建议",
  authorZh: "测试代表",
  congressSessionZh: "上海市第十六届人民代表大会第三次会议",
  submittedAt: "2025-01-20",
  summaryZh: "建议加快公共数据开放。",
};
const TEXT = "一、建立公共数据开放清单。按年度更新。\n二、完善数据授权运营机制。\n三、加强数据安全监管。";

async function entry(code: string, parts: readonly object[], sourceText = TEXT) {
  return callAction(() =>
    createProposalFromEntry({}, form({ ...PROPOSAL, code, sourceText, parts: JSON.stringify(parts) })),
  );
}

type Part = { code: string; titleZh: string; sourceQuote: string };
const PARTS: [Part, Part, Part] = [
  { code: "R1", titleZh: "建立公共数据开放清单", sourceQuote: "建立公共数据开放清单。按年度更新。" },
  { code: "R2", titleZh: "完善数据授权运营机制", sourceQuote: "完善数据授权运营机制。" },
  { code: "R3", titleZh: "加强数据安全监管", sourceQuote: "加强数据安全监管。" },
];

function recFields(rec: { code: string; titleZh: string; sourceQuote: string; version: number; id: string }) {
  return {
    recommendationId: rec.id,
    version: String(rec.version),
    code: rec.code,
    titleZh: rec.titleZh,
    sourceQuote: rec.sourceQuote,
    weight: "1",
  };
}

describe("assisted entry", () => {
  it("saves the proposal and its reviewed parts in one transaction, each audited", async () => {
    const outcome = await entry("DATA-2025", PARTS);
    expect(outcome).toEqual({ redirectedTo: "/zh-CN/admin/proposals/DATA-2025" });
    const proposal = await db.proposal.findUniqueOrThrow({
      where: { code: "DATA-2025" },
      include: { recommendations: { orderBy: { sortOrder: "asc" } } },
    });
    expect(proposal.sourceText).toBe(TEXT);
    expect(proposal.recommendations.map((rec) => [rec.code, rec.sourceQuote, rec.sortOrder])).toEqual(
      PARTS.map((part, i) => [part.code, part.sourceQuote, i + 1]),
    );
    const audits = await db.auditEvent.count({
      where: {
        action: "recommendation.create",
        entityId: { in: proposal.recommendations.map((rec) => rec.id) },
      },
    });
    expect(audits).toBe(3);
  });

  it("refuses duplicate codes, an empty title and over-long text, writing nothing", async () => {
    const before = await Promise.all([db.proposal.count(), db.recommendation.count(), db.auditEvent.count()]);
    const duplicate = await entry("DUP-1", [PARTS[0], { ...PARTS[1], code: "R1" }]);
    expect((duplicate as { returned: FormState }).returned.fieldErrors?.["parts.1.code"]).toEqual([
      "validation.codeTaken",
    ]);
    const empty = await entry("DUP-2", [{ ...PARTS[0], titleZh: "  " }]);
    expect((empty as { returned: FormState }).returned.fieldErrors?.["parts.0.titleZh"]).toEqual([
      "validation.required",
    ]);
    const long = await entry("DUP-3", [{ ...PARTS[0], sourceQuote: "长".repeat(10_001) }]);
    expect((long as { returned: FormState }).returned.fieldErrors?.["parts.0.sourceQuote"]).toEqual([
      "validation.tooLong",
    ]);
    const taken = await entry("DATA-2025", PARTS);
    expect((taken as { returned: FormState }).returned.fieldErrors?.code).toEqual(["validation.codeTaken"]);
    const after = await Promise.all([db.proposal.count(), db.recommendation.count(), db.auditEvent.count()]);
    expect(after).toEqual(before);
  });
});

describe("assisted entry of a text with 一、 headings over （一） items", () => {
  // Issue 15's text: the headings were in neither the preamble nor any saved recommendation.
  const HIERARCHICAL = [
    "关于加快公共数据开放的建议",
    "为此建议如下：",
    "一、完善公共数据开放制度体系",
    "（一）制定公共数据开放条例。明确开放的范围、方式和责任。",
    "（二）建立开放目录动态更新机制。每季度更新一次。",
    "二、推动数据要素市场化配置",
    "（一）培育数据交易场所。支持数据交易所扩大业务。",
    "（二）探索数据资产入表。开展试点。",
    "以上建议，请予研究。",
  ].join("\n");
  const withoutSpace = (value: string) => value.replace(/\s/g, "");

  async function saved(code: string) {
    return db.proposal.findUniqueOrThrow({
      where: { code },
      include: {
        recommendations: {
          orderBy: { sortOrder: "asc" },
          include: { actions: { orderBy: { sortOrder: "asc" } } },
        },
      },
    });
  }

  it("saves each heading as a recommendation with its items as actions, each audited, dropping no text", async () => {
    const segmentation = segmentProposalText(HIERARCHICAL);
    const plan = planEntry(segmentation.sections, segmentation.parts, "actions");
    const outcome = await entry("OPEN-DATA", entryPayload(plan), HIERARCHICAL);
    expect(outcome).toEqual({ redirectedTo: "/zh-CN/admin/proposals/OPEN-DATA" });
    const proposal = await saved("OPEN-DATA");
    expect(
      proposal.recommendations.map((rec) => [
        rec.code,
        rec.titleZh,
        rec.sourceQuote,
        rec.actions.map((action) => [action.code, action.titleZh, action.descriptionZh, action.sortOrder]),
      ]),
    ).toEqual([
      [
        "R1",
        "完善公共数据开放制度体系",
        "完善公共数据开放制度体系",
        [
          ["R1.1", "制定公共数据开放条例", "制定公共数据开放条例。明确开放的范围、方式和责任。", 1],
          ["R1.2", "建立开放目录动态更新机制", "建立开放目录动态更新机制。每季度更新一次。", 2],
        ],
      ],
      [
        "R2",
        "推动数据要素市场化配置",
        "推动数据要素市场化配置",
        [
          ["R2.1", "培育数据交易场所", "培育数据交易场所。支持数据交易所扩大业务。", 1],
          ["R2.2", "探索数据资产入表", "探索数据资产入表。开展试点。", 2],
        ],
      ],
    ]);
    // Preamble, every saved quote behind its marker, and the closing give back the pasted text.
    const joined = [
      segmentation.preamble?.text,
      ...proposal.recommendations.flatMap((rec, r) => [
        `${plan[r]?.marker}${rec.sourceQuote}`,
        ...rec.actions.map((action, a) => `${plan[r]?.actions[a]?.marker}${action.descriptionZh}`),
      ]),
      segmentation.closing?.text,
    ].join("\n");
    expect(withoutSpace(joined)).toBe(withoutSpace(HIERARCHICAL));
    const actionIds = proposal.recommendations.flatMap((rec) => rec.actions.map((action) => action.id));
    expect(
      await db.auditEvent.count({ where: { action: "action.create", entityId: { in: actionIds } } }),
    ).toBe(4);
    // New actions at 0 % leave the new recommendations' progress (and history) as they were.
    expect(proposal.recommendations.map((rec) => [rec.progress, rec.version])).toEqual([
      [0, 1],
      [0, 1],
    ]);
  });

  it("saves the items as recommendations of their own when the admin chooses, the heading in the first quote", async () => {
    const segmentation = segmentProposalText(HIERARCHICAL);
    const plan = planEntry(segmentation.sections, segmentation.parts, "recommendations");
    expect(await entry("OPEN-DATA-2", entryPayload(plan), HIERARCHICAL)).toEqual({
      redirectedTo: "/zh-CN/admin/proposals/OPEN-DATA-2",
    });
    const proposal = await saved("OPEN-DATA-2");
    expect(proposal.recommendations.map((rec) => [rec.code, rec.titleZh, rec.actions.length])).toEqual([
      ["R1", "制定公共数据开放条例", 0],
      ["R2", "建立开放目录动态更新机制", 0],
      ["R3", "培育数据交易场所", 0],
      ["R4", "探索数据资产入表", 0],
    ]);
    expect(proposal.recommendations[0]?.sourceQuote).toBe(
      "完善公共数据开放制度体系\n（一）制定公共数据开放条例。明确开放的范围、方式和责任。",
    );
    expect(proposal.recommendations[2]?.sourceQuote).toMatch(/^推动数据要素市场化配置\n（一）培育/);
  });

  it("refuses duplicate action codes and an over-long action quote, writing nothing", async () => {
    const before = await Promise.all([db.proposal.count(), db.action.count(), db.auditEvent.count()]);
    const action = { code: "R1.1", titleZh: "制定条例", sourceQuote: "制定条例。" };
    const rec = { code: "R1", titleZh: "完善制度", sourceQuote: "完善制度", actions: [action] };
    const duplicate = await entry("ACT-1", [{ ...rec, actions: [action, action] }]);
    expect((duplicate as { returned: FormState }).returned.fieldErrors?.["parts.0.actions.1.code"]).toEqual([
      "validation.codeTaken",
    ]);
    const long = await entry("ACT-2", [{ ...rec, actions: [{ ...action, sourceQuote: "长".repeat(2001) }] }]);
    expect((long as { returned: FormState }).returned.fieldErrors?.["parts.0.actions.0.sourceQuote"]).toEqual(
      ["validation.tooLong"],
    );
    const after = await Promise.all([db.proposal.count(), db.action.count(), db.auditEvent.count()]);
    expect(after).toEqual(before);
  });
});

describe("assigning all of a proposal's recommendations in one grid", () => {
  async function grid(code: string) {
    await entry(code, PARTS);
    return db.proposal.findUniqueOrThrow({
      where: { code },
      include: { recommendations: { orderBy: { sortOrder: "asc" } } },
    });
  }
  const assign = (proposalId: string, rows: object[]) =>
    callAction(() => assignRecommendations({}, form({ proposalId, rows: JSON.stringify(rows) })));
  const state = (outcome: Awaited<ReturnType<typeof callAction>>) =>
    (outcome as { returned: FormState }).returned;
  async function snapshot(ids: string[]) {
    return Promise.all([
      db.recommendation.findMany({ where: { id: { in: ids } }, orderBy: { sortOrder: "asc" } }),
      db.recommendationAgency.findMany({
        where: { recommendationId: { in: ids } },
        orderBy: { agencyId: "asc" },
      }),
      db.auditEvent.count(),
    ]);
  }

  it("saves lead, co-handlers, theme, dates and weight of every row in one go, each changed field audited", async () => {
    const proposal = await grid("GRID-1");
    const theme = await db.theme.findFirstOrThrow();
    const [a, b, c] = agencies.map((agency) => agency.id) as [string, string, string];
    const rows = proposal.recommendations.map((rec, i) => ({
      recommendationId: rec.id,
      version: rec.version,
      themeId: theme.id,
      leadAgencyId: i === 2 ? b : a,
      coAgencyIds: i === 2 ? [] : [b, c],
      startDate: "2025-03-01",
      dueDate: ["2025-10-31", "2025-11-30", "2025-12-31"][i],
      weight: i + 1,
    }));
    expect(state(await assign(proposal.id, rows)).notice).toBeTruthy();
    const recs = await db.recommendation.findMany({
      where: { proposalId: proposal.id },
      orderBy: { sortOrder: "asc" },
      include: { agencies: { orderBy: { role: "asc" } } },
    });
    expect(
      recs.map((rec) => [rec.themeId, rec.leadAgencyId, rec.agencies.length, rec.weight, rec.version]),
    ).toEqual([
      // Given their lead, the unassigned items were assigned (交办): one version for the fields, one for the step.
      [theme.id, a, 3, 1, 3],
      [theme.id, a, 3, 2, 3],
      [theme.id, b, 1, 3, 3],
    ]);
    expect(recs.map((rec) => rec.stage)).toEqual(["assigned", "assigned", "assigned"]);
    expect(recs.every((rec) => rec.startDate !== null && rec.dueDate !== null)).toBe(true);
    const audits = await db.auditEvent.findMany({
      where: { action: "recommendation.edit", entityId: recs[0]?.id },
      select: { before: true },
    });
    expect(audits.map((audit) => Object.keys(audit.before as object)[0]).sort()).toEqual(
      ["assignedAt", "coAgencies", "dueDate", "leadAgency", "startDate", "theme"].sort(),
    );
  });

  it("refuses them all when one row is wrong (due before start, lead also co-handler, old version), writing nothing", async () => {
    const proposal = await grid("GRID-2");
    const ids = proposal.recommendations.map((rec) => rec.id);
    const [a, b] = agencies.map((agency) => agency.id) as [string, string];
    type Row = { recommendationId: string; version: number; leadAgencyId: string; weight: number };
    const good = proposal.recommendations.map((rec) => ({
      recommendationId: rec.id,
      version: rec.version,
      leadAgencyId: a,
      weight: 1,
    })) as [Row, Row, Row];
    const before = await snapshot(ids);
    const late = await assign(proposal.id, [
      good[0],
      { ...good[1], startDate: "2025-05-01", dueDate: "2025-04-01" },
    ]);
    expect(state(late).fieldErrors?.["rows.1.dueDate"]).toEqual(["validation.dueBeforeStart"]);
    const both = await assign(proposal.id, [{ ...good[0], coAgencyIds: [a, b] }, good[1]]);
    expect(state(both).fieldErrors?.["rows.0.coAgencyIds"]).toEqual(["validation.leadAlsoCoHandler"]);
    const stale = await assign(proposal.id, [good[0], { ...good[2], version: 7 }]);
    expect(state(stale).formError).toBe("manage.editConflict");
    const unknown = await assign(proposal.id, [good[0], { ...good[1], leadAgencyId: "no-such-agency" }]);
    expect(state(unknown).fieldErrors?.["rows.1.leadAgencyId"]).toEqual(["validation.invalid"]);
    const elsewhere = await db.recommendation.findFirstOrThrow({
      where: { proposalId: { not: proposal.id } },
    });
    const foreign = await assign(proposal.id, [
      good[0],
      { recommendationId: elsewhere.id, version: elsewhere.version, weight: 1 },
    ]);
    expect(state(foreign).formError).toBe("validation.notFound");
    expect(await snapshot(ids)).toEqual(before);
  });
});

describe("editing a recommendation", () => {
  it("writes one audit row per changed field (before → after) and shows them in the item's history", async () => {
    const today = toShanghaiDateString(new Date());
    const rec = await db.recommendation.findFirstOrThrow({
      where: { code: "R2", proposal: { code: "DATA-2025" } },
    });
    const [lead, co] = agencies as [{ id: string; code: string }, { id: string; code: string }];
    const outcome = await editRecommendation(
      {},
      form({
        ...recFields(rec),
        titleZh: "完善公共数据授权运营机制",
        leadAgencyId: lead.id,
        coAgencyIds: [co.id],
        startDate: "2025-03-01",
        dueDate: "2025-12-31",
      }),
    );
    expect(outcome).toEqual({ notice: "validation.saved" });
    const rows = await db.auditEvent.findMany({
      where: { entityId: rec.id, action: "recommendation.edit" },
      orderBy: { id: "asc" },
    });
    expect(rows.map((row) => [row.before, row.after]).sort()).toEqual(
      [
        [{ titleZh: "完善数据授权运营机制" }, { titleZh: "完善公共数据授权运营机制" }],
        [{ leadAgency: null }, { leadAgency: lead.code }],
        [{ coAgencies: [] }, { coAgencies: [co.code] }],
        [{ startDate: null }, { startDate: "2025-03-01" }],
        [{ dueDate: null }, { dueDate: "2025-12-31" }],
        // Given its lead, the unassigned item is assigned (交办) today.
        [{ assignedAt: null }, { assignedAt: today }],
      ].sort(),
    );
    expect(rows.every((row) => row.actorId === adminId)).toBe(true);
    const updated = await db.recommendation.findUniqueOrThrow({
      where: { id: rec.id },
      include: { agencies: true },
    });
    // The edit, then the assign step, each move the version on.
    expect(updated.version).toBe(rec.version + 2);
    expect(updated.leadAgencyId).toBe(lead.id);
    expect([updated.stage, toShanghaiDateString(updated.replyDueAt ?? new Date(0))]).toEqual([
      "assigned",
      replyDueDate(today),
    ]);
    const steps = await db.cycleEvent.findMany({ where: { recommendationId: rec.id } });
    expect(steps.map((step) => [step.step, step.agencyId, step.actorId])).toEqual([
      ["assign", lead.id, adminId],
    ]);

    const page = await getRecommendationPage("DATA-2025", "R2");
    expect(page?.edits.map((edit) => edit.field).sort()).toEqual(
      ["assignedAt", "coAgencies", "dueDate", "leadAgency", "startDate", "titleZh"].sort(),
    );
  });

  it("refuses an edit made on an older version, writing nothing", async () => {
    const rec = await db.recommendation.findFirstOrThrow({
      where: { code: "R2", proposal: { code: "DATA-2025" } },
    });
    const audits = await db.auditEvent.count();
    const outcome = await editRecommendation(
      {},
      form({ ...recFields(rec), version: String(rec.version - 1), titleZh: "过时的修改" }),
    );
    expect(outcome).toEqual({ formError: "manage.editConflict" });
    expect(await db.recommendation.findUniqueOrThrow({ where: { id: rec.id } })).toEqual(rec);
    expect(await db.auditEvent.count()).toBe(audits);
  });

  it("refuses due before start, a lead also co-handler and a duplicate code, writing nothing", async () => {
    const rec = await db.recommendation.findFirstOrThrow({
      where: { code: "R3", proposal: { code: "DATA-2025" } },
    });
    const [lead] = agencies as [{ id: string; code: string }];
    const audits = await db.auditEvent.count();
    const bad = await editRecommendation(
      {},
      form({
        ...recFields(rec),
        startDate: "2025-06-01",
        dueDate: "2025-05-01",
        leadAgencyId: lead.id,
        coAgencyIds: [lead.id],
      }),
    );
    expect(bad.fieldErrors).toEqual({
      dueDate: ["validation.dueBeforeStart"],
      coAgencyIds: ["validation.leadAlsoCoHandler"],
    });
    const duplicate = await editRecommendation({}, form({ ...recFields(rec), code: "R1" }));
    expect(duplicate.fieldErrors).toEqual({ code: ["validation.codeTaken"] });
    const created = await createRecommendation(
      {},
      form({ proposalId: rec.proposalId, code: "R1", titleZh: "重复", sourceQuote: "重复。", weight: "1" }),
    );
    expect(created.fieldErrors).toEqual({ code: ["validation.codeTaken"] });
    expect(await db.recommendation.findUniqueOrThrow({ where: { id: rec.id } })).toEqual(rec);
    expect(await db.auditEvent.count()).toBe(audits);
  });
});

describe("reordering and archiving", () => {
  it("moves a recommendation and audits the new order", async () => {
    const rec = await db.recommendation.findFirstOrThrow({
      where: { code: "R3", proposal: { code: "DATA-2025" } },
    });
    expect(
      (await moveRecommendation({}, form({ recommendationId: rec.id, direction: "up" }))).formError,
    ).toBe(undefined);
    const order = await db.recommendation.findMany({
      where: { proposalId: rec.proposalId },
      orderBy: { sortOrder: "asc" },
      select: { code: true },
    });
    expect(order.map((row) => row.code)).toEqual(["R1", "R3", "R2"]);
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "recommendation.move" } });
    expect(audit.after).toEqual({ order: ["R1", "R3", "R2"] });
  });

  it("archives a recommendation with a reason: it leaves the lists, its history stays", async () => {
    const rec = await db.recommendation.findFirstOrThrow({
      where: { code: "R1", proposal: { code: "DATA-2025" } },
    });
    const admin = await db.user.findUniqueOrThrow({ where: { id: adminId } });
    await recordStatusUpdate(
      db,
      admin,
      {
        itemType: "recommendation",
        itemId: rec.id,
        version: rec.version,
        status: "in_progress",
        progress: 20,
        effectiveDate: "2025-04-01",
        comment: undefined,
        evidenceIds: [],
      },
      { source: "form" },
    );
    const current = await db.recommendation.findUniqueOrThrow({ where: { id: rec.id } });
    const noReason = await archiveRecommendation(
      {},
      form({ recommendationId: rec.id, version: String(current.version), reason: "" }),
    );
    expect(noReason.fieldErrors).toEqual({ reason: ["validation.required"] });
    const stale = await archiveRecommendation(
      {},
      form({ recommendationId: rec.id, version: String(current.version - 1), reason: "与 R2 合并" }),
    );
    expect(stale).toEqual({ formError: "manage.editConflict" });

    const outcome = await archiveRecommendation(
      {},
      form({ recommendationId: rec.id, version: String(current.version), reason: "与 R2 合并" }),
    );
    expect(outcome).toEqual({ notice: "validation.saved" });
    const archived = await db.recommendation.findUniqueOrThrow({ where: { id: rec.id } });
    expect(archived.archivedReason).toBe("与 R2 合并");
    expect(archived.archivedAt).not.toBeNull();
    expect(await db.statusUpdate.count({ where: { recommendationId: rec.id } })).toBe(1);

    const overview = await getProposalOverview("DATA-2025");
    expect(overview?.recommendations.map((row) => row.code)).toEqual(["R3", "R2"]);
    const table = await getTrackingPage(db, parseTrackingParams({ proposal: "DATA-2025" }));
    expect(table.rows.map((row) => row.code).sort()).toEqual(["R2", "R3"]);
    const page = await getRecommendationPage("DATA-2025", "R1");
    expect(page?.history).toHaveLength(1);
    expect(page?.recommendation.archivedReason).toBe("与 R2 合并");
    expect(page?.edits.some((edit) => edit.field === "archivedReason")).toBe(true);

    const edit = await editRecommendation({}, form({ ...recFields(archived), titleZh: "改" }));
    expect(edit).toEqual({ formError: "manage.recommendationArchived" });
    const update = await recordStatusUpdate(
      db,
      admin,
      {
        itemType: "recommendation",
        itemId: rec.id,
        version: archived.version,
        status: "in_progress",
        progress: 30,
        effectiveDate: "2025-04-02",
        comment: undefined,
        evidenceIds: [],
      },
      { source: "form" },
    );
    expect(update).toEqual({ kind: "notFound" });

    // Nor evidence, a reply or a new action, even from an admin.
    const before = await Promise.all([db.evidence.count(), db.action.count(), db.auditEvent.count()]);
    const evidence = await callAction(() =>
      createEvidence(
        {},
        form({
          target: `recommendation:${rec.id}`,
          url: "https://example.org/a",
          titleZh: "材料",
          kind: "other",
        }),
      ),
    );
    expect(evidence).toEqual({ returned: { formError: "validation.forbidden" } });
    const reply = await callAction(() =>
      saveReply(
        {},
        form({ recommendationId: rec.id, version: String(archived.version), assignedAt: "2025-02-01" }),
      ),
    );
    expect(reply).toEqual({ returned: { formError: "validation.notFound" } });
    const action = await callAction(() =>
      createMeasure(
        {},
        form({
          recommendationId: rec.id,
          code: "R1.9",
          titleZh: "新举措",
          leadAgencyId: agencies[0]?.id ?? "",
          weight: "1",
        }),
      ),
    );
    expect(action).toEqual({ returned: { formError: "validation.notFound" } });
    expect(await Promise.all([db.evidence.count(), db.action.count(), db.auditEvent.count()])).toEqual(
      before,
    );
  });

  it("archives a proposal with its recommendations; the first proposal shown is then another", async () => {
    const proposal = await db.proposal.findUniqueOrThrow({ where: { code: "DATA-2025" } });
    const outcome = await archiveProposal({}, form({ proposalId: proposal.id, reason: "重复录入" }));
    expect(outcome).toEqual({ notice: "validation.saved" });
    expect(await db.recommendation.count({ where: { proposalId: proposal.id, archivedAt: null } })).toBe(0);
    expect(await db.recommendation.count({ where: { proposalId: proposal.id } })).toBe(3);
    expect(await db.proposal.findUniqueOrThrow({ where: { id: proposal.id } })).toMatchObject({
      archivedReason: "重复录入",
    });
  });
});

describe("editing a proposal", () => {
  it("audits each changed field and moves the page's address with a new code", async () => {
    const proposal = await db.proposal.findFirstOrThrow({ where: { isSample: true } });
    const fields = {
      proposalId: proposal.id,
      code: proposal.code,
      titleZh: proposal.titleZh,
      authorZh: proposal.authorZh,
      congressSessionZh: proposal.congressSessionZh,
      submittedAt: "2024-01-26",
      summaryZh: proposal.summaryZh,
      officialNumber: "第0001号",
    };
    const before = await db.auditEvent.count({ where: { entityId: proposal.id } });
    expect(await editProposal({}, form(fields))).toEqual({ notice: "validation.saved" });
    const rows = await db.auditEvent.findMany({
      where: { entityId: proposal.id, action: "proposal.edit" },
      select: { before: true, after: true },
    });
    expect(rows).toContainEqual({ before: { officialNumber: null }, after: { officialNumber: "第0001号" } });
    expect(await db.auditEvent.count({ where: { entityId: proposal.id } })).toBe(before + rows.length);

    const empty = await editProposal({}, form({ ...fields, titleZh: "" }));
    expect(empty.fieldErrors).toEqual({ titleZh: ["validation.required"] });
    const moved = await callAction(() => editProposal({}, form({ ...fields, code: "LLM-2024-X" })));
    expect(moved).toEqual({ redirectedTo: "/zh-CN/admin/proposals/LLM-2024-X" });
  });
});

describe("a new recommendation given its lead", () => {
  it("is assigned (交办) on the day recorded, with its reply deadline, as the grid would", async () => {
    const proposal = await db.proposal.create({
      data: {
        code: "NEW-2025",
        titleZh: "新建议",
        authorZh: "测试代表",
        congressSessionZh: "第十六届三次会议",
        submittedAt: new Date("2025-01-20T00:00:00+08:00"),
        summaryZh: "摘要",
      },
    });
    const [lead, co] = agencies as [{ id: string; code: string }, { id: string; code: string }];
    const outcome = await createRecommendation(
      {},
      form({
        proposalId: proposal.id,
        code: "R9",
        titleZh: "新增条目",
        sourceQuote: "新增。",
        weight: "1",
        leadAgencyId: lead.id,
        coAgencyIds: [co.id],
        assignedAt: "2025-03-03",
      }),
    );
    expect(outcome, JSON.stringify(outcome)).toEqual({ notice: "validation.saved" });
    const rec = await db.recommendation.findFirstOrThrow({
      where: { code: "R9", proposalId: proposal.id },
      include: { cycleEvents: true, agencies: true },
    });
    expect([rec.stage, toShanghaiDateString(rec.replyDueAt ?? new Date(0)), rec.version]).toEqual([
      "assigned",
      replyDueDate("2025-03-03"),
      2,
    ]);
    expect(rec.cycleEvents.map((event) => [event.step, event.agencyId])).toEqual([["assign", lead.id]]);
    expect(rec.agencies.map((row) => row.acknowledgedAt)).toEqual([null, null]);
    // One without a lead stays to be assigned.
    await createRecommendation(
      {},
      form({ proposalId: proposal.id, code: "R10", titleZh: "待交办", sourceQuote: "待。", weight: "1" }),
    );
    expect(
      (await db.recommendation.findFirstOrThrow({ where: { code: "R10", proposalId: proposal.id } })).stage,
    ).toBe("unassigned");
  });
});
