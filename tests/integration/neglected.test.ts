// 重答复轻办理 (issue 21): a recommendation replied as class A or B at least N months ago (default 3) with
// no status update and no evidence since the reply is flagged; the tracking table's filter finds it.
import { beforeAll, describe, expect, it } from "vitest";
import { CYCLE_SETTING } from "@/lib/cycle/settings";
import { shanghaiDate } from "@/lib/dates";
import { db } from "@/lib/db";
import { recordStatusUpdate } from "@/lib/status-updates/record";
import { getTrackingPage } from "@/lib/tracking/queries";
import { parseTrackingParams } from "@/lib/tracking/search-params";
import { seedSampleData } from "../../prisma/seed";

const TODAY = shanghaiDate("2027-03-15");
let proposalCode: string;

async function replied(code: string, replyClass: "A" | "B" | "C", repliedOn: string) {
  const proposal = await db.proposal.findUniqueOrThrow({ where: { code: proposalCode } });
  return db.recommendation.create({
    data: {
      proposalId: proposal.id,
      code,
      titleZh: `答复 ${code}`,
      descriptionZh: "",
      sourceQuote: "原文。",
      stage: "replied",
      repliedAt: shanghaiDate(repliedOn),
      replyClass,
    },
  });
}

const flagged = async (extra: Record<string, string> = {}) =>
  (
    await getTrackingPage(
      db,
      parseTrackingParams({ proposal: proposalCode, neglected: "1", ...extra }),
      TODAY,
    )
  ).rows
    .map((row) => row.code)
    .sort();

beforeAll(async () => {
  await seedSampleData(db);
  const admin = await db.user.findUniqueOrThrow({ where: { email: "admin@tracker.example" } });
  const proposal = await db.proposal.create({
    data: {
      code: "NEGLECT-2026",
      titleZh: "重答复轻办理测试建议",
      authorZh: "测试代表",
      congressSessionZh: "第十六届三次会议",
      summaryZh: "",
      submittedAt: shanghaiDate("2026-01-20"),
    },
  });
  proposalCode = proposal.code;
  await replied("N1", "A", "2026-12-15"); // exactly 3 months before: flagged
  await replied("N2", "B", "2026-12-16"); // a day short of 3 months
  const updated = await replied("N3", "A", "2026-11-01");
  const result = await recordStatusUpdate(
    db,
    admin,
    {
      itemType: "recommendation",
      itemId: updated.id,
      version: updated.version,
      status: "in_progress",
      progress: 10,
      effectiveDate: "2026-11-20",
      comment: undefined,
      evidenceIds: [],
    },
    { source: "form" },
  );
  expect(result.kind).toBe("recorded");
  const evidenced = await replied("N4", "B", "2026-11-01");
  const action = await db.action.create({
    data: { recommendationId: evidenced.id, code: "N4.1", titleZh: "举措" },
  });
  await db.evidence.create({
    data: { actionId: action.id, url: "https://www.shlab.org.cn", titleZh: "佐证" },
  });
  await replied("N5", "C", "2026-11-01"); // class C: not this flag
  await replied("N6", "B", "2026-09-01"); // nothing since: flagged
});

describe("重答复轻办理", () => {
  it("flags A/B replies N months old (exactly N included) with no update and no evidence since", async () => {
    expect(await flagged()).toEqual(["N1", "N6"]);
    // An action's row is its recommendation's.
    expect(await flagged({ kind: "action" })).toEqual([]);
  });

  it("takes N from the cycle settings", async () => {
    await db.appSetting.upsert({
      where: { key: CYCLE_SETTING },
      create: { key: CYCLE_SETTING, value: { neglectMonths: 6 } },
      update: { value: { neglectMonths: 6 } },
    });
    expect(await flagged()).toEqual(["N6"]);
    await db.appSetting.delete({ where: { key: CYCLE_SETTING } });
    expect(await flagged()).toEqual(["N1", "N6"]);
  });
});
