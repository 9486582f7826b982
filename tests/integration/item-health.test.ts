// Health at its boundaries, computed by the database (the table's query), against the rule in code
// and against the values the rule's definition gives by hand.
import { beforeAll, describe, expect, it } from "vitest";
import { shanghaiDate } from "@/lib/dates";
import { db } from "@/lib/db";
import type { ItemStatus } from "@/lib/db/enums";
import { type Health, healthOn } from "@/lib/tracking/health";
import { getTrackingPage } from "@/lib/tracking/queries";
import { parseTrackingParams } from "@/lib/tracking/search-params";
import { createProposal, createRecommendation } from "./factories";

const TODAY = shanghaiDate("2026-11-29");
const days = (n: number) => new Date(TODAY.getTime() + n * 86_400_000);

// Started 40 days ago, due in 60: 40 % expected today, so 95 % of it is exactly 38 and 85 % exactly 34.
const CASES: {
  code: string;
  status: ItemStatus;
  progress: number;
  start: Date | null;
  due: Date | null;
  health: Health;
}[] = [
  { code: "H01", status: "in_progress", progress: 38, start: days(-40), due: days(60), health: "on_track" },
  { code: "H02", status: "in_progress", progress: 37, start: days(-40), due: days(60), health: "behind" },
  { code: "H03", status: "in_progress", progress: 34, start: days(-40), due: days(60), health: "behind" },
  { code: "H04", status: "in_progress", progress: 33, start: days(-40), due: days(60), health: "at_risk" },
  { code: "H05", status: "stalled", progress: 100, start: days(-40), due: days(60), health: "on_track" },
  { code: "H06", status: "not_started", progress: 0, start: days(3), due: days(60), health: "on_track" },
  { code: "H07", status: "not_started", progress: 0, start: TODAY, due: days(60), health: "on_track" },
  { code: "H08", status: "in_progress", progress: 10, start: days(-100), due: TODAY, health: "at_risk" },
  { code: "H09", status: "in_progress", progress: 99, start: days(-100), due: days(-1), health: "overdue" },
  { code: "H10", status: "completed", progress: 100, start: days(-100), due: days(-1), health: "on_track" },
  {
    code: "H11",
    status: "not_adopted",
    progress: 0,
    start: days(-100),
    due: days(-1),
    health: "not_applicable",
  },
  { code: "H12", status: "in_progress", progress: 50, start: null, due: days(10), health: "not_applicable" },
  { code: "H13", status: "in_progress", progress: 50, start: null, due: days(-10), health: "overdue" },
  { code: "H14", status: "in_progress", progress: 50, start: days(-10), due: null, health: "not_applicable" },
  { code: "H15", status: "in_progress", progress: 0, start: TODAY, due: TODAY, health: "on_track" },
];

beforeAll(async () => {
  const proposal = await createProposal();
  for (const item of CASES) {
    const created = await createRecommendation(proposal.id, { code: item.code, progress: item.progress });
    await db.recommendation.update({
      where: { id: created.id },
      data: { status: item.status, startDate: item.start, dueDate: item.due },
    });
  }
});

describe("item health", () => {
  it("is the same in the database and in code, exactly at the thresholds", async () => {
    const page = await getTrackingPage(db, parseTrackingParams({ perPage: "100" }), TODAY);
    const byCode = new Map(page.rows.map((row) => [row.code, row.health]));
    for (const item of CASES) {
      expect(
        healthOn({ ...item, startDate: item.start, dueDate: item.due }, TODAY),
        `code ${item.code}`,
      ).toBe(item.health);
      expect(byCode.get(item.code), `database ${item.code}`).toBe(item.health);
    }
  });

  it("filters and sorts by health in the database", async () => {
    const behind = await getTrackingPage(
      db,
      parseTrackingParams({ health: "behind", perPage: "100" }),
      TODAY,
    );
    expect(behind.rows.map((row) => row.code).sort()).toEqual(["H02", "H03"]);
    const worstFirst = await getTrackingPage(
      db,
      parseTrackingParams({ sort: "health", perPage: "100" }),
      TODAY,
    );
    expect(
      worstFirst.rows
        .slice(0, 2)
        .map((row) => row.code)
        .sort(),
    ).toEqual(["H09", "H13"]);
    expect(worstFirst.rows.at(-1)?.health).toBe("not_applicable");
  });
});
