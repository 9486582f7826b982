// Recording status updates on the real database: rules, roll-up, concurrency, audit.
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { submitStatusUpdate } from "@/lib/status-updates/actions";
import { recordStatusUpdate } from "@/lib/status-updates/record";
import type { StatusUpdateInput } from "@/lib/status-updates/schema";
import { seedSampleData } from "../../prisma/seed";
import { callAction, request } from "./support/request-context";
import { sessionCookie } from "./support/session";

const NOW = new Date("2026-11-29T04:00:00Z");
let staffJxw: Actor;
let staffKw: Actor;
let admin: Actor;

beforeAll(async () => {
  await seedSampleData(db);
  const actor = async (email: string) => {
    const user = await db.user.findUniqueOrThrow({
      where: { email },
      select: { id: true, role: true, agencyId: true },
    });
    return user;
  };
  staffJxw = await actor("staff.jxw@tracker.example");
  staffKw = await actor("staff.kw@tracker.example");
  admin = await actor("admin@tracker.example");
});

async function action(code: string) {
  return db.action.findFirstOrThrow({ where: { code }, include: { recommendation: true } });
}

function input(
  item: { id: string; version: number },
  overrides: Partial<StatusUpdateInput> = {},
): StatusUpdateInput {
  return {
    itemType: "action",
    itemId: item.id,
    version: item.version,
    status: "in_progress",
    progress: 50,
    effectiveDate: "2026-11-28",
    comment: undefined,
    evidenceIds: [],
    ...overrides,
  };
}

describe("recording a status update", () => {
  it("writes the new state, the history record with evidence, the roll-up and the audit", async () => {
    // R4.2 is led by 市经济信息化委 (staff.jxw) in the sample.
    const before = await action("R4.2");
    const recBefore = before.recommendation;
    const result = await recordStatusUpdate(
      db,
      staffJxw,
      input(before, {
        progress: 90,
        comment: "完成行业场景联合攻关的阶段评估。",
        newEvidenceUrl: "https://tpc.dev/",
        newEvidenceTitle: "万亿参数联盟",
        newEvidenceKind: "other",
      }),
      { source: "form" },
      NOW,
    );
    expect(result.kind).toBe("recorded");
    if (result.kind !== "recorded") return;

    const after = await action("R4.2");
    expect(after).toMatchObject({ status: "in_progress", progress: 90, version: before.version + 1 });
    const update = await db.statusUpdate.findUniqueOrThrow({
      where: { id: result.statusUpdateId },
      include: { evidence: { include: { evidence: true } }, rolledUpInto: true },
    });
    expect(update).toMatchObject({
      statusBefore: before.status,
      progressBefore: before.progress,
      progressAfter: 90,
      authorId: staffJxw.id,
      source: "form",
    });
    expect(update.evidence.map((link) => link.evidence.url)).toEqual(["https://tpc.dev/"]);

    // The recommendation's progress is the weighted average of its actions, recorded as a roll-up.
    const actions = await db.action.findMany({ where: { recommendationId: recBefore.id } });
    const counted = actions.filter((a) => a.status !== "not_adopted");
    const expected = Math.round(
      counted.reduce((sum, a) => sum + a.weight * a.progress, 0) /
        counted.reduce((sum, a) => sum + a.weight, 0),
    );
    const recAfter = await db.recommendation.findUniqueOrThrow({ where: { id: recBefore.id } });
    expect(recAfter.progress).toBe(expected);
    expect(recAfter.version).toBe(recBefore.version + 1);
    expect(update.rolledUpInto).toMatchObject({
      progressBefore: recBefore.progress,
      progressAfter: expected,
    });

    const audit = await db.auditEvent.findMany({
      where: { actorId: staffJxw.id },
      orderBy: { createdAt: "asc" },
    });
    expect(audit.map((event) => event.action)).toEqual(
      expect.arrayContaining(["evidence.create", "statusUpdate.record", "recommendation.rollUp"]),
    );
  });

  it("lets exactly one of two updates from the same version win", async () => {
    const item = await action("R1.1");
    const historyBefore = await db.statusUpdate.count({ where: { actionId: item.id } });
    const results = await Promise.all([
      recordStatusUpdate(db, staffKw, input(item, { progress: 80 }), { source: "form" }, NOW),
      recordStatusUpdate(db, staffKw, input(item, { progress: 85 }), { source: "form" }, NOW),
    ]);
    expect(results.map((r) => r.kind).sort()).toEqual(["conflict", "recorded"]);
    expect(await db.statusUpdate.count({ where: { actionId: item.id } })).toBe(historyBefore + 1);
    const conflict = results.find((r) => r.kind === "conflict");
    const winner = await action("R1.1");
    expect(conflict).toMatchObject({ current: { version: winner.version, progress: winner.progress } });
  });

  it("refuses a version other than the item's and changes nothing", async () => {
    const item = await action("R1.2");
    const stale = { ...item, version: item.version + 1 };
    const result = await recordStatusUpdate(
      db,
      staffKw,
      input(stale, { progress: 1 }),
      { source: "form" },
      NOW,
    );
    expect(result.kind).toBe("conflict");
    expect(await action("R1.2")).toMatchObject({ progress: item.progress, version: item.version });
  });

  it("refuses staff of an agency that does not handle the item, and changes nothing", async () => {
    // An action neither handled by nor under a recommendation led by the economy commission (staff.jxw).
    const item = await db.action.findFirstOrThrow({
      where: {
        agencies: { none: { agencyId: staffJxw.agencyId ?? "" } },
        recommendation: { agencies: { none: { agencyId: staffJxw.agencyId ?? "", role: "lead" } } },
      },
      include: { recommendation: true },
    });
    const result = await recordStatusUpdate(
      db,
      staffJxw,
      input(item, { progress: 99 }),
      { source: "form" },
      NOW,
    );
    expect(result.kind).toBe("forbidden");
    expect(await action(item.code)).toMatchObject({ progress: item.progress, version: item.version });
    expect(await recordStatusUpdate(db, null, input(item), { source: "form" }, NOW)).toEqual({
      kind: "forbidden",
    });
  });

  it.each([
    [{ effectiveDate: "2026-11-30" }, "effectiveDate", "dateInFuture"],
    [{ effectiveDate: "2023-01-01" }, "effectiveDate", "dateBeforeStart"],
    [{ status: "stalled" as const, comment: undefined }, "comment", "commentRequired"],
    [{ status: "completed" as const, progress: 100, comment: undefined }, "comment", "commentRequired"],
    [{ evidenceIds: ["not-an-evidence-id"] }, "evidenceIds", "evidenceInvalid"],
  ])("refuses %o with %s: %s, and changes nothing", async (overrides, field, key) => {
    const item = await db.action.findFirstOrThrow({
      where: { status: "in_progress", code: { startsWith: "R5" } },
    });
    const historyBefore = await db.statusUpdate.count();
    const result = await recordStatusUpdate(
      db,
      admin,
      input(item, { progress: 40, ...overrides }),
      { source: "form" },
      NOW,
    );
    expect(result).toMatchObject({ kind: "invalid", errors: { [field]: [key] } });
    expect(await action(item.code)).toMatchObject({ version: item.version, progress: item.progress });
    expect(await db.statusUpdate.count()).toBe(historyBefore);
  });

  it("refuses an effective date before the item's latest update", async () => {
    const item = await action("R6.1");
    const latest = await db.statusUpdate.findFirstOrThrow({
      where: { actionId: item.id },
      orderBy: { effectiveDate: "desc" },
    });
    const dayBefore = new Date(latest.effectiveDate.getTime() - 86_400_000 + 8 * 3600_000)
      .toISOString()
      .slice(0, 10);
    const result = await recordStatusUpdate(
      db,
      admin,
      input(item, { effectiveDate: dayBefore }),
      { source: "form" },
      NOW,
    );
    expect(result).toMatchObject({ kind: "invalid", errors: { effectiveDate: ["dateBeforeLatest"] } });
  });

  it("refuses an action's update dated before its recommendation's latest update", async () => {
    // An action whose recommendation changed after the action last did (rolled up from another one).
    const DAY = 86_400_000;
    const latest = async (where: { actionId: string } | { recommendationId: string }) =>
      (await db.statusUpdate.findFirst({ where, orderBy: { effectiveDate: "desc" } }))?.effectiveDate;
    let item: Awaited<ReturnType<typeof action>> | undefined;
    let between = "";
    for (const candidate of await db.action.findMany({ include: { recommendation: true } })) {
      const [own, parent] = [
        await latest({ actionId: candidate.id }),
        await latest({ recommendationId: candidate.recommendationId }),
      ];
      if (own && parent && parent.getTime() - own.getTime() >= 2 * DAY) {
        item = candidate;
        between = new Date(own.getTime() + DAY + 8 * 3600_000).toISOString().slice(0, 10);
        break;
      }
    }
    if (!item) throw new Error("the sample has an action updated before its recommendation");
    const before = await db.statusUpdate.count();
    const result = await recordStatusUpdate(
      db,
      admin,
      input(item, { progress: 65, effectiveDate: between }),
      { source: "form" },
      NOW,
    );
    expect(result).toMatchObject({
      kind: "invalid",
      errors: { effectiveDate: ["dateBeforeRecommendationLatest"] },
    });
    expect(await db.statusUpdate.count()).toBe(before);
  });

  it("reopens a completed recommendation when one of its actions is no longer done", async () => {
    const completed = await db.recommendation.findFirstOrThrow({
      where: { status: "completed", actions: { some: { status: "completed" } } },
      include: { actions: { where: { status: "completed" } } },
    });
    const done = completed.actions[0];
    if (!done) throw new Error("sample has a completed action");
    const result = await recordStatusUpdate(
      db,
      admin,
      input(done, { status: "in_progress", progress: 90, comment: "发现遗留问题，重新推进" }),
      { source: "form" },
      NOW,
    );
    expect(result.kind).toBe("recorded");
    const after = await db.recommendation.findUniqueOrThrow({ where: { id: completed.id } });
    expect(after.status).toBe("in_progress");
    expect(after.progress).toBeLessThan(100);
    const rollUp = await db.statusUpdate.findFirstOrThrow({
      where: { recommendationId: completed.id },
      orderBy: { createdAt: "desc" },
    });
    expect(rollUp).toMatchObject({
      statusBefore: "completed",
      statusAfter: "in_progress",
      rollUpCause: "action_update",
    });
  });

  it("keeps a rolled-up recommendation's progress when its status is set", async () => {
    const rec = await db.recommendation.findFirstOrThrow({ where: { code: "R7" } });
    const result = await recordStatusUpdate(
      db,
      admin,
      {
        ...input(rec, { itemType: "recommendation", status: "stalled", comment: "经费未到位。" }),
        progress: 5,
      },
      { source: "form" },
      NOW,
    );
    expect(result.kind).toBe("recorded");
    expect(await db.recommendation.findUniqueOrThrow({ where: { id: rec.id } })).toMatchObject({
      status: "stalled",
      progress: rec.progress,
    });
  });
});

describe("a new evidence link sent with the status form", () => {
  // The form's checkbox is ticked by default, as on the evidence form; unticked, the browser sends nothing.
  it.each([
    ["ticked", true],
    ["left unticked", false],
  ])("is public when its 公开 box is %s", async (_, isPublic) => {
    const item = await action("R4.3");
    const url = `https://example.org/public-${isPublic}`;
    const form = new FormData();
    form.set("itemType", "action");
    form.set("itemId", item.id);
    form.set("version", String(item.version));
    form.set("status", "in_progress");
    form.set("progress", String(item.progress === 70 ? 71 : 70));
    form.set("effectiveDate", new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10));
    form.set("newEvidenceUrl", url);
    form.set("newEvidenceTitle", "公开与否");
    form.set("newEvidenceKind", "news");
    if (isPublic) form.set("newEvidencePublic", "on");
    form.set("returnTo", "/zh-CN");
    request.headers = new Headers({ cookie: await sessionCookie("staff.jxw@tracker.example") });
    expect(await callAction(() => submitStatusUpdate({}, form))).toEqual({ redirectedTo: "/zh-CN" });

    const evidence = await db.evidence.findFirstOrThrow({ where: { url } });
    expect(evidence.isPublic).toBe(isPublic);
    const audit = await db.auditEvent.findFirstOrThrow({
      where: { action: "evidence.create", entityId: evidence.id },
    });
    expect(audit.after).toMatchObject({ url, isPublic });
  });
});
