import { describe, expect, it } from "vitest";
import { followUpRecallOn, reminderOn } from "./rules";

const thresholds = [14, 7, 1];
const dayBefore = (day: string) =>
  new Date(Date.parse(`${day}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
const on = (due: string, day: string, since = dayBefore(day)) => reminderOn(due, day, since, thresholds);

describe("a deadline's reminders", () => {
  it("go on each threshold's day and not the day before or after", () => {
    expect(on("2026-12-31", "2026-12-16")).toBeNull();
    expect(on("2026-12-31", "2026-12-17")).toEqual({ kind: "due", daysLeft: 14, mark: "t14" });
    expect(on("2026-12-31", "2026-12-18")).toBeNull();
    expect(on("2026-12-31", "2026-12-24")).toEqual({ kind: "due", daysLeft: 7, mark: "t7" });
    expect(on("2026-12-31", "2026-12-30")).toEqual({ kind: "due", daysLeft: 1, mark: "t1" });
    expect(on("2026-12-31", "2026-12-31")).toBeNull();
  });

  it("recall an overdue deadline on its first late day, then weekly", () => {
    expect(on("2026-12-31", "2027-01-01")).toEqual({ kind: "overdue", daysLate: 1, mark: "late0" });
    expect(on("2026-12-31", "2027-01-02")).toBeNull();
    expect(on("2026-12-31", "2027-01-07")).toBeNull();
    expect(on("2026-12-31", "2027-01-08")).toEqual({ kind: "overdue", daysLate: 8, mark: "late1" });
    expect(on("2026-12-31", "2027-01-15")).toEqual({ kind: "overdue", daysLate: 15, mark: "late2" });
  });

  it("catch up once on a threshold passed while no run happened, with the most urgent one", () => {
    // Last run on the 20th (11 days left); next on the 26th (5 days left): the 7-day one is told.
    expect(on("2026-12-31", "2026-12-26", "2026-12-20")).toEqual({ kind: "due", daysLeft: 5, mark: "t7" });
    // Both 14 and 7 passed: one reminder, the nearer.
    expect(on("2026-12-31", "2026-12-26", "2026-12-01")?.mark).toBe("t7");
    // From before the deadline to well after it: one overdue recall.
    expect(on("2026-12-31", "2027-01-10", "2026-12-29")).toEqual({
      kind: "overdue",
      daysLate: 10,
      mark: "late1",
    });
    expect(on("2026-12-31", "2027-01-10", "2027-01-08")).toBeNull();
  });

  it("honour other thresholds", () => {
    expect(reminderOn("2026-12-31", "2026-12-28", "2026-12-27", [3])).toMatchObject({ mark: "t3" });
    expect(reminderOn("2026-12-31", "2026-12-28", "2026-12-27", [])).toBeNull();
  });
});

describe("an owed follow-up", () => {
  it("is recalled the day it becomes owed and then weekly", () => {
    expect(followUpRecallOn("2026-12-02", "2026-12-01", "2026-11-30")).toBeNull();
    expect(followUpRecallOn("2026-12-02", "2026-12-02", "2026-12-01")).toBe("recall0");
    expect(followUpRecallOn("2026-12-02", "2026-12-03", "2026-12-02")).toBeNull();
    expect(followUpRecallOn("2026-12-02", "2026-12-09", "2026-12-08")).toBe("recall1");
    expect(followUpRecallOn("2026-12-02", "2026-12-20", "2026-12-01")).toBe("recall2");
  });
});
