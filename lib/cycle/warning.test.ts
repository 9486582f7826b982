import { describe, expect, it } from "vitest";
import { shanghaiDate } from "@/lib/dates";
import { DEFAULT_CYCLE_SETTINGS } from "./settings";
import { type Warned, warningDeadline, warningOn } from "./warning";

const DEFAULTS = DEFAULT_CYCLE_SETTINGS; // yellow from 7 days before, red once overdue (0 days)
const day = (iso: string) => shanghaiDate(iso);

/** An item awaiting its reply, due 2026-06-30. */
const awaiting: Warned = {
  stage: "handling",
  status: "in_progress",
  replyDueAt: day("2026-06-30"),
  repliedAt: null,
  dueDate: day("2026-12-31"),
};

describe("the warning level (三色预警)", () => {
  it("is blue before yellowDaysBefore days ahead of the deadline, yellow from then on", () => {
    expect(warningOn(awaiting, day("2026-06-22"), DEFAULTS)).toBe("blue");
    expect(warningOn(awaiting, day("2026-06-23"), DEFAULTS)).toBe("yellow"); // 7 days before
    expect(warningOn(awaiting, day("2026-06-29"), DEFAULTS)).toBe("yellow");
  });

  it("is still yellow on the deadline's own day, red the day after (redDaysAfter 0)", () => {
    expect(warningOn(awaiting, day("2026-06-30"), DEFAULTS)).toBe("yellow");
    expect(warningOn(awaiting, day("2026-07-01"), DEFAULTS)).toBe("red");
  });

  it("turns red only once more than redDaysAfter days past the deadline", () => {
    const settings = { yellowDaysBefore: 7, redDaysAfter: 3 };
    expect(warningOn(awaiting, day("2026-07-01"), settings)).toBe("yellow");
    expect(warningOn(awaiting, day("2026-07-03"), settings)).toBe("yellow"); // 3 days past
    expect(warningOn(awaiting, day("2026-07-04"), settings)).toBe("red"); // 4 days past
  });

  it("with yellowDaysBefore 0 is yellow only on the deadline's day", () => {
    const settings = { yellowDaysBefore: 0, redDaysAfter: 0 };
    expect(warningOn(awaiting, day("2026-06-29"), settings)).toBe("blue");
    expect(warningOn(awaiting, day("2026-06-30"), settings)).toBe("yellow");
    expect(warningOn(awaiting, day("2026-07-01"), settings)).toBe("red");
  });

  it("looks at the due date once the reply is accepted, until the item is completed", () => {
    const replied = { ...awaiting, repliedAt: day("2026-06-01"), stage: "replied" as const };
    expect(warningDeadline(replied)).toEqual(day("2026-12-31"));
    expect(warningOn(replied, day("2026-07-15"), DEFAULTS)).toBe("blue");
    expect(warningOn(replied, day("2026-12-24"), DEFAULTS)).toBe("yellow");
    expect(warningOn(replied, day("2027-01-01"), DEFAULTS)).toBe("red");
    expect(warningOn({ ...replied, status: "completed" }, day("2027-01-01"), DEFAULTS)).toBeNull();
  });

  it("has none for closed, completed or not adopted items, or without a deadline", () => {
    const late = day("2027-03-01");
    expect(warningOn({ ...awaiting, stage: "closed" }, late, DEFAULTS)).toBeNull();
    expect(warningOn({ ...awaiting, status: "completed" }, late, DEFAULTS)).toBeNull();
    expect(warningOn({ ...awaiting, status: "not_adopted" }, late, DEFAULTS)).toBeNull();
    expect(warningOn({ ...awaiting, replyDueAt: null, dueDate: null }, late, DEFAULTS)).toBeNull();
    expect(
      warningOn({ ...awaiting, repliedAt: day("2026-06-01"), dueDate: null }, late, DEFAULTS),
    ).toBeNull();
  });

  it("uses the due date of an item not yet given a reply deadline", () => {
    const unassigned = { ...awaiting, stage: "unassigned" as const, replyDueAt: null };
    expect(warningOn(unassigned, day("2027-01-01"), DEFAULTS)).toBe("red");
  });
});
