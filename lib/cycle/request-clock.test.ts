import { describe, expect, it } from "vitest";
import { extensionLimit, extensionProblem, handbackDueDay, handbackInTime } from "./request-clock";

describe("the hand-back window (退回/改办, in working days)", () => {
  const none = new Map<string, boolean>();
  it("is the 7th working day after the assignment, weekends skipped", () => {
    // Mon 2025-03-03: Tue 4 … Fri 7 (4), Mon 10 … Wed 12 (7).
    expect(handbackDueDay(none, "2025-03-03", 7)).toBe("2025-03-12");
    expect(handbackInTime(none, "2025-03-03", "2025-03-12", 7)).toBe(true);
    expect(handbackInTime(none, "2025-03-03", "2025-03-13", 7)).toBe(false);
  });

  it("skips a holiday and counts a 调休 Saturday", () => {
    // Thu 2025-03-06 a holiday, Sat 2025-03-08 worked: from Mon 3 — Tue 4 (1), Wed 5 (2), Fri 7 (3),
    // Sat 8 (4), Mon 10 (5); without them the 4th is Fri 7 and the 5th Mon 10.
    const calendar = new Map([
      ["2025-03-06", false],
      ["2025-03-08", true],
    ]);
    expect(handbackDueDay(calendar, "2025-03-03", 3)).toBe("2025-03-07");
    expect(handbackDueDay(calendar, "2025-03-03", 4)).toBe("2025-03-08");
    expect(handbackDueDay(calendar, "2025-03-03", 5)).toBe("2025-03-10");
    expect(handbackDueDay(none, "2025-03-03", 4)).toBe("2025-03-07");
    expect(handbackDueDay(none, "2025-03-03", 5)).toBe("2025-03-10");
  });
});

describe("an extension's deadline (延期, at most 6 months from assignment)", () => {
  it("ends 6 calendar months after the assignment, at a short month's end", () => {
    expect(extensionLimit("2025-03-10")).toBe("2025-09-10");
    expect(extensionLimit("2024-08-31")).toBe("2025-02-28");
  });

  it("must be later than the deadline in force, and within the limit", () => {
    expect(extensionProblem("2025-06-10", "2025-06-10", "2025-03-10")).toBe("notLater");
    expect(extensionProblem("2025-06-01", "2025-06-10", "2025-03-10")).toBe("notLater");
    expect(extensionProblem("2025-06-11", "2025-06-10", "2025-03-10")).toBeNull();
    expect(extensionProblem("2025-09-10", "2025-06-10", "2025-03-10")).toBeNull();
    expect(extensionProblem("2025-09-11", "2025-06-10", "2025-03-10")).toBe("beyondLimit");
  });
});
